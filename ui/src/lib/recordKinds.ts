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
import type { NodeKind } from "../bindings/NodeKind";
import type { PersonalData } from "../bindings/PersonalData";
import type { PhaseStatus } from "../bindings/PhaseStatus";
import type { PolicyCategory } from "../bindings/PolicyCategory";
import type { RatingSource } from "../bindings/RatingSource";
import type { RiskClass } from "../bindings/RiskClass";
import type { RiskStatus } from "../bindings/RiskStatus";
import type { Role } from "../bindings/Role";
import type { RowOutcome } from "../bindings/RowOutcome";
import type { SignoffKind } from "../bindings/SignoffKind";
import type { Stage } from "../bindings/Stage";
import type { WeightsFormat } from "../bindings/WeightsFormat";

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

/** How one metric fared at the regression gate. */
export const METRIC_VERDICT_LABEL: Record<MetricVerdict, string> = {
  holds: "Holds",
  worse: "Worse than before",
  not_measured: "Not measured",
  direction_unknown: "Direction unknown",
};

/** Every generated union's labels, by the binding's name: the unit test checks each binding. */
export const UNION_LABELS: Record<string, Record<string, string>> = {
  Action: ACTION_LABEL,
  AdapterStatus: STATUS_LABEL,
  BiasKind: BIAS_KIND_LABEL,
  BlueprintPart: BLUEPRINT_PART_LABEL,
  CheckArea: CHECK_AREA_LABEL,
  Classification: CLASSIFICATION_LABEL,
  ConsequenceKind: CONSEQUENCE_KIND_LABEL,
  CoverageStatus: COVERAGE_STATUS_LABEL,
  CriterionKey: CRITERION_LABEL,
  DecisionKind: DECISION_KIND_LABEL,
  Direction: DIRECTION_LABEL,
  DriftDirection: DRIFT_DIRECTION_LABEL,
  DuplicateAction: DUPLICATE_ACTION_LABEL,
  ErrorCode: ERROR_CODE_LABEL,
  EvaluationFormat: EVALUATION_FORMAT_LABEL,
  EvidenceKind: EVIDENCE_KIND_LABEL,
  GapKind: GAP_KIND_LABEL,
  Lane: LANE_LABEL,
  MetricVerdict: METRIC_VERDICT_LABEL,
  NodeKind: NODE_KIND_LABEL,
  PersonalData: PERSONAL_DATA_LABEL,
  PhaseStatus: PHASE_STATUS_LABEL,
  PolicyCategory: POLICY_CATEGORY_LABEL,
  RatingSource: RATING_SOURCE_LABEL,
  RiskClass: RISK_CLASS_LABEL,
  RiskStatus: RISK_STATUS_LABEL,
  Role: ROLE_LABEL,
  RowOutcome: ROW_OUTCOME_LABEL,
  SignoffKind: SIGNOFF_KIND_LABEL,
  Stage: STAGE_LABEL,
  WeightsFormat: WEIGHTS_FORMAT_LABEL,
};

// ---- the audit trail's kinds, operations and fields --------------------------------------------

/**
 * What the audit trail records changes of: every table the capture triggers watch
 * (crates/core/src/store/migrations), plus the kinds of event (`portfolio`, `file`).
 */
export type EntityKind =
  | "programme"
  | "id_sequence"
  | "use_case"
  | "criterion"
  | "lane_override"
  | "workshop"
  | "workshop_participant"
  | "workshop_use_case"
  | "workshop_rating"
  | "policy"
  | "data_source"
  | "data_pack"
  | "data_pack_source"
  | "adapter"
  | "adapter_version"
  | "adapter_version_data_pack"
  | "evaluation"
  | "evaluation_metric"
  | "use_case_baseline"
  | "deployment"
  | "person"
  | "person_role"
  | "signoff"
  | "oversight"
  | "bias_check"
  | "risk"
  | "audit_acknowledgement"
  | "signoff_decline"
  | "regression_tolerance"
  | "gate_decision"
  | "blueprint_part"
  | "pilot"
  | "pilot_acceptance"
  | "pilot_phase"
  | "portfolio"
  | "file";

