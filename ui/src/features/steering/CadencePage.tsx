// The Cadence page: quarterly reviews, cross-functional forums and workforce-enablement sessions,
// when each kind was last held and whether it is overdue.
import { Stack, Text, Title } from "@mantine/core";
import { CadenceTab } from "./CadenceTab";

export function CadencePage() {
  return (
    <Stack gap="md" data-testid="cadence-page">
      <div>
        <Title order={2}>Improvement cadence</Title>
        <Text c="dimmed" size="sm">
          Programme reviews, cross-functional forums (engineers, analysts, compliance) and workforce-enablement
          sessions, as they were held.
        </Text>
      </div>
      <CadenceTab />
    </Stack>
  );
}
