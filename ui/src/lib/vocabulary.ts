// Lanes and stages in the order the UI lists them, with the lane hints and table rows. The Rust
// enums are the source of truth for the values. Labels are defined in ./recordKinds and colours in
// ./statusColors; the lane and stage ones are re-exported here for the pages that read them here.
import type { CriterionKey } from "../bindings/CriterionKey";
import type { Lane } from "../bindings/Lane";
import type { LaneStageCount } from "../bindings/LaneStageCount";
import type { RiskClass } from "../bindings/RiskClass";
import type { Stage } from "../bindings/Stage";

export { LANE_LABEL, RISK_CLASS_LABEL, STAGE_LABEL } from "./recordKinds";
export { LANE_COLOR } from "./statusColors";

export const LANES: readonly Lane[] = ["portfolio", "research", "rejected"];
export const STAGES: readonly Stage[] = ["discovery", "architecture", "data", "pilot", "scaled", "retired"];

export const LANE_HINT: Record<Lane, string> = {
  portfolio: "Funded: pays back within the programme's horizon",
  research: "Parked: no payback within the horizon yet",
  rejected: "Turned down by the steering committee",
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

export const RISK_CLASSES: readonly RiskClass[] = ["minimal", "limited", "high", "prohibited"];

export const CRITERIA: readonly CriterionKey[] = ["value", "criticality", "guardrail"];

/** Months to payback with one decimal, or "never". */
export function formatPayback(months: number | null): string {
  return months === null ? "never" : `${months.toFixed(1)} mo`;
}
