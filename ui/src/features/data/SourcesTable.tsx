// The registered data sources, with their classification and the policy that accepts each (or a
// red flag where none does).
import { ActionIcon, Badge, Text, Tooltip } from "@mantine/core";
import { IconEdit } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { DataSource } from "../../bindings/DataSource";
import type { Policy } from "../../bindings/Policy";
import { DataTable } from "../../components/DataTable";
import { CLASSIFICATIONS } from "../../lib/governance";
import { CLASSIFICATION_LABEL } from "../../lib/recordKinds";
import { CLASSIFICATION_COLOR } from "../../lib/statusColors";

const column = createColumnHelper<DataSource>();

function sourceColumns(policies: Policy[], onEdit: (s: DataSource) => void) {
  return [
    column.accessor("id", { header: "ID", meta: { nowrap: true } }),
    column.accessor("name", {
      header: "Name",
      cell: (i) => (
        <Text size="sm" fw={500}>
          {i.getValue()}
        </Text>
      ),
    }),
    column.accessor("system", { header: "System" }),
    column.accessor("owner", { header: "Owner" }),
    column.accessor("classification", {
      header: "Classification",
      cell: (i) => (
        <Badge miw="max-content" color={CLASSIFICATION_COLOR[i.getValue()]} variant="light" tt="none">
          {CLASSIFICATION_LABEL[i.getValue()]}
        </Badge>
      ),
      sortingFn: (a, b) =>
        CLASSIFICATIONS.indexOf(a.original.classification) - CLASSIFICATIONS.indexOf(b.original.classification),
      meta: { nowrap: true },
    }),
    column.accessor((s) => s.policy_id ?? "", {
      id: "policy",
      header: "Accepted under",
      cell: (i) => {
        const id = i.row.original.policy_id;
        if (id === null) {
          return (
            <Badge
              miw="max-content"
              color="red"
              variant="filled"
              tt="none"
              data-testid={`source-unaccepted-${i.row.original.id}`}
            >
              No policy accepts this source
            </Badge>
          );
        }
        const policy = policies.find((p) => p.id === id);
        return (
          <Text size="sm">
            <Text span fw={500}>
              {id}
            </Text>
            {policy ? ` · ${policy.title}` : ""}
          </Text>
        );
      },
    }),
    column.display({
      id: "edit",
      header: "",
      cell: (i) => (
        <Tooltip label="Edit">
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${i.row.original.id}`}
            data-testid={`source-edit-${i.row.original.id}`}
            onClick={(e) => {
              e.stopPropagation();
              onEdit(i.row.original);
            }}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
      ),
      meta: { width: 48 },
    }),
  ];
}

interface Props {
  sources: DataSource[];
  policies: Policy[];
  highlighted: string | null;
  onEdit: (s: DataSource) => void;
}

export function SourcesTable({ sources, policies, highlighted, onEdit }: Props) {
  const columns = useMemo(() => sourceColumns(policies, onEdit), [policies, onEdit]);
  return (
    <DataTable
      rows={sources}
      columns={columns}
      rowId={(s) => s.id}
      selectedId={highlighted}
      onRowClick={onEdit}
      rowTestId={(s) => `source-row-${s.id}`}
      testId="source-table"
    />
  );
}
