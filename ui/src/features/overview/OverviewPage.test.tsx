import { screen } from "@testing-library/react";
import type { ProgrammeOverview } from "../../bindings/ProgrammeOverview";
import { refuse, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { OverviewPage } from "./OverviewPage";

const overview: ProgrammeOverview = {
  programme: {
    name: "Halden Group — Enterprise LoRA Programme",
    currency: "EUR",
    settings: { payback_horizon_months: 6, backups_kept: 14 },
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
  },
  total: 5,
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
