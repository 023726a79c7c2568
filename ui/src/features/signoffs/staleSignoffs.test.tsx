import { screen } from "@testing-library/react";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { StaleSignoffIcon, useStaleSignoffs } from "./staleSignoffs";

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
    respond({ signoff_list: () => [stale("AV-1", false), stale("AV-2", true)] });
    renderWithProviders(<Marks ids={["AV-1", "AV-2", "AV-3"]} />);
    expect(await screen.findByTestId("stale-AV-1")).toBeTruthy();
    expect(screen.queryByTestId("stale-AV-2")).toBeNull();
    expect(screen.queryByTestId("stale-AV-3")).toBeNull();
    expect(requestsTo("signoff_list")).toEqual([{ entity_id: null, stale_only: true }]);
  });
});
