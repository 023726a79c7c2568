// One audit record in full, as people read history: what was done to which record, by whom and
// when; each changed field by its label with its value before and after (amounts in the
// programme's currency, times in the user's locale), highlighted above the fields that stayed;
// the stored JSON one click away; and the hashes that chain it to the record before.
import {
  Badge,
  Button,
  Code,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCode } from "@tabler/icons-react";
import type { AuditRecord } from "../../bindings/AuditRecord";
import { FieldGrid } from "../../components/FieldGrid";
import { localDateTime } from "../../lib/compliance";
import { type FieldDiff, recordDiffs, recordTitle, whoAndWhen } from "../../lib/history";
import { useMoney } from "../../lib/money";
import { actionLabel, entityIdLabel, entityKindLabel, operationLabel } from "../../lib/recordFields";
import { auditActionColor } from "../../lib/statusColors";

/** Stored JSON, indented for reading; anything else as stored. */
export function prettyJson(text: string | null): string {
  if (text === null) return "—";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Side({ label, text, testId }: { label: string; text: string | null; testId: string }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Title order={6}>{label}</Title>
      <ScrollArea.Autosize mah={480}>
        <Code block data-testid={testId}>
          {prettyJson(text)}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** The changed fields, one line each: "One-time cost €250,000 → €280,000". */
function Changes({ record, changed }: { record: AuditRecord; changed: FieldDiff[] }) {
  if (record.operation !== "update" || changed.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" bg="yellow.0" data-testid="audit-changes">
      <Stack gap={4}>
        {changed.map((d) => (
          <Text key={d.field} size="sm" data-testid={`audit-change-${d.field}`} style={{ overflowWrap: "anywhere" }}>
            <Text span fw={600} size="sm">
              {d.label}
            </Text>{" "}
            {d.before} → {d.after}
          </Text>
        ))}
        <Text size="xs" c="dimmed" data-testid="audit-changes-by">
          {whoAndWhen(record.actor, record.at)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Every field of the row: changed ones first and highlighted, the rest for context. */
function Fields({ record, diffs }: { record: AuditRecord; diffs: FieldDiff[] }) {
  if (diffs.length === 0) return null;
  const both = record.before !== null && record.after !== null;
  const only = record.after !== null ? "after" : "before";
  return (
    <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="audit-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{record.operation === "batch" ? "Row" : "Field"}</Table.Th>
          {both ? (
            <>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </>
          ) : (
            <Table.Th>{record.operation === "delete" ? "When removed" : "Value"}</Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {diffs.map((d) => (
          <Table.Tr
            key={d.field}
            bg={both && d.changed ? "yellow.0" : undefined}
            fw={both && d.changed ? 600 : undefined}
            data-changed={both && d.changed ? "true" : "false"}
            data-testid={`audit-field-${d.field}`}
          >
            <Table.Td style={{ whiteSpace: "nowrap" }}>{d.label}</Table.Td>
            {both ? (
              <>
                <Table.Td style={{ overflowWrap: "anywhere" }} c={d.changed ? undefined : "dimmed"}>
                  {d.before}
                </Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }} c={d.changed ? undefined : "dimmed"}>
                  {d.after}
                </Table.Td>
              </>
            ) : (
              <Table.Td style={{ overflowWrap: "anywhere" }}>{d[only]}</Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RecordBody({ record }: { record: AuditRecord }) {
  const money = useMoney();
  const [raw, rawToggle] = useDisclosure(false);
  const diffs = recordDiffs(record, money.format);
  const changed = record.operation === "update" ? diffs.filter((d) => d.changed) : [];
  return (
    <Stack gap="md" data-testid="audit-record">
      <div>
        <Text fw={600} data-testid="audit-record-title">
          {recordTitle(record)}
        </Text>
        <Text size="sm" c="dimmed">
          {whoAndWhen(record.actor, record.at)}
        </Text>
      </div>
      <Changes record={record} changed={changed} />
      <FieldGrid
        items={[
          ["When", localDateTime(record.at, true)],
          ["Who", record.actor],
          [
            "Action",
            <Group gap={4}>
              <Badge miw="max-content" color={auditActionColor(record.action)} variant="light" tt="none">
                {actionLabel(record.action)}
              </Badge>
              <Text size="sm">{operationLabel(record.operation)}</Text>
            </Group>,
          ],
          ["Record", `${entityKindLabel(record.entity_kind)} ${entityIdLabel(record.entity_id)}`],
          ["Belongs to", record.subject || "—"],
        ]}
      />
      <Fields record={record} diffs={diffs} />
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconCode size={14} />}
          onClick={rawToggle.toggle}
          aria-expanded={raw}
          data-testid="audit-raw-toggle"
        >
          {raw ? "Hide raw JSON" : "Show raw JSON"}
        </Button>
      </div>
      {raw && (
        <SimpleGrid cols={2} data-testid="audit-raw">
          <Side label="Before (as stored)" text={record.before} testId="audit-before" />
          <Side label="After (as stored)" text={record.after} testId="audit-after" />
        </SimpleGrid>
      )}
      <FieldGrid
        cols={1}
        items={[
          ["Previous record's hash", <Code style={{ wordBreak: "break-all" }}>{record.prev_hash}</Code>],
          ["This record's hash", <Code style={{ wordBreak: "break-all" }}>{record.hash}</Code>],
        ]}
      />
    </Stack>
  );
}

export function AuditRecordDrawer({ record, onClose }: { record: AuditRecord | null; onClose: () => void }) {
  return (
    <Drawer
      opened={record !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={record && <Text fw={700}>Audit record {record.seq}</Text>}
    >
      {record && <RecordBody key={record.seq} record={record} />}
    </Drawer>
  );
}
