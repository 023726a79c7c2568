// One colour per status, the same on every page: a sign-off that went stale is red in the queue,
// on the dossier and in the ranked table alike. Every badge that shows a status takes its colour
// from here (ui/README.md has the table). Labels live in ./recordKinds.
import type { Action } from "../bindings/Action";
import type { AdapterStatus } from "../bindings/AdapterStatus";
import type { BacklogStatus } from "../bindings/BacklogStatus";
import type { ChecklistStatus } from "../bindings/ChecklistStatus";
import type { Classification } from "../bindings/Classification";
import type { CoverageStatus } from "../bindings/CoverageStatus";
import type { DecisionChoice } from "../bindings/DecisionChoice";
import type { Lane } from "../bindings/Lane";
import type { MetricVerdict } from "../bindings/MetricVerdict";
import type { PersonalData } from "../bindings/PersonalData";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PlanStatus } from "../bindings/PlanStatus";
import type { RiskStatus } from "../bindings/RiskStatus";
import type { Role } from "../bindings/Role";
import type { Severity } from "../bindings/Severity";

/** The meaning behind the colours: good (done, holds), attention (awaits someone), bad (blocks). */
export const TONE = {
  good: "teal",
  attention: "orange",
  bad: "red",
  neutral: "gray",
  info: "blue",
} as const;

/** A record's compliance sign-off, and where it waits in the queue. */
export type SignoffStateKind = "none" | "awaiting" | "current" | "stale" | "superseded";

export const SIGNOFF_STATE_COLOR: Record<SignoffStateKind, string> = {
  none: TONE.neutral,
  awaiting: TONE.attention,
  current: TONE.good,
  stale: TONE.bad,
  superseded: TONE.neutral,
};

/** Adapter versions, in the order they move: candidate → approved → deployed → retired. */
export const STATUS_COLOR: Record<AdapterStatus, string> = {
  candidate: TONE.neutral,
  approved: TONE.info,
  deployed: TONE.good,
  retired: "dark",
};

export const RISK_STATUS_COLOR: Record<RiskStatus, string> = {
  open: TONE.bad,
  mitigating: TONE.attention,
  accepted: TONE.info,
  closed: TONE.neutral,
};

export const COVERAGE_STATUS_COLOR: Record<CoverageStatus, string> = {
  covered: TONE.good,
  partial: "yellow",
  missing: TONE.bad,
  outside: TONE.neutral,
};

/** Pass/fail verdicts the backend gives: a bias check, a threshold, a complete record or plan. */
export const CHECK_COLOR: Record<"passed" | "failed", string> = {
  passed: TONE.good,
  failed: TONE.bad,
};

/** A metric at the regression gate: only one that holds passes; one not measured, or whose
 * direction is unknown, blocks as a worse one does. */
export const METRIC_VERDICT_COLOR: Record<MetricVerdict, string> = {
  holds: TONE.good,
  worse: TONE.bad,
  not_measured: TONE.bad,
  direction_unknown: TONE.bad,
};

/** A data pack's compliance approval. */
export const APPROVAL_COLOR: Record<"approved" | "awaiting", string> = {
  approved: TONE.good,
  awaiting: TONE.attention,
};

/** Likelihood × impact on the usual 5 × 5 grid: 15 and above red, 8 and above orange, else teal. */
export function riskScoreColor(score: number): string {
  if (score >= 15) return TONE.bad;
  if (score >= 8) return TONE.attention;
  return TONE.good;
}

/** A pilot phase: planned → running → done, or stopped (the fallback took over). */
export const PHASE_STATUS_COLOR: Record<PhaseStatus, string> = {
  planned: TONE.neutral,
  running: TONE.info,
  done: TONE.good,
  stopped: TONE.bad,
};

/** A pilot incident's severity: low is informational, critical blocks. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  low: TONE.neutral,
  medium: "yellow",
  high: TONE.attention,
  critical: TONE.bad,
};

export const LANE_COLOR: Record<Lane, string> = {
  portfolio: "blue",
  research: "grape",
  rejected: "gray",
};

export const CLASSIFICATION_COLOR: Record<Classification, string> = {
  public: TONE.good,
  internal: TONE.info,
  confidential: TONE.attention,
  personal: TONE.bad,
};

export const PERSONAL_DATA_COLOR: Record<PersonalData, string> = {
  none: TONE.good,
  pseudonymised: "yellow",
  personal: TONE.bad,
};

export const ROLE_COLOR: Record<Role, string> = {
  consultant: "gray",
  compliance_officer: "teal",
  executive: "violet",
  product_owner: "blue",
  administrator: "orange",
};

/**
 * Realised benefit against the business case: ahead is good, behind is bad; no plan, not launched
 * (no benefit planned yet) and nothing recorded say nothing either way.
 */
export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  ahead_of_plan: TONE.good,
  behind_plan: TONE.bad,
  no_plan: TONE.neutral,
  before_launch: TONE.neutral,
  not_started: TONE.neutral,
};

/** An implementation checklist item: met, partly met (as coverage's partial), not met. */
export const CHECKLIST_STATUS_COLOR: Record<ChecklistStatus, string> = {
  met: TONE.good,
  partial: "yellow",
  not_met: TONE.bad,
};

/** A backlog item waits for the steering meeting while proposed; authorised became a use case. */
export const BACKLOG_STATUS_COLOR: Record<BacklogStatus, string> = {
  proposed: TONE.attention,
  authorised: TONE.good,
  deferred: TONE.neutral,
  rejected: TONE.bad,
};

/** A steering decision: going ahead, waiting, stopping, or going ahead past a gate. */
export const DECISION_CHOICE_COLOR: Record<DecisionChoice, string> = {
  approve: TONE.good,
  authorise: TONE.good,
  defer: TONE.neutral,
  stop: TONE.bad,
  override: TONE.attention,
};

/** Each action's colour on the audit trail. */
export const AUDIT_ACTION_COLOR: Record<Action, string> = {
  create: "teal",
  update: "blue",
  delete: "red",
  sign: "violet",
  decide: "orange",
  import: "cyan",
  export: "gray",
  unaudited: "red",
  acknowledge: "grape",
  restore: "yellow",
  migrate: "gray",
  withdraw: "orange",
  reinstate: "teal",
  decline: "red",
};

/** A stored record's action is plain text (older files may hold names no longer in `Action`). */
export function auditActionColor(action: string): string {
  return (AUDIT_ACTION_COLOR as Record<string, string>)[action] ?? TONE.neutral;
}
