// A use case's risk register: each risk's likelihood × impact score, owner, mitigation and
// status, highest score first, with adding and editing.
import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import { IconEdit, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import type { Risk } from "../../bindings/Risk";
import { DataTable } from "../../components/DataTable";
import { RISK_STATUSES } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { RISK_STATUS_LABEL } from "../../lib/recordKinds";
import { RISK_STATUS_COLOR, riskScoreColor } from "../../lib/statusColors";
import { RiskModal, type RiskTarget } from "./RiskModal";

const column = createColumnHelper<Risk>();

function riskColumns(onEdit: (r: Risk) => void) {
  return [
    column.accessor("id", { header: "ID", meta: { nowrap: true } }),
    column.accessor("title", { header: "Risk" }),
    column.accessor("likelihood", { header: "L", meta: { align: "right", width: 48 } }),
    column.accessor("impact", { header: "I", meta: { align: "right", width: 48 } }),
    column.accessor((r) => r.likelihood * r.impact, {
      id: "score",
      header: "Score",
      cell: (i) => (
        <Badge
          miw="max-content"
          color={riskScoreColor(i.getValue())}
          variant="filled"
          data-testid={`risk-score-${i.row.original.id}`}
        >
          {i.getValue()}
        </Badge>
      ),
      meta: { nowrap: true },
    }),
    column.accessor("owner", { header: "Owner" }),
    column.accessor("mitigation", {
      header: "Mitigation",
      cell: (i) =>
        i.getValue() || (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    }),
    column.accessor((r) => RISK_STATUSES.indexOf(r.status), {
      id: "status",
      header: "Status",
      cell: (i) => (
        <Badge miw="max-content" color={RISK_STATUS_COLOR[i.row.original.status]} variant="light">
          {RISK_STATUS_LABEL[i.row.original.status]}
        </Badge>
      ),
      meta: { nowrap: true },
    }),
    column.display({
      id: "edit",
      header: "",
      cell: (i) => (
        <Tooltip label="Edit">
          <ActionIcon
            variant="subtle"
            aria-label={`Edit ${i.row.original.id}`}
            data-testid={`risk-edit-${i.row.original.id}`}
            onClick={() => onEdit(i.row.original)}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
      ),
      meta: { width: 48 },
    }),
  ];
}

export function RiskRegisterTab({ useCaseId }: { useCaseId: string }) {
  const risks = useQuery({
    queryKey: keys.risks(useCaseId),
    queryFn: () => api.riskList({ use_case_id: useCaseId }),
  });
  const [target, setTarget] = useState<RiskTarget | null>(null);
  const columns = useMemo(() => riskColumns((risk) => setTarget({ kind: "existing", risk })), []);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={4}>Risk register of {useCaseId}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ kind: "new" })} data-testid="risk-new">
          New risk
        </Button>
      </Group>
      {risks.isPending && <Loader size="sm" aria-label="Loading the risk register" />}
      {risks.isError && <Alert color="red">{risks.error.message}</Alert>}
      {risks.data?.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text size="sm" c="dimmed">
            No risk recorded for this use case yet.
          </Text>
        </Paper>
      )}
      {risks.data && risks.data.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <DataTable
            rows={risks.data}
            columns={columns}
            rowId={(r) => r.id}
            rowTestId={(r) => `risk-row-${r.id}`}
            testId="risk-table"
            initialSort={[{ id: "score", desc: true }]}
          />
        </Paper>
      )}
      <RiskModal useCaseId={useCaseId} target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}
