// How compliance records read in the UI: sign-off state, risk statuses, audit actions, framework
// coverage, and timestamps in the user's locale and time zone. The backend computes verdicts
// (staleness, pass/fail, coverage, what is missing); this module only lays them out. Labels are
// in ./recordKinds, colours in ./statusColors.
import type { Action } from "../bindings/Action";
import type { CoverageStatus } from "../bindings/CoverageStatus";
import type { RiskStatus } from "../bindings/RiskStatus";
import type { SignoffStatus } from "../bindings/SignoffStatus";
import { ACTION_LABEL } from "./recordKinds";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, options: Intl.DateTimeFormatOptions): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, f);
  }
  return f.format(at);
}

/** "4 Mar 2026" (en-GB) or "Mar 4, 2026" (en-US) for an RFC 3339 timestamp or a plain date. */
export function localDate(iso: string): string {
  // A plain date names a calendar day, not an instant: read it as that day wherever the user is.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso;
  return format(day, { dateStyle: "medium" }) ?? iso.slice(0, 10);
}

/** "Mar 2026" in the user's locale for a month as the backend writes it (YYYY-MM). */
export function localMonth(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  // The middle of the month, so no time zone moves it into the one before or after.
  return format(`${month}-15T12:00:00`, { month: "short", year: "numeric" }) ?? month;
}

/** "4 Mar 2026, 14:05" in the user's locale and time zone; with seconds where records follow fast. */
export function localDateTime(iso: string, seconds = false): string {
  return format(iso, { dateStyle: "medium", timeStyle: seconds ? "medium" : "short" }) ?? iso;
}

/** "08:50" today, "4 Mar 2026, 08:50" on another day: when a change was made, as history reads. */
export function whenText(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toDateString() === now.toDateString() ? (format(iso, { timeStyle: "short" }) ?? iso) : localDateTime(iso);
}

export type SignoffState =
  { kind: "none" } | { kind: "current"; status: SignoffStatus } | { kind: "stale"; status: SignoffStatus };

/** A record's sign-off state from its sign-offs: the newest one decides. */
export function signoffState(statuses: readonly SignoffStatus[]): SignoffState {
  const newest = statuses.find((s) => !s.superseded) ?? statuses[0];
  if (!newest) return { kind: "none" };
  return newest.stale ? { kind: "stale", status: newest } : { kind: "current", status: newest };
}

export const RISK_STATUSES: readonly RiskStatus[] = ["open", "mitigating", "accepted", "closed"];

/** Every action the trail records, for the audit filter. */
export const AUDIT_ACTIONS = Object.keys(ACTION_LABEL) as Action[];

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["covered", "partial", "missing", "outside"];

/** 0.8123 → "81.2%". */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
