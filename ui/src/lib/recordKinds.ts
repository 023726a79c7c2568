// What every kind of record, action, status and field is called on screen. The Rust enums and
// tables are the source of truth for the values; this module only names them for people, so a
// page never shows `use_case`, `adapter_version` or `one_time_cost_cents`. Each map of a
// generated union is a `Record`, so a value the backend adds fails to compile until it has a
// label; anything stored as plain text (audit kinds, field names) falls back to a humanised name,
// never the raw key. Colours live in ./statusColors.
import type { Action } from "../bindings/Action";
import type { AdapterStatus } from "../bindings/AdapterStatus";
import type { BlueprintPart } from "../bindings/BlueprintPart";
import type { DriftDirection } from "../bindings/DriftDirection";
import type { BiasKind } from "../bindings/BiasKind";
import type { CheckArea } from "../bindings/CheckArea";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { JobState } from "../bindings/JobState";
import type { Classification } from "../bindings/Classification";
import type { ConsequenceKind } from "../bindings/ConsequenceKind";
import type { CoverageStatus } from "../bindings/CoverageStatus";
import type { CriterionKey } from "../bindings/CriterionKey";
import type { DecisionKind } from "../bindings/DecisionKind";
import type { Direction } from "../bindings/Direction";
import type { DuplicateAction } from "../bindings/DuplicateAction";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { EvaluationFormat } from "../bindings/EvaluationFormat";
import type { EvidenceKind } from "../bindings/EvidenceKind";
import type { GapKind } from "../bindings/GapKind";
import type { Lane } from "../bindings/Lane";
import type { MetricVerdict } from "../bindings/MetricVerdict";
import type { MonitoringChart } from "../bindings/MonitoringChart";
import type { NodeKind } from "../bindings/NodeKind";
import type { PersonalData } from "../bindings/PersonalData";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PolicyCategory } from "../bindings/PolicyCategory";
import type { RatingSource } from "../bindings/RatingSource";
import type { RiskClass } from "../bindings/RiskClass";
import type { RiskStatus } from "../bindings/RiskStatus";
import type { Role } from "../bindings/Role";
import type { RowOutcome } from "../bindings/RowOutcome";
import type { Severity } from "../bindings/Severity";
import type { SignoffKind } from "../bindings/SignoffKind";
import type { Stage } from "../bindings/Stage";
import type { WeightsFormat } from "../bindings/WeightsFormat";
import {
  AGENDA_KIND_LABEL,
  BACKLOG_STATUS_LABEL,
  CADENCE_KIND_LABEL,
  CHECKLIST_STATUS_LABEL,
  DECISION_CHOICE_LABEL,
  INDICATOR_KIND_LABEL,
  PILOT_STATE_LABEL,
  PLAN_STATUS_LABEL,
} from "./steeringKinds";

export * from "./steeringKinds";

// ---- the generated unions --------------------------------------------------------------------

export const LANE_LABEL: Record<Lane, string> = {
  portfolio: "Portfolio",
  research: "Research",
  rejected: "Rejected",
};

export const STAGE_LABEL: Record<Stage, string> = {
  discovery: "Discovery",
  architecture: "Architecture",
  data: "Data",
  pilot: "Pilot",
  scaled: "Scaled",
  retired: "Retired",
};

export const RISK_CLASS_LABEL: Record<RiskClass, string> = {
  minimal: "Minimal risk",
  limited: "Limited risk",
  high: "High risk",
  prohibited: "Prohibited",
};

export const CRITERION_LABEL: Record<CriterionKey, string> = {
  value: "Annualised value",
  criticality: "Process criticality",
  guardrail: "Guardrail complexity",
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  benefit: "Benefit",
  cost: "Cost",
};

export const RATING_SOURCE_LABEL: Record<RatingSource, string> = {
  screen: "On screen",
  sheet: "Rating sheet",
};

/** Lower case: read inside sentences ("Ana Ruiz · compliance officer"). */
export const ROLE_LABEL: Record<Role, string> = {
  consultant: "consultant",
  compliance_officer: "compliance officer",
  executive: "executive",
  product_owner: "product owner",
  administrator: "administrator",
};

export const STATUS_LABEL: Record<AdapterStatus, string> = {
  candidate: "Candidate",
  approved: "Approved",
  deployed: "Deployed",
  retired: "Retired",
};

export const CLASSIFICATION_LABEL: Record<Classification, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  personal: "Personal data",
};

export const PERSONAL_DATA_LABEL: Record<PersonalData, string> = {
  none: "None",
  pseudonymised: "Pseudonymised",
  personal: "Personal",
};

