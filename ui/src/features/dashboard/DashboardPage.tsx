// The executive dashboard, the app's first page once any value is recorded: what the portfolio
// realised against its business cases (./PortfolioFigures), the portfolio's ROI by month and the
// scoring matrix as the backend draws them, returns per use case (./CaseReturnsTable), then the
// latest highlights, pilots by phase, decisions needed, the open steering meeting, open incidents
// (./DashboardPanels) and every red risk indicator (./RiskIndicators). The backend computes it in
// one read; this page lays it out, each record a link to where it is dealt with.
import { Alert, Button, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconReportMoney } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { localDate } from "../../lib/compliance";
import { programmeQuery } from "../../lib/money";
import { useNavigation } from "../../shell/navigation";
import { DossierDrawer, type DossierTarget } from "../dossier/DossierDrawer";
import { ScoringMatrix } from "../portfolio/ScoringMatrix";
import { useDashboard } from "../value/valueData";
import { ValueChartView } from "../value/ValueChartView";
import { CaseReturnsTable } from "./CaseReturnsTable";
import { DecisionsNeeded, Highlights, OpenIncidents, OpenMeetingPanel, Panel, PilotsByPhase } from "./DashboardPanels";
import { PortfolioFigures } from "./PortfolioFigures";
import { RiskIndicators } from "./RiskIndicators";

export function DashboardPage() {
  const dashboard = useDashboard();
  const programme = useQuery(programmeQuery);
  const { navigate } = useNavigation();
  const [dossier, setDossier] = useState<DossierTarget | null>(null);

  if (dashboard.isPending) return <Loader aria-label="Loading the dashboard" />;
  if (dashboard.isError) {
    return (
      <Alert color="red" title="The dashboard could not be loaded">
        {dashboard.error.message}
      </Alert>
    );
  }
  const d = dashboard.data;
  return (
    <Stack gap="lg" data-testid="dashboard-page">
      <div>
        <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
          Executive dashboard
        </Text>
        {/* The programme's name once it is read: never a stand-in that a reader could take for it. */}
        {programme.data && (
          <Title order={2} data-testid="programme-name">
            {programme.data.name}
          </Title>
        )}
        <Text c="dimmed" size="sm">
          As of {localDate(d.as_of)} · amounts in {d.currency} · {d.use_cases.length} use case
          {d.use_cases.length === 1 ? "" : "s"} with value recorded
        </Text>
      </div>

      {d.has_value ? (
        <>
          <PortfolioFigures portfolio={d.portfolio} months={d.portfolio.months.length} />
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <Paper withBorder p="md" radius="md">
              <ValueChartView
                chart={{ chart: "portfolio_roi" }}
                title="Portfolio ROI by month"
                extra={
                  <Text size="sm" c="dimmed">
                    Cumulative net over cumulative cost, across every use case with value recorded.
                  </Text>
                }
                label="The portfolio's return on investment by month"
                name="portfolio ROI chart"
                testId="dashboard-roi"
              />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={5} mb="xs">
                Scoring matrix
              </Title>
              <ScoringMatrix />
            </Paper>
          </SimpleGrid>
          <Panel title="Returns by use case" testId="dashboard-returns">
            <CaseReturnsTable cases={d.use_cases} />
          </Panel>
        </>
      ) : (
        <Alert color="blue" title="No value recorded yet" data-testid="dashboard-no-value">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Returns, ROI and payback appear here once a month of value is recorded for a use case, by hand or from a
              metrics file.
            </Text>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconReportMoney size={14} />}
              onClick={() => navigate("value")}
            >
              Record value
            </Button>
          </Stack>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Highlights highlights={d.highlights} />
        <PilotsByPhase pilots={d.pilots} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="md">
          <OpenMeetingPanel meeting={d.open_meeting} />
          <DecisionsNeeded decisions={d.decisions} onOpenCase={(id) => setDossier({ kind: "existing", id })} />
        </Stack>
        <OpenIncidents incidents={d.incidents} />
      </SimpleGrid>
      <RiskIndicators risks={d.risks} />
      <DossierDrawer target={dossier} onClose={() => setDossier(null)} />
    </Stack>
  );
}
