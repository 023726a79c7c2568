// Every use case in the portfolio as a sortable, searchable table.
import { Alert, Badge, Group, Loader, Stack, Table, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { IconAlertTriangle, IconArrowsSort, IconSearch, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useState } from "react";
import { backend } from "../../backend";
import type { UseCase } from "../../bindings/UseCase";
import { LANE_COLOR, LANE_LABEL, LANES, STAGE_LABEL, STAGES } from "../../lib/vocabulary";

const column = createColumnHelper<UseCase>();

// Short codes and badges read badly when wrapped or clipped.
const NO_WRAP = new Set(["id", "lane", "stage"]);

const columns = [
  column.accessor("id", { header: "ID", size: 90 }),
  column.accessor("title", { header: "Title" }),
  column.accessor("business_unit", { header: "Business unit" }),
  column.accessor("lane", {
    header: "Lane",
    sortingFn: (a, b) => LANES.indexOf(a.original.lane) - LANES.indexOf(b.original.lane),
    cell: (info) => (
      <Badge color={LANE_COLOR[info.getValue()]} variant="light">
        {LANE_LABEL[info.getValue()]}
      </Badge>
    ),
  }),
  column.accessor("stage", {
    header: "Stage",
    sortingFn: (a, b) => STAGES.indexOf(a.original.stage) - STAGES.indexOf(b.original.stage),
    cell: (info) => STAGE_LABEL[info.getValue()],
  }),
  column.accessor((u) => u.executive_sponsor ?? "", {
    id: "executive_sponsor",
    header: "Executive sponsor",
    cell: (info) => info.getValue() || <Text c="dimmed">—</Text>,
  }),
  column.accessor((u) => u.product_owner ?? "", {
    id: "product_owner",
    header: "Product owner",
    cell: (info) => info.getValue() || <Text c="dimmed">—</Text>,
  }),
];

export function UseCasesPage() {
  const useCases = useQuery({ queryKey: ["use-cases"], queryFn: backend.useCases });
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState("");

  const table = useReactTable({
    data: useCases.data ?? [],
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  if (useCases.isPending) {
    return <Loader aria-label="Loading use cases" />;
  }
  if (useCases.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="The use cases could not be loaded">
        {useCases.error.message}
      </Alert>
    );
  }

  const shown = table.getRowModel().rows;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Use cases</Title>
          <Text c="dimmed" size="sm">
            {shown.length === useCases.data.length
              ? `${useCases.data.length} use cases`
              : `${shown.length} of ${useCases.data.length} use cases`}
          </Text>
        </div>
        <TextInput
          aria-label="Search use cases"
          placeholder="Search title, unit, people…"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="use-case-table">
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
            {shown.map((row) => (
              <Table.Tr key={row.id}>
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
      {shown.length === 0 && (
        <Text c="dimmed" ta="center">
          {useCases.data.length === 0 ? "This portfolio has no use cases yet." : "No use case matches the search."}
        </Text>
      )}
    </Stack>
  );
}
