// The app's table for record lists: TanStack Table for sorting, Mantine for the look, with row
// selection by click or keyboard (rows that open something are Tab stops; Enter or Space opens),
// a per-row test id and per-column alignment/wrapping via column meta. Past a hundred rows it
// renders only the rows in view, in a scroll box with a sticky header.
import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type RowData,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useRef, useState } from "react";
import { openableRow, PLAIN_CELL, plainRow, SCROLL_BOX_HEIGHT, useVirtualWindow, VIRTUALISE_FROM } from "./tableRows";

declare module "@tanstack/react-table" {
  // Type parameters must match TanStack's declaration even though the meta ignores them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Keep the cell on one line (ids, dates, badges). */
    nowrap?: boolean;
    align?: "left" | "right";
    /** A fixed width, for columns whose content is short and known. */
    width?: number;
  }
}

interface Props<T> {
  rows: T[];
  // TanStack's column helpers produce ColumnDef<T, string>, ColumnDef<T, number>… in one array.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  rowId: (row: T) => string;
  onRowClick?: (row: T) => void;
  selectedId?: string | null;
  rowTestId?: (row: T) => string;
  /** The accessible name of a row that opens something (its cells' text when not given). */
  rowLabel?: (row: T) => string;
  testId?: string;
  initialSort?: SortingState;
  /** Keeps the table in a scroll box of this height at most (a long table has one anyway). */
  maxHeight?: number;
}

export function DataTable<T>({
  rows,
  columns,
  rowId,
  onRowClick,
  selectedId,
  rowTestId,
  rowLabel,
  testId,
  initialSort,
  maxHeight,
}: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rowModel = table.getRowModel().rows;
  const long = rowModel.length > VIRTUALISE_FROM;
  const scrollBox = useRef<HTMLDivElement>(null);
  const visible = useVirtualWindow({
    count: rowModel.length,
    enabled: long,
    scrollBox,
    columns: table.getVisibleLeafColumns().length,
  });
  const tableElement = (
    <Table
      highlightOnHover={onRowClick !== undefined}
      verticalSpacing="xs"
      data-testid={testId}
      stickyHeader={long || maxHeight !== undefined}
    >
      <Table.Thead>
        {table.getHeaderGroups().map((group) => (
          <Table.Tr key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const label = flexRender(header.column.columnDef.header, header.getContext());
              if (!header.column.getCanSort()) {
                return (
                  <Table.Th key={header.id} ta={meta?.align} w={meta?.width}>
                    {label}
                  </Table.Th>
                );
              }
              const sorted = header.column.getIsSorted();
              const Icon =
                sorted === "asc" ? IconSortAscending : sorted === "desc" ? IconSortDescending : IconArrowsSort;
              return (
                <Table.Th key={header.id} ta={meta?.align} w={meta?.width}>
                  <UnstyledButton onClick={header.column.getToggleSortingHandler()}>
                    <Group gap={4} wrap="nowrap">
                      <Text fw={600} size="sm">
                        {label}
                      </Text>
                      <Icon size={14} opacity={sorted ? 1 : 0.4} />
                    </Group>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Thead>
      <Table.Tbody>
        {visible.before}
        {visible.indexes.map((index) => {
          const row = rowModel[index]!;
          const openable = onRowClick
            ? openableRow(() => onRowClick(row.original), rowLabel?.(row.original))
            : undefined;
          return (
            <tr
              key={row.id}
              ref={visible.measure}
              data-index={index}
              {...openable}
              {...plainRow({ hover: onRowClick !== undefined, extraClass: openable?.className })}
              style={row.id === selectedId ? { background: "var(--mantine-color-blue-light)" } : undefined}
              data-testid={rowTestId?.(row.original)}
            >
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <td
                    key={cell.id}
                    className={PLAIN_CELL}
                    style={{ textAlign: meta?.align, whiteSpace: meta?.nowrap ? "nowrap" : undefined }}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          );
        })}
        {visible.after}
      </Table.Tbody>
    </Table>
  );
  return long || maxHeight !== undefined ? (
    <div ref={scrollBox} style={{ maxHeight: maxHeight ?? SCROLL_BOX_HEIGHT, overflow: "auto" }}>
      {tableElement}
    </div>
  ) : (
    tableElement
  );
}
