import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { RankRequest } from "../../bindings/RankRequest";
import { formatMoney } from "../../lib/money";
import { refuse, requestsTo, respond } from "../../test-backend";
import { session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { PANELS_KEY, PortfolioPage } from "./PortfolioPage";
import { aRankedCase, CRITERIA, programme, ranking, reranked } from "./testRanking";

// Pages with hundreds of rows render slowly in jsdom on a busy machine: wait longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });

function common() {
  respond({
    session_status: () => session(),
    signoff_list: () => [],
    programme_get: () => programme("EUR"),
    scoring_matrix_svg: () => '<svg width="720" height="480"></svg>',
  });
}

const rowIds = () => screen.getAllByTestId("ranked-row").map((r) => r.dataset.id);

describe("PortfolioPage", () => {
  beforeEach(() => {
    localStorage.clear();
    common();
  });

  it("shows each case's annual value in the programme's currency", async () => {
    respond({ scoring_rank: () => ranking(2) });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    await waitFor(() =>
      expect(screen.getAllByTestId("ranked-annual-value").map((v) => v.textContent)).toEqual([
        formatMoney(1_000_001, "EUR"),
        formatMoney(1_000_002, "EUR"),
      ]),
    );
    expect(screen.getAllByTestId("ranked-annual-value")[0]!.textContent).toMatch(/€\s?1,000,001/);
  });

  it("after a weight change, shows how far each case moved against the ranking shown before", async () => {
    respond({
      scoring_rank: (req: RankRequest) =>
        req.weights === null
          ? ranking(3)
          : reranked(
              [3, 1, 2],
              CRITERIA.map((c) => ({ ...c, weight: req.weights!.find((w) => w.criterion === c.key)!.weight })),
            ),
    });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    expect(rowIds()).toEqual(["UC-00001", "UC-00002", "UC-00003"]);
    expect(screen.queryByTestId("rank-move-UC-00003")).toBeNull(); // the first load shows none

    const slider = screen.getByRole("slider", { name: "Guardrail complexity weight" });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    // The figure moves at once; the ranking follows.
    expect(screen.getByTestId("weight-value-guardrail").textContent).toBe("31%");
    await waitFor(() => expect(rowIds()).toEqual(["UC-00003", "UC-00001", "UC-00002"]));
    expect(screen.getByRole("img", { name: "up 2 places" })).toBe(screen.getByTestId("rank-move-UC-00003"));
    expect(screen.getByTestId("rank-move-UC-00003").textContent).toBe("▲2");
    expect(screen.getByTestId("rank-move-UC-00001").getAttribute("aria-label")).toBe("down 1 place");
    expect(screen.getByTestId("rank-move-UC-00001").textContent).toBe("▼1");
    expect(requestsTo("scoring_rank").at(-1)).toEqual({
      weights: [
        { criterion: "value", weight: 39 },
        { criterion: "criticality", weight: 30 },
        { criterion: "guardrail", weight: 31 },
      ],
    });
  });

  it("shows the table when the currency and stale flags cannot be read, and asks for them again only once", async () => {
    respond({
      scoring_rank: () => ranking(2),
      programme_get: () => refuse("internal", "no programme"),
      signoff_list: () => refuse("internal", "no sign-offs"),
    });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rowIds()).toEqual(["UC-00001", "UC-00002"]);
    // The table's own readers retry a failed query once when they mount; the page keeps showing.
    expect(requestsTo("programme_get").length).toBeLessThanOrEqual(2);
    expect(requestsTo("signoff_list").length).toBeLessThanOrEqual(2);
  });

  it("renders a 1,000-case portfolio, a window of its rows at a time", async () => {
    respond({ scoring_rank: () => ranking(1_000) });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    expect(screen.getByTestId("ranked-count").textContent).toBe("1000 use cases");
    expect(rowIds()[0]).toBe("UC-00001");
    expect(screen.getAllByTestId("ranked-row").length).toBeLessThan(200);
  }, 30_000);

  it("filters by search once typing settles", async () => {
    respond({ scoring_rank: () => ranking(3) });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    fireEvent.change(screen.getByRole("textbox", { name: "Search use cases" }), { target: { value: "case 00002" } });
    await waitFor(() => expect(rowIds()).toEqual(["UC-00002"]));
    expect(screen.getByTestId("ranked-count").textContent).toBe("1 of 3 use cases");
  });

  it("filters by lane and business unit with the multi-selects", async () => {
    respond({
      scoring_rank: () => ({
        criteria: CRITERIA,
        use_cases: [
          aRankedCase(1, { lane: "portfolio", business_unit: "Claims" }),
          aRankedCase(2, { lane: "research", business_unit: "Claims" }),
          aRankedCase(3, { lane: "research", business_unit: "Finance" }),
        ],
      }),
    });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    // In jsdom an open dropdown measures as detached and is hidden: options are found by value.
    const pick = (label: string, value: string) => {
      fireEvent.click(screen.getByRole("textbox", { name: label }));
      fireEvent.click(document.querySelector(`[data-combobox-option][value="${value}"]`)!);
    };
    pick("Lane", "research");
    await waitFor(() => expect(rowIds()).toEqual(["UC-00002", "UC-00003"]));
    pick("Business unit", "Finance");
    await waitFor(() => expect(rowIds()).toEqual(["UC-00003"]));
    expect(screen.getByTestId("ranked-count").textContent).toBe("1 of 3 use cases");
  });

  it("folds the matrix by default, draws it only when opened and remembers the choice", async () => {
    respond({ scoring_rank: () => ranking(2) });
    renderWithProviders(<PortfolioPage />);
    await screen.findAllByTestId("ranked-row");
    expect(screen.queryByTestId("scoring-matrix")).toBeNull();
    expect(requestsTo("scoring_matrix_svg")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("toggle-matrix"));
    expect(await screen.findByTestId("scoring-matrix")).toBeTruthy();
    expect(requestsTo("scoring_matrix_svg")).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(PANELS_KEY) ?? "[]")).toEqual(["weights", "matrix"]);
    // Moving a slider re-renders the page, not the matrix: no new request.
    fireEvent.keyDown(screen.getByRole("slider", { name: "Guardrail complexity weight" }), { key: "ArrowRight" });
    await waitFor(() => expect(requestsTo("scoring_rank").length).toBeGreaterThanOrEqual(2));
    expect(requestsTo("scoring_matrix_svg")).toHaveLength(1);
  });

  it("opens a case's dossier from the keyboard", async () => {
    respond({ scoring_rank: () => ranking(2), use_case_get: () => ranking(2).use_cases[1] });
    renderWithProviders(<PortfolioPage />);
    const row = (await screen.findAllByTestId("ranked-row"))[1]!;
    fireEvent.keyDown(row, { key: "Enter" });
    await waitFor(() => expect(requestsTo("use_case_get")).toEqual([{ id: "UC-00002" }]));
    expect(within(row).getByText("Case 00002")).toBeTruthy();
  });
});
