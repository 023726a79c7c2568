// Where the Risk page opens when another page sends someone there: a use case, and optionally the
// tab (a sign-off review's failed bias check opens the Bias tab of that case). The shell carries
// one string per location, so the two travel as "UC-007#bias".
export type RiskTab = "oversight" | "bias" | "register" | "coverage";

const TABS: readonly RiskTab[] = ["oversight", "bias", "register", "coverage"];

export function riskParam(useCaseId: string, tab: RiskTab): string {
  return `${useCaseId}#${tab}`;
}

export function parseRiskParam(param: string | null): { useCaseId: string | null; tab: RiskTab | null } {
  if (param === null) return { useCaseId: null, tab: null };
  const [id = "", tab] = param.split("#");
  return {
    useCaseId: id === "" ? null : id,
    tab: TABS.includes(tab as RiskTab) ? (tab as RiskTab) : null,
  };
}
