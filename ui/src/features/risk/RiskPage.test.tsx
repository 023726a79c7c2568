import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import { backend, BackendError } from "../../backend";
import type { Oversight } from "../../bindings/Oversight";
import type { UseCase } from "../../bindings/UseCase";
import { PARITY_DEFAULT_RATIONALE } from "../../lib/compliance";
import { renderWithProviders } from "../../test-utils";
import { RiskPage } from "./RiskPage";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return {
    ...actual,
    backend: {
      useCases: vi.fn(),
      oversight: vi.fn(),
      setOversight: vi.fn(),
      biasChecks: vi.fn(),
      importBias: vi.fn(),
      allAdapterVersions: vi.fn(),
      chooseFile: vi.fn(),
      risks: vi.fn(),
      createRisk: vi.fn(),
      frameworkCoverage: vi.fn(),
      frameworkMapping: vi.fn(),
    },
  };
});

const plan: Oversight = {
  use_case_id: "UC-1",
  accountable_person: "Dana Lee",
  intervention_procedure: "",
  fallback_owner: "",
  max_intervention_minutes: null,
  missing: ["intervention procedure", "fallback owner", "longest time allowed to intervene"],
  updated_at: null,
};

describe("RiskPage", () => {
  beforeEach(() => {
    vi.mocked(backend.useCases).mockResolvedValue([{ id: "UC-1", title: "Claims triage" } as UseCase]);
    vi.mocked(backend.oversight).mockResolvedValue([plan]);
    vi.mocked(backend.biasChecks).mockResolvedValue([]);
    vi.mocked(backend.allAdapterVersions).mockResolvedValue([]);
    vi.mocked(backend.risks).mockResolvedValue([]);
  });

  it("flags what the oversight plan lacks and saves the form, a refused field beside it", async () => {
    vi.mocked(backend.setOversight).mockRejectedValue(
      new BackendError({
        code: "invalid_input",
        message: "max_intervention_minutes: must be at least 1 minute",
        field: "max_intervention_minutes",
      }),
    );
    renderWithProviders(<RiskPage />);
    expect((await screen.findByTestId("oversight-missing")).textContent).toContain("fallback owner");
    expect((screen.getByTestId("oversight-accountable") as HTMLInputElement).value).toBe("Dana Lee");
    fireEvent.change(screen.getByTestId("oversight-fallback"), { target: { value: "Claims desk" } });
    fireEvent.change(screen.getByTestId("oversight-minutes"), { target: { value: "0" } });
    fireEvent.click(screen.getByTestId("oversight-save"));
    expect(await screen.findByText("must be at least 1 minute")).toBeTruthy();
    expect(backend.setOversight).toHaveBeenCalledWith(
      expect.objectContaining({
        use_case_id: "UC-1",
        accountable_person: "Dana Lee",
        fallback_owner: "Claims desk",
        max_intervention_minutes: 0,
      }),
    );
    expect(screen.getByTestId("oversight-row-UC-1").textContent).toContain("missing: intervention procedure");
  });

  it("imports parity results with the four-fifths default, and asks for a threshold for adversarial suites", async () => {
    vi.mocked(backend.chooseFile).mockResolvedValue("/results/parity.csv");
    vi.mocked(backend.importBias).mockResolvedValue({
      id: "BC-1",
      passed: true,
      title: "Demographic parity · parity.csv",
    } as never);
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-bias"));
    fireEvent.click(await screen.findByTestId("bias-import-open"));
    const modal = await screen.findByTestId("bias-import");
    expect((within(modal).getByTestId("bias-threshold") as HTMLInputElement).value).toBe("0.8");
    expect((within(modal).getByTestId("bias-rationale") as HTMLTextAreaElement).value).toBe(PARITY_DEFAULT_RATIONALE);
    fireEvent.click(within(modal).getByText("Choose file…"));
    await waitFor(() =>
      expect((within(modal).getByTestId("bias-path") as HTMLInputElement).value).toBe("/results/parity.csv"),
    );
    fireEvent.click(within(modal).getByTestId("bias-import-submit"));
    await waitFor(() =>
      expect(backend.importBias).toHaveBeenCalledWith({
        kind: "demographic_parity",
        path: "/results/parity.csv",
        use_case_id: "UC-1",
        adapter_version_id: null,
        title: null,
        threshold: 0.8,
        rationale: PARITY_DEFAULT_RATIONALE,
      }),
    );
    fireEvent.click(await screen.findByTestId("bias-import-open"));
    fireEvent.click(await screen.findByText("Adversarial prompts"));
    expect((screen.getByTestId("bias-threshold") as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("bias-rationale") as HTMLTextAreaElement).value).toBe("");
  });

  it("shows framework coverage, with items Steerco cannot evidence marked as outside it", async () => {
    vi.mocked(backend.frameworkMapping).mockResolvedValue([]);
    vi.mocked(backend.frameworkCoverage).mockResolvedValue({
      use_case_id: "UC-1",
      title: "Claims triage",
      evidence: ["oversight"],
      frameworks: [
        {
          framework: "eu-ai-act",
          title: "EU AI Act",
          source: "Regulation (EU) 2024/1689",
          covered: 1,
          total: 3,
          items: [
            {
              id: "art14",
              reference: "Art. 14",
              title: "Human oversight",
              summary: "",
              evidenced_by: ["oversight"],
              present: ["oversight"],
              covered: true,
            },
            {
              id: "art10",
              reference: "Art. 10",
              title: "Data governance",
              summary: "",
              evidenced_by: ["data_pack"],
              present: [],
              covered: false,
            },
            {
              id: "art17",
              reference: "Art. 17",
              title: "Quality management",
              summary: "",
              evidenced_by: [],
              present: [],
              covered: false,
            },
          ],
        },
      ],
    });
    renderWithProviders(<RiskPage />);
    fireEvent.click(await screen.findByTestId("tab-coverage"));
    const panel = await screen.findByTestId("coverage-eu-ai-act");
    expect(panel.textContent).toContain("covered 1 of 3");
    expect(within(panel).getByTestId("coverage-item-eu-ai-act-art14").textContent).toContain("covered");
    expect(within(panel).getByTestId("coverage-item-eu-ai-act-art10").textContent).toContain("no evidence");
    expect(within(panel).getByTestId("coverage-item-eu-ai-act-art17").textContent).toContain("outside Steerco");
    expect(backend.frameworkCoverage).toHaveBeenCalledWith("UC-1");
  });
});
