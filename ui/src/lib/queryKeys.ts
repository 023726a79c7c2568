// Every query key the app caches under, and which of them a change makes stale. Keys nest by
// area (discovery, registry, compliance), so one prefix reaches a whole family; a mutation names
// what it changed and only those queries refetch.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AuditQuery } from "../bindings/AuditQuery";
import type { GatePreviewRequest } from "../bindings/GatePreviewRequest";
import type { SignoffFilter } from "../bindings/SignoffFilter";
import type { ValueChart } from "../bindings/ValueChart";
import type { Weight } from "../bindings/Weight";

export const keys = {
  session: ["session"] as const,
  recentFiles: ["recent-files"] as const,
  backups: ["backups"] as const,

  discovery: ["discovery"] as const,
  programme: ["discovery", "programme"] as const,
  overview: ["discovery", "overview"] as const,
  useCases: ["discovery", "use-cases"] as const,
  useCase: (id: string) => ["discovery", "use-cases", id] as const,
  /** Under the case's key: whatever changes a use case (or its sign-off) refreshes them. */
  stageOptions: (id: string) => ["discovery", "use-cases", id, "stage-options"] as const,
  withdrawn: ["discovery", "withdrawn"] as const,
  ranking: (weights: Weight[] | null) => ["discovery", "ranking", weights] as const,
  rankings: ["discovery", "ranking"] as const,
  matrix: ["discovery", "matrix"] as const,
  gatePreview: (figures: GatePreviewRequest) => ["discovery", "gate-preview", figures] as const,
  workshops: ["discovery", "workshops"] as const,
  workshop: (id: string) => ["discovery", "workshops", id] as const,

  registry: ["registry"] as const,
  policies: ["registry", "policies"] as const,
  sources: ["registry", "sources"] as const,
  packs: ["registry", "packs"] as const,
  adapters: ["registry", "adapters"] as const,
  versions: ["registry", "versions"] as const,
  versionsOf: (adapterId: string) => ["registry", "versions", "of", adapterId] as const,
  version: (id: string) => ["registry", "versions", id] as const,
  versionDiff: (from: string, to: string) => ["registry", "versions", "diff", from, to] as const,
  /**
   * Under the version's key: the verdict depends on evaluations (its own, the earlier version's,
   * a baseline) and on which version was deployed last, and both kinds of change reach it there.
   */
  regression: (versionId: string) => ["registry", "versions", versionId, "regression"] as const,
  deployments: ["registry", "deployments"] as const,
  lineage: (versionId: string) => ["registry", "lineage", versionId] as const,
  lineageCheck: ["registry", "lineage-check"] as const,

  compliance: ["compliance"] as const,
  people: ["compliance", "people"] as const,
  signoffs: (filter: SignoffFilter) => ["compliance", "signoffs", filter] as const,
  signoffQueue: ["compliance", "signoff-queue"] as const,
  signoffReview: (entityId: string) => ["compliance", "signoff-review", entityId] as const,
  unsignedFields: ["compliance", "unsigned-fields"] as const,
  audit: ["compliance", "audit"] as const,
  auditPage: (query: AuditQuery) => ["compliance", "audit", "page", query] as const,
  auditVerify: ["compliance", "audit", "verify"] as const,
  oversight: ["compliance", "oversight"] as const,
  biasChecks: (useCaseId: string | null) => ["compliance", "bias", useCaseId] as const,
  biasDefaults: ["compliance", "bias-defaults"] as const,
  risks: (useCaseId: string | null) => ["compliance", "risks", useCaseId] as const,
  coverage: (useCaseId: string) => ["compliance", "coverage", useCaseId] as const,
  frameworkMapping: ["compliance", "framework-mapping"] as const,

  pilots: ["pilots"] as const,
  pilotList: ["pilots", "list"] as const,
  blueprint: (useCaseId: string) => ["pilots", "blueprint", useCaseId] as const,
  /**
   * Under "pilots", so a blueprint or pilot change refreshes it; the sign-off, oversight, baseline
   * and lineage it also reads reach it through the signed state (below).
   */
  readiness: (useCaseId: string) => ["pilots", "readiness", useCaseId] as const,
  readinessAll: ["pilots", "readiness"] as const,
  /**
   * The stage board: every case's stage, the gate it waits on (sign-off, launch readiness,
   * regression gate) and its open alerts. Under "pilots", and in the signed state below.
   */
  board: ["pilots", "board"] as const,
  /** A pilot's drift settings, monitored values, feedback, alerts and charts. */
  monitoring: (useCaseId: string) => ["pilots", "monitoring", useCaseId] as const,
  /** Every pilot's drift alerts not yet acknowledged, for the sidebar's count. */
  openAlerts: ["pilots", "alerts", "open"] as const,

  /**
   * Value and steering: the dashboard, the checklist and each open meeting's agenda are derived
   * from the whole portfolio, so the changes that feed them reach this prefix (see STALE).
   */
  steering: ["steering"] as const,
  dashboard: ["steering", "dashboard"] as const,
  /** A use case's months, returns and KPI names. */
  value: (useCaseId: string) => ["steering", "value", useCaseId] as const,
  /** A value chart's SVG (ROI, portfolio ROI, a KPI). */
  valueChart: (chart: ValueChart) => ["steering", "value-chart", chart] as const,
  checklist: ["steering", "checklist"] as const,
  cadence: ["steering", "cadence"] as const,
  meetings: ["steering", "meetings"] as const,
  /** An open meeting's agenda as the data implies it now (with the meeting's minutes so far). */
  agenda: (meetingId: string) => ["steering", "meetings", meetingId, "agenda"] as const,
  /** A closed meeting's final minutes. */
  minutes: (meetingId: string) => ["steering", "meetings", meetingId, "minutes"] as const,
  backlog: ["steering", "backlog"] as const,

  /** Documents handed out (packs), and an export job's progress. */
  documentExports: ["documents", "exports"] as const,
  exportJob: (id: number) => ["documents", "job", id] as const,
};

