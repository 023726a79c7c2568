// The Programme overview, as the steering committee reads it at the start of a meeting: first the
// three figures an executive asks for — the value the funded portfolio carries, how much of it
// something endangers, and what waits for a decision — each opening its list (./ExecutiveSummary);
// then how the use cases spread over lanes and stages. The backend computes every figure; this
// page lays them out.
import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import { keys } from "../../lib/queryKeys";
import { LANE_COLOR, LANE_HINT, LANE_LABEL, laneStageRows, STAGE_LABEL, STAGES } from "../../lib/vocabulary";
import { DossierDrawer, type DossierTarget } from "../dossier/DossierDrawer";
import { ExecutiveSummary } from "./ExecutiveSummary";

export function OverviewPage() {
  const overview = useQuery({ queryKey: keys.overview, queryFn: api.programmeOverview });
  const [dossier, setDossier] = useState<DossierTarget | null>(null);

  if (overview.isPending) {
    return <Loader aria-label="Loading the programme overview" />;
  }
  if (overview.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="The overview could not be loaded">
        {overview.error.message}
      </Alert>
    );
  }

  const o = overview.data;
  const rows = laneStageRows(o.lane_stage);
  const widest = Math.max(1, ...o.by_stage.map((s) => s.count));

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
          Programme overview
        </Text>
        <Title order={2} data-testid="programme-name">
          {o.programme.name}
        </Title>
        <Text c="dimmed" size="sm">
          <span data-testid="use-case-total">{o.total}</span> use cases · amounts in {o.programme.currency} · payback
          horizon {o.programme.settings.payback_horizon_months} months
        </Text>
      </div>

      <ExecutiveSummary figures={o.figures} onOpenCase={(id) => setDossier({ kind: "existing", id })} />

      {o.total === 0 && (
        <Alert color="blue" title="No use cases yet">
          This portfolio is empty. Its lanes and stages fill in as use cases are added.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {o.by_lane.map(({ lane, count }) => (
          <Paper key={lane} withBorder p="md" radius="md" data-testid={`lane-card-${lane}`}>
            <Group justify="space-between" align="flex-start">
              <Badge color={LANE_COLOR[lane]} variant="light" size="lg">
                {LANE_LABEL[lane]}
              </Badge>
              <Text fz={32} fw={700} lh={1} data-testid={`lane-count-${lane}`}>
                {count}
              </Text>
            </Group>
            <Text size="sm" c="dimmed" mt="sm">
              {LANE_HINT[lane]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          Use cases by stage
        </Title>
        <Stack gap={6}>
          {o.by_stage.map(({ stage, count }) => (
            <Group key={stage} gap="sm" wrap="nowrap">
              <Text size="sm" w={110}>
                {STAGE_LABEL[stage]}
              </Text>
              <div style={{ flex: 1, background: "var(--mantine-color-gray-1)", borderRadius: 4, height: 18 }}>
                <div
                  style={{
                    width: `${(count / widest) * 100}%`,
                    background: "var(--mantine-color-blue-6)",
                    borderRadius: 4,
                    height: "100%",
                  }}
                />
              </div>
              <Text size="sm" fw={600} w={32} ta="right" data-testid={`stage-count-${stage}`}>
                {count}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          Lane × stage
        </Title>
        <Table striped withTableBorder={false} verticalSpacing="xs" data-testid="lane-stage-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lane</Table.Th>
              {STAGES.map((stage) => (
                <Table.Th key={stage} ta="right">
                  {STAGE_LABEL[stage]}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.lane}>
                <Table.Td>
                  <Tooltip label={LANE_HINT[row.lane]}>
                    <Badge color={LANE_COLOR[row.lane]} variant="light">
                      {LANE_LABEL[row.lane]}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                {row.counts.map((count, i) => (
                  <Table.Td key={STAGES[i]} ta="right" c={count === 0 ? "dimmed" : undefined}>
                    {count}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  {row.total}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <DossierDrawer target={dossier} onClose={() => setDossier(null)} />
    </Stack>
  );
}
