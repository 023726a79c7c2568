import { fireEvent, screen, waitFor } from "@testing-library/react";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { SetBaseModelForm } from "./SetBaseModelForm";
import { adapterVersion } from "./testData";

const unnamed = adapterVersion({ base_model: null });

describe("SetBaseModelForm", () => {
  it("records the base model of a version whose config named none", async () => {
    respond({ adapter_version_set_base_model: (req) => adapterVersion({ base_model: req.base_model }) });
    renderWithProviders(<SetBaseModelForm version={unnamed} />);
    expect(screen.getByTestId("version-base-model-save").hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByTestId("version-base-model-input"), { target: { value: "acme/base-7b" } });
    fireEvent.click(screen.getByTestId("version-base-model-save"));
    await waitFor(() =>
      expect(requestsTo("adapter_version_set_base_model")).toEqual([{ id: "AV-3", base_model: "acme/base-7b" }]),
    );
  });

  it("shows the backend's refusal beside the field", async () => {
    respond({
      adapter_version_set_base_model: () =>
        refuse(
          "invalid_input",
          'base_model: AV-3 already records "acme/other"',
          "base_model",
          'AV-3 already records "acme/other"',
        ),
    });
    renderWithProviders(<SetBaseModelForm version={unnamed} />);
    fireEvent.change(screen.getByTestId("version-base-model-input"), { target: { value: "acme/base-7b" } });
    fireEvent.click(screen.getByTestId("version-base-model-save"));
    expect(await screen.findByText('AV-3 already records "acme/other"')).toBeTruthy();
    expect(screen.getByTestId("version-base-model-input").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("shows a refusal naming no field above the button", async () => {
    respond({
      adapter_version_set_base_model: () =>
        refuse("read_only", "the portfolio is open read-only: another Steerco is writing it"),
    });
    renderWithProviders(<SetBaseModelForm version={unnamed} />);
    fireEvent.change(screen.getByTestId("version-base-model-input"), { target: { value: "acme/base-7b" } });
    fireEvent.click(screen.getByTestId("version-base-model-save"));
    expect((await screen.findByTestId("form-refusal")).textContent).toContain("open read-only");
  });
});
