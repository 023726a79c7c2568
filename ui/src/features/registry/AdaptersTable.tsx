// The registered adapters, one row each with its latest version and the version deployed (the
// newest deployed one, or "Not deployed"); a row selects the adapter.
import { Group, Text } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import type { AdapterSummary } from "../../bindings/AdapterSummary";
import { DataTable } from "../../components/DataTable";
import { StatusBadge } from "../../components/StatusBadge";

const column = createColumnHelper<AdapterSummary>();

const columns = [
  column.accessor("name", {
    header: "Adapter",
    cell: (i) => (
      <div>
        <Text size="sm" fw={500}>
          {i.getValue()}
        </Text>
        <Text size="xs" c="dimmed">
          {i.row.original.id}
        </Text>
      </div>
    ),
  }),
  column.accessor((a) => a.use_case_id ?? "", {
    id: "use_case",
    header: "Use case",
    cell: (i) =>
      i.getValue() || (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ),
    meta: { nowrap: true },
  }),
  column.accessor("version_count", { header: "Versions", meta: { align: "right", nowrap: true } }),
  column.accessor((a) => a.latest_version ?? "", {
    id: "latest",
    header: "Latest version",
    cell: (i) =>
      i.getValue() || (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ),
    meta: { nowrap: true },
  }),
  column.display({
    id: "status",
    header: "Status",
    cell: (i) => (i.row.original.latest_status ? <StatusBadge status={i.row.original.latest_status} /> : null),
    meta: { nowrap: true },
  }),
  // The version in use beside the newest one: they differ while a newer version awaits approval.
  column.accessor((a) => a.deployed_version ?? "", {
    id: "deployed",
    header: "Deployed version",
    cell: (i) =>
      i.row.original.deployed_version ? (
        <Group gap="xs" wrap="nowrap" data-testid={`adapter-deployed-${i.row.original.id}`}>
          <Text size="sm">{i.row.original.deployed_version}</Text>
          <StatusBadge status="deployed" />
        </Group>
      ) : (
        <Text size="sm" c="dimmed" data-testid={`adapter-deployed-${i.row.original.id}`}>
          Not deployed
        </Text>
      ),
    meta: { nowrap: true },
  }),
];

interface Props {
  adapters: AdapterSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function AdaptersTable({ adapters, selectedId, onSelect }: Props) {
  return (
    <DataTable
      rows={adapters}
      columns={columns}
      rowId={(a) => a.id}
      selectedId={selectedId}
      onRowClick={(a) => onSelect(a.id)}
      rowTestId={(a) => `adapter-row-${a.id}`}
      testId="adapter-table"
    />
  );
}
