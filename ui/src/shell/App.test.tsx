import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { AuditPage } from "../bindings/AuditPage";
import type { Ranking } from "../bindings/Ranking";
import type { VerifyReport } from "../bindings/VerifyReport";
import { refuse, respond } from "../test-backend";
import { dashboard, emptyDashboard, PORTFOLIO_SVG } from "../features/value/testData";
import { session } from "../test-fixtures";
import { renderWithProviders } from "../test-utils";
import { App } from "./App";
import { PAGE_LABEL, PAGE_ORDER } from "./navigation";
import { createCommandBus } from "./shellCommands";
import { keysText, PAGE_KEYS, pageKeys } from "./shortcuts";

const emptyTrail: AuditPage = { records: [], matching: 0, total: 0 };
const intact: VerifyReport = {
  records: 0,
  head_hash: "00".repeat(32),
  broken: null,
  outside_changes: [],
  unacknowledged: [],
  acknowledged: [],
  holds: true,
};

/** Waits for the shell on a loaded machine (the default second is short for a whole app). */
const SLOW = { timeout: 5000 };

const TABBABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]";

/** Elements Tab stops on, in document order (what a browser's sequential navigation visits). */
function tabStops(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0);
}

/** Whether an element or an ancestor is hidden from people (so it must not be a Tab stop). */
function hidden(el: HTMLElement): boolean {
  for (let at: HTMLElement | null = el; at; at = at.parentElement) {
    if (at.hidden || at.getAttribute("aria-hidden") === "true") return true;
    if (at.style.display === "none" || at.style.visibility === "hidden") return true;
  }
  return false;
}

function current(): string[] {
  return [...document.querySelectorAll("[aria-current='page']")].map((el) => el.getAttribute("data-testid") ?? "");
}

function press(key: string, target: Element = document.body) {
  fireEvent.keyDown(target, { key });
}

