// One of a pilot's monitoring charts as the backend draws it (plotters SVG, the same picture the
// CLI writes), scaled to the page, and saving it as an SVG file where the person chooses (through
// the backend's export, which records it on the audit trail).
import { Box, Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { memo, useMemo } from "react";
import { api, chooseDestination } from "../../../backend";
import type { ExportOutcome } from "../../../bindings/ExportOutcome";
import type { MonitoringChart as Chart } from "../../../bindings/MonitoringChart";
import { MONITORING_CHART_LABEL } from "../../../lib/recordKinds";
import { chartSize, responsiveSvg, savedText, SVG_FILES } from "./monitoringData";

export const ChartSvg = memo(function ChartSvg({
  svg,
  label,
  testId,
}: {
  svg: string;
  /** What the chart shows, for screen readers. */
  label: string;
  testId: string;
}) {
  const size = useMemo(() => chartSize(svg), [svg]);
  // The SVG comes from the backend's own renderer, never from markup a person typed.
  const html = useMemo(() => ({ __html: responsiveSvg(svg) }), [svg]);
  return (
    <Box
      role="img"
      aria-label={label}
      data-testid={testId}
      maw={size.width}
      style={{ width: "100%", aspectRatio: `${size.width} / ${size.height}` }}
      dangerouslySetInnerHTML={html}
    />
  );
});

export function SaveChartButton({ useCaseId, chart }: { useCaseId: string; chart: Chart }) {
  const name = MONITORING_CHART_LABEL[chart].toLowerCase();
  const save = useMutation({
    mutationFn: async (): Promise<ExportOutcome | null> => {
      const destination = await chooseDestination(`Save the ${name} chart`, `${useCaseId}-${chart}.svg`, SVG_FILES);
      return destination === null ? null : api.monitoringExportChart({ use_case_id: useCaseId, chart, destination });
    },
    onSuccess: (written) => {
      // Kept open: the hash is there to be noted down.
      if (written)
        notifications.show({
          color: "teal",
          title: `The ${name} chart was saved`,
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
      data-testid={`save-chart-${chart}`}
    >
      Save chart as SVG…
    </Button>
  );
}