export const ENTITY_KIND_LABEL: Record<EntityKind, string> = {
  programme: "Programme",
  id_sequence: "Id counter",
  use_case: "Use case",
  criterion: "Scoring criterion",
  lane_override: "Payback-gate override",
  workshop: "Workshop",
  workshop_participant: "Workshop participant",
  workshop_use_case: "Workshop agenda item",
  workshop_rating: "Workshop rating",
  policy: "Policy",
  data_source: "Data source",
  data_pack: "Data pack",
  data_pack_source: "Data pack's source",
  adapter: "Adapter",
  adapter_version: "Adapter version",
  adapter_version_data_pack: "Adapter version's data pack",
  evaluation: "Evaluation",
  evaluation_metric: "Evaluation metric",
  use_case_baseline: "Baseline evaluation",
  deployment: "Deployment",
  person: "Person",
  person_role: "Person's role",
  signoff: "Sign-off",
  oversight: "Oversight plan",
  bias_check: "Bias check",
  risk: "Risk",
  audit_acknowledgement: "Audit acknowledgement",
  signoff_decline: "Declined sign-off",
  regression_tolerance: "Regression tolerance",
  gate_decision: "Gate decision",
  blueprint_part: "Blueprint part",
  pilot: "Pilot",
  pilot_acceptance: "Pilot acceptance metric",
  pilot_phase: "Pilot phase",
  portfolio: "Portfolio",
  file: "File",
};

/** How a row changed (`event`: something that changes no row, such as an export). */
export const OPERATION_LABEL: Record<string, string> = {
  insert: "Added",
  update: "Changed",
  delete: "Removed",
  event: "Event",
};

/** "data_readiness_notes" → "Data readiness notes"; "adapterVersion" → "Adapter version". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.length === 0 ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

function lookup(map: Record<string, string>, key: string): string {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : humanise(key);
}

/** An audit record's kind ("use_case" → "Use case"); a kind this build does not know, humanised. */
export function entityKindLabel(kind: string): string {
  return lookup(ENTITY_KIND_LABEL, kind);
}

/** A stored action ("sign" → "Signed off"); older files may hold names no longer in `Action`. */
export function actionLabel(action: string): string {
  return lookup(ACTION_LABEL, action);
}

export function operationLabel(operation: string): string {
  return lookup(OPERATION_LABEL, operation);
}

/**
 * Every field of the records the trail images and sign-offs bind, by its stored name. Money
 * columns are stored in cents (`*_cents`) and named like the amount they hold.
 */