// The whole shell renders for each test: generous time on a loaded two-core machine.
describe("App shell", { timeout: 20_000 }, () => {
  beforeEach(() =>
    respond({
      session_status: () => session(),
      recent_list: () => [],
      programme_overview: () => refuse("internal", "not needed here"),
      programme_get: () => refuse("internal", "not needed here"),
      audit_log: () => emptyTrail,
      audit_verify: () => intact,
      signoff_list: () => [],
      scoring_rank: (): Ranking => ({
        criteria: [
          { key: "value", name: "Annualised value", weight: 40, direction: "benefit" },
          { key: "criticality", name: "Process criticality", weight: 30, direction: "benefit" },
          { key: "guardrail", name: "Guardrail complexity", weight: 30, direction: "cost" },
        ],
        use_cases: [],
      }),
      scoring_matrix_svg: () => "<svg></svg>",
    }),
  );

  it("opens on the dashboard once any value is recorded", async () => {
    respond({
      steering_dashboard: () => dashboard(),
      value_chart: () => PORTFOLIO_SVG,
      meeting_agenda: () => refuse("internal", "not needed here"),
    });
    renderWithProviders(<App />);
    await screen.findByTestId("dashboard-page", {}, SLOW);
    expect(current()).toEqual(["nav-dashboard"]);
    expect(screen.getByTestId("sidebar").querySelector("button")?.getAttribute("data-testid")).toBe("nav-dashboard");
  });

  it("opens on the overview while no value is recorded; the dashboard is a click away", async () => {
    respond({ steering_dashboard: () => emptyDashboard() });
    renderWithProviders(<App />);
    await screen.findByTestId("sidebar", {}, SLOW);
    await waitFor(() => expect(current()).toEqual(["nav-overview"]), SLOW);
    fireEvent.click(screen.getByTestId("nav-dashboard"));
    expect(current()).toEqual(["nav-dashboard"]);
    expect(await screen.findByTestId("dashboard-no-value", {}, SLOW)).toBeTruthy();
  });

  it("lists the pages as buttons in Tab order, the current one marked, with no hidden Tab stop", async () => {
    renderWithProviders(<App />);
    const sidebar = await screen.findByTestId("sidebar", {}, SLOW);
    const stops = tabStops(sidebar);
    expect(stops.map((el) => el.getAttribute("data-testid"))).toEqual(PAGE_ORDER.map((p) => `nav-${p}`));
    for (const stop of stops) {
      expect(stop.tagName).toBe("BUTTON");
      expect(stop.getAttribute("type")).toBe("button");
    }
    expect(stops.map((el) => el.textContent)).toEqual(PAGE_ORDER.map((p) => PAGE_LABEL[p]));
    // The dashboard cannot be read here: the app opens on the overview.
    await waitFor(() => expect(current()).toEqual(["nav-overview"]), SLOW);
    fireEvent.click(screen.getByTestId("nav-audit"));
    expect(current()).toEqual(["nav-audit"]);
    expect(tabStops(document.body).filter(hidden)).toEqual([]);
  });

  it("shows each page's shortcut on its sidebar button", async () => {
    renderWithProviders(<App />);
    const audit = await screen.findByTestId("nav-audit", {}, SLOW);
    expect(audit.getAttribute("aria-keyshortcuts")).toBe("G A");
    expect(audit.dataset.shortcut).toBe("G then A");
    fireEvent.mouseEnter(audit);
    const hint = await screen.findByLabelText(keysText(pageKeys("audit")), {}, SLOW);
    expect(hint.textContent).toBe("GthenA");
  });

  it("switches page with G then the page's letter, but not while typing", async () => {
    renderWithProviders(<App />);
    await screen.findByTestId("sidebar", {}, SLOW);
    press("g");
    press(PAGE_KEYS.audit);
    await waitFor(() => expect(current()).toEqual(["nav-audit"]), SLOW);
    const record = await screen.findByTestId("audit-entity", {}, SLOW);
    // Typed into a field, the same keys are text.
    press("g", record);
    press(PAGE_KEYS.policies, record);
    expect(current()).toEqual(["nav-audit"]);
    // A letter alone does nothing; G waits for the next key only.
    press(PAGE_KEYS.overview);
    expect(current()).toEqual(["nav-audit"]);
  });

  it("focuses the page's search box with /", async () => {
    renderWithProviders(<App />);
    fireEvent.click(await screen.findByTestId("nav-audit", {}, SLOW));
    const record = await screen.findByTestId("audit-entity", {}, SLOW);
    press("/");
    expect(document.activeElement).toBe(record);
  });

  it("starts a new use case with N, on the Portfolio page, and offers it in the Portfolio menu", async () => {
    renderWithProviders(<App />);
    await screen.findByTestId("sidebar", {}, SLOW);
    press("n");
    await waitFor(() => expect(current()).toEqual(["nav-portfolio"]), SLOW);
    // The Portfolio page opens its new-use-case form.
    expect((await screen.findByTestId("save-dossier", {}, { timeout: 8000 })).textContent).toBe("Create use case");
    fireEvent.click(screen.getByTestId("portfolio-menu"));
    const item = await screen.findByTestId("menu-new-use-case", {}, SLOW);
    expect(item.textContent).toContain("New use case…");
    expect(within(item).getByLabelText("N")).toBeTruthy();
  });

  it("lists every shortcut with ?", async () => {
    renderWithProviders(<App />);
    await screen.findByTestId("sidebar", {}, SLOW);
    press("?");
    const list = await screen.findByTestId("shortcuts-list", {}, SLOW);
    for (const page of PAGE_ORDER) expect(list.textContent).toContain(`Go to ${PAGE_LABEL[page]}`);
    expect(list.textContent).toContain("New use case");
  });
});

describe("shell commands", () => {
  it("delivers a command to the page that handles it, waiting briefly for it to mount", () => {
    let now = 0;
    const bus = createCommandBus(() => now);
    const handled: string[] = [];
    bus.send("new-use-case");
    const stop = bus.subscribe("new-use-case", () => handled.push("late subscriber"));
    expect(handled).toEqual(["late subscriber"]);
    act(() => bus.send("new-use-case"));
    expect(handled).toEqual(["late subscriber", "late subscriber"]);
    stop();
    bus.send("new-use-case");
    now = 10_000;
    bus.subscribe("new-use-case", () => handled.push("too late"));
    expect(handled).toEqual(["late subscriber", "late subscriber"]);
  });
});
