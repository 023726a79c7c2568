import { vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn(), save: vi.fn() }));

const { backend, BackendError } = await import("./index");

describe("backend", () => {
  it("passes the request under `req`, as the Tauri commands expect", async () => {
    invoke.mockResolvedValue({ portfolio: null, problem: null, default_path: "/p" });
    await backend.openPortfolio("/tmp/a.steerco");
    expect(invoke).toHaveBeenCalledWith("portfolio_open", { req: { path: "/tmp/a.steerco" } });
  });

  it("turns an ApiError into a BackendError that keeps code and field", async () => {
    invoke.mockRejectedValue({ code: "invalid_input", message: "path: is empty", field: "path" });
    const error = await backend.openPortfolio("").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "invalid_input", field: "path", message: "path: is empty" });
  });

  it("wraps anything else as an internal error rather than losing it", async () => {
    invoke.mockRejectedValue("IPC went away");
    await expect(backend.useCases()).rejects.toMatchObject({ code: "internal", message: "IPC went away" });
  });
});
