// What long tables share: rows that open something by mouse and keyboard (a Tab stop with a
// visible focus ring, Enter or Space opens, the arrows move between rows), and virtualisation
// (only the rows in view, plus a margin, are in the DOM; spacer rows keep the scroll height and
// the striping). Rows that open nothing get none of this and are not Tab stops. Long sorted
// tables build TanStack's full rows only for the rows in view (leanCoreRowModel, useFullRow).
import { Table } from "@mantine/core";
import { createRow, type Row, type RowModel, type Table as TanstackTable } from "@tanstack/react-table";
import { measureElement, observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type RefObject, useCallback, useRef } from "react";
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

/**
 * A core row model for `useReactTable({ getCoreRowModel })` whose rows carry only what sorting
 * reads (id, index, the item and its value by column). TanStack's own builds every row with
 * some forty methods and memos: at 1,000 items that was most of the Portfolio table's first
 * render, for rows never drawn. Sorting (TanStack's getSortedRowModel, unchanged) orders these;
 * `useFullRow` gives the full row for each row drawn.
 */
export function leanCoreRowModel<T>(table: TanstackTable<T>): () => RowModel<T> {
  let data: T[] | undefined;
  let model: RowModel<T> = { rows: [], flatRows: [], rowsById: {} };
  return () => {
    if (table.options.data === data) return model;
    data = table.options.data;
    const rows = data.map((original, index) => leanRow(table, original, index));
    const rowsById: Record<string, Row<T>> = {};
    for (const row of rows) rowsById[row.id] = row;
    model = { rows, flatRows: rows, rowsById };
    return model;
  };
}

function leanRow<T>(table: TanstackTable<T>, original: T, index: number): Row<T> {
  const values: Record<string, unknown> = {};
  const lean = {
    id: table.options.getRowId ? table.options.getRowId(original, index) : String(index),
    index,
    original,
    depth: 0,
    subRows: [],
    getValue: (columnId: string) => {
      if (!(columnId in values)) {
        const column = table.getColumn(columnId);
        if (!column?.accessorFn) return undefined;
        values[columnId] = column.accessorFn(original, index);
      }
      return values[columnId];
    },
  };
  return lean as unknown as Row<T>;
}

/**
 * The full TanStack row (cells, visibility) for a row of `leanCoreRowModel`, made when first
 * drawn and kept while its item stays at the same index: a row scrolled back into view, or
 * shown again after a sort, is the same object, so a memoised row component skips it.
 */
export function useFullRow<T extends object>(table: TanstackTable<T>): (lean: Row<T>) => Row<T> {
  const made = useRef(new WeakMap<T, Row<T>>());
  return useCallback(
    (lean: Row<T>) => {
      const known = made.current.get(lean.original);
      if (known && known.index === lean.index && known.id === lean.id) return known;
      const full = createRow(table, lean.id, lean.original, lean.index, 0);
      made.current.set(lean.original, full);
      return full;
    },
    [table],
  );
}
