// Where the Pilots page opens when another page sends someone there: a use case, and optionally
// the tab ("UC-007" or "UC-007#blueprint"; the shell carries one string per location). The tabs
// are listed here once, in the order shown, so later ones (KPIs and incidents, monitoring) slot in.
export type PilotsTab = "readiness" | "blueprint" | "pilot" | "operations" | "monitoring";

export const PILOTS_TABS: readonly PilotsTab[] = ["readiness", "blueprint", "pilot", "operations", "monitoring"];

export const PILOTS_TAB_LABEL: Record<PilotsTab, string> = {
  readiness: "Readiness",
  blueprint: "Blueprint",
  pilot: "Pilot",
  operations: "KPIs & incidents",
  monitoring: "Monitoring",
};

export function pilotsParam(useCaseId: string, tab: PilotsTab): string {
  return `${useCaseId}#${tab}`;
}

export function parsePilotsParam(param: string | null): { useCaseId: string | null; tab: PilotsTab | null } {
  if (param === null) return { useCaseId: null, tab: null };
  const [id = "", tab] = param.split("#");
  return {
    useCaseId: id === "" ? null : id,
    tab: PILOTS_TABS.includes(tab as PilotsTab) ? (tab as PilotsTab) : null,
  };
}
