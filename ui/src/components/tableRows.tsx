// What long tables share: rows that open something by mouse and keyboard (a Tab stop with a
// visible focus ring, Enter or Space opens, the arrows move between rows), and virtualisation
// (only the rows in view, plus a margin, are in the DOM; spacer rows keep the scroll height and
// the striping). Rows that open nothing get none of this and are not Tab stops.
import { Table } from "@mantine/core";
import { measureElement, observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import type { KeyboardEvent, RefObject } from "react";
import classes from "./tableRows.module.css";

/**
 * A body row as Mantine's Table.Tr draws it (row border, striping, hover), for a plain <tr>:
 * the rows of long tables are plain elements, because a Mantine component per row and per cell
 * is what a long table multiplies. `extraClass` adds to the row's class (e.g. an openable row's).
 */
export function plainRow({ striped, hover, extraClass }: { striped?: boolean; hover?: boolean; extraClass?: string }) {
  return {
    className: extraClass ? `${Table.classes.tr} ${extraClass}` : Table.classes.tr,
    "data-with-row-border": true,
    "data-striped": striped ? "odd" : undefined,
    "data-hover": hover || undefined,
  };
}

/** The class of a body cell as Mantine's Table.Td draws it, for a plain <td>. */
export const PLAIN_CELL = Table.classes.td;

/** Tables longer than this render only a window of their rows. */
export const VIRTUALISE_FROM = 100;

/** The scroll box of a long table: tall enough to read, short enough to keep the page around it. */
export const SCROLL_BOX_HEIGHT = "max(360px, calc(100vh - 180px))";

// Before layout (and in jsdom, which has none) a scroll box measures 0 high: assume a window
// of this height, so the first rows render rather than none.
const UNMEASURED_HEIGHT = 800;

/** Props for a row that opens `open()`; `label` names it (otherwise its cells' text does). */
export function openableRow(open: () => void, label?: string) {
  return {
    tabIndex: 0,
    "aria-label": label,
    className: classes.openable,
    onClick: open,
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
      if (e.target !== e.currentTarget) return; // a button inside the row handles its own keys
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        open();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const next =
          e.key === "ArrowDown" ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
        if (next instanceof HTMLElement && next.tabIndex >= 0) {
          e.preventDefault();
          next.focus();
        }
      }
    },
  };
}

const noMeasure = () => {};

export interface VirtualWindow {
  /** Indexes of the rows to render, in order. */
  indexes: number[];
  /** Ref for each rendered row (with `data-index`), so rows of any height are measured. */
  measure: (row: HTMLTableRowElement | null) => void;
  /** Spacer rows before and after the window; render them inside the tbody. */
  before: React.ReactNode;
  after: React.ReactNode;
}

/**
 * The rows of a `count`-row table in `scrollBox` to render. With `enabled` false every row is
 * rendered (short tables), and no spacer.
 */
export function useVirtualWindow({
  count,
  enabled,
  scrollBox,
  columns,
  rowHeight = 41,
}: {
  count: number;
  enabled: boolean;
  scrollBox: RefObject<HTMLElement | null>;
  columns: number;
  rowHeight?: number;
}): VirtualWindow {
  const virtualizer = useVirtualizer<HTMLElement, HTMLTableRowElement>({
    count: enabled ? count : 0,
    getScrollElement: () => scrollBox.current,
    estimateSize: () => rowHeight,
    overscan: 4,
    initialRect: { width: 0, height: UNMEASURED_HEIGHT },
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { ...rect, height: UNMEASURED_HEIGHT })),
    measureElement: (element, entry, instance) => {
      const size = measureElement(element, entry, instance);
      return size > 0 ? size : rowHeight;
    },
  });
  if (!enabled) {
    return { indexes: Array.from({ length: count }, (_, i) => i), measure: noMeasure, before: null, after: null };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const top = first ? first.start : 0;
  const bottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const start = first?.index ?? 0;
  // Striping counts rows: keep the parity of the spacer rows equal to the first row's index, so
  // a row keeps its shade as the window moves.
  const spacersBefore = start === 0 ? 0 : start % 2 === 0 ? 2 : 1;
  const spacer = (key: string, height: number) => (
    <tr key={key} className={classes.spacer} aria-hidden>
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
  return {
    indexes: items.map((i) => i.index),
    measure: virtualizer.measureElement,
    before:
      spacersBefore === 0
        ? null
        : spacersBefore === 1
          ? spacer("before", top)
          : [spacer("before", top), spacer("before-parity", 0)],
    after: bottom > 0 ? spacer("after", bottom) : null,
  };
}
