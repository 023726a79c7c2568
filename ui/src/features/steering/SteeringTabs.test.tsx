import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { BacklogInput } from "../../bindings/BacklogInput";
import type { CadenceInput } from "../../bindings/CadenceInput";
import { requestsTo, respond } from "../../test-backend";
import { workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { programme } from "../portfolio/testRanking";
import { AISHA, backlogItem, CADENCE, CHECKLIST, HENRIK, MEETINGS } from "./testData";
import { CadencePage } from "./CadencePage";
import { ChecklistPage } from "./ChecklistPage";
import { SteeringPage } from "./SteeringPage";

const SLOW = { timeout: 5000 };

function openPage(page: "checklist" | "cadence") {
  renderWithProviders(page === "checklist" ? <ChecklistPage /> : <CadencePage />, { location: { page, param: null } });
}

describe("Steering: the backlog tab, the checklist and cadence pages", () => {
  beforeEach(() =>
    respond({
      session_status: () => workingAs(AISHA),
      programme_get: () => programme("EUR"),
      person_list: () => [HENRIK, AISHA],
      meeting_list: () => MEETINGS,
      meeting_backlog: () => [
        backlogItem(),
        backlogItem({ id: "BL-001", title: "Contract clause finder", status: "authorised", use_case_id: "UC-021" }),
      ],
      steering_checklist: () => CHECKLIST,
      steering_cadence: () => CADENCE,
    }),
  );

  it("lists the backlog with each item's status; an authorised one opens the use case it became", async () => {
    const { navigate } = renderWithProviders(<SteeringPage />, { location: { page: "steering", param: "#backlog" } });
    const proposed = await screen.findByTestId("backlog-row-BL-002", {}, SLOW);
    expect(proposed.textContent).toContain("Proposed");
    expect(proposed.textContent).toContain("Procurement");
    await waitFor(() => expect(proposed.textContent).toContain("€400,000 a year"));
    const authorised = screen.getByTestId("backlog-row-BL-001");
    expect(authorised.textContent).toContain("Authorised");
    fireEvent.click(within(authorised).getByTestId("backlog-case-BL-001"));
    expect(navigate).toHaveBeenCalledWith("portfolio", "UC-021");
  });

  it("proposes an item in the name of the person working, leaving out what is not estimated", async () => {
    respond({ meeting_propose: () => backlogItem({ id: "BL-003" }) });
    renderWithProviders(<SteeringPage />, { location: { page: "steering", param: "#backlog" } });
    fireEvent.click(await screen.findByTestId("backlog-propose-open", {}, SLOW));
    await screen.findByTestId("backlog-title");
    fireEvent.click(screen.getByTestId("backlog-submit"));
    expect(await screen.findByText("Give the idea a title")).toBeTruthy();
    expect(requestsTo("meeting_propose")).toEqual([]);

    fireEvent.change(screen.getByTestId("backlog-title"), { target: { value: "Returns triage" } });
    fireEvent.change(screen.getByTestId("backlog-rationale"), { target: { value: "Returns pile up after sales" } });
    fireEvent.change(screen.getByTestId("backlog-annual-value"), { target: { value: "250000" } });
    fireEvent.click(screen.getByTestId("backlog-submit"));
    await waitFor(() => expect(requestsTo("meeting_propose")).toHaveLength(1));
    expect(requestsTo("meeting_propose")[0]).toEqual({
      title: "Returns triage",
      rationale: "Returns pile up after sales",
      // Left empty: the backend records the person working.
      proposer: null,
      sponsor: null,
      estimate: { business_unit: null, annual_value: 250000, one_time_cost: null, monthly_run_cost: null },
    } satisfies BacklogInput);
  });

  it("shows the five-item checklist as the data gives it, with evidence and gaps", async () => {
    openPage("checklist");
    const registry = await screen.findByTestId("checklist-item-model_registry", {}, SLOW);
    expect(registry.textContent).toContain("Partly met");
    expect(registry.textContent).toContain("AV-1");
    expect(registry.textContent).toContain("AV-3: no evaluation recorded");
    expect(screen.getByTestId("checklist-item-scored_portfolio").textContent).toContain("Met");
    expect(screen.getByTestId("checklist-item-improvement_cadence").getAttribute("data-status")).toBe("not_met");
    expect(screen.getByTestId("checklist-met").textContent).toContain("1 of 3 met");
  });

  it("shows where each kind of the cadence stands and records an event held", async () => {
    respond({ steering_add_cadence: () => CADENCE });
    openPage("cadence");
    const enablement = await screen.findByTestId("cadence-status-enablement", {}, SLOW);
    expect(enablement.textContent).toContain("Overdue");
    expect(enablement.textContent).toContain("Never held");
    expect(screen.getByTestId("cadence-status-forum").textContent).toContain("On time");
    expect(screen.getByTestId("cadence-event-CAD-002").textContent).toContain(
      "Claims engineers, analysts and compliance",
    );

    fireEvent.click(screen.getByTestId("cadence-add-open"));
    fireEvent.change(await screen.findByTestId("cadence-date"), { target: { value: "2026-12-01" } });
    fireEvent.change(screen.getByTestId("cadence-audience"), { target: { value: "Claims handlers" } });
    fireEvent.change(screen.getByTestId("cadence-attendance"), { target: { value: "24" } });
    fireEvent.change(screen.getByTestId("cadence-outcomes"), { target: { value: "Hands-on session on triage" } });
    fireEvent.click(screen.getByRole("radio", { name: "Workforce enablement" }));
    fireEvent.click(screen.getByTestId("cadence-submit"));
    await waitFor(() =>
      expect(requestsTo("steering_add_cadence")).toEqual([
        {
          kind: "enablement",
          held_on: "2026-12-01",
          audience: "Claims handlers",
          attendance: 24,
          outcomes: "Hands-on session on triage",
        } satisfies CadenceInput,
      ]),
    );
  });
});
