import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { PhaseAdvance } from "../../bindings/PhaseAdvance";
import type { Pilot } from "../../bindings/Pilot";
import { refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase, person, refused } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { ANA, failingRegressionCheck, sessionAs } from "../registry/testData";
import { PilotsPage } from "./PilotsPage";
import { blueprint, phase, pilot, readiness } from "./testData";

const HENRIK = person("P-3", "Henrik Olsen", ["executive"]);
const WITH_LAUNCH = blueprint([{ part: "registry", content: { part: "registry", adapter_version_id: "AV-3" } }]);
const RUNNING = pilot({
  phases: [
    phase({ status: "running", actual_start: "2026-12-01" }),
    phase({ id: "PH-002", position: 2, name: "Phase 2", audience: "every claims team", planned_start: "2027-01-01" }),
  ],
});

function openPilot() {
  return renderWithProviders(<PilotsPage />, { location: { page: "pilots", param: "UC-001#pilot" } });
}

/** The start button once readiness is read. */
async function startButton(): Promise<HTMLElement> {
  const start = await screen.findByTestId("pilot-start");
  await screen.findAllByTestId("readiness-summary");
  return start;
}

describe("the Pilot tab", () => {
  beforeEach(() =>
    respond({
      session_status: () => sessionAs(ANA),
      use_case_list: () => [aUseCase({ stage: "architecture" })],
      pilot_list: () => [pilot()],
      oversight_list: () => [],
      blueprint_get: () => WITH_LAUNCH,
      pilot_readiness: () => readiness(),
      regression_check: () => failingRegressionCheck(),
    }),
  );

  it("creates the pilot with its workflow when the case has none", async () => {
    respond({ pilot_list: () => [], pilot_create: () => pilot() });
    openPilot();
    fireEvent.change(await screen.findByTestId("pilot-create-workflow"), { target: { value: "motor claims only" } });
    fireEvent.click(screen.getByTestId("pilot-create"));
    await waitFor(() =>
      expect(requestsTo("pilot_create")).toEqual([{ use_case_id: "UC-001", workflow: "motor claims only" }]),
    );
  });

  it("keeps Start disabled, naming the unmet items, until the case is ready to launch", async () => {
    respond({ pilot_readiness: () => readiness({ signoff: "never signed off", lineage: "AV-3 has gaps" }) });
    openPilot();
    const start = await startButton();
    await waitFor(() => expect(start.hasAttribute("data-disabled")).toBe(true));
    fireEvent.click(start);
    expect(requestsTo("pilot_start")).toEqual([]);
    fireEvent.mouseEnter(start);
    expect(
      await screen.findByText(
        "Not ready to launch. Not met: A current compliance sign-off; Lineage check clean for the launch version",
      ),
    ).toBeTruthy();
  });

  it("starts a ready pilot, and shows the backend's refusal when it refuses anyway", async () => {
    respond({
      pilot_start: () =>
        refuse(
          "invalid_input",
          "UC-001 is not ready to launch; not met: A current compliance sign-off (stale)",
          "pilot_id",
        ),
    });
    openPilot();
    const start = await startButton();
    await waitFor(() => expect(start.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(start);
    await waitFor(() => expect(requestsTo("pilot_start")).toEqual([{ pilot_id: "PIL-001", on: null }]));
    expect((await screen.findByTestId("pilot-start-refusal")).textContent).toContain(
      "UC-001 is not ready to launch; not met: A current compliance sign-off (stale)",
    );
  });

  it("asks for a phase before the pilot can start", async () => {
    respond({ pilot_list: () => [pilot({ phases: [] })] });
    openPilot();
    const start = await startButton();
    await waitFor(() => expect(start.hasAttribute("data-disabled")).toBe(true));
    expect(screen.getByTestId("pilot-no-phases")).toBeTruthy();
    fireEvent.mouseEnter(start);
    expect(await screen.findByText("Add a phase first: starting the pilot starts its first phase")).toBeTruthy();
  });

  it("flags missing protocols and saves them whole", async () => {
    respond({
      pilot_list: () => [pilot({ missing_protocols: ["fallback (manual process, trigger, owner)"] })],
      pilot_set_protocols: () => pilot(),
    });
    openPilot();
    expect((await screen.findByTestId("pilot-missing-protocols")).textContent).toContain("fallback (manual process");
    fireEvent.click(screen.getByTestId("pilot-protocols-edit"));
    fireEvent.change(await screen.findByTestId("protocols-field-training_delivered_on"), {
      target: { value: "2026-11-20" },
    });
    fireEvent.click(screen.getByTestId("protocols-add-metric"));
    fireEvent.change(screen.getByTestId("protocols-acceptance-1-metric"), { target: { value: "latency_p95" } });
    // A metric without a threshold is asked for before anything is sent.
    fireEvent.click(screen.getByTestId("protocols-save"));
    expect(await screen.findByText("Enter the threshold to reach")).toBeTruthy();
    expect(requestsTo("pilot_set_protocols")).toEqual([]);
    fireEvent.change(screen.getByTestId("protocols-acceptance-1-threshold"), { target: { value: "2.5" } });
    const direction = screen.getByTestId("protocols-acceptance-1-direction");
    fireEvent.click(direction);
    const listbox = document.getElementById(direction.getAttribute("aria-controls")!)!;
    fireEvent.click(listbox.querySelector('[data-combobox-option][value="lower"]')!);
    fireEvent.click(screen.getByTestId("protocols-save"));
    await waitFor(() => expect(requestsTo("pilot_set_protocols")).toHaveLength(1));
    expect(requestsTo("pilot_set_protocols")[0]).toEqual({
      pilot_id: "PIL-001",
      protocols: {
        ...pilot().protocols,
        training_delivered_on: "2026-11-20",
        acceptance: [
          { metric: "accuracy", threshold: 0.9, higher_is_better: true },
          { metric: "latency_p95", threshold: 2.5, higher_is_better: false },
        ],
      },
    });
  });

  it("adds a phase after the last one", async () => {
    respond({ pilot_add_phase: (): Pilot => pilot() });
    openPilot();
    fireEvent.click(await screen.findByTestId("pilot-phase-add"));
    fireEvent.change(await screen.findByTestId("phase-name"), { target: { value: "Phase 2" } });
    fireEvent.change(screen.getByTestId("phase-audience"), { target: { value: "every claims team" } });
    fireEvent.change(screen.getByTestId("phase-end"), { target: { value: "2027-02-28" } });
    fireEvent.click(screen.getByTestId("phase-save"));
    await waitFor(() =>
      expect(requestsTo("pilot_add_phase")).toEqual([
        {
          pilot_id: "PIL-001",
          name: "Phase 2",
          audience: "every claims team",
          planned_start: "2026-12-31",
          planned_end: "2027-02-28",
          oversight_note: "",
        },
      ]),
    );
  });

  it("shows the regression gate before advancing, and lets an executive advance with a rationale", async () => {
    respond({
      session_status: () => sessionAs(HENRIK),
      pilot_list: () => [RUNNING],
      pilot_advance: (req: PhaseAdvance) =>
        req.override_rationale?.trim()
          ? RUNNING
          : refuse("invalid_input", "override_rationale: is required", "override_rationale", "is required"),
    });
    openPilot();
    expect((await screen.findByTestId("phase-status-PH-001")).getAttribute("data-status")).toBe("running");
    fireEvent.click(screen.getByTestId("pilot-advance"));
    expect((await screen.findByTestId("advance-gate-fails")).textContent).toContain(
      "fails the regression gate for AV-3",
    );
    expect(screen.getByTestId("advance-gate-failing-mmlu-acc").textContent).toBe(
      "mmlu acc 0.812 → 0.78 (−0.032, tolerance 0.01)",
    );
    expect(requestsTo("regression_check")).toEqual([{ id: "AV-3" }]);
    fireEvent.change(screen.getByTestId("advance-override-rationale"), {
      target: { value: "The pilot's own questions hold" },
    });
    const submit = screen.getByTestId("advance-submit");
    expect(submit.textContent).toBe("Advance anyway (record decision)");
    fireEvent.click(submit);
    await waitFor(() => expect(requestsTo("pilot_advance")).toHaveLength(1));
    expect((requestsTo("pilot_advance")[0] as PhaseAdvance).override_rationale).toBe("The pilot's own questions hold");
  });

  it("does not let anyone but an executive past a failing regression gate", async () => {
    respond({
      session_status: () => sessionAs(ANA, { decide_gate: refused("Only an executive decides") }),
      pilot_list: () => [RUNNING],
    });
    openPilot();
    fireEvent.click(await screen.findByTestId("pilot-advance"));
    await screen.findByTestId("advance-gate-fails");
    expect(screen.queryByTestId("advance-override-rationale")).toBeNull();
    const submit = screen.getByTestId("advance-submit");
    await waitFor(() => expect(submit.hasAttribute("data-disabled")).toBe(true));
    fireEvent.click(submit);
    expect(requestsTo("pilot_advance")).toEqual([]);
  });

  it("stops the running phase with a reason", async () => {
    respond({ pilot_list: () => [RUNNING], pilot_stop: () => RUNNING });
    openPilot();
    fireEvent.click(await screen.findByTestId("pilot-stop"));
    fireEvent.change(await screen.findByTestId("stop-reason"), { target: { value: "wrong triage of urgent claims" } });
    fireEvent.click(screen.getByTestId("stop-confirm"));
    await waitFor(() =>
      expect(requestsTo("pilot_stop")).toEqual([
        { pilot_id: "PIL-001", reason: "wrong triage of urgent claims", on: null },
      ]),
    );
  });

  it("shows the oversight plan the pilot runs under and what it lacks", async () => {
    respond({
      oversight_list: () => [
        {
          use_case_id: "UC-001",
          accountable_person: "Jonas Weber",
          intervention_procedure: "stops the assistant from the console",
          fallback_owner: "",
          max_intervention_minutes: 30,
          missing: ["fallback owner"],
          updated_at: null,
        },
      ],
    });
    openPilot();
    const card = await screen.findByTestId("pilot-oversight");
    await waitFor(() => expect(card.textContent).toContain("Jonas Weber"));
    expect(card.textContent).toContain("stops the assistant from the console");
    expect(card.textContent).toContain("30 minutes");
    expect(screen.getByTestId("pilot-oversight-missing").textContent).toContain("fallback owner");
  });

  it("says the pilot cannot start while the case has no oversight plan", async () => {
    respond({ oversight_list: () => [] });
    openPilot();
    expect((await screen.findByTestId("pilot-oversight-missing")).textContent).toContain("cannot start");
  });
});
