// The dossier editor's safeguards: the backend rehearses a save before it is stored (refusals at
// their field, consequences confirmed), stages it refuses are disabled with the reason, the lane
// shown is the gate's, a new case's figures are typed rather than assumed, and a mistaken case can
// be withdrawn.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import type { UseCaseUpdate } from "../../bindings/UseCaseUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase, session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { DossierDrawer } from "./DossierDrawer";

const STALE = "This makes Ana Ruiz's sign-off of 4 Mar 2026 stale: UC-001 cannot enter pilot until it is signed again.";

// jsdom has no scrollIntoView, which Mantine's dropdowns call to show the selected option.
beforeAll(() => {
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
});

beforeEach(() =>
  respond({
    session_status: () => session(),
    signoff_list: () => [],
    signoff_unsigned_fields: () => [],
    use_case_preview_gate: () => ({ payback_months: 3.75, horizon_months: 6, failure: null }),
    use_case_stage_options: () => [],
    use_case_preview_update: () => ({ consequences: [], refusal: null }),
    use_case_update: () => aUseCase({ workflow: "Intake and routing" }),
  }),
);

async function openOn(stored = aUseCase(), onClose = () => {}) {
  respond({ use_case_get: () => stored });
  renderWithProviders(<DossierDrawer target={{ kind: "existing", id: stored.id }} onClose={onClose} />);
  return (await screen.findByDisplayValue(stored.workflow)) as HTMLInputElement;
}

async function editWorkflowAndSave() {
  const workflow = await openOn();
  fireEvent.change(workflow, { target: { value: "Intake and routing" } });
  fireEvent.click(screen.getByTestId("save-dossier"));
}

describe("saving a dossier", () => {
  it("saves at once when the rehearsal finds nothing to confirm, with the same update", async () => {
    await editWorkflowAndSave();
    await waitFor(() => expect(requestsTo("use_case_update")).toHaveLength(1));
    expect(requestsTo("use_case_preview_update")).toEqual(requestsTo("use_case_update"));
    expect((requestsTo("use_case_update")[0] as UseCaseUpdate).changes).toEqual([
      { field: "workflow", value: "Intake and routing" },
    ]);
    expect(screen.queryByTestId("save-consequences")).toBeNull();
  });

  it("lists what the save would change for others and saves only after Save anyway", async () => {
    respond({
      use_case_preview_update: () => ({
        consequences: [
          { kind: "signoff_stale", message: STALE },
          { kind: "rank_change", message: "UC-001 moves down from rank 2 to rank 5" },
        ],
        refusal: null,
      }),
    });
    await editWorkflowAndSave();
    const confirm = await screen.findByTestId("save-consequences");
    expect(within(confirm).getByTestId("consequence-signoff_stale").textContent).toContain(STALE);
    expect(confirm.textContent).toContain("UC-001 moves down from rank 2 to rank 5");
    expect(requestsTo("use_case_update")).toEqual([]);

    fireEvent.click(within(confirm).getByTestId("save-cancel"));
    await waitFor(() => expect(screen.queryByTestId("save-consequences")).toBeNull());
    expect(requestsTo("use_case_update")).toEqual([]);

    fireEvent.click(screen.getByTestId("save-dossier"));
    fireEvent.click(await screen.findByTestId("save-anyway"));
    await waitFor(() => expect(requestsTo("use_case_update")).toHaveLength(1));
    expect((requestsTo("use_case_update")[0] as UseCaseUpdate).changes).toEqual([
      { field: "workflow", value: "Intake and routing" },
    ]);
  });

  it("shows a rehearsed refusal at its field and stores nothing", async () => {
    respond({
      use_case_preview_update: () => ({
        consequences: [],
        refusal: { field: "value_rating", message: "is 6; a rating is 1 to 5" },
      }),
    });
    await editWorkflowAndSave();
    expect(await screen.findByText("is 6; a rating is 1 to 5")).toBeTruthy();
    expect(screen.getByTestId("dossier-rating-value").getAttribute("aria-invalid")).toBe("true");
    expect(requestsTo("use_case_update")).toEqual([]);
    expect(screen.queryByTestId("save-consequences")).toBeNull();
  });

  it("disables the stages the case may not move to, with the reason", async () => {
    const reason = "pilot needs a current compliance sign-off; UC-001 has none";
    respond({
      use_case_stage_options: () => [
        { stage: "discovery", current: true, allowed: true, reason: null },
        { stage: "architecture", current: false, allowed: true, reason: null },
        { stage: "data", current: false, allowed: true, reason: null },
        { stage: "pilot", current: false, allowed: false, reason },
        { stage: "scaled", current: false, allowed: false, reason: "scaled comes after pilot" },
        { stage: "retired", current: false, allowed: true, reason: null },
      ],
    });
    await openOn();
    await waitFor(() => expect(requestsTo("use_case_stage_options")).toEqual([{ id: "UC-001" }]));
    fireEvent.click(screen.getByTestId("dossier-stage"));
    const pilot = (await screen.findByTestId("stage-option-pilot")).closest("[role='option']")!;
    await waitFor(() => expect(pilot.hasAttribute("data-combobox-disabled")).toBe(true));
    expect(pilot.textContent).toContain(reason);
    const data = screen.getByTestId("stage-option-data").closest("[role='option']")!;
    expect(data.hasAttribute("data-combobox-disabled")).toBe(false);
    expect(screen.queryByTestId("stage-reason-data")).toBeNull();
  });

  it("shows the lane the gate gives, the requested one only beside it", async () => {
    await openOn(
      aUseCase({
        lane: "research",
        requested_lane: "portfolio",
        lane_reason: "pays back in 15.0 months, beyond the 6-month horizon",
      }),
    );
    const lane = screen.getByTestId("dossier-lane");
    expect(lane.textContent).toBe("Lane:Researchrequested: Portfolio");
    expect(screen.getByTestId("lane-reason").textContent).toContain("beyond the 6-month horizon");
  });
});