export const POLICY_CATEGORY_LABEL: Record<PolicyCategory, string> = {
  acceptable_data_sources: "Acceptable data sources",
  rl_boundaries: "Reinforcement-learning boundaries",
  prompt_management: "Prompt management responsibilities",
  other: "Other",
};

export const NODE_KIND_LABEL: Record<NodeKind, string> = {
  data_source: "Data source",
  data_pack: "Data pack",
  adapter_version: "Adapter version",
  evaluation: "Evaluation",
  deployment: "Deployment",
};

export const GAP_KIND_LABEL: Record<GapKind, string> = {
  no_base_model: "No base model",
  no_data_pack: "No data pack",
  unapproved_data_pack: "Data pack not approved",
  no_evaluation: "No evaluation",
  unaccepted_source: "Source no policy accepts",
  no_current_signoff: "No current sign-off",
};

/** Where a review check's record lives (the page or tab that opens it). */
export const CHECK_AREA_LABEL: Record<CheckArea, string> = {
  dossier: "Dossier",
  oversight: "Oversight plan",
  risk_register: "Risk register",
  bias_checks: "Bias checks",
  lineage: "Lineage",
  registry: "Registry",
  signoffs: "Sign-offs",
};

export const CONSEQUENCE_KIND_LABEL: Record<ConsequenceKind, string> = {
  signoff_stale: "Sign-off turns stale",
  lane_change: "Lane changes",
  rank_change: "Rank changes",
};

export const DECISION_KIND_LABEL: Record<DecisionKind, string> = {
  payback_gate: "Payback gate",
  signoff: "Sign-off",
  stale_signoff: "Stale sign-off",
};

/** What an import does with a row whose title is already in the portfolio. */
export const DUPLICATE_ACTION_LABEL: Record<DuplicateAction, string> = {
  skip: "Skip it",
  update: "Update the existing use case",
  add: "Add it as another use case",
};

export const ROW_OUTCOME_LABEL: Record<RowOutcome, string> = {
  added: "Added",
  updated: "Updated",
  skipped: "Skipped",
  duplicate: "Already in the portfolio",
};

export const EVALUATION_FORMAT_LABEL: Record<EvaluationFormat, string> = {
  lm_eval: "lm-evaluation-harness",
  csv: "CSV",
  mlflow: "MLflow",
};

export const WEIGHTS_FORMAT_LABEL: Record<WeightsFormat, string> = {
  safetensors: "safetensors",
  pickle: "PyTorch pickle, not parsed",
};

export const SIGNOFF_KIND_LABEL: Record<SignoffKind, string> = {
  use_case: "Use case",
  adapter_version: "Adapter version",
  evaluation: "Evaluation",
};

export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  accepted: "Accepted",
  closed: "Closed",
};

/** Lower case: read inside sentences ("covered 5 of 11", "partly covered: 3"). */
export const COVERAGE_STATUS_LABEL: Record<CoverageStatus, string> = {
  covered: "covered",
  partial: "partly covered",
  missing: "missing",
  outside: "outside Steerco",
};

export const BIAS_KIND_LABEL: Record<BiasKind, string> = {
  demographic_parity: "Demographic parity",
  adversarial_prompts: "Adversarial prompts",
};

/** As the backend's framework mapping names them (`EvidenceKind::label`). */
export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  dossier: "Dossier",
  policy: "Policy",
  data_source: "Data source",
  data_pack: "Data pack",
  adapter_version: "Adapter version",
  evaluation: "Evaluation",
  regression_test: "Regression test",
  deployment: "Deployment",
  lineage: "Lineage",
  oversight_plan: "Oversight plan",
  bias_check: "Bias check",
  adversarial_suite: "Adversarial prompt suite",
  risk_register: "Risk register",
  signoff: "Sign-off",
  audit_trail: "Audit trail",
  steering_decision: "Steering decision",
  blueprint: "Blueprint",
  security_review: "Security review",
  monitoring_plan: "Monitoring plan",
  pilot_protocols: "Pilot protocols",
  incident_log: "Incident log",
  drift_monitoring: "Drift monitoring",
  feedback: "Feedback",
  kpi: "KPI",
  value_tracking: "Value tracking",
};

export const ERROR_CODE_LABEL: Record<ErrorCode, string> = {
  invalid_input: "Invalid input",
  not_found: "Not found",
  forbidden: "Not allowed",
  conflict: "Conflict",
  edit_conflict: "Changed by someone else",
  read_only: "Read-only",
  busy: "Busy",
  not_a_portfolio: "Not a portfolio",
  newer_schema: "Written by a newer Steerco",
  corrupt: "Damaged",
  no_portfolio: "No portfolio open",
  io: "File problem",
  cancelled: "Cancelled",
  internal: "Internal error",
};

