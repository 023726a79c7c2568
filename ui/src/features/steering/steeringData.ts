// The Steering page's reads (meetings, an open meeting's agenda, a closed one's minutes, the
// backlog, the checklist, the cadence, the portfolio's people) and how a decision reads on an
// agenda item: the choice named for what it does to that kind of item. Which choices an item
// takes, and what each does, is the backend's.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../backend";
import type { AgendaKind } from "../../bindings/AgendaKind";
import type { DecisionChoice } from "../../bindings/DecisionChoice";
import type { Person } from "../../bindings/Person";
import { keys } from "../../lib/queryKeys";
import { DECISION_CHOICE_LABEL } from "../../lib/recordKinds";

export function useMeetings() {
  return useQuery({ queryKey: keys.meetings, queryFn: api.meetingList });
}

export function useAgenda(meetingId: string, enabled = true) {
  return useQuery({ queryKey: keys.agenda(meetingId), queryFn: () => api.meetingAgenda({ id: meetingId }), enabled });
}

export function useMinutes(meetingId: string, enabled = true) {
  return useQuery({ queryKey: keys.minutes(meetingId), queryFn: () => api.meetingMinutes({ id: meetingId }), enabled });
}

export function useBacklog() {
  return useQuery({ queryKey: keys.backlog, queryFn: api.meetingBacklog });
}

export function useChecklist() {
  return useQuery({ queryKey: keys.checklist, queryFn: api.steeringChecklist });
}

export function useCadence() {
  return useQuery({ queryKey: keys.cadence, queryFn: api.steeringCadence });
}

export function usePeople(enabled = true) {
  return useQuery({ queryKey: keys.people, queryFn: api.personList, enabled });
}

/** The portfolio's active people as select options (value: the person's id). */
export function personOptions(people: readonly Person[] | undefined): { value: string; label: string }[] {
  return (people ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }));
}

/** Choices that read better by what they do to one kind of item (the backend's `act`). */
const CHOICE_BY_KIND: Partial<Record<AgendaKind, Partial<Record<DecisionChoice, string>>>> = {
  phase_decision: { approve: "Approve next phase", stop: "Stop the pilot", override: "Override the gate" },
  expansion: { approve: "Approve scaling", stop: "Keep in pilot", override: "Override the gate" },
  stale_signoff: { approve: "Accept as it stands", stop: "Stop the pilot" },
  drift_alert: { approve: "Acknowledge", stop: "Stop the pilot" },
  risk_indicator: { approve: "Accept as it stands", stop: "Stop the pilot" },
  backlog_item: { authorise: "Authorise", stop: "Reject" },
  research_review: { approve: "Keep in research", stop: "Retire", override: "Keep in portfolio" },
};

/** "Approve scaling" for an expansion's approve; the general label elsewhere. */
export function choiceLabel(kind: AgendaKind, choice: DecisionChoice): string {
  return CHOICE_BY_KIND[kind]?.[choice] ?? DECISION_CHOICE_LABEL[choice];
}

/** What the decision does, shown with the rationale field. */
const CHOICE_EFFECT: Partial<Record<AgendaKind, Partial<Record<DecisionChoice, string>>>> = {
  phase_decision: {
    approve: "Ends the running phase and starts the next (or ends the rollout), through the regression gate.",
    stop: "Stops the running phase; the fallback protocol takes over.",
    override:
      "Starts the next phase although the regression gate refuses; your rationale is recorded as a gate decision.",
  },
  expansion: {
    approve: "Moves the use case from pilot to scaled; it needs passing regression evidence.",
    stop: "The case stays in pilot; no expansion.",
    override: "Scales the case although the regression gate refuses; your rationale is recorded with it.",
  },
  drift_alert: {
    approve: "Acknowledges the alert with your rationale as its note.",
    stop: "Stops the case's running pilot and acknowledges the alert.",
  },
  stale_signoff: { stop: "Stops the case's running pilot." },
  risk_indicator: { stop: "Stops the case's running pilot." },
  backlog_item: {
    authorise: "Creates a use case in discovery from the item, sponsored by its sponsor (or you).",
    defer: "Keeps the item for a later meeting.",
    stop: "Rejects the item.",
  },
  research_review: {
    approve: "Keeps the case in the research lane until its next review.",
    stop: "Retires the case.",
    override: "Keeps the case in the portfolio lane despite the payback gate.",
  },
};

export function choiceEffect(kind: AgendaKind, choice: DecisionChoice): string {
  if (choice === "defer" && kind !== "backlog_item") return "Puts the item back on the next meeting's agenda.";
  return CHOICE_EFFECT[kind]?.[choice] ?? "Recorded in the minutes with your rationale.";
}
