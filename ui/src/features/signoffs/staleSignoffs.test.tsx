import { screen } from "@testing-library/react";
import { vi } from "vitest";
import { backend } from "../../backend";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { renderWithProviders } from "../../test-utils";
import { StaleSignoffIcon, useStaleSignoffs } from "./staleSignoffs";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return { ...actual, backend: { signoffs: vi.fn() } };
});

const stale = (entity: string, superseded: boolean): SignoffStatus => ({
  signoff: {
    id: `SO-${entity}`,
    entity_kind: "adapter_version",
    entity_id: entity,
    signed_by: "Ana Ruiz",
    role: "compliance_officer",
    signed_at: "2026-03-04T10:00:00Z",
    comment: "",
    content_sha256: "ab".repeat(32),
    content_json: "{}",
  },
  entity_title: entity,
  stale: true,
  superseded,
  current_sha256: "cd".repeat(32),
});

function Marks({ ids }: { ids: string[] }) {
  const stale = useStaleSignoffs();
  return (
    <>
      {ids.map((id) => {
        const status = stale.get(id);
        return status ? <StaleSignoffIcon key={id} status={status} testId={`stale-${id}`} /> : null;
      })}
    </>
  );
}

describe("useStaleSignoffs", () => {
  it("marks records whose newest sign-off went stale, not those signed again since", async () => {
    vi.mocked(backend.signoffs).mockResolvedValue([stale("AV-1", false), stale("AV-2", true)]);
    renderWithProviders(<Marks ids={["AV-1", "AV-2", "AV-3"]} />);
    expect(await screen.findByTestId("stale-AV-1")).toBeTruthy();
    expect(screen.queryByTestId("stale-AV-2")).toBeNull();
    expect(screen.queryByTestId("stale-AV-3")).toBeNull();
    expect(backend.signoffs).toHaveBeenCalledWith({ entity_id: null, stale_only: true });
  });
});
