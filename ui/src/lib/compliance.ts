// How compliance records read in the UI: sign-off state, risk scores and statuses, bias check
// kinds, audit actions, framework coverage, and timestamps in the user's time zone. The backend
// computes verdicts (staleness, pass/fail, coverage, what is missing); this module only picks
// labels and colours.
import type { Action } from "../bindings/Action";
import type { BiasKind } from "../bindings/BiasKind";
import type { CoverageStatus } from "../bindings/CoverageStatus";
import type { RiskStatus } from "../bindings/RiskStatus";
import type { SignoffKind } from "../bindings/SignoffKind";
import type { SignoffStatus } from "../bindings/SignoffStatus";
import { localIsoDate } from "./files";

/** "2026-11-02" for an RFC 3339 timestamp, in the user's time zone. */
export function localDate(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso.slice(0, 10) : localIsoDate(at);
}

/** "2026-11-02 14:05:09" in the user's time zone. */
export function localDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${localIsoDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
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

export const RISK_STATUS_LABEL: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  accepted: "Accepted",
  closed: "Closed",
};

export const RISK_STATUS_COLOR: Record<RiskStatus, string> = {
  open: "red",
  mitigating: "orange",
  accepted: "blue",
  closed: "gray",
};

/** Likelihood × impact on the usual 5 × 5 grid: 15 and above red, 8 and above orange, else green. */
export function riskScoreColor(score: number): string {
  if (score >= 15) return "red";
  if (score >= 8) return "orange";
  return "teal";
}

export const BIAS_KIND_LABEL: Record<BiasKind, string> = {
  demographic_parity: "Demographic parity",
  adversarial_prompts: "Adversarial prompts",
};

/** Each action's colour; a `Record` so an action the backend adds fails to compile until it has one. */
const AUDIT_ACTION_COLORS: Record<Action, string> = {
  create: "teal",
  update: "blue",
  delete: "red",
  sign: "violet",
  decide: "orange",
  import: "cyan",
  export: "gray",
  unaudited: "red",
  acknowledge: "grape",
  restore: "yellow",
  migrate: "gray",
};

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_COLORS) as Action[];

/** A stored record's action is plain text (older files may hold names no longer in `Action`). */
export function auditActionColor(action: string): string {
  return (AUDIT_ACTION_COLORS as Record<string, string>)[action] ?? "gray";
}

export const SIGNOFF_KIND_LABEL: Record<SignoffKind, string> = {
  use_case: "Use case",
  adapter_version: "Adapter version",
  evaluation: "Evaluation",
};

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["covered", "partial", "missing", "outside"];

export const COVERAGE_STATUS_LABEL: Record<CoverageStatus, string> = {
  covered: "covered",
  partial: "partly covered",
  missing: "missing",
  outside: "outside Steerco",
};

export const COVERAGE_STATUS_COLOR: Record<CoverageStatus, string> = {
  covered: "teal",
  partial: "yellow",
  missing: "red",
  outside: "gray",
};

/** 0.8123 → "81.2%". */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
