// How lanes and stages read and look in the UI. The Rust enums are the source of truth for the
// values; this module only adds labels, colours and order for display.
import type { CriterionKey } from "../bindings/CriterionKey";
import type { Lane } from "../bindings/Lane";
import type { RiskClass } from "../bindings/RiskClass";
import type { LaneStageCount } from "../bindings/LaneStageCount";
import type { Stage } from "../bindings/Stage";

export const LANES: readonly Lane[] = ["portfolio", "research", "rejected"];
export const STAGES: readonly Stage[] = ["discovery", "architecture", "data", "pilot", "scaled", "retired"];

export const LANE_LABEL: Record<Lane, string> = {
  portfolio: "Portfolio",
  research: "Research",
  rejected: "Rejected",
};

export const LANE_HINT: Record<Lane, string> = {
  portfolio: "Funded: pays back within the programme's horizon",
  research: "Parked: no payback within the horizon yet",
  rejected: "Turned down by the steering committee",
};

export const LANE_COLOR: Record<Lane, string> = {
  portfolio: "blue",
  research: "grape",
  rejected: "gray",
};

export const STAGE_LABEL: Record<Stage, string> = {
  discovery: "Discovery",
  architecture: "Architecture",
  data: "Data",
  pilot: "Pilot",
  scaled: "Scaled",
  retired: "Retired",
};

export interface LaneRow {
  lane: Lane;
  counts: number[];
  total: number;
}

/** Lane × stage counts as table rows (lanes in order, one count per stage in order). */
export function laneStageRows(cells: readonly LaneStageCount[]): LaneRow[] {
  return LANES.map((lane) => {
    const counts = STAGES.map((stage) =>
      cells.filter((c) => c.lane === lane && c.stage === stage).reduce((sum, c) => sum + c.count, 0),
    );
    return { lane, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
}

/** "portfolio.steerco" from "/home/ana/portfolio.steerco" (either slash). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? path;
}

export const RISK_CLASS_LABEL: Record<RiskClass, string> = {
  minimal: "Minimal risk",
  limited: "Limited risk",
  high: "High risk",
  prohibited: "Prohibited",
};

export const RISK_CLASSES: readonly RiskClass[] = ["minimal", "limited", "high", "prohibited"];

export const CRITERIA: readonly CriterionKey[] = ["value", "criticality", "guardrail"];

/** 1234567 → "1,234,567"; amounts are whole units of the programme currency. */
export function formatMoney(amount: number): string {
  return Math.round(amount).toLocaleString("en-GB");
}

/** Months to payback with one decimal, or "never". */
export function formatPayback(months: number | null): string {
  return months === null ? "never" : `${months.toFixed(1)} mo`;
}
