// The registered data packs: what each was drawn from, its size and personal-data status, the
// hash of its file, and whether compliance has approved it (with the approval action if not,
// disabled with the backend's reason when the person working may not approve).
import { Badge, Group, Text } from "@mantine/core";
import { IconShieldCheck } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { DataPack } from "../../bindings/DataPack";
import type { Gate } from "../../bindings/Gate";
import { DataTable } from "../../components/DataTable";
import { GatedButton } from "../../components/GatedButton";
import { HashText } from "../../components/HashText";
import { formatCount } from "../../lib/governance";
import { PERSONAL_DATA_LABEL } from "../../lib/recordKinds";
import { APPROVAL_COLOR, PERSONAL_DATA_COLOR } from "../../lib/statusColors";
import { useWorkingAs } from "../../shell/useWorkingAs";

const column = createColumnHelper<DataPack>();

function packColumns(onApprove: (p: DataPack) => void, approveGate: Gate) {
  return [
    column.accessor("id", { header: "ID", meta: { nowrap: true } }),
    column.accessor("name", {
      header: "Name",
      cell: (i) => (
        <Text size="sm" fw={500}>
          {i.getValue()}{" "}
          <Text span size="sm" c="dimmed" fw={400}>
            {i.row.original.version}
          </Text>
        </Text>
      ),
    }),
    column.accessor((p) => p.source_ids.join(", "), {
      id: "sources",
      header: "Sources",
      cell: (i) => (
        <Group gap={4}>
          {i.row.original.source_ids.map((s) => (
            <Badge miw="max-content" key={s} variant="outline" color="gray" size="sm">
              {s}
            </Badge>
          ))}
        </Group>
      ),
    }),
    column.accessor("curated_by", { header: "Curated by" }),
    column.accessor("record_count", {
      header: "Records",
      cell: (i) => formatCount(i.getValue()),
      meta: { align: "right", nowrap: true },
    }),
    column.accessor("personal_data", {
      header: "Personal data",
      cell: (i) => (
        <Badge miw="max-content" color={PERSONAL_DATA_COLOR[i.getValue()]} variant="light" tt="none">
          {PERSONAL_DATA_LABEL[i.getValue()]}
        </Badge>
      ),
      meta: { nowrap: true },
    }),
    column.display({
      id: "file",
      header: "File",
      cell: (i) => {
        const file = i.row.original.file;
        if (!file)
          return (
            <Text size="sm" c="dimmed">
              —
            </Text>
          );
        return (
          <div>
            <Text size="xs" style={{ overflowWrap: "anywhere" }}>
              {file.file_name}
            </Text>
            <HashText sha256={file.sha256} size="xs" />
          </div>
        );
      },
    }),
    column.accessor((p) => p.approved_on ?? "", {
      id: "approval",
      header: "Approval",
      cell: (i) => {
        const p = i.row.original;
        if (p.approved_by) {
          return (
            <Text size="sm" c={`${APPROVAL_COLOR.approved}.8`}>
              Approved by {p.approved_by} on {p.approved_on}
            </Text>
          );
        }
        return (
          <Group gap={6} wrap="nowrap">
            <Badge miw="max-content" color={APPROVAL_COLOR.awaiting} variant="light" style={{ flexShrink: 0 }}>
              Awaiting approval
            </Badge>
            <GatedButton
              gate={approveGate}
              size="compact-xs"
              variant="light"
              leftSection={<IconShieldCheck size={12} />}
              onClick={(e) => {
                e.stopPropagation();
                onApprove(p);
              }}
              data-testid={`pack-approve-${p.id}`}
            >
              Approve…
            </GatedButton>
          </Group>
        );
      },
    }),
  ];
}

export function PacksTable({
  packs,
  highlighted,
  onApprove,
}: {
  packs: DataPack[];
  highlighted: string | null;
  onApprove: (p: DataPack) => void;
}) {
  const { allowed, reason } = useWorkingAs().gate("approve_data_pack");
  const columns = useMemo(() => packColumns(onApprove, { allowed, reason }), [onApprove, allowed, reason]);
  return (
    <DataTable
      rows={packs}
      columns={columns}
      rowId={(p) => p.id}
      selectedId={highlighted}
      rowTestId={(p) => `pack-row-${p.id}`}
      testId="pack-table"
    />
  );
}
