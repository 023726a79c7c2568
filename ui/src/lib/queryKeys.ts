// Every query key the app caches under, and which of them a change makes stale. Keys nest by
// area (discovery, registry, compliance), so one prefix reaches a whole family; a mutation names
// what it changed and only those queries refetch.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AuditQuery } from "../bindings/AuditQuery";
import type { GatePreviewRequest } from "../bindings/GatePreviewRequest";
import type { SignoffFilter } from "../bindings/SignoffFilter";
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
];

/** The queries each kind of change makes stale (every change also adds to the audit trail). */
const STALE: Record<Changed, QueryKey[]> = {
  // The horizon re-gates every case; the currency and name show everywhere.
  programme: [keys.discovery, keys.session],
  useCases: [keys.discovery, ...SIGNED_STATE],
  // A recorded rating moves the dossier's rating to the median at once (a signed dossier goes stale).
  workshops: [keys.workshops, keys.rankings, keys.useCases, keys.matrix, ...SIGNED_STATE],
  governance: [keys.policies, keys.sources, keys.packs, ["registry", "lineage"], keys.lineageCheck, ...SIGNED_STATE],
  adapters: [keys.registry, ...SIGNED_STATE],
  evaluations: [keys.versions, ["registry", "lineage"], keys.lineageCheck, ...SIGNED_STATE],
  people: [keys.people, keys.session],
  signoffs: [...SIGNED_STATE, keys.useCases, keys.versions],
  // Oversight, bias checks and risks are signed with the use case.
  riskControls: [keys.oversight, ["compliance", "bias"], ["compliance", "risks"], ...SIGNED_STATE],
  audit: [keys.audit],
  // A blueprint part, a pilot, its protocols or phases: every pilot screen, readiness included.
  pilots: [keys.pilots],
  // An executive let a version through the regression gate: its gate lists the decision.
  gateDecisions: [keys.versions, keys.board],
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
