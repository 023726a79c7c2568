import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { UseCaseUpdate } from "../../bindings/UseCaseUpdate";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase, session } from "../../test-fixtures";
import { programme } from "../portfolio/testRanking";
import { renderWithProviders } from "../../test-utils";
import { DossierDrawer } from "./DossierDrawer";

function common() {
  respond({
    session_status: () => session(),
    signoff_list: () => [],
    signoff_unsigned_fields: () => [],
    use_case_preview_gate: () => ({ payback_months: 3.75, horizon_months: 6, failure: null }),
    programme_get: () => programme("EUR"),
  });
}

async function openOn(stored = aUseCase()) {
  respond({ use_case_get: () => stored });
  renderWithProviders(<DossierDrawer target={{ kind: "existing", id: stored.id }} onClose={() => {}} />);
  const workflow = await screen.findByDisplayValue(stored.workflow);
  return workflow as HTMLInputElement;
}

describe("DossierDrawer", () => {
  beforeEach(common);

  it("saves only the fields changed, with the dossier as it was loaded", async () => {
    respond({ use_case_update: () => aUseCase({ workflow: "Intake and routing" }) });
    const workflow = await openOn();
    fireEvent.change(workflow, { target: { value: "Intake and routing" } });
    fireEvent.click(screen.getByTestId("save-dossier"));
    await waitFor(() => expect(requestsTo("use_case_update")).toHaveLength(1));
    const sent = requestsTo("use_case_update")[0] as UseCaseUpdate;
    expect(sent.changes).toEqual([{ field: "workflow", value: "Intake and routing" }]);
    expect(sent.loaded?.workflow).toBe("Intake");
  });

  it("shows a refusal beside the field it names, with the reason alone", async () => {
    respond({
      use_case_update: () =>
        refuse(
          "invalid_input",
          "description: is 4001 characters long; the limit is 4000",
          "description",
          "is 4001 characters long; the limit is 4000",
        ),
    });
    await openOn();
    fireEvent.change(screen.getByDisplayValue("Routes incoming claims"), { target: { value: "x".repeat(4001) } });
    fireEvent.click(screen.getByTestId("save-dossier"));
    expect(await screen.findByText("is 4001 characters long; the limit is 4000")).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("on an edit conflict, reloads and shows the other change beside the field", async () => {
    let stored = aUseCase();
    respond({
      use_case_get: () => stored,
      use_case_update: () => {
        stored = aUseCase({ workflow: "Changed by Sofia" });
        return refuse("edit_conflict", "UC-001 changed while you were editing it (workflow)", "workflow");
      },
    });
    renderWithProviders(<DossierDrawer target={{ kind: "existing", id: "UC-001" }} onClose={() => {}} />);
    const workflow = (await screen.findByDisplayValue("Intake")) as HTMLInputElement;
    fireEvent.change(workflow, { target: { value: "Mine" } });
    fireEvent.click(screen.getByTestId("save-dossier"));
    expect(await screen.findByTestId("form-refusal")).toBeTruthy();
    expect(await screen.findByText(/Someone else changed this to “Changed by Sofia”/)).toBeTruthy();
    expect(workflow.value).toBe("Mine");
  });

  it("shows amounts in the programme's currency, with thousands separators", async () => {
    await openOn();
    const annual = (await screen.findByLabelText(/^Annual value \(EUR\)/)) as HTMLInputElement;
    expect(annual.value).toBe("1,200,000");
    expect(screen.getByLabelText(/^Monthly run cost \(EUR\)/)).toBeTruthy();
    expect(screen.getAllByText("€").length).toBeGreaterThanOrEqual(3);
  });

  it("shows the gate's verdict on the figures being typed", async () => {
    respond({
      use_case_preview_gate: (req: { one_time_cost: number }) =>
        req.one_time_cost > 500_000
          ? { payback_months: 7.5, horizon_months: 6, failure: "pays back in 7.5 months, beyond the 6-month horizon" }
          : { payback_months: 3.75, horizon_months: 6, failure: null },
    });
    await openOn();
    expect(await screen.findByText(/within the 6-month horizon/)).toBeTruthy();
    fireEvent.change(screen.getByDisplayValue("300,000"), { target: { value: "600000" } });
    expect(await screen.findByText(/beyond the 6-month horizon/, {}, { timeout: 3000 })).toBeTruthy();
  });
});
