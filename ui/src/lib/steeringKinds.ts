// Labels of the value and steering vocabularies (plan status, risk indicators, agenda kinds,
// decisions, backlog, checklist, cadence, pilot state), kept apart from recordKinds.ts by area.
import type { PlanStatus } from "../bindings/PlanStatus";
import type { IndicatorKind } from "../bindings/IndicatorKind";
import type { AgendaKind } from "../bindings/AgendaKind";
import type { DecisionChoice } from "../bindings/DecisionChoice";
import type { BacklogStatus } from "../bindings/BacklogStatus";
import type { ChecklistStatus } from "../bindings/ChecklistStatus";
import type { CadenceKind } from "../bindings/CadenceKind";
import type { PilotState } from "../bindings/PilotState";

/** How a use case's realised benefit stands against its business case. */
export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = {
  ahead_of_plan: "Ahead of plan",
  behind_plan: "Behind plan",
  no_plan: "No plan",
  before_launch: "Before launch",
  not_started: "Not started",
};

/** The red risk indicators the dashboard lists (the backend's `IndicatorKind::label`). */
export const INDICATOR_KIND_LABEL: Record<IndicatorKind, string> = {
  stale_signoff: "Stale sign-off",
  lineage_gap: "Lineage gap",
  failed_bias_check: "Failed bias check",
  drift_alert: "Open drift alert",
  readiness_blocker: "Readiness blocker",
  cadence_overdue: "Cadence overdue",
};

/** Why an item is on a steering meeting's agenda. */
export const AGENDA_KIND_LABEL: Record<AgendaKind, string> = {
  phase_decision: "Phase decision",
  expansion: "Expansion",
  stale_signoff: "Stale sign-off",
  drift_alert: "Drift alert",
  risk_indicator: "Risk indicator",
  backlog_item: "Backlog item",
  research_review: "Research review",
};

/** What an executive decides on an agenda item, in general (the Steering page words some per kind). */
export const DECISION_CHOICE_LABEL: Record<DecisionChoice, string> = {
  approve: "Approve",
  defer: "Defer",
  stop: "Stop",
  authorise: "Authorise",
  override: "Override",
};

export const BACKLOG_STATUS_LABEL: Record<BacklogStatus, string> = {
  proposed: "Proposed",
  authorised: "Authorised",
  deferred: "Deferred",
  rejected: "Rejected",
};

/** An implementation checklist item, as the data shows it. */
export const CHECKLIST_STATUS_LABEL: Record<ChecklistStatus, string> = {
  met: "Met",
  partial: "Partly met",
  not_met: "Not met",
};

/** The improvement cadence's kinds of event (the backend's `CadenceKind::label`). */
export const CADENCE_KIND_LABEL: Record<CadenceKind, string> = {
  quarterly_review: "Quarterly review",
  forum: "Cross-functional forum",
  enablement: "Workforce enablement",
};

/** Where a pilot stands as a whole (its phases have their own labels). */
export const PILOT_STATE_LABEL: Record<PilotState, string> = {
  planned: "Not started",
  running: "Running",
  done: "Rolled out",
  stopped: "Stopped",
};
