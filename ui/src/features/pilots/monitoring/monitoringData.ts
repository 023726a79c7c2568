// A pilot's monitoring as the backend computes it (drift settings from the blueprint, the values
// and feedback recorded, every alert with the open ones first, both charts drawn as SVG), and how
// its figures read. Thresholds, crossings and weekly sums are the backend's.
import { useQuery } from "@tanstack/react-query";
import { api, BackendError, type FileFilter } from "../../../backend";
import type { DriftDirection } from "../../../bindings/DriftDirection";
import type { ExportOutcome } from "../../../bindings/ExportOutcome";
import { formatBytes } from "../../../lib/governance";
import { keys } from "../../../lib/queryKeys";

export function useMonitoring(useCaseId: string) {
  return useQuery({ queryKey: keys.monitoring(useCaseId), queryFn: () => api.monitoringView({ id: useCaseId }) });
}

/** The backend's refusal when the use case has no pilot yet (the view is a pilot's). */
export function isNoPilot(error: Error): boolean {
  return error instanceof BackendError && error.code === "invalid_input" && error.field === "use_case_id";
}

export const SVG_FILES: FileFilter[] = [{ name: "SVG image", extensions: ["svg"] }];

const VALUE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

/** 0.31 → "0.31"; 1234.5 → "1,234.5". */
export function value(n: number): string {
  return VALUE.format(n);
}

/** "above 0.2": where an alert opens. */
export function threshold(direction: DriftDirection, limit: number): string {
  return `${direction} ${value(limit)}`;
}

/** 3.456 → "3.46 / 5". */
export function rating(mean: number): string {
  return `${mean.toFixed(2)} / 5`;
}

/** What a chart export wrote, with the hash to check a copy against. */
export function savedText(written: ExportOutcome): string {
  return `${formatBytes(written.bytes)} written to ${written.path}; SHA-256 ${written.sha256}`;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** The drawing's size from its viewBox (plotters writes one), for the box that keeps its shape. */
export function chartSize(svg: string): ChartSize {
  const box = /<svg\b[^>]*\bviewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)\s*"/.exec(svg);
  const width = Number(box?.[1]);
  const height = Number(box?.[2]);
  return width > 0 && height > 0 ? { width, height } : { width: 760, height: 320 };
}

/** The SVG scaled to its box: the fixed width and height plotters writes give way to the viewBox. */
export function responsiveSvg(svg: string): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(?:width|height)="[^"]*"/g, "").replace(/^<svg/, '<svg width="100%" height="100%"'),
  );
}
