// The audit trail's vocabulary for people: the kinds of record it holds (one per table the capture
// triggers watch), how a row changed, every stored field and sign-off path by its label, and the
// labels of enumerated values by field. The unions' own labels live in ./recordKinds.
import { FIELD_LABEL, KIND_FIELD_LABEL } from "./fieldLabels";
import {
  ACTION_LABEL,
  AGENDA_KIND_LABEL,
  BACKLOG_STATUS_LABEL,
  BIAS_KIND_LABEL,
  CADENCE_KIND_LABEL,
  CLASSIFICATION_LABEL,
  CRITERION_LABEL,
  DECISION_CHOICE_LABEL,
  DIRECTION_LABEL,
  EVALUATION_FORMAT_LABEL,
  LANE_LABEL,
  PERSONAL_DATA_LABEL,
  POLICY_CATEGORY_LABEL,
  RATING_SOURCE_LABEL,
  RISK_CLASS_LABEL,
  RISK_STATUS_LABEL,
  ROLE_LABEL,
  SIGNOFF_KIND_LABEL,
  STAGE_LABEL,
  STATUS_LABEL,
  WEIGHTS_FORMAT_LABEL,
} from "./recordKinds";

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
  | "pilot_kpi"
  | "pilot_incident"
  | "monitoring_point"
  | "feedback_entry"
  | "drift_alert"
  | "value_month"
  | "value_kpi"
  | "backlog_item"
  | "meeting"
  | "meeting_attendee"
  | "meeting_decision"
  | "meeting_action"
  | "cadence_event"
  | "document_export"
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
  pilot_kpi: "Pilot KPI",
  pilot_incident: "Pilot incident",
  monitoring_point: "Monitored value",
  feedback_entry: "User feedback",
  drift_alert: "Drift alert",
  value_month: "Value month",
  value_kpi: "KPI value",
  backlog_item: "Backlog item",
  meeting: "Steering meeting",
  meeting_attendee: "Meeting attendee",
  meeting_decision: "Steering decision",
  meeting_action: "Meeting action",
  cadence_event: "Cadence event",
  document_export: "Document exported",
  portfolio: "Portfolio",
  file: "File",
};

/** How a row changed (`event`: something that changes no row, such as an export). */
export const OPERATION_LABEL: Record<string, string> = {
  insert: "Added",
  update: "Changed",
  delete: "Removed",
  event: "Event",
  batch: "Added in bulk",
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

/** Paths whose last name alone would read wrongly ("ratings.value" is not "Value"). */
const PATH_LABEL: Record<string, string> = {
  "ratings.value": "Value rating",
  "ratings.criticality": "Criticality rating",
  "ratings.guardrail": "Guardrail rating",
  "lane_override.decided_by": "Override decided by",
  "lane_override.reason": "Override reason",
};

/**
 * A stored field's name for people: "one_time_cost_cents" → "One-time cost"; on a record of
 * `entityKind`, the label that kind gives the field where it has its own.
 */
export function fieldLabel(field: string, entityKind?: string): string {
  const own = entityKind === undefined ? undefined : KIND_FIELD_LABEL[entityKind];
  return own && Object.prototype.hasOwnProperty.call(own, field) ? own[field]! : lookup(FIELD_LABEL, field);
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
  status: { ...RISK_STATUS_LABEL, ...STATUS_LABEL, ...BACKLOG_STATUS_LABEL },
  classification: CLASSIFICATION_LABEL,
  personal_data: PERSONAL_DATA_LABEL,
  category: POLICY_CATEGORY_LABEL,
  kind: { ...BIAS_KIND_LABEL, ...SIGNOFF_KIND_LABEL, ...CADENCE_KIND_LABEL, ...AGENDA_KIND_LABEL },
  decision: DECISION_CHOICE_LABEL,
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

export { FIELD_LABEL };
