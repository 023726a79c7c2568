// The native file dialogs. Each resolves to the chosen path, or null when the person cancels.
import { open, save } from "@tauri-apps/plugin-dialog";

/** A file-type filter for the native dialogs. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export const PORTFOLIO_FILES: FileFilter[] = [{ name: "Steerco portfolio", extensions: ["steerco"] }];
export const CSV_FILES: FileFilter[] = [{ name: "CSV (comma-separated values)", extensions: ["csv"] }];
/** Workshop rating sheets: XLSX (a 1–5 drop-down per rating) or CSV; the backend reads either. */
export const RATING_SHEET_FILES: FileFilter[] = [
  { name: "Excel workbook (XLSX)", extensions: ["xlsx"] },
  { name: "CSV (comma-separated values)", extensions: ["csv"] },
];
export const OPENLINEAGE_FILES: FileFilter[] = [{ name: "OpenLineage events (JSON lines)", extensions: ["jsonl"] }];
/** What evaluation import reads: lm-evaluation-harness results (JSON) and metric tables (CSV). */
export const EVALUATION_FILES: FileFilter[] = [{ name: "Evaluation results (JSON, CSV)", extensions: ["json", "csv"] }];
/** What bias import reads: parity counts per group, or adversarial prompt outcomes (CSV). */
export const BIAS_FILES: FileFilter[] = [{ name: "Bias check results (CSV)", extensions: ["csv"] }];

declare global {
  interface Window {
    /**
     * Set only by the WebDriver tests (native dialogs cannot be driven over WebDriver): the path
     * the next file dialogs answer with, instead of opening.
     */
    __steercoDialogAnswer?: string;
  }
}

/** Native "Open" dialog for one file; no filters means any file. */
export async function chooseFile(title: string, filters: FileFilter[] = []): Promise<string | null> {
  if (window.__steercoDialogAnswer !== undefined) return window.__steercoDialogAnswer;
  const picked = await open({ title, directory: false, multiple: false, filters });
  return typeof picked === "string" ? picked : null;
}

/** Native folder chooser. */
export async function chooseFolder(title: string): Promise<string | null> {
  const picked = await open({ title, directory: true, multiple: false });
  return typeof picked === "string" ? picked : null;
}

/** Native "Save" dialog for a new file. */
export async function chooseDestination(
  title: string,
  suggestedName: string,
  filters: FileFilter[],
): Promise<string | null> {
  if (window.__steercoDialogAnswer !== undefined) return window.__steercoDialogAnswer;
  const picked = await save({ title, defaultPath: suggestedName, filters });
  return picked ?? null;
}