describe("withdrawing a use case", () => {
  it("asks for a reason, withdraws and closes the dossier", async () => {
    respond({
      use_case_withdraw: (req: { id: string; reason: string }) => ({
        id: req.id,
        title: "Claims triage",
        created_by: "Ben Okafor",
        withdrawn_by: "Ben Okafor",
        withdrawn_at: "2026-11-02T10:00:00Z",
        reason: req.reason,
      }),
    });
    const onClose = vi.fn();
    await openOn(aUseCase(), onClose);
    fireEvent.click(screen.getByTestId("withdraw-use-case"));
    fireEvent.click(await screen.findByTestId("withdraw-confirm"));
    expect(await screen.findByText("Say why it is withdrawn")).toBeTruthy();
    expect(requestsTo("use_case_withdraw")).toEqual([]);
    fireEvent.change(screen.getByTestId("withdraw-reason"), { target: { value: "Created twice by mistake" } });
    fireEvent.click(screen.getByTestId("withdraw-confirm"));
    await waitFor(() =>
      expect(requestsTo("use_case_withdraw")).toEqual([{ id: "UC-001", reason: "Created twice by mistake" }]),
    );
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("shows the backend's refusal as it says it", async () => {
    respond({
      use_case_withdraw: () =>
        refuse("conflict", "UC-001 is in pilot: a case in pilot or scaled is retired, not withdrawn"),
    });
    await openOn();
    fireEvent.click(screen.getByTestId("withdraw-use-case"));
    fireEvent.change(await screen.findByTestId("withdraw-reason"), { target: { value: "Mistake" } });
    fireEvent.click(screen.getByTestId("withdraw-confirm"));
    const refusal = await screen.findByTestId("form-refusal");
    expect(refusal.textContent).toContain("a case in pilot or scaled is retired, not withdrawn");
  });
});

describe("a new use case", () => {
  it("refuses blank figures and ratings by name, and takes a typed 0", async () => {
    respond({ use_case_create: (req: unknown) => ({ ...aUseCase(), ...(req as object), id: "UC-009" }) });
    renderWithProviders(<DossierDrawer target={{ kind: "new" }} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText(/^Title/), { target: { value: "Invoice matching" } });
    fireEvent.change(screen.getByLabelText(/^Business unit/), { target: { value: "Finance" } });
    fireEvent.click(screen.getByTestId("save-dossier"));
    expect(await screen.findByText("Annual value is required")).toBeTruthy();
    expect(screen.getByText("One-time cost is required")).toBeTruthy();
    expect(screen.getByText("Monthly run cost is required")).toBeTruthy();
    expect(screen.getByText("Value rating is required")).toBeTruthy();
    expect(screen.getByText("Guardrail rating is required")).toBeTruthy();
    expect(requestsTo("use_case_create")).toEqual([]);

    const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
    type("dossier-annual_value", "250000");
    type("dossier-one_time_cost", "0");
    type("dossier-monthly_run_cost", "1000");
    type("dossier-rating-value", "4");
    type("dossier-rating-criticality", "3");
    type("dossier-rating-guardrail", "2");
    fireEvent.click(screen.getByTestId("save-dossier"));
    await waitFor(() => expect(requestsTo("use_case_create")).toHaveLength(1));
    expect(requestsTo("use_case_create")[0]).toMatchObject({
      title: "Invoice matching",
      annual_value: 250000,
      one_time_cost: 0,
      monthly_run_cost: 1000,
      ratings: { value: 4, criticality: 3, guardrail: 2 },
    });
    expect(requestsTo("use_case_preview_update")).toEqual([]);
  });
});
