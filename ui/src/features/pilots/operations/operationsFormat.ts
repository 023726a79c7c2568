// How a pilot's KPIs and incidents read: figures with their unit, the improvement a KPI's target
// asks for, and the incidents still open. The rules (a target must improve on the baseline, a
// resolution needs a date not before the incident) are the backend's; this module only words them.
import type { Incident } from "../../../bindings/Incident";
import type { Kpi } from "../../../bindings/Kpi";

const FIGURE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

/** 1234.5 → "1,234.5". */
export function figure(n: number): string {
  return FIGURE.format(n);
}

/** "30 minutes", "92 %": a figure with its unit ("%" hugs the number). */
export function withUnit(n: number, unit: string): string {
  return unit === "%" ? `${figure(n)}%` : `${figure(n)} ${unit}`;
}

/** "−10 minutes (−33%)": how far the target moves from the baseline. A KPI measured in per cent
 * moves by points ("+13 points (+21%)"), so the two percentages are not confused. */
export function improvement(kpi: Kpi): string {
  const change = kpi.target - kpi.baseline;
  const sign = change > 0 ? "+" : "−";
  const amount = kpi.unit === "%" ? `${figure(Math.abs(change))} points` : withUnit(Math.abs(change), kpi.unit);
  if (kpi.baseline === 0) return `${sign}${amount}`;
  const relative = Math.round((Math.abs(change) / Math.abs(kpi.baseline)) * 100);
  return `${sign}${amount} (${sign}${relative}%)`;
}

export function openIncidents(incidents: readonly Incident[]): Incident[] {
  return incidents.filter((i) => i.resolved_on === null);
}

/** "3 incidents: 1 open, 1 compliance incident". */
export function incidentSummary(incidents: readonly Incident[]): string {
  const n = incidents.length;
  if (n === 0) return "No incident recorded.";
  const open = openIncidents(incidents).length;
  const compliance = incidents.filter((i) => i.compliance).length;
  const parts = [open === 0 ? (n === 1 ? "resolved" : "all resolved") : `${open} open`];
  if (compliance > 0) parts.push(`${compliance} compliance incident${compliance === 1 ? "" : "s"}`);
  return `${n} incident${n === 1 ? "" : "s"}: ${parts.join(", ")}.`;
}
