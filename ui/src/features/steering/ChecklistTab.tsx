// The playbook's implementation checklist: five items, each with the status the data gives it
// (met, partly met, not met), what that status rests on, the records that show it and what is
// missing, naming the record. The backend derives all of it; nothing here is ticked by hand.
import { Alert, Badge, Group, List, Loader, Paper, Stack, Text } from "@mantine/core";
import type { ChecklistItem } from "../../bindings/ChecklistItem";
import { CHECKLIST_STATUS_LABEL } from "../../lib/recordKinds";
import { CHECKLIST_STATUS_COLOR } from "../../lib/statusColors";
import { useChecklist } from "./steeringData";

function Item({ item, n }: { item: ChecklistItem; n: number }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={`checklist-item-${item.key}`} data-status={item.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>
            {n}. {item.title}
          </Text>
          <Badge miw="max-content" variant="light" color={CHECKLIST_STATUS_COLOR[item.status]}>
            {CHECKLIST_STATUS_LABEL[item.status]}
          </Badge>
        </Group>
        <Text size="sm">{item.detail}</Text>
        {item.evidence.length > 0 && (
          <Group gap={4} data-testid={`checklist-evidence-${item.key}`}>
            <Text size="xs" c="dimmed">
              Shown by
            </Text>
            {item.evidence.map((id) => (
              <Badge key={id} size="sm" variant="outline" color="gray" tt="none">
                {id}
              </Badge>
            ))}
          </Group>
        )}
        {item.gaps.length > 0 && (
          <div data-testid={`checklist-gaps-${item.key}`}>
            <Text size="xs" c="dimmed">
              Missing
            </Text>
            <List size="sm" spacing={0} c="red.8">
              {item.gaps.map((gap, i) => (
                <List.Item key={i}>{gap}</List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

export function ChecklistTab() {
  const checklist = useChecklist();
  if (checklist.isPending) return <Loader size="sm" aria-label="Loading the checklist" />;
  if (checklist.isError) {
    return (
      <Alert color="red" title="The checklist could not be loaded">
        {checklist.error.message}
      </Alert>
    );
  }
  const { items, met } = checklist.data;
  return (
    <Stack gap="md" data-testid="checklist-tab">
      <Text size="sm" c="dimmed" data-testid="checklist-met">
        {met} of {items.length} met, as the portfolio's records show them today.
      </Text>
      {items.map((item, i) => (
        <Item key={item.key} item={item} n={i + 1} />
      ))}
    </Stack>
  );
}
