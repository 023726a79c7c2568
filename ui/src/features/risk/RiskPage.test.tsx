import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { BiasDefault } from "../../bindings/BiasDefault";
import type { BiasImport } from "../../bindings/BiasImport";
import type { Oversight } from "../../bindings/Oversight";
import type { OversightUpdate } from "../../bindings/OversightUpdate";
import type { Risk } from "../../bindings/Risk";
import type { RiskInput } from "../../bindings/RiskInput";
import type { UseCase } from "../../bindings/UseCase";
import type { UseCaseCoverage } from "../../bindings/UseCaseCoverage";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { RiskPage } from "./RiskPage";

const plan: Oversight = {
  use_case_id: "UC-1",
  accountable_person: "Dana Lee",
  intervention_procedure: "",
  fallback_owner: "",
  max_intervention_minutes: null,
  missing: ["intervention procedure", "fallback owner", "longest time allowed to intervene"],
  updated_at: null,
};

const risk: Risk = {
  id: "RSK-001",
  use_case_id: "UC-1",
  title: "Wrong triage of urgent claims",
  likelihood: 3,
  impact: 4,
  owner: "Dana Lee",
  mitigation: "",
  status: "open",
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
};

// Not the four-fifths rule's wording: the form must show what the backend sends.
const PARITY_RATIONALE = "Starting point from the backend; adapt it to the use case.";
const defaults: BiasDefault[] = [
  { kind: "demographic_parity", threshold: 0.8, rationale: PARITY_RATIONALE },
  { kind: "adversarial_prompts", threshold: null, rationale: null },
];

const coverage: UseCaseCoverage = {
  use_case_id: "UC-1",
  title: "Claims triage",
  evidence: [
    { kind: "oversight_plan", id: "UC-1", complete: true, lacking: null },
    { kind: "data_pack", id: "DP-004", complete: false, lacking: "DP-004 is not approved by compliance" },
  ],
  frameworks: [
    {
      framework: "eu_ai_act_annex_iv",
      title: "EU AI Act, Annex IV",
      source: "Regulation (EU) 2024/1689",
      // The counts are the backend's, over every item of the framework (only some are listed here).
      covered: 5,
      partial: 3,
      missing: 2,
      outside: 1,
      total: 11,
      items: [
        {
          id: "art14",
          reference: "Art. 14",
          title: "Human oversight",
          summary: "",
          requires: ["oversight_plan"],
          status: "covered",
          evidence: [{ kind: "oversight_plan", id: "UC-1" }],
          lacking: [],
          outside: null,
        },
        {
          id: "art10",
          reference: "Art. 10",
          title: "Data governance",
          summary: "",
          requires: ["data_pack", "data_source"],
          status: "partial",
          evidence: [{ kind: "data_source", id: "DS-002" }],
          lacking: ["Data pack: DP-004 is not approved by compliance"],
          outside: null,
        },
        {
          id: "art15",
          reference: "Art. 15",
          title: "Accuracy and robustness",
          summary: "",
          requires: ["evaluation"],
          status: "missing",
          evidence: [],
          lacking: ["Evaluation: none recorded"],
          outside: null,
        },
        {
          id: "art17",
          reference: "Art. 17",
          title: "Quality management",
          summary: "",
          requires: [],
          status: "outside",
          evidence: [],
          lacking: [],
          outside: "the provider's quality management system is kept outside Steerco",
        },
      ],
    },
  ],
};

async function openRisk() {
  fireEvent.click(await screen.findByTestId("tab-register"));
  fireEvent.click(await screen.findByTestId("risk-edit-RSK-001"));
  return screen.findByTestId("risk-modal");
}

