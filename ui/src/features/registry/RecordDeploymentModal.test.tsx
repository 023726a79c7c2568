import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { DeploymentInput } from "../../bindings/DeploymentInput";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, refused } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { RecordDeploymentModal } from "./RecordDeploymentModal";
import { ANA, adapterVersion, failingRegressionCheck, regressionCheck, sessionAs } from "./testData";

const deployment = {
  id: "DEP-1",
  adapter_version_id: "AV-3",
  target: "production",
  deployed_on: "2026-11-02",
  approved_by: "Ana",
  created_at: "2026-11-02T10:00:00Z",
};

const BEN = person("P-2", "Ben", ["consultant"]);
const OVERRIDE_REASON = "Only an executive can let a version through the regression gate";

/** The submit button, once the gate is read and it no longer waits for it. */
async function readySubmit(): Promise<HTMLElement> {
  const submit = await screen.findByTestId("deploy-submit");
  await waitFor(() => expect(submit.hasAttribute("data-disabled")).toBe(false));
  return submit;
}

/** Fills the fields every deployment needs. */
async function fillTarget() {
  fireEvent.change(await screen.findByTestId("deploy-target"), { target: { value: "production" } });
  fireEvent.change(screen.getByTestId("deploy-date"), { target: { value: "2026-11-02" } });
}

describe("RecordDeploymentModal", () => {
  beforeEach(() => respond({ regression_check: () => regressionCheck() }));

  it("records the person working as the approver instead of asking for a name", async () => {
    respond({ session_status: () => sessionAs(ANA), deployment_create: () => deployment });
    const onClose = vi.fn();
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={onClose} />);
    expect((await screen.findByText("Ana, the person working")).getAttribute("data-testid")).toBe("deploy-approved-by");
    expect(screen.queryByRole("textbox", { name: /approved by/i })).toBeNull();
    fireEvent.change(screen.getByTestId("deploy-target"), { target: { value: "production" } });
    fireEvent.change(screen.getByTestId("deploy-date"), { target: { value: "2026-11-02" } });
    fireEvent.click(await readySubmit());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // The gate passes: the form is as ever and no rationale is sent.
    expect(screen.queryByTestId("deploy-gate-fails")).toBeNull();
    expect(screen.queryByTestId("deploy-override-rationale")).toBeNull();
    expect(requestsTo("deployment_create")).toEqual([
      {
        adapter_version_id: "AV-3",
        target: "production",
        deployed_on: "2026-11-02",
        approved_by: "Ana",
        override_rationale: null,
      },
    ]);
    // Read as the dialog opened (and again once the deployment made it stale).
    expect(requestsTo("regression_check")[0]).toEqual({ id: "AV-3" });
  });

  it("shows a failing gate before saving and lets an executive deploy anyway with a rationale", async () => {
    respond({
      session_status: () => sessionAs(ANA),
      regression_check: () => failingRegressionCheck(),
      deployment_create: (req: DeploymentInput) =>
        req.override_rationale?.trim()
          ? deployment
          : refuse("invalid_input", "override_rationale: is required", "override_rationale", "is required"),
    });
    const onClose = vi.fn();
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={onClose} />);
    const alert = await screen.findByTestId("deploy-gate-fails");
    expect(alert.textContent).toContain("Deploying this version fails the regression gate");
    expect(screen.getByTestId("deploy-gate-failing-mmlu-acc").textContent).toBe(
      "mmlu acc 0.812 → 0.78 (−0.032, tolerance 0.01)",
    );
    expect(screen.queryByTestId("deploy-gate-failing-hellaswag-acc_norm")).toBeNull();
    const submit = await readySubmit();
    expect(submit.textContent).toBe("Deploy anyway (record decision)");

    // Without a rationale the backend refuses, beside the rationale.
    await fillTarget();
    fireEvent.click(submit);
    expect(await screen.findByText("is required")).toBeTruthy();
    expect(screen.getByTestId("deploy-override-rationale").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-refusal")).toBeNull();

    fireEvent.change(screen.getByTestId("deploy-override-rationale"), {
      target: { value: "The pilot's own questions hold; mmlu is not what it answers" },
    });
    fireEvent.click(submit);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("deployment_create").map((r) => (r as DeploymentInput).override_rationale)).toEqual([
      "",
      "The pilot's own questions hold; mmlu is not what it answers",
    ]);
  });

  it("does not let someone who may not decide gates deploy a version the gate refuses", async () => {
    respond({
      session_status: () =>
        sessionAs(BEN, { decide_gate: refused("Only an executive can record a gate decision; Ben is a consultant") }),
      regression_check: () => failingRegressionCheck(),
      deployment_create: () => deployment,
    });
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={vi.fn()} />);
    const alert = await screen.findByTestId("deploy-gate-fails");
    await waitFor(() => expect(alert.textContent).toContain("ask an executive"));
    expect(alert.textContent).toContain("evaluate it on the same suite");
    expect(screen.queryByTestId("deploy-override-rationale")).toBeNull();

    const submit = screen.getByTestId("deploy-submit");
    expect(submit.hasAttribute("data-disabled")).toBe(true);
    fireEvent.mouseEnter(submit);
    expect(await screen.findByText(OVERRIDE_REASON)).toBeTruthy();
    await fillTarget();
    // A click, and Enter in a field (the browser clicks the submit button for it), are cancelled.
    fireEvent.click(submit);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requestsTo("deployment_create")).toEqual([]);
  });

  it("reads the gate again when the backend refuses the version, so the alert shows why", async () => {
    let checks = 0;
    const message = "adapter_version_id: AV-3 (claims 1.2.0) fails the regression gate against AV-1";
    respond({
      session_status: () => sessionAs(ANA),
      // Someone deployed another version after the dialog opened.
      regression_check: () => (checks++ === 0 ? regressionCheck() : failingRegressionCheck()),
      deployment_create: () => refuse("invalid_input", message, "adapter_version_id", "fails the regression gate"),
    });
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={vi.fn()} />);
    await fillTarget();
    fireEvent.click(await readySubmit());
    expect((await screen.findByTestId("form-refusal")).textContent).toContain(message);
    expect(await screen.findByTestId("deploy-gate-fails")).toBeTruthy();
    expect(screen.getByTestId("deploy-submit").textContent).toBe("Deploy anyway (record decision)");
    expect((requestsTo("deployment_create")[0] as DeploymentInput).override_rationale).toBeNull();
  });

  it("shows a refusal about the target beside it", async () => {
    respond({
      session_status: () => sessionAs(ANA),
      deployment_create: () => refuse("invalid_input", "target: is required", "target", "is required"),
    });
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={vi.fn()} />);
    fireEvent.click(await readySubmit());
    expect(await screen.findByText("is required")).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
    expect(screen.getByTestId("deploy-target").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows a refusal about the version above the buttons", async () => {
    const message = "adapter_version_id: AV-3 is candidate; approve the version first";
    respond({
      session_status: () => sessionAs(ANA),
      deployment_create: () => refuse("invalid_input", message, "adapter_version_id", "AV-3 is candidate"),
    });
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={vi.fn()} />);
    fireEvent.change(await screen.findByTestId("deploy-target"), { target: { value: "production" } });
    fireEvent.click(await readySubmit());
    expect((await screen.findByTestId("form-refusal")).textContent).toContain(message);
  });
});
