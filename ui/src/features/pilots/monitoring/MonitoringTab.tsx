// A pilot's monitoring, for the Pilots page's tab: the drift settings its blueprint defines, the
// drift metric over time against its threshold (or where to define drift when none is), the drift
// alerts with the open ones first, user feedback by week as a chart and a table, the two CSV
// imports (./ImportCsvModal) and saving either chart as SVG.
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFileImport, IconLayoutList } from "@tabler/icons-react";
import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import type { FeedbackWeek } from "../../../bindings/FeedbackWeek";
import type { MonitoringView } from "../../../bindings/MonitoringView";
import { DataTable } from "../../../components/DataTable";
import { FieldGrid } from "../../../components/FieldGrid";
import { localDate } from "../../../lib/compliance";
import { formatCount } from "../../../lib/governance";
import { useNavigation } from "../../../shell/navigation";
import { pilotsParam } from "../pilotsLocation";
import { DriftAlerts } from "./DriftAlerts";
import { ImportCsvModal, type ImportKind } from "./ImportCsvModal";
import { ChartSvg, SaveChartButton } from "./MonitoringChart";
import { isNoPilot, rating, threshold, useMonitoring, value } from "./monitoringData";

const week = createColumnHelper<FeedbackWeek>();
const WEEK_COLUMNS = [
  week.accessor("week_of", { header: "Week of", meta: { nowrap: true }, cell: (i) => localDate(i.getValue()) }),
  week.accessor("count", { header: "Answers", meta: { align: "right" }, cell: (i) => formatCount(i.getValue()) }),
  week.accessor("mean_rating", { header: "Mean rating", meta: { align: "right" }, cell: (i) => rating(i.getValue()) }),
];

function DriftSection({ view, openBlueprint }: { view: MonitoringView; openBlueprint: () => void }) {
  const metric = view.drift_metric;
  const values = metric ? view.points.filter((p) => p.metric === metric).length : 0;
  const notSet = (
    <Text size="sm" c="dimmed">
      Not defined
    </Text>
  );
  return (
    <Paper withBorder p="md" radius="md" data-testid="drift-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>Drift</Title>
          {view.drift_chart_svg !== null && <SaveChartButton useCaseId={view.use_case_id} chart="drift" />}
        </Group>
        <FieldGrid
          cols={4}
          testId="drift-settings"
          items={[
            ["Drift metric", metric ?? notSet],
            [
              "Alert when",
              view.drift_direction !== null && view.drift_threshold !== null
                ? threshold(view.drift_direction, view.drift_threshold)
                : notSet,
            ],
            ["Baseline", view.drift_baseline !== null ? value(view.drift_baseline) : notSet],
            ["Values recorded", metric ? formatCount(values) : "—"],
          ]}
        />
        {view.drift_chart_svg !== null ? (
          <ChartSvg
            svg={view.drift_chart_svg}
            label={`${metric ?? "The drift metric"} over time against its threshold`}
            testId="drift-chart"
          />
        ) : (
          <Alert color="orange" title="No drift detection defined yet" data-testid="drift-chart-empty">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                Define the drift metric, its threshold and the direction that opens an alert in the monitoring part of
                the blueprint. Values imported until then are stored but not checked.
              </Text>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconLayoutList size={14} />}
                onClick={openBlueprint}
                data-testid="drift-open-blueprint"
              >
                Open the blueprint
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function FeedbackSection({ view }: { view: MonitoringView }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="feedback-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={5}>User feedback</Title>
            <Text size="sm" c="dimmed">
              {view.feedback_channel ? `Through ${view.feedback_channel}; ` : ""}
              answers and their mean rating (1 poor to 5 excellent) by week, Monday to Sunday.
            </Text>
          </div>
          <SaveChartButton useCaseId={view.use_case_id} chart="feedback" />
        </Group>
        <ChartSvg svg={view.feedback_chart_svg} label="User feedback by week" testId="feedback-chart" />
        {view.feedback_weeks.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="feedback-none">
            No feedback imported yet.
          </Text>
        ) : (
          <DataTable
            rows={view.feedback_weeks}
            columns={WEEK_COLUMNS}
            rowId={(w) => w.week_of}
            rowTestId={(w) => `feedback-week-${w.week_of}`}
            testId="feedback-weeks"
            initialSort={[{ id: "week_of", desc: true }]}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** The drift and feedback monitoring of a use case's pilot. */
export function MonitoringTab({ useCaseId }: { useCaseId: string }) {
  const { navigate } = useNavigation();
  const monitoring = useMonitoring(useCaseId);
  const [importing, setImporting] = useState<ImportKind | null>(null);

  if (monitoring.isPending) return <Loader size="sm" aria-label="Loading the monitoring" />;
  if (monitoring.isError) {
    if (isNoPilot(monitoring.error)) {
      return (
        <Paper withBorder p="md" radius="md" data-testid="monitoring-no-pilot">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {useCaseId} has no pilot yet. Drift and feedback are recorded for a pilot: create it on the Pilot tab.
            </Text>
            <Button variant="light" size="xs" onClick={() => navigate("pilots", pilotsParam(useCaseId, "pilot"))}>
              Open the Pilot tab
            </Button>
          </Stack>
        </Paper>
      );
    }
    return (
      <Alert color="red" title="The monitoring could not be loaded">
        {monitoring.error.message}
      </Alert>
    );
  }
  const view = monitoring.data;
  const open = view.alerts.filter((a) => a.acknowledged_at === null).length;
  return (
    <Stack gap="md" data-testid="monitoring-tab">
      <Group justify="space-between" align="center">
        <Text size="sm" c={open > 0 ? "red.8" : "dimmed"} fw={open > 0 ? 600 : undefined}>
          {view.pilot_id}: {formatCount(view.points.length)} monitored value{view.points.length === 1 ? "" : "s"},{" "}
          {formatCount(view.feedback.length)} feedback row{view.feedback.length === 1 ? "" : "s"}
          {open > 0 ? `, ${open} open alert${open === 1 ? "" : "s"}` : ""}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting("monitoring")}
            data-testid="import-monitoring"
          >
            Import monitoring CSV…
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setImporting("feedback")}
            data-testid="import-feedback"
          >
            Import feedback CSV…
          </Button>
        </Group>
      </Group>
      <DriftSection view={view} openBlueprint={() => navigate("pilots", pilotsParam(useCaseId, "blueprint"))} />
      <DriftAlerts alerts={view.alerts} />
      <FeedbackSection view={view} />
      <ImportCsvModal useCaseId={useCaseId} kind={importing} onClose={() => setImporting(null)} />
    </Stack>
  );
}