export const FIELD_LABEL: Record<string, string> = {
  // use case (dossier)
  id: "Id",
  title: "Title",
  business_unit: "Business unit",
  description: "Description",
  workflow: "Workflow",
  executive_sponsor: "Executive sponsor",
  product_owner: "Product owner",
  lane: "Lane",
  requested_lane: "Requested lane",
  lane_reason: "Why in this lane",
  lane_override: "Payback-gate override",
  stage: "Stage",
  annual_value: "Annual value",
  annual_value_cents: "Annual value",
  one_time_cost: "One-time cost",
  one_time_cost_cents: "One-time cost",
  monthly_run_cost: "Monthly run cost",
  monthly_run_cost_cents: "Monthly run cost",
  payback_months: "Payback (months)",
  ratings: "Ratings",
  value_rating: "Value rating",
  criticality_rating: "Criticality rating",
  guardrail_rating: "Guardrail rating",
  data_readiness: "Data readiness",
  data_readiness_notes: "Data readiness notes",
  risk_class: "Risk class",
  risk_notes: "Risk notes",
  created_at: "Created",
  created_by: "Created by",
  updated_at: "Last changed",
  withdrawn_at: "Withdrawn",
  withdrawn_by: "Withdrawn by",
  withdrawn_reason: "Why withdrawn",
  // programme and scoring
  name: "Name",
  currency: "Currency",
  settings: "Settings",
  payback_horizon_months: "Payback horizon (months)",
  backups_kept: "Backups kept",
  key: "Key",
  weight: "Weight (%)",
  direction: "Direction",
  position: "Position",
  next_value: "Next number",
  // payback-gate override
  use_case_id: "Use case",
  decided_by: "Decided by",
  decided_at: "Decided",
  reason: "Reason",
  revoked_by: "Revoked by",
  revoked_at: "Revoked",
  // workshops
  workshop_id: "Workshop",
  held_on: "Held on",
  facilitator: "Facilitator",
  participant: "Participant",
  criterion: "Criterion",
  rating: "Rating",
  source: "Entered",
  recorded_at: "Recorded",
  value_before: "Value rating before the workshop",
  criticality_before: "Criticality rating before the workshop",
  guardrail_before: "Guardrail rating before the workshop",
  // policies, data sources and packs
  body: "Text",
  category: "Category",
  owner: "Owner",
  effective_on: "Effective from",
  version: "Version",
  system: "System",
  classification: "Classification",
  policy_id: "Accepted under policy",
  accepted_under: "Accepted under policy",
  curated_by: "Curated by",
  record_count: "Records",
  personal_data: "Personal data",
  file: "File",
  file_name: "File name",
  file_sha256: "File SHA-256",
  file_bytes: "File size",
  approved_by: "Approved by",
  approved_on: "Approved on",
  data_pack_id: "Data pack",
  source_id: "Data source",
  sources: "Data sources",
  // adapters, versions, evaluations, deployments
  adapter: "Adapter",
  adapter_id: "Adapter",
  adapter_name: "Adapter",
  adapter_version_id: "Adapter version",
  adapter_versions: "Adapter versions",
  semver_major: "Major version",
  semver_minor: "Minor version",
  semver_patch: "Patch version",
  status: "Status",
  peft_type: "PEFT type",
  base_model: "Base model",
  revision: "Base model revision",
  r: "LoRA rank (r)",
  lora_alpha: "LoRA alpha",
  lora_dropout: "LoRA dropout",
  target_modules: "Target modules",
  bias: "Bias setting",
  use_rslora: "Rank-stabilised LoRA",
  use_dora: "DoRA",
  task_type: "Task type",
  config: "PEFT config",
  config_json: "PEFT config",
  weights_file: "Weights file",
  weights_format: "Weights format",
  sha256: "SHA-256",
  tensor_count: "Tensors",
  parameters: "Parameters",
  dtypes: "Data types",
  training_params: "Training parameters",
  source_dir: "Read from folder",
  imported_by: "Imported by",
  imported_at: "Imported",
  data_packs: "Data packs",
  data_pack_ids: "Data packs",
  evaluations: "Evaluations",
  evaluation_id: "Evaluation",
  format: "Format",
  run_on: "Run on",
  run_by: "Run by",
  metrics: "Metrics",
  suite: "Suite",
  metric: "Metric",
  value: "Value",
  stderr: "Standard error",
  higher_is_better: "Higher is better",
  marked_by: "Marked by",
  marked_at: "Marked",
  baseline_evaluation: "Baseline evaluation",
  baseline_for: "Baseline for",
  target: "Target",
  deployed_on: "Deployed on",
  // people and sign-offs
  active: "Active",
  roles: "Roles",
  role: "Role",
  person_id: "Person",
  entity_kind: "Record kind",
  entity_id: "Record",
  signed_by: "Signed off by",
  signed_at: "Signed off",
  comment: "Comment",
  content_sha256: "Signed content SHA-256",
  content_json: "Signed content",
  declined_by: "Declined by",
  declined_at: "Declined",
  // risk controls
  dossier: "Dossier",
  oversight: "Oversight plan",
  risks: "Risk register",
  bias_checks: "Bias checks",
  accountable_person: "Accountable person",
  intervention_procedure: "Intervention procedure",
  fallback_owner: "Fallback owner",
  max_intervention_minutes: "Longest time to intervene (minutes)",
  kind: "Kind",
  threshold: "Threshold",
  threshold_rationale: "Why this threshold",
  result_json: "Results",
  figures: "Results",
  passed: "Passed",
  checked_at: "Checked",
  likelihood: "Likelihood",
  impact: "Impact",
  mitigation: "Mitigation",
  // the blueprint
  part: "Part",
  updated_by: "Last changed by",
  reviewed_by: "Reviewed by",
  reviewed_at: "Reviewed",
  // pilots
  training_audience: "Training audience",
  training_materials: "Training materials",
  training_delivered_on: "Training delivered on",
  fallback_process: "Fallback process",
  fallback_trigger: "Fallback trigger",
  evaluation_suite: "Evaluation suite",
  pilot_id: "Pilot",
  audience: "Audience",
  planned_start: "Planned start",
  planned_end: "Planned end",
  actual_start: "Started",
  actual_end: "Ended",
  stop_reason: "Why stopped",
  oversight_note: "Oversight for this audience",
  // the regression gate
  tolerance: "Tolerance",
  set_by: "Set by",
  set_at: "Set",
  gate: "Gate",
  subject_id: "Let through",
  rationale: "Rationale",
  refusal: "The gate's refusal",
  // the trail and its events
  seq: "Record on the trail",
  acknowledged_by: "Acknowledged by",
  acknowledged_at: "Acknowledged",
  schema_version: "Schema version",
  backup: "Backup",
  taken_at: "Taken",
  previous_state_saved_as: "Previous state saved as",
  path: "File",
  what: "What",
  bytes: "Size",
};

