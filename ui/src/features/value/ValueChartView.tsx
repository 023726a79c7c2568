// A value chart as the backend draws it (plotters SVG, the same picture `steerco chart` writes and
// the PDF packs embed), scaled to the page like the monitoring charts, with "Save chart as SVG…"
// through the backend's export (which records it on the audit trail).
import { Alert, Button, Center, Group, Loader, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, chooseDestination } from "../../backend";
import type { ExportOutcome } from "../../bindings/ExportOutcome";
import type { ValueChart } from "../../bindings/ValueChart";
import { ChartSvg } from "../pilots/monitoring/MonitoringChart";
import { savedText, SVG_FILES } from "../pilots/monitoring/monitoringData";
import { chartFileName, useValueChart } from "./valueData";

export function SaveValueChartButton({ chart, name, testId }: { chart: ValueChart; name: string; testId: string }) {
  const save = useMutation({
    mutationFn: async (): Promise<ExportOutcome | null> => {
      const destination = await chooseDestination(`Save the ${name}`, chartFileName(chart), SVG_FILES);
      return destination === null ? null : api.valueExportChart({ chart, destination });
    },
    onSuccess: (written) => {
      // Kept open: the hash is there to be noted down.
      if (written)
        notifications.show({
          color: "teal",
          title: `The ${name} was saved`,
          message: savedText(written),
          autoClose: false,
        });
    },
    onError: (error) =>
      notifications.show({ color: "red", title: "The chart was not saved", message: error.message, autoClose: false }),
  });
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      onClick={() => save.mutate()}
      loading={save.isPending}
      data-testid={testId}
    >
      Save chart as SVG…
    </Button>
  );
}

/** The chart with its title and save button; `label` says what it shows, for screen readers. */
export function ValueChartView({
  chart,
  title,
  label,
  name,
  testId,
  extra,
}: {
  chart: ValueChart;
  title: string;
  label: string;
  /** How the save dialog and its notice name it ("ROI chart"). */
  name: string;
  /** The chart's box; its save button is `<testId>-save`. */
  testId: string;
  /** Shown under the title (a caption, a legend). */
  extra?: ReactNode;
}) {
  const svg = useValueChart(chart);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={5}>{title}</Title>
          {extra}
        </div>
        {svg.data !== undefined && <SaveValueChartButton chart={chart} name={name} testId={`${testId}-save`} />}
      </Group>
      {svg.isPending ? (
        <Center h={160}>
          <Loader size="sm" aria-label={`Drawing the ${name}`} />
        </Center>
      ) : svg.isError ? (
        <Alert color="red" title={`The ${name} could not be drawn`} data-testid={`${testId}-error`}>
          {svg.error.message}
        </Alert>
      ) : (
        <ChartSvg svg={svg.data} label={label} testId={testId} />
      )}
    </Stack>
  );
}
