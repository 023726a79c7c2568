// One audit record in full: who did what when, the row before and after side by side, and the
// hashes that chain it to the record before.
import { Badge, Code, Drawer, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { AuditRecord } from "../../bindings/AuditRecord";
import { FieldGrid } from "../../components/FieldGrid";
import { auditActionColor, localDateTime } from "../../lib/compliance";

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

export function AuditRecordDrawer({ record, onClose }: { record: AuditRecord | null; onClose: () => void }) {
  return (
    <Drawer
      opened={record !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={record && <Text fw={700}>Audit record {record.seq}</Text>}
    >
      {record && (
        <Stack gap="md" data-testid="audit-record">
          <FieldGrid
            items={[
              ["When", localDateTime(record.at)],
              ["Who", record.actor],
              [
                "Action",
                <Group gap={4}>
                  <Badge miw="max-content" color={auditActionColor(record.action)} variant="light">
                    {record.action}
                  </Badge>
                  <Text size="sm">{record.operation}</Text>
                </Group>,
              ],
              ["Record", `${record.entity_kind} ${record.entity_id}`],
              ["Belongs to", record.subject || "—"],
            ]}
          />
          <SimpleGrid cols={2}>
            <Side label="Before" text={record.before} testId="audit-before" />
            <Side label="After" text={record.after} testId="audit-after" />
          </SimpleGrid>
          <FieldGrid
            cols={1}
            items={[
              ["Previous record's hash", <Code style={{ wordBreak: "break-all" }}>{record.prev_hash}</Code>],
              ["This record's hash", <Code style={{ wordBreak: "break-all" }}>{record.hash}</Code>],
            ]}
          />
        </Stack>
      )}
    </Drawer>
  );
}
