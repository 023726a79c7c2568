// The Checklist page: the playbook's implementation checklist, each item's status read from the
// portfolio's data with its evidence and what is missing.
import { Stack, Text, Title } from "@mantine/core";
import { ChecklistTab } from "./ChecklistTab";

export function ChecklistPage() {
  return (
    <Stack gap="md" data-testid="checklist-page">
      <div>
        <Title order={2}>Implementation checklist</Title>
        <Text c="dimmed" size="sm">
          The playbook's five items, each met, partly met or not met as the portfolio's records show it, with the
          evidence behind it and what is missing.
        </Text>
      </div>
      <ChecklistTab />
    </Stack>
  );
}
