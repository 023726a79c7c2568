import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { ImportAdapterModal } from "./ImportAdapterModal";
import { adapterVersion } from "./testData";

const folder = (base_model: string | null): PeftFolder => ({
  config: {
    peft_type: "LORA",
    base_model,
    revision: null,
    r: 16,
    lora_alpha: 32,
    lora_dropout: 0.05,
    target_modules: ["q_proj", "v_proj"],
    bias: "none",
    use_rslora: false,
    use_dora: false,
    task_type: "CAUSAL_LM",
    config_json: "{}",
  },
  weights: {
    format: "pickle",
    file: { file_name: "adapter_model.bin", bytes: 2048, sha256: "ab".repeat(32) },
    tensor_count: null,
    parameters: null,
    dtypes: [],
  },
});

function renderModal() {
  respond({ use_case_list: () => [], pack_list: () => [] });
  const onImported = vi.fn();
  renderWithProviders(<ImportAdapterModal opened onClose={vi.fn()} onImported={onImported} />);
  fireEvent.change(screen.getByTestId("adapter-import-path"), { target: { value: "/adapters/claims" } });
  return onImported;
}

describe("ImportAdapterModal", () => {
  it("shows what the folder holds, parameters unknown for adapter_model.bin", async () => {
    respond({ adapter_preview: () => folder("mistralai/Mistral-7B-Instruct-v0.3") });
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-preview"));
    const preview = await screen.findByTestId("adapter-import-preview-result");
    expect(preview.textContent).toContain("mistralai/Mistral-7B-Instruct-v0.3");
    expect(preview.textContent).toContain("unknown (adapter_model.bin)");
    expect(requestsTo("adapter_preview")).toEqual([{ path: "/adapters/claims" }]);
  });

  it("says plainly when the folder names no base model", async () => {
    respond({ adapter_preview: () => folder(null) });
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-preview"));
    const preview = await screen.findByTestId("adapter-import-preview-result");
    expect(preview.textContent).toContain("Not given (lineage gap)");
    expect(screen.getByText(/adapter_config\.json names none: give the model it was trained on/)).toBeTruthy();
  });

  it("shows a refusal about a named form field beside that field", async () => {
    respond({
      adapter_import: () =>
        refuse(
          "invalid_input",
          'version: "one" is not a semantic version like 1.2.0',
          "version",
          '"one" is not a semantic version like 1.2.0',
        ),
    });
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-submit"));
    expect(await screen.findByText('"one" is not a semantic version like 1.2.0')).toBeTruthy();
    expect(screen.getByTestId("adapter-import-version").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("adapter-import-error")).toBeNull();
  });

  it("shows a refusal about a file in an alert, with the file and the reason", async () => {
    const message =
      "/adapters/claims/adapter_config.json: cannot be read (No such file); is this a PEFT adapter folder?";
    respond({
      adapter_preview: () =>
        refuse(
          "invalid_input",
          message,
          "/adapters/claims/adapter_config.json",
          "cannot be read (No such file); is this a PEFT adapter folder?",
        ),
    });
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-preview"));
    expect((await screen.findByTestId("adapter-import-error")).textContent).toContain(message);
    expect(screen.queryByTestId("adapter-import-preview-result")).toBeNull();
  });

  it("imports with the typed values and hands back the new version", async () => {
    const imported = adapterVersion({ id: "AV-7", adapter_id: "AD-2", version: "1.0.0" });
    respond({ adapter_import: () => imported });
    const onImported = renderModal();
    fireEvent.change(screen.getByTestId("adapter-import-name"), { target: { value: "claims" } });
    fireEvent.change(screen.getByTestId("adapter-import-version"), { target: { value: "1.0.0" } });
    fireEvent.click(screen.getByTestId("adapter-import-submit"));
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(imported));
    expect(requestsTo("adapter_import")).toEqual([
      {
        path: "/adapters/claims",
        name: "claims",
        version: "1.0.0",
        use_case_id: null,
        data_pack_ids: [],
        base_model: null,
      },
    ]);
  });

  it("sends the base model given for a folder whose config names none", async () => {
    respond({ adapter_import: () => adapterVersion({ base_model: "acme/base-7b" }) });
    const onImported = renderModal();
    fireEvent.change(screen.getByTestId("adapter-import-name"), { target: { value: "claims" } });
    fireEvent.change(screen.getByTestId("adapter-import-version"), { target: { value: "1.0.0" } });
    fireEvent.change(screen.getByTestId("adapter-import-base-model"), { target: { value: " acme/base-7b " } });
    fireEvent.click(screen.getByTestId("adapter-import-submit"));
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(requestsTo("adapter_import")).toMatchObject([{ base_model: "acme/base-7b" }]);
  });
});
