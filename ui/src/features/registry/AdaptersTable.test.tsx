import { screen } from "@testing-library/react";
import type { AdapterSummary } from "../../bindings/AdapterSummary";
import { renderWithProviders } from "../../test-utils";
import { AdaptersTable } from "./AdaptersTable";

const adapter = (fields: Partial<AdapterSummary>): AdapterSummary => ({
  id: "AD-1",
  name: "claims",
  use_case_id: "UC-001",
  version_count: 2,
  latest_version: "1.2.0",
  latest_status: "candidate",
  deployed_version: null,
  deployed_version_id: null,
  created_at: "2026-01-01T00:00:00Z",
  ...fields,
});

describe("AdaptersTable", () => {
  it("shows the deployed version beside the latest, or that nothing is deployed", () => {
    renderWithProviders(
      <AdaptersTable
        adapters={[
          adapter({ id: "AD-1", deployed_version: "1.1.0", deployed_version_id: "AV-2" }),
          adapter({ id: "AD-2", name: "fraud", latest_version: "0.1.0" }),
        ]}
        selectedId={null}
        onSelect={() => {}}
      />,
    );
    expect(screen.getByTestId("adapter-deployed-AD-1").textContent).toBe("1.1.0Deployed");
    expect(screen.getByTestId("adapter-row-AD-1").textContent).toContain("1.2.0");
    expect(screen.getByTestId("adapter-deployed-AD-2").textContent).toBe("Not deployed");
  });
});
