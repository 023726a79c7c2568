// The only module that talks to Tauri. Everything else imports these typed functions, so the
// rest of the UI can be unit-tested with this module mocked, and no other file imports
// @tauri-apps/*.
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { NewPortfolioRequest } from "../bindings/NewPortfolioRequest";
import type { ProgrammeOverview } from "../bindings/ProgrammeOverview";
import type { RecentFile } from "../bindings/RecentFile";
import type { SavedCopy } from "../bindings/SavedCopy";
import type { SessionStatus } from "../bindings/SessionStatus";
import type { UseCase } from "../bindings/UseCase";

/** A handler's refusal, carrying the code the UI branches on. */
export class BackendError extends Error {
  readonly code: ErrorCode;
  /** For `invalid_input`: the refused field, to show the message beside it. */
  readonly field: string | null;
  constructor(error: ApiError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
    this.field = error.field;
  }
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).code === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw new BackendError(isApiError(thrown) ? thrown : { code: "internal", message: String(thrown), field: null });
  }
}

const PORTFOLIO_FILTER = [{ name: "Steerco portfolio", extensions: ["steerco"] }];

export const backend = {
  sessionStatus: () => call<SessionStatus>("session_status"),
  openPortfolio: (path: string) => call<SessionStatus>("portfolio_open", { req: { path } }),
  createPortfolio: (req: NewPortfolioRequest) => call<SessionStatus>("portfolio_create", { req }),
  saveCopy: (destination: string) => call<SavedCopy>("portfolio_save_copy", { req: { destination } }),
  recentFiles: () => call<RecentFile[]>("recent_list"),
  forgetRecent: (path: string) => call<RecentFile[]>("recent_forget", { req: { path } }),
  programmeOverview: () => call<ProgrammeOverview>("programme_overview"),
  useCases: () => call<UseCase[]>("usecase_list"),

  /** Native "Open" dialog; resolves to null when the user cancels. */
  choosePortfolioToOpen: async (): Promise<string | null> => {
    const picked = await open({ title: "Open portfolio", multiple: false, directory: false, filters: PORTFOLIO_FILTER });
    return typeof picked === "string" ? picked : null;
  },

  /** Native "Save" dialog for a new file; resolves to null when the user cancels. */
  chooseNewFile: async (title: string, suggestedName: string): Promise<string | null> => {
    const picked = await save({ title, defaultPath: suggestedName, filters: PORTFOLIO_FILTER });
    return picked ?? null;
  },
};

export type Backend = typeof backend;
