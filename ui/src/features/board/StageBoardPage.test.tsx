import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { BoardCard } from "../../bindings/BoardCard";
import type { Stage } from "../../bindings/Stage";
import type { StageBoard } from "../../bindings/StageBoard";
import type { StageOption } from "../../bindings/StageOption";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { STAGES } from "../../lib/vocabulary";
import { CARDS_SHOWN } from "./BoardColumn";
import { OpenAlertsCount } from "./OpenAlertsCount";
import { StageBoardPage } from "./StageBoardPage";

const NOT_READY =
  "UC-003 cannot enter the pilot stage: not ready to launch: Human-oversight plan complete (no intervention procedure)";

function card(fields: Partial<BoardCard> & Pick<BoardCard, "id" | "stage">): BoardCard {
  return {
    title: `Case ${fields.id}`,
    lane: "portfolio",
    next_stage: null,
    waits_on: null,
    reason: null,
    pilot_id: null,
    pilot_state: null,
    readiness_met: null,
    readiness_total: null,
    open_alerts: 0,
    ...fields,
  };
}

function boardOf(cards: BoardCard[]): StageBoard {
  return { columns: STAGES.map((stage) => ({ stage, cards: cards.filter((c) => c.stage === stage) })) };
}

const CARDS: BoardCard[] = [
  card({ id: "UC-001", stage: "discovery", title: "Claims triage", next_stage: "architecture" }),
  card({
    id: "UC-002",
    stage: "discovery",
    title: "Contract search",
    lane: "research",
    next_stage: "architecture",
    waits_on: "Payback gate",
    reason: "pays back in 40 months, past the 24-month horizon",
  }),
  card({
    id: "UC-003",
    stage: "data",
    title: "Email routing",
    next_stage: "pilot",
    waits_on: "Launch readiness",
    reason: NOT_READY,
    pilot_id: "PIL-001",
    pilot_state: "Planned: 2 phases, not started",
    readiness_met: 6,
    readiness_total: 7,
  }),
  card({
    id: "UC-004",
    stage: "pilot",
    title: "Invoice matching",
    next_stage: "scaled",
    pilot_id: "PIL-002",
    pilot_state: "Phase 1 of 2 running: two regional claims teams",
    open_alerts: 2,
  }),
  card({ id: "UC-005", stage: "retired", title: "Old chatbot" }),
];

