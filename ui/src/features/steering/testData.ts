// Steering records as the backend returns them, for the Steering tests: an open meeting with an
// agenda (a phase decision whose gate fails, a backlog item, a decided drift alert), a closed one
// with its minutes, the backlog, the checklist and the cadence.
import type { AgendaEntry } from "../../bindings/AgendaEntry";
import type { BacklogItem } from "../../bindings/BacklogItem";
import type { CadenceView } from "../../bindings/CadenceView";
import type { Checklist } from "../../bindings/Checklist";
import type { Meeting } from "../../bindings/Meeting";
import type { MeetingAgenda } from "../../bindings/MeetingAgenda";
import type { MeetingDecision } from "../../bindings/MeetingDecision";
import type { MeetingSummary } from "../../bindings/MeetingSummary";
import type { Person } from "../../bindings/Person";

export const HENRIK: Person = {
  id: "PER-002",
  name: "Henrik Olsen",
  roles: ["executive"],
  active: true,
  created_at: "2026-01-01T00:00:00Z",
};

export const AISHA: Person = {
  id: "PER-003",
  name: "Aisha Rahman",
  roles: ["product_owner"],
  active: true,
  created_at: "2026-01-01T00:00:00Z",
};

export const HEAD = "9f".repeat(32);

export function decision(fields: Partial<MeetingDecision> = {}): MeetingDecision {
  return {
    id: "DEC-001",
    meeting_id: "MTG-002",
    item: "alert:DA-002",
    kind: "drift_alert",
    subject_id: "DA-002",
    title: "Drift alert: Claims triage",
    evidence: "",
    decision: "approve",
    rationale: "A storm week; the router is retrained next sprint",
    decided_by: "Henrik Olsen",
    decided_at: "2026-12-12T10:15:00Z",
    outcome: "DA-002 acknowledged",
    ...fields,
  };
}

export function meeting(fields: Partial<Meeting> = {}): Meeting {
  return {
    id: "MTG-002",
    held_on: "2026-12-12",
    attendees: [
      { person_id: HENRIK.id, name: HENRIK.name },
      { person_id: AISHA.id, name: AISHA.name },
    ],
    created_by: "Henrik Olsen",
    closed_at: null,
    closed_by: null,
    audit_seq: null,
    audit_head: null,
    decisions: [decision()],
    actions: [],
    ...fields,
  };
}

export function entry(fields: Partial<AgendaEntry> & Pick<AgendaEntry, "item" | "kind">): AgendaEntry {
  return {
    subject_id: fields.item.split(":").pop() ?? fields.item,
    use_case_id: null,
    title: fields.item,
    detail: "",
    evidence: [],
    gate_passes: null,
    choices: ["approve", "defer", "stop"],
    decision: null,
    ...fields,
  };
}

export function agenda(fields: Partial<MeetingAgenda> = {}): MeetingAgenda {
  const items = [
    entry({
      item: "phase:PIL-001",
      kind: "phase_decision",
      use_case_id: "UC-001",
      title: "UC-001 Claims triage: Regional rollout",
      detail: "Regional rollout ran its planned course (to 2026-12-01); approve starts National rollout",
      evidence: ["Regression gate: AV-3 fails", "accuracy 0.81 → 0.78 (fails)"],
      gate_passes: false,
      choices: ["approve", "defer", "stop", "override"],
    }),
    entry({
      item: "backlog:BL-002",
      kind: "backlog_item",
      title: "Supplier onboarding assistant",
      detail: "Proposed by Aisha Rahman on 2026-11-02: onboarding takes three weeks",
      choices: ["authorise", "defer", "stop"],
    }),
    entry({
      item: "alert:DA-002",
      kind: "drift_alert",
      use_case_id: "UC-001",
      title: "Open drift alert: Claims triage",
      detail: "escalation rate was 0.26 on 2026-10-03",
      decision: decision(),
    }),
  ];
  return { meeting: meeting(), items, pending: 2, ...fields };
}

export const CLOSED: Meeting = meeting({
  id: "MTG-001",
  held_on: "2026-11-14",
  closed_at: "2026-11-14T11:30:00Z",
  closed_by: "Henrik Olsen",
  audit_seq: 412,
  audit_head: HEAD,
  decisions: [
    decision({
      id: "DEC-000",
      meeting_id: "MTG-001",
      item: "backlog:BL-001",
      kind: "backlog_item",
      subject_id: "BL-001",
      title: "Contract clause finder",
      decision: "authorise",
      rationale: "Legal asks for it every quarter",
      outcome: "UC-021 created in discovery, sponsored by Henrik Olsen",
    }),
  ],
  actions: [
    {
      id: "ACT-001",
      meeting_id: "MTG-001",
      description: "Brief legal on the discovery workshop",
      owner_id: AISHA.id,
      owner_name: AISHA.name,
      due_on: "2026-11-30",
    },
  ],
});

export const MEETINGS: MeetingSummary[] = [
  { id: "MTG-001", held_on: "2026-11-14", closed: true, attendees: 2, decisions: 1, actions: 1 },
  { id: "MTG-002", held_on: "2026-12-12", closed: false, attendees: 2, decisions: 1, actions: 0 },
];

export function backlogItem(fields: Partial<BacklogItem> = {}): BacklogItem {
  return {
    id: "BL-002",
    title: "Supplier onboarding assistant",
    proposer: "Aisha Rahman",
    rationale: "Onboarding a supplier takes three weeks of back and forth",
    sponsor: null,
    estimate: { business_unit: "Procurement", annual_value: 400_000, one_time_cost: 90_000, monthly_run_cost: null },
    proposed_on: "2026-11-02",
    status: "proposed",
    use_case_id: null,
    ...fields,
  };
}

export const CHECKLIST: Checklist = {
  met: 1,
  items: [
    {
      key: "scored_portfolio",
      title: "Score use cases on value, criticality and guardrail complexity",
      status: "met",
      detail: "3 of 3 funded use cases have both a sponsor and a product owner",
      evidence: ["UC-001", "UC-002", "UC-003"],
      gaps: [],
    },
    {
      key: "model_registry",
      title: "Shared model registry with automated evaluation pipelines and policy tagging",
      status: "partial",
      detail: "1 of 2 deployed adapter versions carry evaluations and accepted data packs",
      evidence: ["AV-1"],
      gaps: ["AV-3: no evaluation recorded"],
    },
    {
      key: "improvement_cadence",
      title: "Quarterly improvement cadence",
      status: "not_met",
      detail: "Workforce enablement was never held",
      evidence: [],
      gaps: ["Workforce enablement: never held"],
    },
  ],
};

export const CADENCE: CadenceView = {
  status: [
    { kind: "quarterly_review", last_held_on: "2026-10-01", days_since: 70, due_by: "2027-01-01", overdue: false },
    { kind: "forum", last_held_on: "2026-11-05", days_since: 35, due_by: "2027-02-05", overdue: false },
    { kind: "enablement", last_held_on: null, days_since: null, due_by: null, overdue: true },
  ],
  events: [
    {
      id: "CAD-002",
      kind: "forum",
      held_on: "2026-11-05",
      audience: "Claims engineers, analysts and compliance",
      attendance: 18,
      outcomes: "Agreed a shared evaluation suite for routing",
      recorded_by: "Aisha Rahman",
    },
    {
      id: "CAD-001",
      kind: "quarterly_review",
      held_on: "2026-10-01",
      audience: "Steering committee",
      attendance: 7,
      outcomes: "Reviewed Q3 value against plan",
      recorded_by: "Henrik Olsen",
    },
  ],
};
