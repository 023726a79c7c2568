import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { DecisionInput } from "../../bindings/DecisionInput";
import { refuse, requestsTo, respond } from "../../test-backend";
import { refused, workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { AISHA, agenda, CLOSED, decision, HEAD, HENRIK, meeting, MEETINGS } from "./testData";
import { SteeringPage } from "./SteeringPage";

const SLOW = { timeout: 5000 };

/** A decision button once the session says the person working may decide. */
async function decideButton(testId: string): Promise<HTMLElement> {
  const button = await screen.findByTestId(testId, {}, SLOW);
  await waitFor(() => expect(button.getAttribute("aria-disabled")).toBeNull());
  return button;
}

describe("SteeringPage: meetings", () => {
  beforeEach(() =>
    respond({
      session_status: () => workingAs(HENRIK),
      person_list: () => [HENRIK, AISHA],
      meeting_list: () => MEETINGS,
      meeting_agenda: () => agenda(),
      meeting_minutes: () => CLOSED,
    }),
  );

  it("opens on the open meeting: its agenda with the evidence, the gate and what was decided", async () => {
    renderWithProviders(<SteeringPage />);
    await screen.findByTestId("steering-page", {}, SLOW);
    const phase = await screen.findByTestId("agenda-item-phase-PIL-001", {}, SLOW);
    expect(phase.textContent).toContain("Phase decision");
    expect(phase.textContent).toContain("Regression gate fails");
    expect(phase.textContent).toContain("accuracy 0.81 → 0.78 (fails)");
    expect(screen.getByTestId("agenda-pending").textContent).toBe("2 of 3 to decide");
    expect(screen.getByTestId("meeting-attendees").textContent).toContain("Aisha Rahman");

    // Approving past a failing gate is refused: the button says so, and override stays open.
    const approve = screen.getByTestId("agenda-decide-phase-PIL-001-approve");
    await waitFor(() => expect(approve.getAttribute("aria-disabled")).toBe("true"));
    fireEvent.mouseEnter(approve);
    expect(await screen.findByText(/The regression gate refuses this move/)).toBeTruthy();
    expect(screen.getByTestId("agenda-decide-phase-PIL-001-override").getAttribute("aria-disabled")).toBeNull();

    const decided = screen.getByTestId("agenda-item-alert-DA-002");
    expect(within(decided).getByTestId("agenda-decision-alert-DA-002").textContent).toContain("DA-002 acknowledged");
    expect(decided.textContent).toContain("A storm week");
    expect(within(decided).queryByRole("button", { name: /Acknowledge/ })).toBeNull();
  });

  it("records a decision only with a rationale", async () => {
    respond({
      meeting_decide: (req: DecisionInput) =>
        decision({
          item: req.item,
          kind: "backlog_item",
          decision: req.decision,
          outcome: "UC-021 created in discovery",
        }),
    });
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await decideButton("agenda-decide-backlog-BL-002-authorise"));
    const rationale = await screen.findByTestId("decision-rationale");
    fireEvent.click(screen.getByTestId("decision-submit"));
    expect(await screen.findByText("Give the rationale: the minutes keep why the committee decided")).toBeTruthy();
    expect(requestsTo("meeting_decide")).toEqual([]);

    fireEvent.change(rationale, { target: { value: "Procurement asks for it every quarter" } });
    fireEvent.click(screen.getByTestId("decision-submit"));
    await waitFor(() =>
      expect(requestsTo("meeting_decide")).toEqual([
        {
          meeting_id: "MTG-002",
          item: "backlog:BL-002",
          decision: "authorise",
          rationale: "Procurement asks for it every quarter",
        } satisfies DecisionInput,
      ]),
    );
  });

  it("shows the backend's refusal inline, naming the reason", async () => {
    respond({
      meeting_decide: () =>
        refuse(
          "invalid_input",
          "decision: UC-001 cannot move to scaled: its sign-off is stale",
          "decision",
          "UC-001 cannot move to scaled: its sign-off is stale",
        ),
    });
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await decideButton("agenda-decide-phase-PIL-001-override"));
    fireEvent.change(await screen.findByTestId("decision-rationale"), { target: { value: "Customers are waiting" } });
    fireEvent.click(screen.getByTestId("decision-submit"));
    const refusal = await screen.findByTestId("form-refusal");
    expect(refusal.textContent).toContain("its sign-off is stale");
    expect(within(screen.getByTestId("agenda-item-phase-PIL-001")).getByTestId("form-refusal")).toBe(refusal);
  });

  it("keeps the decision buttons visible but disabled, with the reason, for someone who is not an executive", async () => {
    const reason = "Only an executive decides this (Aisha Rahman is a product owner)";
    respond({ session_status: () => workingAs(AISHA, { decide_gate: refused(reason) }) });
    renderWithProviders(<SteeringPage />);
    const authorise = await screen.findByTestId("agenda-decide-backlog-BL-002-authorise", {}, SLOW);
    await waitFor(() => expect(authorise.getAttribute("aria-disabled")).toBe("true"));
    fireEvent.click(authorise);
    expect(screen.queryByTestId("decision-rationale")).toBeNull();
    fireEvent.mouseEnter(authorise);
    expect(await screen.findByText(reason)).toBeTruthy();
  });

  it("opens a meeting for a date with the person working attending", async () => {
    respond({ meeting_create: () => agenda({ meeting: meeting({ id: "MTG-003", held_on: "2027-01-09" }) }) });
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await screen.findByTestId("meeting-new-open", {}, SLOW));
    fireEvent.change(await screen.findByTestId("meeting-new-date"), { target: { value: "2027-01-09" } });
    fireEvent.click(screen.getByTestId("meeting-new-submit"));
    await waitFor(() =>
      expect(requestsTo("meeting_create")).toEqual([{ held_on: "2027-01-09", attendees: [HENRIK.id] }]),
    );
  });

  it("adds an action with an owner and a due date", async () => {
    respond({ meeting_add_action: () => meeting() });
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await screen.findByTestId("meeting-action-open", {}, SLOW));
    fireEvent.change(await screen.findByTestId("action-description"), {
      target: { value: "Retrain the router on the new product line" },
    });
    fireEvent.click(screen.getByTestId("action-owner"));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(`[data-combobox-option][value="${AISHA.id}"]`);
      expect(found).not.toBeNull();
      return found!;
    });
    fireEvent.click(option);
    fireEvent.change(screen.getByTestId("action-due"), { target: { value: "2027-01-15" } });
    fireEvent.click(screen.getByTestId("action-submit"));
    await waitFor(() =>
      expect(requestsTo("meeting_add_action")).toEqual([
        {
          meeting_id: "MTG-002",
          description: "Retrain the router on the new product line",
          owner: AISHA.id,
          due_on: "2027-01-15",
        },
      ]),
    );
  });

  it("closes a meeting only after saying its minutes become final", async () => {
    respond({ meeting_close: () => CLOSED });
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await screen.findByTestId("meeting-close", {}, SLOW));
    const confirm = await screen.findByTestId("meeting-close-confirm");
    expect(screen.getByRole("dialog").textContent).toContain("The minutes become final");
    expect(screen.getByTestId("meeting-close-pending").textContent).toContain("2 agenda items are still undecided");
    expect(requestsTo("meeting_close")).toEqual([]);
    fireEvent.click(confirm);
    await waitFor(() => expect(requestsTo("meeting_close")).toEqual([{ id: "MTG-002" }]));
  });

  it("shows a closed meeting's minutes with the trail's head hash at the close", async () => {
    renderWithProviders(<SteeringPage />);
    fireEvent.click(await screen.findByTestId("meeting-row-MTG-001", {}, SLOW));
    const minutes = await screen.findByTestId("meeting-minutes", {}, SLOW);
    expect(requestsTo("meeting_minutes")).toEqual([{ id: "MTG-001" }]);
    expect(screen.getByTestId("minutes-audit-head").getAttribute("data-hash")).toBe(HEAD);
    expect(minutes.textContent).toContain("#412");
    expect(within(minutes).getByTestId("minutes-decision-DEC-000").textContent).toContain(
      "UC-021 created in discovery, sponsored by Henrik Olsen",
    );
    expect(minutes.textContent).toContain("Brief legal on the discovery workshop");
    expect(screen.queryByTestId("meeting-close")).toBeNull();
  });

  it("opens on the meeting another page sent it", async () => {
    renderWithProviders(<SteeringPage />, { location: { page: "steering", param: "MTG-001" } });
    await screen.findByTestId("meeting-minutes", {}, SLOW);
    expect(screen.getByTestId("meeting-view").getAttribute("data-meeting")).toBe("MTG-001");
  });
});
