// Exporting the monthly steering deck: the month it reports on (this month or one of the eleven
// before), where to save it, then progress with Cancel as for the pack.
import { Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconPresentation } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { api } from "../../backend";
import { ExportRunView, useExportRun } from "./ExportJobView";
import { recentMonths } from "./reportsData";

export function DeckExportCard() {
  const months = useMemo(() => recentMonths(new Date(), 12), []);
  const [month, setMonth] = useState<string>(months[0]?.value ?? "");
  const run = useExportRun(
    "Export the steering deck",
    () => `steering-deck-${month}.pdf`,
    (destination) => api.reportStartDeck({ destination, month }),
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="deck-card">
      <Stack gap="sm">
        <div>
          <Title order={3}>Monthly steering deck</Title>
          <Text size="sm" c="dimmed">
            Landscape slides for the steering committee: the programme in figures, value against plan with the ROI
            charts, pilots and the decisions they need, risk indicators, what changed, the decisions log and the next
            meeting&apos;s agenda.
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label="Month"
            data={months}
            value={month}
            onChange={(m) => m && setMonth(m)}
            allowDeselect={false}
            disabled={run.running}
            w={220}
            data-testid="deck-month"
          />
          {!run.running && (
            <Button
              variant="default"
              leftSection={<IconPresentation size={16} />}
              onClick={() => run.begin.mutate()}
              loading={run.begin.isPending}
              data-testid="deck-export"
            >
              Export deck…
            </Button>
          )}
        </Group>
        <ExportRunView run={run} what="steering deck" />
      </Stack>
    </Paper>
  );
}
