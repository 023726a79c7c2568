import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { backend } from "../../backend";
import type { AdapterVersion } from "../../bindings/AdapterVersion";
import { renderWithProviders } from "../../test-utils";
import { VersionActions } from "./VersionActions";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return { ...actual, backend: { setAdapterStatus: vi.fn() } };
});

const version = (status: AdapterVersion["status"]) =>
  ({ id: "AV-3", adapter_name: "claims", version: "1.2.0", status }) as AdapterVersion;

describe("VersionActions", () => {
  it("offers approval to a candidate, but no deployment until it is approved", () => {
    renderWithProviders(<VersionActions version={version("candidate")} />);
    expect(screen.getByTestId("version-approve")).toBeTruthy();
    expect(screen.getByTestId("version-retire")).toBeTruthy();
    expect(screen.getByTestId("deploy-open").hasAttribute("data-disabled")).toBe(true);
  });

  it("lets an approved version be deployed or retired, not approved again", () => {
    renderWithProviders(<VersionActions version={version("approved")} />);
    expect(screen.queryByTestId("version-approve")).toBeNull();
    expect(screen.getByTestId("version-retire")).toBeTruthy();
    expect(screen.getByTestId("deploy-open").hasAttribute("data-disabled")).toBe(false);
  });

  it("offers no status change on a retired version", () => {
    renderWithProviders(<VersionActions version={version("retired")} />);
    expect(screen.queryByTestId("version-approve")).toBeNull();
    expect(screen.queryByTestId("version-retire")).toBeNull();
  });

  it("approves through the backend and opens lineage through the shell", async () => {
    vi.mocked(backend.setAdapterStatus).mockResolvedValue(version("approved"));
    const { navigate } = renderWithProviders(<VersionActions version={version("candidate")} />);
    fireEvent.click(screen.getByTestId("version-approve"));
    await waitFor(() => expect(backend.setAdapterStatus).toHaveBeenCalledWith("AV-3", "approved"));
    fireEvent.click(screen.getByTestId("lineage-open-AV-3"));
    expect(navigate).toHaveBeenCalledWith("lineage", "AV-3");
  });
});
