// The compliance officer's queue: what awaits a sign-off and why, sign-offs that went stale
// because the record changed since (with what changed), and the sign-offs that still hold. Each
// record opens its review (./SignoffModal), where it is signed or declined; a refusal on a
// record's current content shows on its row.
import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconCircleX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { type ReactNode, useState } from "react";
import { api } from "../../backend";
import type { AwaitingSignoff } from "../../bindings/AwaitingSignoff";
import type { SignoffDecline } from "../../bindings/SignoffDecline";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { StaleSignoff } from "../../bindings/StaleSignoff";
import { DataTable } from "../../components/DataTable";
import { HashText } from "../../components/HashText";
import { Paged } from "../../components/Paged";
import { localDate } from "../../lib/compliance";
import { changeText, signedChange } from "../../lib/history";
import { useMoney } from "../../lib/money";
import { keys } from "../../lib/queryKeys";
import { SIGNOFF_KIND_LABEL } from "../../lib/recordKinds";
import { SIGNOFF_STATE_COLOR } from "../../lib/statusColors";
import { usePageParam } from "../../shell/navigation";
import { SignoffModal, SignOffButton } from "./SignoffModal";

/** The record's title as a link to its review. */
function ReviewLink({ entityId, title, onReview }: { entityId: string; title: string; onReview: Review }) {
  return (
    <Anchor
      component="button"
      type="button"
      fw={600}
      c="inherit"
      ta="left"
      onClick={() => onReview(entityId)}
      data-testid={`review-${entityId}`}
    >
      {title}
    </Anchor>
  );
}

/** A compliance officer's refusal of the content as it stands, on the queue row. */
function Declined({ declined }: { declined: SignoffDecline | null }) {
  if (!declined) return null;
  return (
    <Text size="sm" c="red.8" data-testid={`declined-${declined.entity_id}`}>
      <IconCircleX size={14} style={{ verticalAlign: "-2px", marginRight: 4 }} aria-hidden />
      Declined by <b>{declined.declined_by}</b>: {declined.reason}
    </Text>
  );
}

type Review = (entityId: string) => void;

/** Queue cards shown at first and per "Show more". */
const QUEUE_PAGE = 20;

function Awaiting({ item, onReview }: { item: AwaitingSignoff; onReview: Review }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`awaiting-${item.entity_id}`}>
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <ReviewLink entityId={item.entity_id} title={item.title} onReview={onReview} />
            <Badge miw="max-content" variant="outline" color="gray" size="sm" tt="none">
              {SIGNOFF_KIND_LABEL[item.kind]}
            </Badge>
          </Group>
          <Text size="sm" c="orange.8">
            {item.reason}
          </Text>
          <Declined declined={item.declined} />
        </div>
        <SignOffButton
          target={{ entityId: item.entity_id, kind: item.kind, title: item.title }}
          onOpen={onReview}
          testId={`sign-${item.entity_id}`}
          size="xs"
          variant="light"
        />
      </Group>
    </Paper>
  );
}

function Stale({ item, onReview }: { item: StaleSignoff; onReview: Review }) {
  const s = item.status.signoff;
  const money = useMoney();
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
            <ReviewLink entityId={s.entity_id} title={item.status.entity_title} onReview={onReview} />
            <Badge miw="max-content" color={SIGNOFF_STATE_COLOR.stale} variant="filled" size="sm" tt="none">
              Sign-off stale
            </Badge>
          </Group>
          <Text size="sm">
            Signed off by <b>{s.signed_by}</b> on {localDate(s.signed_at)}
            {s.comment ? `: “${s.comment}”` : " (no comment)"}
          </Text>
          <Declined declined={item.declined} />
        </div>
        <SignOffButton
          target={{ entityId: s.entity_id, kind: s.entity_kind, title: item.status.entity_title }}
          onOpen={onReview}
          label="Sign again…"
          testId={`sign-${s.entity_id}`}
          size="xs"
          variant="light"
          color={SIGNOFF_STATE_COLOR.stale}
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
              <Table.Th>What changed</Table.Th>
              <Table.Th>When signed</Table.Th>
              <Table.Th>Now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.changes.map((c) => {
              const d = signedChange(c, money.format);
              return (
                <Table.Tr key={c.field} bg="yellow.0" data-testid={`stale-change-${c.field}`} title={changeText(d)}>
                  <Table.Td fw={600}>{d.label}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{d.before}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }} c="red.8" fw={600}>
                    {d.after}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const column = createColumnHelper<SignoffStatus>();
function titleWithoutId(title: string, id: string): string {
  return title.startsWith(`${id} `) ? title.slice(id.length + 1) : title;
}

const currentColumns = [
  column.accessor((s) => s.signoff.entity_id, { id: "record", header: "Record", meta: { nowrap: true } }),
  // The record's title as signed-content names it ("UC-002 Claims document triage"), without the
  // id the first column already shows.
  column.accessor((s) => titleWithoutId(s.entity_title, s.signoff.entity_id), { id: "title", header: "Title" }),
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
  // Opened on a record from another page (the overview's decisions, a review's check): its review.
  const openedOn = usePageParam("signoffs");
  const [reviewing, setReviewing] = useState<string | null>(openedOn);
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
      <Section title="Awaiting sign-off" color={SIGNOFF_STATE_COLOR.awaiting} count={awaiting.length}>
        {awaiting.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing awaits a sign-off.
          </Text>
        ) : (
          // Hundreds may await after an import: shown twenty at a time, so the page opens at once.
          <Paged
            items={awaiting}
            pageSize={QUEUE_PAGE}
            testId="awaiting-more"
            render={(shown) => shown.map((a) => <Awaiting key={a.entity_id} item={a} onReview={setReviewing} />)}
          />
        )}
      </Section>
      <Section title="Stale — changed since signed" color={SIGNOFF_STATE_COLOR.stale} count={stale.length}>
        {stale.length === 0 ? (
          <Text size="sm" c="dimmed">
            No sign-off has gone stale.
          </Text>
        ) : (
          <Paged
            items={stale}
            pageSize={QUEUE_PAGE}
            testId="stale-more"
            render={(shown) => shown.map((s) => <Stale key={s.status.signoff.id} item={s} onReview={setReviewing} />)}
          />
        )}
      </Section>
      <Section title="Current sign-offs" color={SIGNOFF_STATE_COLOR.current} count={current.length}>
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
              onRowClick={(s) => setReviewing(s.signoff.entity_id)}
              rowLabel={(s) => `Review ${s.signoff.entity_id} ${s.entity_title}`}
              testId="signoff-current-table"
            />
          </Paper>
        )}
      </Section>
      <SignoffModal entityId={reviewing} onClose={() => setReviewing(null)} />
    </Stack>
  );
}