describe("RiskPage", () => {
  beforeEach(() => {
    respond({
      use_case_list: () => [{ id: "UC-1", title: "Claims triage" } as UseCase],
      oversight_list: () => [plan],
      bias_list: () => [],
      bias_defaults: () => defaults,
      adapter_version_list: () => [],
      risk_list: () => [risk],
      framework_mapping: () => [
        { evidence_kind: "oversight_plan", label: "Oversight plan", items: ["eu_ai_act_annex_iv/art14"] },
        { evidence_kind: "data_source", label: "Data source", items: ["eu_ai_act_annex_iv/art10"] },
      ],
    });
  });

  it("flags what the oversight plan lacks and saves only the changed fields, a refused field beside it", async () => {
    respond({
      oversight_set: () =>
        refuse(
          "invalid_input",
          "max_intervention_minutes: must be at least 1 minute",
          "max_intervention_minutes",
          "must be at least 1 minute",
        ),
    });
    renderWithProviders(<RiskPage />);
    expect((await screen.findByTestId("oversight-missing")).textContent).toContain("fallback owner");
    expect((screen.getByTestId("oversight-accountable") as HTMLInputElement).value).toBe("Dana Lee");
    fireEvent.change(screen.getByTestId("oversight-fallback"), { target: { value: "Claims desk" } });
    fireEvent.change(screen.getByTestId("oversight-minutes"), { target: { value: "0" } });
    fireEvent.click(screen.getByTestId("oversight-save"));
    expect(await screen.findByText("must be at least 1 minute")).toBeTruthy();
    expect(screen.getByTestId("oversight-minutes").getAttribute("aria-invalid")).toBe("true");
    expect(requestsTo("oversight_set")).toEqual([
      {
        use_case_id: "UC-1",
        changes: [
          { field: "fallback_owner", value: "Claims desk" },
          { field: "max_intervention_minutes", value: 0 },
        ],
        loaded: {
          use_case_id: "UC-1",
          accountable_person: "Dana Lee",
          intervention_procedure: "",
          fallback_owner: "",
          max_intervention_minutes: null,
        },
      },
    ]);
    expect(screen.getByTestId("oversight-row-UC-1").textContent).toContain("missing: intervention procedure");
  });

  it("checks the next oversight save against what the last one stored", async () => {
    respond({
      oversight_set: (req: OversightUpdate) => ({
        ...plan,
        fallback_owner: "Claims desk",
        missing: ["intervention procedure", "longest time allowed to intervene"],
        updated_at: "2026-03-04T10:00:00Z",
        use_case_id: req.use_case_id,
      }),
    });
    renderWithProviders(<RiskPage />);
    fireEvent.change(await screen.findByTestId("oversight-fallback"), { target: { value: "Claims desk" } });
    fireEvent.click(screen.getByTestId("oversight-save"));
    await waitFor(() => expect(requestsTo("oversight_set")).toHaveLength(1));
    fireEvent.change(screen.getByTestId("oversight-procedure"), { target: { value: "Stop the queue" } });
    fireEvent.click(screen.getByTestId("oversight-save"));
    await waitFor(() => expect(requestsTo("oversight_set")).toHaveLength(2));
    expect(requestsTo("oversight_set")[1]).toMatchObject({
      changes: [{ field: "intervention_procedure", value: "Stop the queue" }],
      loaded: { fallback_owner: "Claims desk", intervention_procedure: "" },
    });
  });

  it("records a new risk with the whole input", async () => {
    respond({ risk_create: (req: RiskInput) => ({ ...risk, ...req, id: "RSK-002" }) });
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-register"));
    fireEvent.click(await screen.findByTestId("risk-new"));
    const modal = await screen.findByTestId("risk-modal");
    fireEvent.change(within(modal).getByTestId("risk-title"), { target: { value: "Leaked claimant data" } });
    fireEvent.change(within(modal).getByTestId("risk-owner"), { target: { value: "Ops" } });
    fireEvent.click(within(modal).getByTestId("risk-save"));
    await waitFor(() =>
      expect(requestsTo("risk_create")).toEqual([
        {
          use_case_id: "UC-1",
          title: "Leaked claimant data",
          likelihood: 3,
          impact: 3,
          owner: "Ops",
          mitigation: "",
          status: "open",
        },
      ]),
    );
  });

  it("edits a risk by sending only the changed fields with the risk as loaded", async () => {
    respond({ risk_update: () => ({ ...risk, mitigation: "Second reader for urgent claims" }) });
    renderWithProviders(<RiskPage />);
    const modal = await openRisk();
    fireEvent.change(within(modal).getByTestId("risk-mitigation"), {
      target: { value: "Second reader for urgent claims" },
    });
    fireEvent.click(within(modal).getByTestId("risk-save"));
    await waitFor(() => expect(requestsTo("risk_update")).toHaveLength(1));
    expect(requestsTo("risk_update")[0]).toEqual({
      id: "RSK-001",
      changes: [{ field: "mitigation", value: "Second reader for urgent claims" }],
      loaded: {
        use_case_id: "UC-1",
        title: "Wrong triage of urgent claims",
        likelihood: 3,
        impact: 4,
        owner: "Dana Lee",
        mitigation: "",
        status: "open",
      },
    });
    await waitFor(() => expect(screen.queryByTestId("risk-modal")).toBeNull());
  });

  it("shows a refused risk field beside it", async () => {
    respond({ risk_update: () => refuse("invalid_input", "owner: is required", "owner", "is required") });
    renderWithProviders(<RiskPage />);
    const modal = await openRisk();
    fireEvent.change(within(modal).getByTestId("risk-owner"), { target: { value: "" } });
    fireEvent.click(within(modal).getByTestId("risk-save"));
    await waitFor(() => expect(within(modal).getByTestId("risk-owner").getAttribute("aria-invalid")).toBe("true"));
    expect(within(modal).getByText("is required")).toBeTruthy();
    expect(within(modal).queryByTestId("form-refusal")).toBeNull();
  });

  it("on an edit conflict says so above the buttons and reloads the risk under the edit", async () => {
    let stored = risk;
    respond({
      risk_list: () => [stored],
      risk_update: () => {
        stored = { ...risk, owner: "Claims desk", status: "mitigating" };
        return refuse(
          "edit_conflict",
          "RSK-001 was changed by someone else while you were editing (owner); reload it to see their change, then make yours again",
          "owner",
        );
      },
    });
    renderWithProviders(<RiskPage />);
    const modal = await openRisk();
    fireEvent.change(within(modal).getByTestId("risk-owner"), { target: { value: "Risk office" } });
    fireEvent.click(within(modal).getByTestId("risk-save"));
    const refusal = await within(modal).findByTestId("form-refusal");
    expect(refusal.textContent).toContain("The risk was not saved");
    expect(refusal.textContent).toContain("RSK-001 was changed by someone else");
    expect(
      await within(modal).findByText("Someone else changed this to “Claims desk” while you were editing"),
    ).toBeTruthy();
    expect((within(modal).getByTestId("risk-owner") as HTMLInputElement).value).toBe("Risk office");
    expect((within(modal).getByTestId("risk-status") as HTMLInputElement).value).toBe("Mitigating");
  });

  it("imports bias results with the backend's default for parity, and none for adversarial suites", async () => {
    respond({
      bias_import: (req: BiasImport) => ({ id: "BC-1", passed: true, title: `Demographic parity · ${req.path}` }),
    });
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-bias"));
    fireEvent.click(await screen.findByTestId("bias-import-open"));
    const modal = await screen.findByTestId("bias-import");
    const threshold = (await within(modal).findByTestId("bias-threshold")) as HTMLInputElement;
    expect(threshold.value).toBe("0.8");
    expect((within(modal).getByTestId("bias-rationale") as HTMLTextAreaElement).value).toBe(PARITY_RATIONALE);
    fireEvent.change(within(modal).getByTestId("bias-path"), { target: { value: "/results/parity.csv" } });
    fireEvent.click(within(modal).getByTestId("bias-import-submit"));
    await waitFor(() =>
      expect(requestsTo("bias_import")).toEqual([
        {
          kind: "demographic_parity",
          path: "/results/parity.csv",
          use_case_id: "UC-1",
          adapter_version_id: null,
          title: null,
          threshold: 0.8,
          rationale: PARITY_RATIONALE,
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId("bias-import")).toBeNull());
    fireEvent.click(await screen.findByTestId("bias-import-open"));
    fireEvent.click(await screen.findByText("Adversarial prompts"));
    expect((screen.getByTestId("bias-threshold") as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("bias-rationale") as HTMLTextAreaElement).value).toBe("");
  });

  it("shows a refused threshold beside it", async () => {
    respond({
      bias_import: () =>
        refuse(
          "invalid_input",
          "threshold: give the lowest acceptable pass rate per category (0–1)",
          "threshold",
          "give the lowest acceptable pass rate per category (0–1)",
        ),
    });
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-bias"));
    fireEvent.click(await screen.findByTestId("bias-import-open"));
    fireEvent.click(await screen.findByText("Adversarial prompts"));
    fireEvent.change(screen.getByTestId("bias-path"), { target: { value: "/results/suite.csv" } });
    fireEvent.click(screen.getByTestId("bias-import-submit"));
    expect(await screen.findByText("give the lowest acceptable pass rate per category (0–1)")).toBeTruthy();
    expect(requestsTo("bias_import")[0]).toMatchObject({
      kind: "adversarial_prompts",
      threshold: null,
      rationale: null,
    });
  });

  it("shows per framework the counts, per item its status, evidence ids and what is lacking", async () => {
    respond({ framework_coverage: () => coverage });
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-coverage"));
    const panel = await screen.findByTestId("coverage-eu_ai_act_annex_iv");
    const counts = within(panel).getByTestId("coverage-counts-eu_ai_act_annex_iv").textContent;
    expect(counts).toContain("covered 5 of 11");
    expect(counts).toContain("partly covered: 3");
    expect(counts).toContain("missing: 2");
    expect(counts).toContain("outside Steerco: 1");
    const status = (id: string) => within(panel).getByTestId(`coverage-status-eu_ai_act_annex_iv-${id}`).textContent;
    expect(status("art14")).toBe("covered");
    expect(status("art10")).toBe("partly covered");
    expect(status("art15")).toBe("missing");
    expect(status("art17")).toBe("outside Steerco");
    const art10 = within(panel).getByTestId("coverage-item-eu_ai_act_annex_iv-art10");
    expect(art10.textContent).toContain("DS-002");
    expect(art10.textContent).toContain("Data pack: DP-004 is not approved by compliance");
    expect(within(panel).getByTestId("coverage-item-eu_ai_act_annex_iv-art14").textContent).toContain("UC-1");
    expect(within(panel).getByTestId("coverage-item-eu_ai_act_annex_iv-art17").textContent).toContain(
      "kept outside Steerco",
    );
    expect(screen.getByTestId("coverage-record-data_pack-DP-004").textContent).toContain(
      "incomplete: DP-004 is not approved by compliance",
    );
    expect(screen.getByTestId("coverage-record-oversight_plan-UC-1").textContent).toContain("complete");
    expect(requestsTo("framework_coverage")).toEqual([{ id: "UC-1" }]);
  });
});
