import { screen } from "@testing-library/react";
import type { ProgrammeOverview } from "../bindings/ProgrammeOverview";
import { respond } from "../test-backend";
import { renderWithProviders } from "../test-utils";
import { AttentionCount } from "./AttentionCount";

const overview = (attention: ProgrammeOverview["attention"]): ProgrammeOverview => ({
  programme: {
    name: "Halden",
    currency: "EUR",
    settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
    created_at: "2026-11-01T09:00:00Z",
    updated_at: "2026-11-01T09:00:00Z",
  },
  total: 0,
  figures: { funded_value: 0, funded_count: 0, value_at_risk: 0, at_risk: [], decisions: [] },
  attention,
  by_lane: [],
  by_stage: [],
  lane_stage: [],
});

describe("AttentionCount", () => {
  it("counts sign-offs awaiting and stale, and deployed versions with a lineage gap", async () => {
    respond({
      programme_overview: () =>
        overview({ signoffs_awaiting: 2, signoffs_stale: 1, lineage_gaps: 4, gate_decisions: 0 }),
    });
    renderWithProviders(
      <>
        <AttentionCount page="signoffs" />
        <AttentionCount page="lineage" />
        <AttentionCount page="research" />
        <AttentionCount page="audit" />
      </>,
    );
    const signoffs = await screen.findByTestId("attention-signoffs");
    expect(signoffs.textContent).toBe("3");
    expect(signoffs.getAttribute("aria-label")).toBe("3 sign-offs awaiting or stale");
    expect(screen.getByTestId("attention-lineage").textContent).toBe("4");
    // Nothing shown where nothing waits, nor on pages that count nothing.
    expect(screen.queryByTestId("attention-research")).toBeNull();
    expect(screen.queryByTestId("attention-audit")).toBeNull();
  });
});
