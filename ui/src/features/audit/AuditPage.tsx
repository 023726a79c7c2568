// The audit trail: every change, newest first, filtered by record, action or person, a page of
// 100 at a time from the backend, each with what changed in words ("One-time cost €250,000 →
// €280,000"); a record opens with every field before and after. Above it, whether the
// trail verifies, and the changes made outside Steerco that await acknowledgement.
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import type { Action } from "../../bindings/Action";
import type { AuditQuery } from "../../bindings/AuditQuery";
import type { AuditRecord } from "../../bindings/AuditRecord";
import { DataTable } from "../../components/DataTable";
import { AUDIT_ACTIONS, localDateTime } from "../../lib/compliance";
import { formatCount } from "../../lib/governance";
import { type MoneyFormat, recordSummary } from "../../lib/history";
import { formatMoney, useCurrency } from "../../lib/money";
import { keys } from "../../lib/queryKeys";
import { ACTION_LABEL } from "../../lib/recordKinds";
import { actionLabel, entityIdLabel, entityKindLabel } from "../../lib/recordFields";
import { auditActionColor } from "../../lib/statusColors";
import { usePageParam } from "../../shell/navigation";
import { AuditRecordDrawer } from "./AuditRecordDrawer";
import { VerifyChain } from "./VerifyChain";

const PAGE = 100;
const column = createColumnHelper<AuditRecord>();

function auditColumns(money: MoneyFormat) {
  return [
    column.accessor("seq", { header: "#", meta: { align: "right", nowrap: true, width: 64 } }),
    column.accessor("at", { header: "When", cell: (i) => localDateTime(i.getValue(), true), meta: { nowrap: true } }),
    column.accessor("actor", { header: "Who" }),
    column.accessor("action", {
      header: "Action",
      cell: (i) => (
        <Badge miw="max-content" color={auditActionColor(i.getValue())} variant="light" tt="none">
          {actionLabel(i.getValue())}
        </Badge>
      ),
      meta: { nowrap: true },
    }),
    column.accessor((r) => `${entityKindLabel(r.entity_kind)} ${entityIdLabel(r.entity_id)}`, {
      id: "entity",
      header: "Record",
      cell: (i) => (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {entityKindLabel(i.row.original.entity_kind)}
          </Text>{" "}
          {entityIdLabel(i.row.original.entity_id)}
        </Text>
      ),
    }),
    column.accessor((r) => recordSummary(r, money), {
      id: "change",
      header: "Change",
      cell: (i) => (
        <Text size="sm" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
          {i.getValue()}
        </Text>
      ),
    }),
  ];
}

export function AuditPage() {
  const openedOn = usePageParam("audit");
  const [entity, setEntity] = useState(openedOn ?? "");
  const [action, setAction] = useState<Action | null>(null);
  const [actor, setActor] = useState("");
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<AuditRecord | null>(null);
  const currency = useCurrency() ?? "EUR";
  const columns = useMemo(() => auditColumns((amount) => formatMoney(amount, currency)), [currency]);
  // Typed filters reach the backend once typing pauses, not on every keystroke.
  const [typedEntity] = useDebouncedValue(entity.trim(), 300);
  const [typedActor] = useDebouncedValue(actor.trim(), 300);

  const query: AuditQuery = {
    entity: typedEntity === "" ? null : typedEntity,
    action,
    actor: typedActor === "" ? null : typedActor,
    include_internal: false,
    newest_first: true,
    limit: PAGE,
    offset,
  };
  const page = useQuery({
    queryKey: keys.auditPage(query),
    queryFn: () => api.auditLog(query),
    placeholderData: keepPreviousData,
  });
  // A new filter starts from the newest record again.
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };

  const records = page.data?.records ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Audit</Title>
        <Text c="dimmed" size="sm">
          Every change to the portfolio, who made it and what it was before and after. Each record carries the hash of
          the one before, so an edit made outside Steerco breaks the chain.
        </Text>
      </div>
      <VerifyChain
        onShowRecord={(id) => {
          setEntity(id);
          setAction(null);
          setActor("");
          setOffset(0);
        }}
      />
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" mb="sm">
          <TextInput
            label="Record"
            description="Its exact id; rows belonging to it too"
            placeholder="UC-005, AV-002, …"
            value={entity}
            onChange={(e) => filter(setEntity)(e.currentTarget.value)}
            data-testid="audit-entity"
            data-page-search
          />
          <Select
            label="Action"
            placeholder="Any"
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABEL[a] }))}
            value={action}
            onChange={(v) => filter(setAction)(v as Action | null)}
            clearable
            data-testid="audit-action"
          />
          <TextInput
            label="Who"
            description="The exact name"
            placeholder="Ana Ruiz"
            value={actor}
            onChange={(e) => filter(setActor)(e.currentTarget.value)}
            data-testid="audit-actor"
          />
        </Group>
        {page.isPending && <Loader size="sm" aria-label="Loading the audit trail" />}
        {page.isError && (
          <Alert color="red" title="The audit trail could not be read">
            {page.error.message}
          </Alert>
        )}
        {page.data && records.length === 0 && (
          <Text size="sm" c="dimmed">
            No record matches.
          </Text>
        )}
        {records.length > 0 && (
          <DataTable
            rows={records}
            columns={columns}
            rowId={(r) => String(r.seq)}
            onRowClick={setOpen}
            selectedId={open ? String(open.seq) : null}
            rowTestId={(r) => `audit-row-${r.seq}`}
            testId="audit-table"
          />
        )}
        {page.data && (
          <Group justify="space-between" mt="sm">
            <Text size="sm" c="dimmed" data-testid="audit-range">
              {records.length === 0
                ? ""
                : `Showing ${formatCount(offset + 1)}–${formatCount(offset + records.length)} of ` +
                  `${formatCount(page.data.matching)} matching · `}
              {formatCount(page.data.total)} records in the whole trail
            </Text>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconChevronLeft size={14} />}
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
                data-testid="audit-newer"
              >
                Newer
              </Button>
              <Button
                variant="default"
                size="xs"
                rightSection={<IconChevronRight size={14} />}
                disabled={offset + records.length >= page.data.matching}
                onClick={() => setOffset(offset + PAGE)}
                data-testid="audit-older"
              >
                Older
              </Button>
            </Group>
          </Group>
        )}
      </Paper>
      <AuditRecordDrawer record={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
