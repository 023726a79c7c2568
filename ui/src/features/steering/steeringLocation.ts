// Where the Steering page opens when another page sends someone there: a meeting ("MTG-003", on
// the Meetings tab) or a tab ("#backlog"); the shell carries one string per location. The tabs
// are listed here once, in the order shown. (The checklist and the cadence are pages of their own.)
export type SteeringTab = "meetings" | "backlog";

export const STEERING_TABS: readonly SteeringTab[] = ["meetings", "backlog"];

export const STEERING_TAB_LABEL: Record<SteeringTab, string> = {
  meetings: "Meetings",
  backlog: "Backlog",
};

/** "MTG-003" for a meeting, "#backlog" for a tab. */
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
