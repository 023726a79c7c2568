// The shell's keyboard handler: `G` then a page's letter switches page, `N` starts a new use case,
// `/` focuses the page's search box, `?` lists the shortcuts — all from the table in ./shortcuts,
// and none while someone types, a dialog is open or a menu has focus.
import { useEffect, useRef } from "react";
import type { PageId } from "./navigation";
import { ACTION_SHORTCUTS, GO_KEY, GO_TIMEOUT_MS, isTypingTarget, pageForKey } from "./shortcuts";

export interface ShortcutHandlers {
  goTo: (page: PageId) => void;
  newUseCase: () => void;
  showShortcuts: () => void;
}

/**
 * Focuses the open page's search or filter box: the field marked `data-page-search`, else the
 * page's first text field. Returns whether there was one.
 */
export function focusPageSearch(root: ParentNode = document): boolean {
  const marked = root.querySelector<HTMLElement>("main [data-page-search]");
  const field =
    marked ??
    [...root.querySelectorAll<HTMLInputElement>("main input")].find(
      (input) =>
        ["text", "search", ""].includes(input.getAttribute("type") ?? "") &&
        !input.disabled &&
        input.closest("[hidden], [aria-hidden='true']") === null,
    ) ??
    null;
  if (!field) return false;
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
  return true;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let armedAt: number | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (isTypingTarget(e.target)) {
        armedAt = null;
        return;
      }
      const key = e.key.toLowerCase();
      if (armedAt !== null && Date.now() - armedAt <= GO_TIMEOUT_MS) {
        armedAt = null;
        const page = pageForKey(key);
        if (page) {
          e.preventDefault();
          latest.current.goTo(page);
        }
        return;
      }
      armedAt = null;
      if (key === GO_KEY) {
        armedAt = Date.now();
      } else if (key === ACTION_SHORTCUTS.newUseCase.key) {
        e.preventDefault();
        latest.current.newUseCase();
      } else if (key === ACTION_SHORTCUTS.search.key) {
        if (focusPageSearch()) e.preventDefault();
      } else if (key === ACTION_SHORTCUTS.shortcuts.key) {
        e.preventDefault();
        latest.current.showShortcuts();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
