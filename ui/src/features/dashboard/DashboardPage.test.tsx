import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { formatMoney } from "../../lib/money";
import { chooseNext, refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { programme } from "../portfolio/testRanking";
import { agenda } from "../steering/testData";
import { dashboard, emptyDashboard, PORTFOLIO_SVG } from "../value/testData";
import { DashboardPage } from "./DashboardPage";

const SLOW = { timeout: 5000 };

describe("DashboardPage", () => {
  beforeEach(() =>
    respond({
      programme_get: () => programme("EUR"),
      steering_dashboard: () => dashboard(),
      value_chart: () => PORTFOLIO_SVG,
      scoring_matrix_svg: () => '<svg width="720" height="480"><text>Scoring matrix</text></svg>',
      meeting_agenda: () => agenda(),
    }),
  );

  it("shows the portfolio's figures in the programme's currency, its ROI chart and the scoring matrix", async () => {
    renderWithProviders(<DashboardPage />);
    await screen.findByTestId("dashboard-page", {}, SLOW);
    await waitFor(() =>
      expect(screen.getByTestId("dashboard-kpi-benefit-figure").textContent).toBe(formatMoney(450_000, "EUR")),
    );
    expect(screen.getByTestId("dashboard-kpi-cost-figure").textContent).toBe(formatMoney(180_000, "EUR"));
    expect(screen.getByTestId("dashboard-kpi-net-figure").textContent).toBe(`+${formatMoney(270_000, "EUR")}`);
    expect(screen.getByTestId("dashboard-kpi-roi-figure").textContent).toContain("150.0");
    expect(screen.getByTestId("dashboard-kpi-payback-figure").textContent).toContain("2026");
    const variance = screen.getByTestId("dashboard-kpi-variance");
    expect(variance.textContent).toContain(`+${formatMoney(50_000, "EUR")}`);
    expect(variance.textContent).toContain("12.5");
    expect(screen.getByTestId("programme-name").textContent).toBe("Halden");

    const roi = await screen.findByTestId("dashboard-roi", {}, SLOW);
    expect(roi.textContent).toContain("Portfolio ROI by month (EUR)");
    expect(roi.querySelector("svg")?.getAttribute("width")).toBe("100%");
    expect(requestsTo("value_chart")).toEqual([{ chart: "portfolio_roi" }]);
    expect(await screen.findByTestId("scoring-matrix", {}, SLOW)).toBeTruthy();
  });

  it("shows no stand-in for the programme's name while it loads", async () => {
    let release: () => void = () => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    respond({ programme_get: () => later.then(() => programme("EUR")) });
    renderWithProviders(<DashboardPage />);
    await waitFor(() => expect(requestsTo("steering_dashboard")).toHaveLength(1));
    await new Promise((settle) => setTimeout(settle, 50));
    expect(screen.queryByTestId("programme-name")).toBeNull();
    release();
    expect((await screen.findByTestId("programme-name", {}, SLOW)).textContent).toBe("Halden");
  });

  it("lists returns per use case with the plan status; a row opens the case's value", async () => {
    const { navigate } = renderWithProviders(<DashboardPage />);
    const ahead = await screen.findByTestId("dashboard-case-UC-002", {}, SLOW);
    expect(ahead.textContent).toContain("Ahead of plan");
    expect(ahead.textContent).toContain("+200.0%");
    const behind = screen.getByTestId("dashboard-case-UC-001");
    expect(behind.textContent).toContain("Behind plan");
    expect(behind.textContent).toContain("-50.0%");
    fireEvent.click(behind);
    expect(navigate).toHaveBeenCalledWith("value", "UC-001");
  });

  it("groups the risk indicators by kind, each opening where its record is dealt with", async () => {
    const { navigate } = renderWithProviders(<DashboardPage />);
    const risks = await screen.findByTestId("dashboard-risks", {}, SLOW);
    expect(within(risks).getByTestId("dashboard-risks-lineage_gap").textContent).toContain("Lineage gap");
    const opens: [string, string, string | null][] = [
      ["dashboard-risk-stale_signoff-UC-001", "signoffs", "UC-001"],
      ["dashboard-risk-lineage_gap-AV-3", "lineage", "AV-3"],
      ["dashboard-risk-failed_bias_check-BC-2", "risk", "UC-001#bias"],
      ["dashboard-risk-drift_alert-DA-002", "pilots", "UC-001#monitoring"],
      ["dashboard-risk-readiness_blocker-UC-003", "pilots", "UC-003#readiness"],
      ["dashboard-risk-cadence_overdue-enablement", "cadence", null],
    ];
    for (const [testId, page, param] of opens) {
      fireEvent.click(within(risks).getByTestId(testId));
      expect(navigate).toHaveBeenLastCalledWith(page, param);
    }
  });

  it("shows highlights, pilots by phase, incidents and the open meeting with its counts", async () => {
    const { navigate } = renderWithProviders(<DashboardPage />);
    const highlight = await screen.findByTestId("dashboard-highlight-UC-001-2026-11", {}, SLOW);
    expect(highlight.textContent).toContain("Claims routed in minutes, not days");
    expect(highlight.textContent).toContain("Aisha Rahman");
    const pilot = screen.getByTestId("dashboard-pilot-PIL-001");
    expect(pilot.textContent).toContain("Regional rollout (2 of 3)");
    expect(pilot.textContent).toContain("Running");
    expect(screen.getByTestId("dashboard-incident-INC-001").textContent).toContain("Compliance");
    await waitFor(() =>
      expect(screen.getByTestId("dashboard-meeting-counts").textContent).toBe("1 decided · 2 still on the agenda"),
    );
    fireEvent.click(screen.getByTestId("dashboard-meeting-link"));
    expect(navigate).toHaveBeenCalledWith("steering", "MTG-002");
    fireEvent.click(screen.getByTestId("dashboard-incident-INC-001"));
    expect(navigate).toHaveBeenLastCalledWith("pilots", "UC-001#operations");
  });

  it("says no value is recorded yet, and still shows what is red", async () => {
    respond({ steering_dashboard: () => emptyDashboard() });
    renderWithProviders(<DashboardPage />);
    expect((await screen.findByTestId("dashboard-no-value", {}, SLOW)).textContent).toContain("No value recorded yet");
    expect(screen.queryByTestId("dashboard-kpis")).toBeNull();
    expect(screen.queryByTestId("dashboard-roi")).toBeNull();
    expect(screen.getByTestId("dashboard-risks").textContent).toContain("Open drift alert");
  });

  it("saves the portfolio ROI chart as SVG where the person chooses", async () => {
    respond({ value_export_chart: () => ({ path: "/tmp/roi.svg", bytes: 4096, sha256: "ab".repeat(32), items: 1 }) });
    chooseNext("/tmp/roi.svg");
    renderWithProviders(<DashboardPage />);
    fireEvent.click(await screen.findByTestId("dashboard-roi-save", {}, SLOW));
    await waitFor(() =>
      expect(requestsTo("value_export_chart")).toEqual([
        { chart: { chart: "portfolio_roi" }, destination: "/tmp/roi.svg" },
      ]),
    );
  });

  it("shows the handler's message when the dashboard cannot be read", async () => {
    respond({ steering_dashboard: () => refuse("no_portfolio", "no portfolio is open") });
    renderWithProviders(<DashboardPage />);
    expect(await screen.findByText("no portfolio is open", {}, SLOW)).toBeTruthy();
  });
});
