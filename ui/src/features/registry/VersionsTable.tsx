// One adapter's versions with what identifies each: status, base model, LoRA settings, the
// weights' parameters and hash, and who imported it when. A row opens the version's detail.
import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { DataTable } from "../../components/DataTable";
import { HashText } from "../../components/HashText";
import { StatusBadge } from "../../components/StatusBadge";
import { ADAPTER_STATUSES } from "../../lib/governance";
import { StaleSignoffIcon, useStaleSignoffs } from "../signoffs/staleSignoffs";
import { BaseModel, Parameters } from "./PeftFolderSummary";

const column = createColumnHelper<AdapterVersion>();
const SHOWN_TARGETS = 3;

const versionColumns = (stale: Map<string, SignoffStatus>) => [
  column.accessor("version", {
    header: "Version",
    cell: (i) => (
      <div>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={500}>
            {i.getValue()}
          </Text>
          {stale.has(i.row.original.id) && (
            <StaleSignoffIcon
              status={stale.get(i.row.original.id)!}
              testId={`version-signoff-stale-${i.row.original.id}`}
            />
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {i.row.original.id}
        </Text>
      </div>
    ),
    // Sort by import order, which follows the versions as they were made, not the text.
    sortingFn: (a, b) => a.original.imported_at.localeCompare(b.original.imported_at),
    meta: { nowrap: true },
  }),
  column.accessor("status", {
    header: "Status",
    cell: (i) => <StatusBadge status={i.getValue()} />,
    sortingFn: (a, b) => ADAPTER_STATUSES.indexOf(a.original.status) - ADAPTER_STATUSES.indexOf(b.original.status),
    meta: { nowrap: true },
  }),
  column.accessor((v) => v.base_model ?? "", {
    id: "base_model",
    header: "Base model",
    cell: (i) => (
      <div style={{ maxWidth: 220 }}>
        <BaseModel
          name={i.row.original.base_model}
          revision={i.row.original.revision}
          testId={`version-base-model-${i.row.original.id}`}
        />
      </div>
    ),
  }),
  column.accessor("r", { header: "r", meta: { align: "right" } }),
  column.accessor("lora_alpha", { header: "α", meta: { align: "right" } }),
  column.display({
    id: "targets",
    header: "Target modules",
    cell: (i) => {
      const all = i.row.original.target_modules;
      const rest = all.length - SHOWN_TARGETS;
      return (
        <Group gap={4} maw={200}>
          {all.slice(0, SHOWN_TARGETS).map((m) => (
            <Badge miw="max-content" key={m} variant="outline" color="gray" size="xs" tt="none">
              {m}
            </Badge>
          ))}
          {rest > 0 && (
            <Tooltip label={all.join(", ")} multiline maw={300}>
              <Badge miw="max-content" variant="light" color="gray" size="xs">
                +{rest}
              </Badge>
            </Tooltip>
          )}
        </Group>
      );
    },
  }),
  column.accessor((v) => v.parameters ?? -1, {
    id: "parameters",
    header: "Parameters",
    cell: (i) => <Parameters count={i.row.original.parameters} />,
    meta: { align: "right", nowrap: true },
  }),
  column.display({
    id: "sha256",
    header: "SHA-256",
    cell: (i) => <HashText sha256={i.row.original.sha256} size="xs" />,
    meta: { nowrap: true },
  }),
  column.accessor("imported_at", {
    header: "Imported",
    cell: (i) => (
      <div>
        <Text size="sm">{i.getValue().slice(0, 10)}</Text>
        <Text size="xs" c="dimmed">
          {i.row.original.imported_by}
        </Text>
      </div>
    ),
    meta: { nowrap: true },
  }),
];

interface Props {
  versions: AdapterVersion[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}

export function VersionsTable({ versions, selectedId, onOpen }: Props) {
  const stale = useStaleSignoffs();
  const columns = useMemo(() => versionColumns(stale), [stale]);
  return (
    <DataTable
      rows={versions}
      columns={columns}
      rowId={(v) => v.id}
      selectedId={selectedId}
      onRowClick={(v) => onOpen(v.id)}
      rowTestId={(v) => `version-row-${v.id}`}
      testId="version-table"
    />
  );
}