/** What a person did, as a past-tense verb for the trail. */
export const ACTION_LABEL: Record<Action, string> = {
  create: "Created",
  update: "Updated",
  delete: "Deleted",
  sign: "Signed off",
  decide: "Decided",
  import: "Imported",
  export: "Exported",
  unaudited: "Changed outside Steerco",
  acknowledge: "Acknowledged",
  restore: "Restored a backup",
  migrate: "Upgraded the file",
  withdraw: "Withdrew",
  reinstate: "Reinstated",
  decline: "Declined to sign off",
};

/** The four parts of a use case's architecture blueprint. */
export const BLUEPRINT_PART_LABEL: Record<BlueprintPart, string> = {
  policies: "Policy guardrails",
  registry: "Registry: launch version",
  security: "Security overlays",
  monitoring: "Monitoring",
};

/** Which crossing of a drift threshold opens an alert. */
export const DRIFT_DIRECTION_LABEL: Record<DriftDirection, string> = {
  above: "Alert above the threshold",
  below: "Alert below the threshold",
};

/** Where a pilot phase stands. */
export const PHASE_STATUS_LABEL: Record<PhaseStatus, string> = {
  planned: "Planned",
  running: "Running",
  done: "Done",
  stopped: "Stopped",
};

/** How serious a pilot incident is. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

/** The charts of a pilot's monitoring. */
export const MONITORING_CHART_LABEL: Record<MonitoringChart, string> = {
  drift: "Drift",
  feedback: "User feedback",
};

/** How one metric fared at the regression gate. */
export const METRIC_VERDICT_LABEL: Record<MetricVerdict, string> = {
  holds: "Holds",
  worse: "Worse than before",
  not_measured: "Not measured",
  direction_unknown: "Direction unknown",
};

/** A document handed out. */
export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  pack: "Regulator pack",
  deck: "Steering deck",
  workbook: "Workbook",
};

/** Where an export job stands. */
export const JOB_STATE_LABEL: Record<JobState, string> = {
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** Every generated union's labels, by the binding's name: the unit test checks each binding. */

export const UNION_LABELS: Record<string, Record<string, string>> = {
  Action: ACTION_LABEL,
  AdapterStatus: STATUS_LABEL,
  AgendaKind: AGENDA_KIND_LABEL,
  BacklogStatus: BACKLOG_STATUS_LABEL,
  BiasKind: BIAS_KIND_LABEL,
  BlueprintPart: BLUEPRINT_PART_LABEL,
  CadenceKind: CADENCE_KIND_LABEL,
  CheckArea: CHECK_AREA_LABEL,
  ChecklistStatus: CHECKLIST_STATUS_LABEL,
  Classification: CLASSIFICATION_LABEL,
  ConsequenceKind: CONSEQUENCE_KIND_LABEL,
  CoverageStatus: COVERAGE_STATUS_LABEL,
  CriterionKey: CRITERION_LABEL,
  DecisionChoice: DECISION_CHOICE_LABEL,
  DecisionKind: DECISION_KIND_LABEL,
  DocumentKind: DOCUMENT_KIND_LABEL,
  Direction: DIRECTION_LABEL,
  DriftDirection: DRIFT_DIRECTION_LABEL,
  DuplicateAction: DUPLICATE_ACTION_LABEL,
  ErrorCode: ERROR_CODE_LABEL,
  EvaluationFormat: EVALUATION_FORMAT_LABEL,
  EvidenceKind: EVIDENCE_KIND_LABEL,
  GapKind: GAP_KIND_LABEL,
  IndicatorKind: INDICATOR_KIND_LABEL,
  JobState: JOB_STATE_LABEL,
  Lane: LANE_LABEL,
  MetricVerdict: METRIC_VERDICT_LABEL,
  MonitoringChart: MONITORING_CHART_LABEL,
  NodeKind: NODE_KIND_LABEL,
  PersonalData: PERSONAL_DATA_LABEL,
  PhaseStatus: PHASE_STATUS_LABEL,
  PilotState: PILOT_STATE_LABEL,
  PlanStatus: PLAN_STATUS_LABEL,
  PolicyCategory: POLICY_CATEGORY_LABEL,
  RatingSource: RATING_SOURCE_LABEL,
  RiskClass: RISK_CLASS_LABEL,
  RiskStatus: RISK_STATUS_LABEL,
  Role: ROLE_LABEL,
  RowOutcome: ROW_OUTCOME_LABEL,
  Severity: SEVERITY_LABEL,
  SignoffKind: SIGNOFF_KIND_LABEL,
  Stage: STAGE_LABEL,
  WeightsFormat: WEIGHTS_FORMAT_LABEL,
};
