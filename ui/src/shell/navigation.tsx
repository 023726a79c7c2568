// The shell's navigation as a context, so one page can open another on a given record (Registry →
// Lineage of a version, a lineage node → the page that holds it) without knowing the shell.
import { createContext, useContext, type ReactNode } from "react";

export type PageId =
  | "dashboard"
  | "overview"
  | "portfolio"
  | "research"
  | "workshops"
  | "registry"
  | "data"
  | "policies"
  | "lineage"
  | "board"
  | "pilots"
  | "value"
  | "steering"
  | "checklist"
  | "cadence"
  | "signoffs"
  | "risk"
  | "audit"
  | "reports";

/** Each page's name in the sidebar, the shortcuts list and hints. */
export const PAGE_LABEL: Record<PageId, string> = {
  dashboard: "Dashboard",
  overview: "Overview",
  portfolio: "Portfolio",
  research: "Research lane",
  workshops: "Workshops",
  registry: "Registry",
  data: "Data",
  policies: "Policies",
  lineage: "Lineage",
  board: "Stage board",
  pilots: "Pilots",
  value: "Value",
  steering: "Steering",
  checklist: "Checklist",
  cadence: "Cadence",
  signoffs: "Sign-offs",
  risk: "Risk",
  audit: "Audit",
  reports: "Reports",
};

/** The pages in sidebar order. */
export const PAGE_ORDER = Object.keys(PAGE_LABEL) as PageId[];

/** The page shown and, optionally, the record it was opened on (an id such as "AV-3"). */
export interface Location {
  page: PageId;
  param: string | null;
}

export interface Navigation {
  location: Location;
  navigate: (page: PageId, param?: string | null) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useNavigation must be used inside the app shell's NavigationProvider");
  return navigation;
}

/** The record this page was opened on, if the current location is this page. */
export function usePageParam(page: PageId): string | null {
  const { location } = useNavigation();
  return location.page === page ? location.param : null;
}
