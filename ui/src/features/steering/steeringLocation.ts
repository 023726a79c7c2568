// Where the Steering page opens when another page sends someone there: a meeting ("MTG-003", on
// the Meetings tab) or a tab ("#cadence"); the shell carries one string per location. The tabs
// are listed here once, in the order shown.
export type SteeringTab = "meetings" | "backlog" | "checklist" | "cadence";

export const STEERING_TABS: readonly SteeringTab[] = ["meetings", "backlog", "checklist", "cadence"];

export const STEERING_TAB_LABEL: Record<SteeringTab, string> = {
  meetings: "Meetings",
  backlog: "Backlog",
  checklist: "Checklist",
  cadence: "Cadence",
};

/** "MTG-003" for a meeting, "#cadence" for a tab. */
export function steeringParam(tab: SteeringTab, meetingId: string | null = null): string {
  return meetingId !== null ? `${meetingId}#${tab}` : `#${tab}`;
}

export function parseSteeringParam(param: string | null): { meetingId: string | null; tab: SteeringTab | null } {
  if (param === null) return { meetingId: null, tab: null };
  const [id = "", tab] = param.split("#");
  const meetingId = id === "" ? null : id;
  const named = STEERING_TABS.includes(tab as SteeringTab) ? (tab as SteeringTab) : null;
  return { meetingId, tab: named ?? (meetingId !== null ? "meetings" : null) };
}