/** Paths whose last name alone would read wrongly ("ratings.value" is not "Value"). */
const PATH_LABEL: Record<string, string> = {
  "ratings.value": "Value rating",
  "ratings.criticality": "Criticality rating",
  "ratings.guardrail": "Guardrail rating",
  "lane_override.decided_by": "Override decided by",
  "lane_override.reason": "Override reason",
};

/** A stored field's name for people: "one_time_cost_cents" → "One-time cost". */
export function fieldLabel(field: string): string {
  return lookup(FIELD_LABEL, field);
}

/** The containers of a sign-off's content, by their path segment, as one record each. */
const CONTAINER_LABEL: Record<string, string> = {
  dossier: "",
  version: "",
  evaluation: "",
  oversight: "Oversight plan",
  risks: "Risk",
  bias_checks: "Bias check",
  adapter_versions: "Adapter version",
  data_packs: "Data pack",
  sources: "Data source",
  evaluations: "Evaluation",
  metrics: "Metric",
  config: "PEFT config",
  training_params: "Training parameter",
  lane_override: "Payback-gate override",
};

/**
 * A dotted path of a sign-off diff for people: "dossier.one_time_cost" → "One-time cost",
 * "risks[RSK-001].status" → "Risk RSK-001 › Status",
 * "data_packs[DP-1].sources[SRC-2].owner" → "Data pack DP-1 › Data source SRC-2 › Owner".
 */
export function pathLabel(path: string): string {
  const parts = path.split(".").filter((p) => p !== "");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const indexed = /^([^[]+)((?:\[[^\]]*\])+)$/.exec(part);
    if (indexed) {
      const [, name, indexes] = indexed;
      const container = CONTAINER_LABEL[name!] ?? fieldLabel(name!);
      const ids = [...indexes!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
      out.push(`${container} ${ids.join(" ")}`.trim());
      continue;
    }
    if (last) {
      const pair = i > 0 ? `${parts[i - 1]}.${part}` : part;
      out.push(PATH_LABEL[pair] ?? fieldLabel(part));
      continue;
    }
    const container = CONTAINER_LABEL[part] ?? fieldLabel(part);
    if (container !== "" && !PATH_LABEL[`${part}.${parts[i + 1]}`]) out.push(container);
  }
  return out.length === 0 ? humanise(path) : out.join(" › ");
}

/** The last field name of a diff path ("risks[RSK-1].status" → "status"). */
export function pathField(path: string): string {
  const last = path.split(".").pop() ?? path;
  return last.replace(/\[.*$/, "");
}

/** A field's enumerated values by the field's stored name (risk and adapter statuses never overlap). */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  lane: LANE_LABEL,
  requested_lane: LANE_LABEL,
  stage: STAGE_LABEL,
  risk_class: RISK_CLASS_LABEL,
  status: { ...RISK_STATUS_LABEL, ...STATUS_LABEL },
  classification: CLASSIFICATION_LABEL,
  personal_data: PERSONAL_DATA_LABEL,
  category: POLICY_CATEGORY_LABEL,
  kind: { ...BIAS_KIND_LABEL, ...SIGNOFF_KIND_LABEL },
  role: ROLE_LABEL,
  roles: ROLE_LABEL,
  format: EVALUATION_FORMAT_LABEL,
  weights_format: WEIGHTS_FORMAT_LABEL,
  direction: DIRECTION_LABEL,
  source: RATING_SOURCE_LABEL,
  criterion: CRITERION_LABEL,
  key: CRITERION_LABEL,
  entity_kind: ENTITY_KIND_LABEL,
};

/**
 * A row's id as people read it. Rows keyed by two columns have ids such as "PER-003/compliance_officer"
 * (a person's role) or "UC-001/value" (a criterion): each part that is a stored code reads by its label.
 */
export function entityIdLabel(id: string): string {
  if (!id.includes("/")) return id;
  const everyLabel = Object.values(VALUE_LABELS);
  return id
    .split("/")
    .map((part) => everyLabel.find((labels) => Object.prototype.hasOwnProperty.call(labels, part))?.[part] ?? part)
    .join(" · ");
}

/** The label of an enumerated value of `field`, or null when the field has none or the value is unknown. */
export function valueLabel(field: string, value: string): string | null {
  const labels = VALUE_LABELS[field];
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, value)) return null;
  return labels[value]!;
}

/** Amounts: stored in cents (`*_cents`) or, in signed content, in whole units. */
export function moneyField(field: string): "cents" | "units" | null {
  if (/_cents$/.test(field)) return "cents";
  if (field === "annual_value" || field === "one_time_cost" || field === "monthly_run_cost") return "units";
  return null;
}
