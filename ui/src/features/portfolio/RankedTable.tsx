// The ranked portfolio as a sortable table, flagging cases whose compliance sign-off went stale;
// a row opens its dossier.
import { Badge, Group, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconShieldCheck, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { RankedUseCase } from "../../bindings/RankedUseCase";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { StaleSignoffIcon, useStaleSignoffs } from "../signoffs/staleSignoffs";
import { formatPayback, LANE_COLOR, LANE_LABEL, LANES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";

const column = createColumnHelper<RankedUseCase>();
const NO_WRAP = new Set(["rank", "id", "score", "payback", "lane", "stage", "range"]);

const rankedColumns = (stale: Map<string, SignoffStatus>) => [
  column.accessor("rank", { header: "Rank" }),
  column.accessor("id", {
    header: "ID",
    cell: (i) => {
      const status = stale.get(i.getValue());
      return (
        <Group gap={4} wrap="nowrap">
          {i.getValue()}
          {status && <StaleSignoffIcon status={status} testId={`ranked-signoff-stale-${status.signoff.entity_id}`} />}
        </Group>
      );
    },
  }),
  column.accessor("title", { header: "Title" }),
  column.accessor("business_unit", { header: "Business unit" }),
  column.accessor("score", { header: "Score", cell: (i) => i.getValue().toFixed(1) }),
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
          {u.lane_reason ? <Tooltip label={u.lane_reason}>{badge}</Tooltip> : badge}
          {u.lane_override && (
            <Tooltip
              label={`Gate overridden by ${u.lane_override.decided_by}: ${u.lane_override.reason}`}
              multiline
              w={280}
            >
              <IconShieldCheck size={16} color="var(--mantine-color-orange-6)" aria-label="gate overridden" />
            </Tooltip>
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
    header: "Rank range",
    cell: (i) => {
      const [best, worst] = i.row.original.rank_range;
      const robust = best === worst;
      return (
        <Tooltip
          label={
            robust
              ? "The rank holds when any one weight moves ±10 points"
              : "The rank moves when a weight moves ±10 points"
          }
        >
          <Text size="sm" c={robust ? "teal.7" : worst - best >= 3 ? "orange.7" : undefined} fw={robust ? 600 : 400}>
            {robust ? `${best} (robust)` : `${best}–${worst}`}
          </Text>
        </Tooltip>
      );
    },
  }),
];

export function RankedTable({ rows, onOpen }: { rows: RankedUseCase[]; onOpen: (id: string) => void }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "rank", desc: false }]);
  const stale = useStaleSignoffs();
  const columns = useMemo(() => rankedColumns(stale), [stale]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="ranked-table">
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const Icon =
                  sorted === "asc" ? IconSortAscending : sorted === "desc" ? IconSortDescending : IconArrowsSort;
                return (
                  <Table.Th key={header.id}>
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()}>
                      <Group gap={4} wrap="nowrap">
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
          {table.getRowModel().rows.map((row) => (
            <Table.Tr
              key={row.original.id}
              onClick={() => onOpen(row.original.id)}
              style={{ cursor: "pointer" }}
              data-testid="ranked-row"
              data-id={row.original.id}
            >
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} style={NO_WRAP.has(cell.column.id) ? { whiteSpace: "nowrap" } : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
