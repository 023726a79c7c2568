// Blueprints, pilots and readiness verdicts as the backend returns them, for the Pilots tests:
// whole objects, so a test only states what it is about.
import type { Blueprint } from "../../bindings/Blueprint";
import type { BlueprintPartRecord } from "../../bindings/BlueprintPartRecord";
import type { Phase } from "../../bindings/Phase";
import type { Pilot } from "../../bindings/Pilot";
import type { Readiness } from "../../bindings/Readiness";
import type { ReadinessItem } from "../../bindings/ReadinessItem";

const EMPTY_PARTS: BlueprintPartRecord[] = [
  {
    part: "policies",
    title: "Policy guardrails",
    owner: "",
    content: { part: "policies", policy_ids: [] },
    missing: ["at least one policy guardrail"],
    updated_by: null,
    updated_at: null,
    reviewed_by: null,
    reviewed_at: null,
  },
  {
    part: "registry",
    title: "Registry: launch version",
    owner: "",
    content: { part: "registry", adapter_version_id: null },
    missing: ["the adapter version intended for launch"],
    updated_by: null,
    updated_at: null,
    reviewed_by: null,
    reviewed_at: null,
  },
  {
    part: "security",
    title: "Security overlays",
    owner: "",
    content: {
      part: "security",
      access_what: "",
      access_where: "",
      secrets_store: "",
      secrets: [],
      service_accounts: [],
      least_privilege_reviewed_by: "",
      least_privilege_reviewed_on: null,
      least_privilege_findings: "",
    },
    missing: ["identity-aware access (what, where)"],
    updated_by: null,
    updated_at: null,
    reviewed_by: null,
    reviewed_at: null,
  },
  {
    part: "monitoring",
    title: "Monitoring",
    owner: "",
    content: {
      part: "monitoring",
      traced_what: "",
      traced_where: "",
      drift_metric: "",
      drift_baseline: null,
      drift_threshold: null,
      drift_direction: null,
      drift_check_frequency: "",
      feedback_channel: "",
      feedback_owner: "",
      feedback_review_frequency: "",
    },
    missing: ["tracing (what, where)"],
    updated_by: null,
    updated_at: null,
    reviewed_by: null,
    reviewed_at: null,
  },
];

/** UC-001's blueprint, never written, with the parts given replacing the empty ones. */
export function blueprint(parts: Partial<BlueprintPartRecord>[] = []): Blueprint {
  return {
    use_case_id: "UC-001",
    parts: EMPTY_PARTS.map((empty) => ({ ...empty, ...parts.find((p) => p.part === empty.part) })),
  };
}

const ITEMS: ReadinessItem[] = [
  {
    key: "blueprint",
    title: "Blueprint complete, all four parts reviewed",
    met: true,
    detail: "all four parts complete and reviewed",
  },
  { key: "signoff", title: "A current compliance sign-off", met: true, detail: "SO-001 by Ana" },
  {
    key: "protocols",
    title: "Training, fallback and evaluation protocols defined",
    met: true,
    detail: "PIL-001: defined",
  },
  { key: "oversight", title: "Human-oversight plan complete", met: true, detail: "Dana Lee is accountable" },
  { key: "baseline", title: "Evaluation baseline recorded for the launch version", met: true, detail: "EV-1 of AV-3" },
  { key: "lineage", title: "Lineage check clean for the launch version", met: true, detail: "AV-3: no gaps" },
  {
    key: "monitoring",
    title: "Drift metric with threshold and a feedback channel defined",
    met: true,
    detail: "escalation rate alerts above 0.2",
  },
];

/** UC-001's readiness: every item met unless `unmet` names it (with the detail given). */
export function readiness(unmet: Record<string, string> = {}): Readiness {
  const items = ITEMS.map((i) => (i.key in unmet ? { ...i, met: false, detail: unmet[i.key]! } : i));
  return { use_case_id: "UC-001", ready: items.every((i) => i.met), items };
}

export function phase(fields: Partial<Phase> = {}): Phase {
  return {
    id: "PH-001",
    position: 1,
    name: "Phase 1",
    audience: "two regional claims teams",
    planned_start: "2026-12-01",
    planned_end: "2026-12-31",
    actual_start: null,
    actual_end: null,
    status: "planned",
    stop_reason: null,
    oversight_note: "",
    ...fields,
  };
}

export function pilot(fields: Partial<Pilot> = {}): Pilot {
  return {
    id: "PIL-001",
    use_case_id: "UC-001",
    use_case_title: "Claims triage",
    workflow: "first-notice-of-loss emails, motor claims only",
    protocols: {
      training_audience: "claims handlers",
      training_materials: "handbook v2",
      training_delivered_on: null,
      fallback_process: "manual triage queue",
      fallback_trigger: "error rate above 5%",
      fallback_owner: "Marco Ferri",
      evaluation_suite: "claims-eval",
      acceptance: [{ metric: "accuracy", threshold: 0.9, higher_is_better: true }],
    },
    missing_protocols: [],
    phases: [phase()],
    kpis: [],
    incidents: [],
    created_by: "Aisha Rahman",
    ...fields,
  };
}
