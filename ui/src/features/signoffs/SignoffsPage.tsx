// The compliance officer's queue: what awaits a sign-off and why, sign-offs that went stale
// because the record changed since (with what changed), and the sign-offs that still hold.
import { Alert, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { api } from "../../backend";
import type { AwaitingSignoff } from "../../bindings/AwaitingSignoff";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { StaleSignoff } from "../../bindings/StaleSignoff";
import { DataTable } from "../../components/DataTable";
import { HashText } from "../../components/HashText";
import { localDate, SIGNOFF_KIND_LABEL } from "../../lib/compliance";
import { keys } from "../../lib/queryKeys";
import { SignOffButton } from "./SignoffModal";

function Awaiting({ item }: { item: AwaitingSignoff }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`awaiting-${item.entity_id}`}>
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{item.title}</Text>
            <Badge miw="max-content" variant="outline" color="gray" size="sm" tt="none">
              {SIGNOFF_KIND_LABEL[item.kind]}
            </Badge>
          </Group>
          <Text size="sm" c="orange.8">
            {item.reason}
          </Text>
        </div>
        <SignOffButton
          target={{ entityId: item.entity_id, kind: item.kind, title: item.title }}
          testId={`sign-${item.entity_id}`}
          size="xs"
        />
      </Group>
    </Paper>
  );
}

function Stale({ item }: { item: StaleSignoff }) {
  const s = item.status.signoff;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="red.0"
      style={{ borderColor: "var(--mantine-color-red-5)" }}
      data-testid={`stale-${s.entity_id}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{item.status.entity_title}</Text>
            <Badge miw="max-content" color="red" variant="filled" size="sm" tt="none">
              Sign-off stale
            </Badge>
          </Group>
          <Text size="sm">
            Signed off by <b>{s.signed_by}</b> on {localDate(s.signed_at)}
            {s.comment ? `: “${s.comment}”` : " (no comment)"}
          </Text>
        </div>
        <SignOffButton
          target={{ entityId: s.entity_id, kind: s.entity_kind, title: item.status.entity_title }}
          label="Sign again…"
          testId={`sign-${s.entity_id}`}
          size="xs"
          color="red"
        />
      </Group>
      {item.changes.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          The record's evidence changed; no field of the record itself differs.
        </Text>
      ) : (
        <Table mt="xs" verticalSpacing={2} fz="sm" withTableBorder bg="white" data-testid={`stale-diff-${s.entity_id}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Signed</Table.Th>
              <Table.Th>Now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td ff="monospace">{c.field}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{c.before}</Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }} c="red.8">
                  {c.after}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const column = createColumnHelper<SignoffStatus>();
const currentColumns = [
  column.accessor((s) => s.signoff.entity_id, { id: "record", header: "Record", meta: { nowrap: true } }),
  column.accessor("entity_title", { header: "Title" }),
  column.accessor((s) => s.signoff.signed_by, { id: "by", header: "Signed off by" }),
  column.accessor((s) => s.signoff.signed_at, {
    id: "on",
    header: "On",
    cell: (i) => localDate(i.getValue()),
    meta: { nowrap: true },
  }),
  column.accessor((s) => s.signoff.comment, { id: "comment", header: "Comment" }),
  column.accessor((s) => s.signoff.content_sha256, {
    id: "hash",
    header: "Content SHA-256",
    cell: (i) => <HashText sha256={i.getValue()} size="xs" />,
  }),
];

function Section({
  title,
  color,
  count,
  children,
}: {
  title: string;
  color: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={4} c={`${color}.8`}>
          {title}
        </Title>
        <Badge miw="max-content" color={color} variant="light">
          {count}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

export function SignoffsPage() {
  const queue = useQuery({ queryKey: keys.signoffQueue, queryFn: api.signoffQueue });
  if (queue.isPending) return <Loader aria-label="Loading the sign-off queue" />;
  if (queue.isError) {
    return (
      <Alert color="red" title="The sign-off queue could not be loaded">
        {queue.error.message}
      </Alert>
    );
  }
  const { awaiting, stale, current } = queue.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Sign-offs</Title>
        <Text c="dimmed" size="sm">
          A compliance officer signs off use cases, adapter versions and evaluations. A sign-off is bound to the
          record's content: when the record changes, it turns stale. A use case moves to pilot only with a current
          sign-off.
        </Text>
      </div>
      <Section title="Awaiting sign-off" color="orange" count={awaiting.length}>
        {awaiting.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing awaits a sign-off.
          </Text>
        ) : (
          awaiting.map((a) => <Awaiting key={a.entity_id} item={a} />)
        )}
      </Section>
      <Section title="Stale — changed since signed" color="red" count={stale.length}>
        {stale.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sign-off has gone stale.
          </Text>
        ) : (
          stale.map((s) => <Stale key={s.status.signoff.id} item={s} />)
        )}
      </Section>
      <Section title="Current sign-offs" color="teal" count={current.length}>
        {current.length === 0 ? (
          <Text size="sm" c="dimmed">
            No current sign-off yet.
          </Text>
        ) : (
          <Paper withBorder p="md" radius="md" bg="teal.0">
            <DataTable
              rows={current}
              columns={currentColumns}
              rowId={(s) => s.signoff.id}
              rowTestId={(s) => `current-${s.signoff.entity_id}`}
              testId="signoff-current-table"
            />
          </Paper>
        )}
      </Section>
    </Stack>
  );
}