/** What a mutation changed, in the terms that decide which screens are out of date. */
export type Changed =
  | "programme"
  | "useCases"
  | "workshops"
  | "governance"
  | "adapters"
  | "evaluations"
  | "people"
  | "signoffs"
  | "riskControls"
  | "audit"
  | "pilots"
  | "gateDecisions"
  | "value"
  | "steering"
  | "steeringDecisions"
  | "documents"
  | "portfolio";

// What a sign-off's validity shows on: the queue, the review pane, coverage, the release check
// (a deployment without a current sign-off is a gap), the overview's figures and counts, and launch
// readiness (which also reads the oversight plan, the baseline and the launch version's lineage,
// all changes that reach the signed state), and the stage board, which shows what each gate says.
const SIGNED_STATE: QueryKey[] = [
  ["compliance", "signoffs"],
  keys.signoffQueue,
  ["compliance", "signoff-review"],
  ["compliance", "coverage"],
  keys.lineageCheck,
  keys.overview,
  keys.readinessAll,
  keys.board,
  // The dashboard's risk indicators and decisions, the checklist and the agendas read all of it.
  keys.steering,
];

/** The queries each kind of change makes stale (every change also adds to the audit trail). */
const STALE: Record<Changed, QueryKey[]> = {
  // The horizon re-gates every case; the currency and name show everywhere; the research review
  // interval puts cases on the steering agenda.
  programme: [keys.discovery, keys.session, keys.steering],
  useCases: [keys.discovery, ...SIGNED_STATE],
  // A recorded rating moves the dossier's rating to the median at once (a signed dossier goes stale).
  workshops: [keys.workshops, keys.rankings, keys.useCases, keys.matrix, ...SIGNED_STATE],
  governance: [keys.policies, keys.sources, keys.packs, ["registry", "lineage"], keys.lineageCheck, ...SIGNED_STATE],
  adapters: [keys.registry, ...SIGNED_STATE],
  evaluations: [keys.versions, ["registry", "lineage"], keys.lineageCheck, ...SIGNED_STATE],
  // Meetings name their attendees and action owners.
  people: [keys.people, keys.session, keys.steering],
  signoffs: [...SIGNED_STATE, keys.useCases, keys.versions],
  // Oversight, bias checks and risks are signed with the use case.
  riskControls: [keys.oversight, ["compliance", "bias"], ["compliance", "risks"], ...SIGNED_STATE],
  audit: [keys.audit],
  // A blueprint part, a pilot, its protocols or phases: every pilot screen, readiness included.
  // The dashboard and agendas list pilots, incidents, alerts and readiness blockers.
  pilots: [keys.pilots, keys.steering],
  // An executive let a version through the regression gate: its gate lists the decision.
  gateDecisions: [keys.versions, keys.board, keys.steering],
  // A month of value: the case's returns, its charts and the dashboard.
  value: [keys.steering],
  // A meeting, an action, a closed meeting, a backlog proposal or a cadence event.
  steering: [keys.steering],
  // A decision acts: a phase starts or stops, a case scales, retires or is kept in the portfolio,
  // an alert is acknowledged, a backlog item becomes a use case in discovery.
  steeringDecisions: [keys.discovery, keys.pilots, keys.versions, ...SIGNED_STATE],
  // A document was exported: the list of exports (the trail is refreshed for every change).
  documents: [keys.documentExports],
  // Another file, a restore or the demo: nothing cached is about the same portfolio any more.
  portfolio: [[]],
};

/** Marks stale what `changed` touched; resolves once the active queries have refetched. */
export function useInvalidate(): (...changed: Changed[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...changed: Changed[]) => {
      const stale = [...changed.flatMap((c) => STALE[c]), keys.audit];
      await Promise.all(stale.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    [client],
  );
}

/**
 * Reads a record afresh from the backend, whatever the cache holds (after an edit conflict the
 * cached copy is exactly what is out of date), and stores it under `queryKey`.
 */
export function useReload() {
  const client = useQueryClient();
  return useCallback(
    <T>(queryKey: QueryKey, queryFn: () => Promise<T>): Promise<T> =>
      client.fetchQuery({ queryKey, queryFn, staleTime: 0 }),
    [client],
  );
}

/** For tests: the keys a change makes stale. */
export function staleKeys(changed: Changed): QueryKey[] {
  return [...STALE[changed], keys.audit];
}
