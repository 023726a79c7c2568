import { configure, fireEvent, screen, waitFor } from "@testing-library/react";
import { formatMoney } from "../../lib/money";
import { requestsTo, respond } from "../../test-backend";
import { session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { aRankedCase, CRITERIA, programme } from "../portfolio/testRanking";
import { ResearchPage } from "./ResearchPage";

// Pages with hundreds of rows render slowly in jsdom on a busy machine: wait longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });

const parked = (n: number) =>
  Array.from({ length: n }, (_, k) =>
    aRankedCase(k + 1, {
      lane: "research",
      annual_value: 250_000,
      one_time_cost: 1_500_000,
      monthly_run_cost: 12_500,
      payback_months: 12.6,
      lane_reason: "pays back in 12.6 months, beyond the 6-month horizon",
    }),
  );

describe("ResearchPage", () => {
  beforeEach(() =>
    respond({
      session_status: () => session(),
      signoff_list: () => [],
      programme_get: () => programme("GBP"),
    }),
  );

  it("shows the amounts in the programme's currency", async () => {
    respond({ scoring_rank: () => ({ criteria: CRITERIA, use_cases: parked(1) }) });
    renderWithProviders(<ResearchPage />);
    const card = await screen.findByTestId("research-card");
    await waitFor(() => expect(card.textContent).toContain(`Annual value ${formatMoney(250_000, "GBP")}`));
    expect(card.textContent).toMatch(/Annual value £250,000/);
    expect(card.textContent).toContain(`One-time cost ${formatMoney(1_500_000, "GBP")}`);
    expect(card.textContent).toContain(`Run cost ${formatMoney(12_500, "GBP")}/month`);
  });

  it("shows a long lane fifty cards at a time, each opening with the keyboard", async () => {
    respond({
      scoring_rank: () => ({ criteria: CRITERIA, use_cases: parked(120) }),
      use_case_get: () => parked(1)[0],
    });
    renderWithProviders(<ResearchPage />);
    await screen.findAllByTestId("research-card");
    expect(screen.getAllByTestId("research-card")).toHaveLength(50);
    fireEvent.click(screen.getByTestId("research-more"));
    expect(screen.getAllByTestId("research-card")).toHaveLength(100);
    fireEvent.keyDown(screen.getAllByTestId("research-card")[0]!, { key: "Enter" });
    await waitFor(() => expect(requestsTo("use_case_get")).toEqual([{ id: "UC-00001" }]));
  }, 30_000);
});
