// The ranked portfolio as a sortable table: score, annual value and payback side by side, how far
// each case moved at the last change of the ranking, and a red flag where a compliance sign-off
// went stale. A row opens its dossier (click, or Enter/Space on the focused row). Long
// portfolios render only the rows in view, so 10,000 cases scroll as smoothly as 20.
import { Badge, Group, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconShieldCheck, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import {
  createColumnHelper,
  flexRender,
  getSortedRowModel,
  type Row,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { memo, useMemo, useRef, useState } from "react";
import type { RankedUseCase } from "../../bindings/RankedUseCase";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { LazyTooltip } from "../../components/LazyTooltip";
import {
  leanCoreRowModel,
  openableRow,
  PLAIN_CELL,
  plainRow,
  SCROLL_BOX_HEIGHT,
  useFullRow,
  useVirtualWindow,
  VIRTUALISE_FROM,
} from "../../components/tableRows";
import { type Money, useMoney } from "../../lib/money";
import { formatPayback, LANE_COLOR, LANE_LABEL, LANES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";
import { StaleSignoffIcon, useStaleSignoffs } from "../signoffs/staleSignoffs";
import type { RankMovement } from "./rankMovement";

const column = createColumnHelper<RankedUseCase>();
const NO_WRAP = new Set(["rank", "id", "score", "annual_value", "payback", "lane", "stage", "range"]);
const RIGHT = new Set(["score", "annual_value", "payback"]);
// Cells use plain elements where a Mantine component would only add a class: a row's cost is
// what a long table multiplies.
const INLINE = { display: "inline-flex", alignItems: "center", gap: 6, whiteSpace: "nowrap" } as const;

/** "▲3" in green or "▼2" in red, read out as "up 3 places" / "down 2 places". */
export function RankMove({ id, places }: { id: string; places: number | undefined }) {
  if (!places) return null;
  const up = places > 0;
  const n = Math.abs(places);
  const label = `${up ? "up" : "down"} ${n} ${n === 1 ? "place" : "places"}`;
  return (
    <Text
      span
      size="xs"
      fw={700}
      c={up ? "teal.7" : "red.7"}
      role="img"
      aria-label={label}
      title={`${label} since the last change`}
      data-testid={`rank-move-${id}`}
    >
      {up ? "▲" : "▼"}
      {n}
    </Text>
  );
}

const rankedColumns = (stale: Map<string, SignoffStatus>, movement: RankMovement, money: Money) => [
  column.accessor("rank", {
    header: "Rank",
    cell: (i) => (
      <span style={INLINE}>
        {i.getValue()}
        <RankMove id={i.row.original.id} places={movement.get(i.row.original.id)} />
      </span>
    ),
  }),
  column.accessor("id", {
    header: "ID",
    cell: (i) => {
      const status = stale.get(i.getValue());
      return (
        <span style={INLINE}>
          {i.getValue()}
          {status && <StaleSignoffIcon status={status} testId={`ranked-signoff-stale-${status.signoff.entity_id}`} />}
        </span>
      );
    },
  }),
  column.accessor("title", { header: "Title" }),
  column.accessor("business_unit", { header: "Business unit" }),
  column.accessor("score", { header: "Score", cell: (i) => i.getValue().toFixed(1) }),
  column.accessor("annual_value", {
    header: "Annual value",
    cell: (i) => <span data-testid="ranked-annual-value">{money.format(i.getValue())}</span>,
  }),
  column.accessor((u) => u.payback_months ?? Number.POSITIVE_INFINITY, {
    id: "payback",
    header: "Payback",
    cell: (i) => formatPayback(i.row.original.payback_months),
  }),
  column.accessor("lane", {
    header: "Lane",
    sortingFn: (a, b) => LANES.indexOf(a.original.lane) - LANES.indexOf(b.original.lane),
    cell: (i) => {
      const u = i.row.original;
      const badge = (
        <Badge color={LANE_COLOR[u.lane]} variant="light" miw="max-content">
          {LANE_LABEL[u.lane]}
        </Badge>
      );
      return (
        <Group gap={4} wrap="nowrap">
          {u.lane_reason ? <LazyTooltip label={u.lane_reason}>{badge}</LazyTooltip> : badge}
          {u.lane_override && (
            <LazyTooltip
              label={`Gate overridden by ${u.lane_override.decided_by}: ${u.lane_override.reason}`}
              multiline
              w={280}
            >
              <IconShieldCheck size={16} color="var(--mantine-color-orange-6)" aria-label="gate overridden" />
            </LazyTooltip>
          )}
        </Group>
      );
    },
  }),
  column.accessor("stage", {
    header: "Stage",
    sortingFn: (a, b) => STAGES.indexOf(a.original.stage) - STAGES.indexOf(b.original.stage),
    cell: (i) => STAGE_LABEL[i.getValue()],
  }),
  column.accessor((u) => u.rank_range[1] - u.rank_range[0], {
    id: "range",
    // Explained once, in the header; a tooltip per row would cost more than the row itself.
    header: () => (
      <Tooltip label="The best and worst rank when any one weight moves ±10 points" multiline w={240}>
        <span>Rank range</span>
      </Tooltip>
    ),
    cell: (i) => {
      const [best, worst] = i.row.original.rank_range;
      const robust = best === worst;
      return (
        <span
          style={{
            color: robust
              ? "var(--mantine-color-teal-7)"
              : worst - best >= 3
                ? "var(--mantine-color-orange-7)"
                : undefined,
            fontWeight: robust ? 600 : 400,
          }}
          title={
            robust
              ? "The rank holds when any one weight moves ±10 points"
              : "The rank moves when a weight moves ±10 points"
          }
        >
          {robust ? `${best} (robust)` : `${best}–${worst}`}
        </span>
      );
    },
  }),
];

const NO_MOVEMENT: RankMovement = new Map();

// One row, re-rendered only when its case or the columns change: scrolling renders the rows
// coming into view, not the whole window again.
const RankedRow = memo(function RankedRow({
  row,
  index,
  onOpen,
  measure,
}: {
  row: Row<RankedUseCase>;
  index: number;
  /** Not read: a new set of columns (movement, currency, stale flags) re-renders the row. */
  columns: unknown;
  onOpen: (id: string) => void;
  measure: (row: HTMLTableRowElement | null) => void;
}) {
  const u = row.original;
  const openable = openableRow(() => onOpen(u.id), `Rank ${u.rank}: ${u.id} ${u.title} — open the dossier`);
  return (
    <tr
      ref={measure}
      data-index={index}
      {...openable}
      {...plainRow({ striped: true, hover: true, extraClass: openable.className })}
      data-testid="ranked-row"
      data-id={u.id}
    >
      {row.getVisibleCells().map((cell) => (
        <td
          key={cell.id}
          className={PLAIN_CELL}
          style={{
            textAlign: RIGHT.has(cell.column.id) ? "right" : undefined,
            whiteSpace: NO_WRAP.has(cell.column.id) ? "nowrap" : undefined,
          }}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});

export function RankedTable({
  rows,
  onOpen,
  movement = NO_MOVEMENT,
}: {
  rows: RankedUseCase[];
  onOpen: (id: string) => void;
  /** Places each case moved at the last change of the ranking (none on first load). */
  movement?: RankMovement;
}) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "rank", desc: false }]);
  const stale = useStaleSignoffs();
  const money = useMoney();
  const columns = useMemo(() => rankedColumns(stale, movement, money), [stale, movement, money]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (u) => u.id,
    // Full rows only for the rows drawn: at 1,000 cases, building all of them was most of the
    // table's first render.
    getCoreRowModel: leanCoreRowModel,
    getSortedRowModel: getSortedRowModel(),
  });
  const rowModel = table.getRowModel().rows;
  const fullRow = useFullRow(table);
  const scrollBox = useRef<HTMLDivElement>(null);
  const visible = useVirtualWindow({
    count: rowModel.length,
    enabled: rowModel.length > VIRTUALISE_FROM,
    scrollBox,
    columns: columns.length,
  });
  return (
    <div ref={scrollBox} style={{ maxHeight: SCROLL_BOX_HEIGHT, overflow: "auto" }} data-testid="ranked-scroll">
      <Table striped highlightOnHover verticalSpacing="xs" stickyHeader miw={1100} data-testid="ranked-table">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const Icon =
                  sorted === "asc" ? IconSortAscending : sorted === "desc" ? IconSortDescending : IconArrowsSort;
                const right = RIGHT.has(header.column.id);
                return (
                  <Table.Th
                    key={header.id}
                    ta={right ? "right" : undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()}>
                      <Group gap={4} wrap="nowrap" justify={right ? "flex-end" : undefined}>
                        <Text fw={600} size="sm">
                          {flexRender(header.column.columnDef.header, header.getContext())}
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
            const row = fullRow(rowModel[index]!);
            return (
              <RankedRow
                key={row.id}
                row={row}
                index={index}
                columns={columns}
                onOpen={onOpen}
                measure={visible.measure}
              />
            );
          })}
          {visible.after}
        </Table.Tbody>
      </Table>
    </div>
  );
}
