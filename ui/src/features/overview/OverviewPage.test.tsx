import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ProgrammeOverview } from "../../bindings/ProgrammeOverview";
import { formatMoney } from "../../lib/money";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase, session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { programme } from "../portfolio/testRanking";
import { OverviewPage } from "./OverviewPage";

const overview: ProgrammeOverview = {
  programme: {
    name: "Halden Group — Enterprise LoRA Programme",
    currency: "EUR",
    settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
  },
  total: 5,
  figures: {
    funded_value: 4_250_000,
    funded_count: 3,
    value_at_risk: 1_200_000,
    at_risk: [
      {
        id: "UC-001",
        title: "Claims triage",
        annual_value: 1_200_000,
        reasons: ["its sign-off (SO-1, Ana Ruiz) is stale", "AV-2 is deployed with a lineage gap"],
      },
    ],
    decisions: [
      { kind: "payback_gate", record_id: "UC-004", title: "Fraud alerts", detail: "pays back in 14 months" },
      { kind: "stale_signoff", record_id: "UC-001", title: "Claims triage", detail: "changed since signed" },
    ],
  },
  attention: { signoffs_awaiting: 2, signoffs_stale: 1, lineage_gaps: 1, gate_decisions: 1 },
  by_lane: [
    { lane: "portfolio", count: 3 },
    { lane: "research", count: 2 },
    { lane: "rejected", count: 0 },
  ],
  by_stage: [
    { stage: "discovery", count: 2 },
    { stage: "architecture", count: 0 },
    { stage: "data", count: 0 },
    { stage: "pilot", count: 3 },
    { stage: "scaled", count: 0 },
    { stage: "retired", count: 0 },
  ],
  lane_stage: [
    { lane: "portfolio", stage: "pilot", count: 3 },
    { lane: "research", stage: "discovery", count: 2 },
  ],
};

describe("OverviewPage", () => {
  beforeEach(() => respond({ programme_get: () => programme("EUR") }));

  it("opens with the executive figures, formatted in the programme's currency", async () => {
    respond({ programme_overview: () => overview });
    const { navigate } = renderWithProviders(<OverviewPage />);
    const funded = await screen.findByTestId("figure-funded");
    await waitFor(() =>
      expect(screen.getByTestId("figure-funded-figure").textContent).toBe(formatMoney(4_250_000, "EUR")),
    );
    expect(funded.textContent).toContain("3 use cases in the portfolio lane");
    expect(screen.getByTestId("figure-at-risk-figure").textContent).toBe(formatMoney(1_200_000, "EUR"));
    expect(screen.getByTestId("figure-decisions-figure").textContent).toBe("2");
    expect(screen.getByTestId("figure-decisions").textContent).toContain("1 payback-gate decision · 1 sign-off");
    // The lane and stage content stays below.
    expect(screen.getByTestId("lane-count-portfolio").textContent).toBe("3");

    fireEvent.click(funded);
    expect(navigate).toHaveBeenCalledWith("portfolio");
  });

  it("lists what is at risk with each case's reasons, each opening the dossier", async () => {
    respond({
      programme_overview: () => overview,
      use_case_get: () => aUseCase(),
      session_status: () => session(),
      signoff_list: () => [],
      use_case_preview_gate: () => ({ payback_months: 3.75, horizon_months: 6, failure: null }),
      use_case_stage_options: () => [],
    });
    renderWithProviders(<OverviewPage />);
    const row = await screen.findByTestId("at-risk-UC-001");
    expect(row.textContent).toContain("its sign-off (SO-1, Ana Ruiz) is stale");
    expect(row.textContent).toContain("AV-2 is deployed with a lineage gap");
    await waitFor(() => expect(row.textContent).toContain(formatMoney(1_200_000, "EUR")));
    fireEvent.click(row);
    expect(await screen.findByDisplayValue("Routes incoming claims")).toBeTruthy();
    expect(requestsTo("use_case_get")).toEqual([{ id: "UC-001" }]);
  });

  it("lists the decisions needed, each opening where it is taken", async () => {
    respond({ programme_overview: () => overview });
    const { navigate } = renderWithProviders(<OverviewPage />);
    const decisions = await screen.findByTestId("overview-decisions");
    expect(within(decisions).getByTestId("decision-UC-004").textContent).toContain("Payback gate");
    fireEvent.click(within(decisions).getByTestId("decision-UC-001"));
    expect(navigate).toHaveBeenCalledWith("signoffs", "UC-001");
  });

  it("says when nothing is at risk and no decision waits", async () => {
    respond({
      programme_overview: () => ({
        ...overview,
        figures: { funded_value: 0, funded_count: 0, value_at_risk: 0, at_risk: [], decisions: [] },
      }),
    });
    renderWithProviders(<OverviewPage />);
    expect((await screen.findByTestId("overview-at-risk")).textContent).toContain("Nothing endangers a funded case");
    expect(screen.getByTestId("overview-decisions").textContent).toContain("No decision waits");
    expect(screen.getByTestId("figure-decisions-figure").textContent).toBe("0");
  });

  it("shows the programme and the handler's lane and stage counts", async () => {
    respond({ programme_overview: () => overview });
    renderWithProviders(<OverviewPage />);
    expect(await screen.findByTestId("programme-name")).toHaveProperty("textContent", overview.programme.name);
    expect(screen.getByTestId("lane-count-portfolio").textContent).toBe("3");
    expect(screen.getByTestId("lane-count-research").textContent).toBe("2");
    expect(screen.getByTestId("lane-count-rejected").textContent).toBe("0");
    expect(screen.getByTestId("stage-count-pilot").textContent).toBe("3");
    expect(screen.queryByText("No use cases yet")).toBeNull();
  });

  it("says so when the portfolio is empty", async () => {
    respond({
      programme_overview: () => ({
        ...overview,
        total: 0,
        by_lane: overview.by_lane.map((l) => ({ ...l, count: 0 })),
        by_stage: overview.by_stage.map((s) => ({ ...s, count: 0 })),
        lane_stage: [],
      }),
    });
    renderWithProviders(<OverviewPage />);
    expect(await screen.findByText("No use cases yet")).toBeTruthy();
  });

  it("shows the handler's message when loading fails", async () => {
    respond({ programme_overview: () => refuse("no_portfolio", "no portfolio is open") });
    renderWithProviders(<OverviewPage />);
    expect(await screen.findByText("no portfolio is open")).toBeTruthy();
  });
});
