// Whether the audit trail verifies: either it holds (with the head hash to note in the steering
// minutes, which anchors everything before it) or what keeps it from holding. Changes made to the
// file outside Steerco are listed until a compliance officer acknowledges each with a comment;
// acknowledged ones stay listed with who acknowledged them, when and why.
import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconChecks, IconLink, IconListSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import type { UnauditedChange } from "../../bindings/UnauditedChange";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { GatedButton } from "../../components/GatedButton";
import { localDateTime } from "../../lib/compliance";
import { formatCount } from "../../lib/governance";
import { rowChangeText } from "../../lib/history";
import { keys } from "../../lib/queryKeys";
import { useRefresh } from "../../lib/useRefresh";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { AcknowledgeModal } from "./AcknowledgeModal";

export function VerifyResult({ report }: { report: VerifyReport }) {
  if (!report.holds) {
    const waiting = report.unacknowledged.length;
    return (
      <Alert color="red" title="The audit trail does not verify" data-testid="audit-verify-result" data-holds="false">
        <Stack gap={4}>
          {report.broken && (
            <Text size="sm">
              Chain broken at record {report.broken.seq}: {report.broken.reason}
            </Text>
          )}
          {report.outside_changes.map((problem) => (
            <Text size="sm" key={problem}>
              Changed outside Steerco: {problem}
            </Text>
          ))}
          {waiting > 0 && (
            <Text size="sm">
              {waiting === 1
                ? "1 change made outside Steerco awaits a compliance officer's acknowledgement."
                : `${formatCount(waiting)} changes made outside Steerco await a compliance officer's acknowledgement.`}
            </Text>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="teal" title="The audit trail is intact" data-testid="audit-verify-result" data-holds="true">
      <Stack gap={4}>
        <Text size="sm">
          Chain holds: {formatCount(report.records)} records · head{" "}
          <Code style={{ wordBreak: "break-all" }}>{report.head_hash}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          Note the head hash in the steering minutes: any later change to an earlier record breaks the chain against it.
        </Text>
      </Stack>
    </Alert>
  );
}

function ShowOnTrail({ change, onShow }: { change: UnauditedChange; onShow: (entityId: string) => void }) {
  return (
    <Button
      variant="subtle"
      size="compact-xs"
      leftSection={<IconListSearch size={14} />}
      onClick={() => onShow(change.entity_id)}
      data-testid={`audit-show-${change.seq}`}
    >
      On the trail
    </Button>
  );
}

function Unacknowledged({
  changes,
  onAcknowledge,
  onShow,
}: {
  changes: UnauditedChange[];
  onAcknowledge: (change: UnauditedChange) => void;
  onShow: (entityId: string) => void;
}) {
  const { gate } = useWorkingAs();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg="red.0"
      style={{ borderColor: "var(--mantine-color-red-5)" }}
      data-testid="audit-unacknowledged"
    >
      <Group gap="xs" mb={4}>
        <Title order={4} c="red.8">
          Changes made outside Steerco
        </Title>
        <Badge color="red" variant="filled" miw="max-content">
          {changes.length}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        Someone changed the portfolio file with another tool. Nobody in Steerco is accountable for these changes, and
        each keeps the trail from verifying until a compliance officer acknowledges it.
      </Text>
      <Table verticalSpacing={4} fz="sm" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Recorded</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.seq} data-testid={`audit-unacknowledged-${c.seq}`}>
              <Table.Td>{c.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{localDateTime(c.at)}</Table.Td>
              <Table.Td>{rowChangeText(c)}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <ShowOnTrail change={c} onShow={onShow} />
                  <GatedButton
                    gate={gate("acknowledge_audit")}
                    size="compact-sm"
                    variant="light"
                    color="red"
                    leftSection={<IconChecks size={14} />}
                    onClick={() => onAcknowledge(c)}
                    data-testid={`audit-acknowledge-${c.seq}`}
                  >
                    Acknowledge…
                  </GatedButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Acknowledged({ changes, onShow }: { changes: UnauditedChange[]; onShow: (entityId: string) => void }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="audit-acknowledged">
      <Title order={5} mb="xs">
        Acknowledged outside changes
      </Title>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Acknowledged</Table.Th>
            <Table.Th>Why it is acceptable</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((c) => (
            <Table.Tr key={c.seq} data-testid={`audit-acknowledged-${c.seq}`}>
              <Table.Td>{c.seq}</Table.Td>
              <Table.Td>
                {rowChangeText(c)}
                <Text size="xs" c="dimmed">
                  recorded {localDateTime(c.at)}
                </Text>
              </Table.Td>
              <Table.Td>
                {c.acknowledged_by ?? "—"}
                {c.acknowledged_at && (
                  <Text size="xs" c="dimmed">
                    {localDateTime(c.acknowledged_at)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{c.comment ?? "—"}</Table.Td>
              <Table.Td>
                <ShowOnTrail change={c} onShow={onShow} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The verification, run when the page opens and again on request. */
export function VerifyChain({ onShowRecord }: { onShowRecord: (entityId: string) => void }) {
  const verify = useQuery({ queryKey: keys.auditVerify, queryFn: api.auditVerify });
  const { refresh, refreshing } = useRefresh(verify.refetch);
  const [acknowledging, setAcknowledging] = useState<UnauditedChange | null>(null);
  const report = verify.data;
  return (
    <Stack gap="sm">
      <Group>
        <Button
          variant="default"
          leftSection={<IconLink size={16} />}
          onClick={refresh}
          loading={refreshing}
          data-testid="audit-verify"
        >
          Verify again
        </Button>
        {verify.isPending && <Loader size="sm" aria-label="Verifying the audit trail" />}
      </Group>
      {verify.isError && (
        <Alert color="red" title="The chain could not be checked">
          {verify.error.message}
        </Alert>
      )}
      {report && <VerifyResult report={report} />}
      {report && report.unacknowledged.length > 0 && (
        <Unacknowledged changes={report.unacknowledged} onAcknowledge={setAcknowledging} onShow={onShowRecord} />
      )}
      {report && report.acknowledged.length > 0 && <Acknowledged changes={report.acknowledged} onShow={onShowRecord} />}
      <AcknowledgeModal change={acknowledging} onClose={() => setAcknowledging(null)} />
    </Stack>
  );
}
