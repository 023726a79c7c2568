import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { RecordDeploymentModal } from "./RecordDeploymentModal";
import { ANA, adapterVersion, sessionAs } from "./testData";

const deployment = {
  id: "DEP-1",
  adapter_version_id: "AV-3",
  target: "production",
  deployed_on: "2026-11-02",
  approved_by: "Ana",
  created_at: "2026-11-02T10:00:00Z",
};

describe("RecordDeploymentModal", () => {
  it("records the person working as the approver instead of asking for a name", async () => {
    respond({ session_status: () => sessionAs(ANA), deployment_create: () => deployment });
    const onClose = vi.fn();
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={onClose} />);
    expect((await screen.findByText("Ana, the person working")).getAttribute("data-testid")).toBe("deploy-approved-by");
    expect(screen.queryByRole("textbox", { name: /approved by/i })).toBeNull();
    fireEvent.change(screen.getByTestId("deploy-target"), { target: { value: "production" } });
    fireEvent.change(screen.getByTestId("deploy-date"), { target: { value: "2026-11-02" } });
    fireEvent.click(screen.getByTestId("deploy-submit"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("deployment_create")).toEqual([
      { adapter_version_id: "AV-3", target: "production", deployed_on: "2026-11-02", approved_by: "Ana" },
    ]);
  });

  it("shows a refusal about the target beside it", async () => {
    respond({
      session_status: () => sessionAs(ANA),
      deployment_create: () => refuse("invalid_input", "target: is required", "target", "is required"),
    });
    renderWithProviders(<RecordDeploymentModal version={adapterVersion()} opened onClose={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("deploy-submit"));
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
    fireEvent.click(screen.getByTestId("deploy-submit"));
    expect((await screen.findByTestId("form-refusal")).textContent).toContain(message);
  });
});
