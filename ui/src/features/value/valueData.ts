// The value area's reads (the dashboard's returns, one use case's months, the value charts) and
// how their figures read: ROI and variances as signed percentages, differences as signed amounts,
// the payback month. Sums, ratios, payback and plan status are the backend's (exact money); this
// module only words them.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { ValueChart } from "../../bindings/ValueChart";
import type { Variance } from "../../bindings/Variance";
import { localMonth } from "../../lib/compliance";
import type { Money } from "../../lib/money";
import { keys } from "../../lib/queryKeys";

/** The executive dashboard: portfolio and per-case returns, pilots, decisions, risks. */
export function useDashboard() {
  return useQuery({ queryKey: keys.dashboard, queryFn: api.steeringDashboard });
}

/** A use case's months, returns and the names of the KPIs it has values for. */
export function useValue(useCaseId: string) {
  return useQuery({ queryKey: keys.value(useCaseId), queryFn: () => api.valueGet({ id: useCaseId }) });
}

export function useValueChart(chart: ValueChart, enabled = true) {
  return useQuery({ queryKey: keys.valueChart(chart), queryFn: () => api.valueChart(chart), enabled });
}

const PERCENT = new Intl.NumberFormat(undefined, {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** A ratio (0.453) as "+45.3%"; "—" while nothing was spent (the backend gives none). */
export function roiText(roi: number | null): string {
  return roi === null ? "—" : PERCENT.format(roi);
}

/** A percentage the backend already multiplied by 100 (12.5) as "+12.5%"; "—" with no plan. */
export function percentText(percent: number | null): string {
  return percent === null ? "—" : PERCENT.format(percent / 100);
}

/** +€1,200 for a gain, −€300 for a shortfall (the sign always shown). */
export function signedMoney(money: Money, amount: number): string {
  return amount > 0 ? `+${money.format(amount)}` : money.format(amount);
}

/** "+€12,000 (+8.0%) against €150,000 planned". */
export function varianceText(money: Money, v: Variance): string {
  return `${signedMoney(money, v.difference)} (${percentText(v.percent)}) against ${money.format(v.planned)} planned`;
}

/** "Mar 2026, after 7 months" or "Not paid back yet". */
export function paybackText(month: string | null, months: number | null): string {
  if (month === null) return "Not paid back yet";
  return months === null ? localMonth(month) : `${localMonth(month)}, after ${months} month${months === 1 ? "" : "s"}`;
}

/** The month now, as the backend writes months (YYYY-MM), in the user's time zone. */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

const KPI_VALUE = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

/** A KPI's value as typed (1234.5 → "1,234.5" in the user's locale). */
export function kpiValue(value: number): string {
  return KPI_VALUE.format(value);
}

/** "UC-001-kpi-handling-time.svg": a file name a chart saves under. */
export function chartFileName(chart: ValueChart): string {
  switch (chart.chart) {
    case "roi":
      return `${chart.use_case_id}-roi.svg`;
    case "portfolio_roi":
      return "portfolio-roi.svg";
    case "kpi": {
      const slug = chart.kpi
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      return `${chart.use_case_id}-kpi-${slug || "kpi"}.svg`;
    }
  }
}
