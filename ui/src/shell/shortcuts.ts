// Every keyboard shortcut, declared once: the shell's handlers read this table, and so do the hints
// (sidebar tooltips, menu items, the shortcuts list, ui/README.md). Shortcuts are single keys
// that work when not typing — `G` then a letter switches page, as in Gmail or GitHub — so no
// accelerator of the system or the webview is taken over, and they never fire inside a text
// field, an open dialog or a menu.
import type { PageId } from "./navigation";

/** `G` then this letter opens the page. */
export const PAGE_KEYS: Record<PageId, string> = {
  // H for home: the page the app opens on once value is recorded.
  dashboard: "h",
  overview: "o",
  portfolio: "p",
  research: "r",
  workshops: "w",
  registry: "e",
  data: "d",
  policies: "y",
  lineage: "l",
  board: "b",
  pilots: "i",
  value: "v",
  // M for meetings: the steering committee's agenda, decisions and minutes.
  steering: "m",
  checklist: "c",
  // Q for quarterly: reviews, forums and enablement are held each quarter.
  cadence: "q",
  signoffs: "s",
  risk: "k",
  audit: "a",
  // X for export: documents that leave the laptop.
  reports: "x",
};

/** The prefix of page switching, and how long it waits for the letter. */
export const GO_KEY = "g";
export const GO_TIMEOUT_MS = 1500;

export type ActionShortcut = "newUseCase" | "search" | "shortcuts";

export interface ShortcutDef {
  /** The key as `KeyboardEvent.key` reports it. */
  key: string;
  /** What it does, for the shortcuts list. */
  label: string;
}

export const ACTION_SHORTCUTS: Record<ActionShortcut, ShortcutDef> = {
  newUseCase: { key: "n", label: "New use case (opens the Portfolio page's new-case form)" },
  search: { key: "/", label: "Search: focus the page's search or filter box" },
  shortcuts: { key: "?", label: "Show the keyboard shortcuts" },
};

/** The keys to press, for <Kbd> hints: ["G", "A"] for the Audit page, ["N"] for a new use case. */
export function pageKeys(page: PageId): string[] {
  return [GO_KEY.toUpperCase(), PAGE_KEYS[page].toUpperCase()];
}

export function actionKeys(action: ActionShortcut): string[] {
  return [ACTION_SHORTCUTS[action].key.toUpperCase()];
}

/** "G then A": a hint in words, for tooltips and accessible names. */
export function keysText(keys: readonly string[]): string {
  return keys.join(" then ");
}

/** The page whose letter this is, if any. */
export function pageForKey(key: string): PageId | null {
  const letter = key.toLowerCase();
  const found = (Object.keys(PAGE_KEYS) as PageId[]).find((p) => PAGE_KEYS[p] === letter);
  return found ?? null;
}

/** Where keys are someone typing or a dialog's own: global shortcuts stay out of them. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest("input, textarea, select, [contenteditable='true']")) return true;
  return target.closest("[role='dialog'], [role='menu'], [role='listbox']") !== null;
}