describe("StageBoardPage", () => {
  beforeEach(() => respond({ pilot_board: () => boardOf(CARDS) }));

  it("shows the six stages with their counts and what each case waits on", async () => {
    renderWithProviders(<StageBoardPage />);
    await screen.findByTestId("board-card-UC-001");
    for (const stage of STAGES) expect(screen.getByTestId(`board-column-${stage}`)).toBeTruthy();
    expect(screen.getByTestId("board-count-discovery").textContent).toBe("2");
    expect(screen.getByTestId("board-count-architecture").textContent).toBe("0");
    expect(within(screen.getByTestId("board-column-data")).getByTestId("board-card-UC-003")).toBeTruthy();

    const waits = screen.getByTestId("board-waits-UC-003");
    expect(waits.textContent).toContain("Waits on: Launch readiness");
    expect(waits.textContent).toContain(NOT_READY);
    expect(screen.getByTestId("board-waits-UC-002").textContent).toContain("Waits on: Payback gate");
    expect(screen.queryByTestId("board-waits-UC-001")).toBeNull();

    const data = screen.getByTestId("board-card-UC-003");
    expect(data.textContent).toContain("Readiness 6 of 7");
    expect(data.textContent).toContain("Planned: 2 phases, not started");
    expect(screen.getByTestId("board-alerts-UC-004").textContent).toContain("2 alerts");
    expect(screen.getByTestId("board-open-alerts").textContent).toContain("2 open drift alerts");
    expect(screen.getByTestId("board-move-UC-004").textContent).toContain("Move to Scaled");
    // Retired and scaled cases have no next stage, only the other moves.
    expect(screen.queryByTestId("board-move-UC-005")).toBeNull();
    expect(screen.getByTestId("board-move-other-UC-005")).toBeTruthy();
  });

  it("moves a case through the dossier update and shows the stage gate's refusal on its card", async () => {
    respond({
      use_case_update: () => refuse("invalid_input", `stage: ${NOT_READY}`, "stage", NOT_READY),
    });
    renderWithProviders(<StageBoardPage />);
    fireEvent.click(await screen.findByTestId("board-move-UC-003"));

    const refusal = await screen.findByTestId("board-refusal-UC-003");
    expect(refusal.textContent).toContain(NOT_READY);
    expect(refusal.getAttribute("role")).toBe("alert");
    expect(requestsTo("use_case_update")).toEqual([
      { id: "UC-003", changes: [{ field: "stage", value: "pilot" }], loaded: null },
    ]);
    fireEvent.click(within(refusal).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("board-refusal-UC-003")).toBeNull();
  });

  it("refetches the board after a move", async () => {
    let moved = false;
    respond({
      pilot_board: () =>
        boardOf(CARDS.map((c) => (moved && c.id === "UC-001" ? { ...c, stage: "architecture" as Stage } : c))),
      use_case_update: () => {
        moved = true;
        return aUseCase({ id: "UC-001", stage: "architecture" });
      },
    });
    renderWithProviders(<StageBoardPage />);
    fireEvent.click(await screen.findByTestId("board-move-UC-001"));
    await waitFor(() =>
      expect(within(screen.getByTestId("board-column-architecture")).getByTestId("board-card-UC-001")).toBeTruthy(),
    );
    expect(requestsTo("pilot_board").length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByTestId("board-refusal-UC-001")).toBeNull();
  });

  it("moves a case to any stage the backend allows, the others greyed out with the reason", async () => {
    const options: StageOption[] = STAGES.map((stage) => ({
      stage,
      current: stage === "pilot",
      allowed: stage !== "scaled",
      reason: stage === "scaled" ? "the regression gate fails: accuracy got worse" : null,
    }));
    respond({
      use_case_stage_options: () => options,
      use_case_update: () => aUseCase({ id: "UC-004", stage: "retired" }),
    });
    renderWithProviders(<StageBoardPage />);
    fireEvent.click(await screen.findByTestId("board-move-other-UC-004"));
    const scaled = await screen.findByTestId("board-move-to-scaled");
    expect((scaled as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText("the regression gate fails: accuracy got worse")).toBeTruthy();
    expect((screen.getByTestId("board-move-to-pilot") as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId("board-move-to-retired"));
    fireEvent.click(screen.getByTestId("board-move-confirm"));
    await waitFor(() =>
      expect(requestsTo("use_case_update")).toEqual([
        { id: "UC-004", changes: [{ field: "stage", value: "retired" }], loaded: null },
      ]),
    );
  });

  it("opens the Pilots page on a case from its title", async () => {
    const { navigate } = renderWithProviders(<StageBoardPage />);
    fireEvent.click(await screen.findByTestId("board-open-UC-004"));
    expect(navigate).toHaveBeenCalledWith("pilots", "UC-004");
  });

  it("narrows the board to the cases with open drift alerts from the header's count", async () => {
    renderWithProviders(<StageBoardPage />);
    fireEvent.click(await screen.findByTestId("board-open-alerts"));
    await waitFor(() => expect(screen.queryByTestId("board-card-UC-001")).toBeNull());
    expect(screen.getByTestId("board-card-UC-004")).toBeTruthy();
    expect(screen.getByTestId("board-count-discovery").textContent).toBe("0 of 2");
    fireEvent.click(screen.getByTestId("board-open-alerts"));
    expect(await screen.findByTestId("board-card-UC-001")).toBeTruthy();
  });

  it("shows a long column a page at a time and filters by id or title", async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      card({ id: `UC-${String(i + 100).padStart(4, "0")}`, stage: "discovery", next_stage: "architecture" }),
    );
    respond({ pilot_board: () => boardOf([...many, ...CARDS]) });
    renderWithProviders(<StageBoardPage />);
    const column = await screen.findByTestId("board-column-discovery");
    expect(screen.getByTestId("board-count-discovery").textContent).toBe("122");
    expect(within(column).getAllByRole("article")).toHaveLength(CARDS_SHOWN);
    fireEvent.click(screen.getByTestId("board-more-discovery"));
    expect(within(column).getAllByRole("article")).toHaveLength(2 * CARDS_SHOWN);

    fireEvent.change(screen.getByTestId("board-search"), { target: { value: "contract" } });
    await waitFor(() => expect(screen.getByTestId("board-count-discovery").textContent).toBe("1 of 122"));
    expect(screen.getByTestId("board-card-UC-002")).toBeTruthy();
    expect(screen.queryByTestId("board-card-UC-0100")).toBeNull();
  });
});

describe("OpenAlertsCount", () => {
  it("counts the drift alerts not yet acknowledged, and shows nothing when none is open", async () => {
    respond({ monitoring_alerts: () => [{ id: "DA-001" }, { id: "DA-002" }] });
    renderWithProviders(<OpenAlertsCount />);
    const count = await screen.findByTestId("attention-board");
    expect(count.textContent).toBe("2");
    expect(count.getAttribute("aria-label")).toBe("2 open drift alerts");
    expect(requestsTo("monitoring_alerts")).toEqual([{ use_case_id: null, all: false }]);
  });
});
