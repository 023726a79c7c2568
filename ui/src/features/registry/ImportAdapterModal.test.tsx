import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { backend, BackendError } from "../../backend";
import type { PeftFolder } from "../../bindings/PeftFolder";
import { renderWithProviders } from "../../test-utils";
import { ImportAdapterModal } from "./ImportAdapterModal";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return {
    ...actual,
    backend: {
      useCases: vi.fn(),
      packs: vi.fn(),
      previewAdapter: vi.fn(),
      importAdapter: vi.fn(),
      chooseFolder: vi.fn(),
    },
  };
});

const folder: PeftFolder = {
  config: {
    peft_type: "LORA",
    base_model: "mistralai/Mistral-7B-Instruct-v0.3",
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
};

function renderModal() {
  vi.mocked(backend.useCases).mockResolvedValue([]);
  vi.mocked(backend.packs).mockResolvedValue([]);
  const onImported = vi.fn();
  renderWithProviders(<ImportAdapterModal opened onClose={vi.fn()} onImported={onImported} />);
  fireEvent.change(screen.getByTestId("adapter-import-path"), { target: { value: "/adapters/claims" } });
  return onImported;
}

describe("ImportAdapterModal", () => {
  it("shows what the folder holds, parameters unknown for adapter_model.bin", async () => {
    vi.mocked(backend.previewAdapter).mockResolvedValue(folder);
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-preview"));
    const preview = await screen.findByTestId("adapter-import-preview-result");
    expect(preview.textContent).toContain("mistralai/Mistral-7B-Instruct-v0.3");
    expect(preview.textContent).toContain("unknown (adapter_model.bin)");
    expect(backend.previewAdapter).toHaveBeenCalledWith("/adapters/claims");
  });

  it("shows a refusal about a named form field beside that field", async () => {
    vi.mocked(backend.importAdapter).mockRejectedValue(
      new BackendError({
        code: "invalid_input",
        message: 'version: "one" is not a semantic version like 1.2.0',
        field: "version",
      }),
    );
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-submit"));
    expect(await screen.findByText('"one" is not a semantic version like 1.2.0')).toBeTruthy();
    expect(screen.queryByTestId("adapter-import-error")).toBeNull();
  });

  it("shows a refusal about a file in an alert, with the file and the reason", async () => {
    const message =
      "/adapters/claims/adapter_config.json: cannot be read (No such file); is this a PEFT adapter folder?";
    vi.mocked(backend.previewAdapter).mockRejectedValue(
      new BackendError({ code: "invalid_input", message, field: "/adapters/claims/adapter_config.json" }),
    );
    renderModal();
    fireEvent.click(screen.getByTestId("adapter-import-preview"));
    expect((await screen.findByTestId("adapter-import-error")).textContent).toContain(message);
  });

  it("imports with the typed values and hands back the new version", async () => {
    vi.mocked(backend.importAdapter).mockResolvedValue({
      id: "AV-7",
      adapter_id: "AD-2",
      adapter_name: "claims",
      version: "1.0.0",
    } as never);
    const onImported = renderModal();
    fireEvent.change(screen.getByTestId("adapter-import-name"), { target: { value: "claims" } });
    fireEvent.change(screen.getByTestId("adapter-import-version"), { target: { value: "1.0.0" } });
    fireEvent.click(screen.getByTestId("adapter-import-submit"));
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(backend.importAdapter).toHaveBeenCalledWith({
      path: "/adapters/claims",
      name: "claims",
      version: "1.0.0",
      use_case_id: null,
      data_pack_ids: [],
    });
  });
});
