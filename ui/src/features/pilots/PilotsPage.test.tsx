import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { keys, staleKeys } from "../../lib/queryKeys";
import { respond } from "../../test-backend";
import { aUseCase } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { adapterVersion, ANA, sessionAs } from "../registry/testData";
import { PilotsPage } from "./PilotsPage";
import { blueprint, pilot, readiness } from "./testData";

const LAUNCH = blueprint([
  {
    part: "registry",
    owner: "Ben",
    content: { part: "registry", adapter_version_id: "AV-3" },
    missing: [],
    updated_by: "Ben",
    updated_at: "2026-11-01T09:00:00Z",
  },
]);

function item(key: string): HTMLElement {
  return screen.getByTestId(`readiness-${key}`);
}

describe("PilotsPage", () => {
  beforeEach(() =>
    respond({
      session_status: () => sessionAs(ANA),
      use_case_list: () => [
        aUseCase(),
        aUseCase({ id: "UC-002", title: "Invoice matching", stage: "architecture" }),
        aUseCase({ id: "UC-003", title: "Email routing", stage: "discovery" }),
      ],
      pilot_list: () => [pilot()],
      oversight_list: () => [],
      blueprint_get: () => LAUNCH,
      pilot_readiness: () =>
        readiness({
          signoff: "never signed off; a compliance officer signs it off (Sign-offs)",
          oversight: "the plan lacks fallback owner (Risk → Oversight, or `steerco oversight set`)",
          baseline: "no baseline evaluation recorded for the use case",
          lineage: "AV-3 has no data pack (Lineage → AV-3)",
        }),
      policy_list: () => [],
      adapter_version_list: () => [adapterVersion({ use_case_id: "UC-001" })],
    }),
  );

  it("lists the cases with a pilot or past discovery, and a row or the picker opens a case", async () => {
    respond({ blueprint_get: (req: { id: string }) => ({ ...blueprint(), use_case_id: req.id }) });
    renderWithProviders(<PilotsPage />);
    const table = await screen.findByTestId("pilots-table");
    expect(within(table).getByTestId("pilots-row-UC-001").textContent).toContain("PIL-001");
    expect(within(table).getByTestId("pilots-row-UC-001").textContent).toContain("Not started");
    expect(within(table).getByTestId("pilots-row-UC-002").textContent).toContain("No pilot yet");
    expect(within(table).queryByTestId("pilots-row-UC-003")).toBeNull();
    // The first row is open at first.
    expect(screen.getByTestId("pilots-usecase-view").getAttribute("data-usecase")).toBe("UC-001");

    fireEvent.click(screen.getByTestId("pilots-row-UC-002"));
    await waitFor(() => expect(screen.getByTestId("pilots-usecase-view").getAttribute("data-usecase")).toBe("UC-002"));

    // A case in discovery opens from the picker, on its Pilot tab: nothing to show but how to start.
    fireEvent.click(screen.getByTestId("pilots-tab-pilot"));
    fireEvent.click(screen.getByTestId("pilots-usecase"));
    fireEvent.click(document.querySelector('[data-combobox-option][value="UC-003"]')!);
    await waitFor(() => expect(screen.getByTestId("pilots-usecase-view").getAttribute("data-usecase")).toBe("UC-003"));
    expect(await screen.findByTestId("pilot-create-form")).toBeTruthy();
  });

  it("opens on the use case another page names", async () => {
    renderWithProviders(<PilotsPage />, { location: { page: "pilots", param: "UC-002#blueprint" } });
    await waitFor(() => expect(screen.getByTestId("pilots-usecase-view").getAttribute("data-usecase")).toBe("UC-002"));
    expect(await screen.findByTestId("blueprint-part-monitoring")).toBeTruthy();
  });

  it("checks off what is met, flags what is not, and counts them", async () => {
    renderWithProviders(<PilotsPage />);
    await screen.findByTestId("readiness-list");
    for (const key of ["blueprint", "protocols", "monitoring"]) {
      expect(item(key).getAttribute("data-met")).toBe("true");
      expect(within(item(key)).queryByRole("button")).toBeNull();
    }
    for (const key of ["signoff", "oversight", "baseline", "lineage"])
      expect(item(key).getAttribute("data-met")).toBe("false");
    expect(item("signoff").textContent).toContain("never signed off");
    expect(screen.getAllByTestId("readiness-summary").map((b) => b.textContent)).toContain("3 of 7 met");
  });

  it("sends each Fix where the item is fixed: another page, or a tab of this one", async () => {
    const { navigate } = renderWithProviders(<PilotsPage />);
    await screen.findByTestId("readiness-list");
    fireEvent.click(screen.getByTestId("readiness-fix-signoff"));
    expect(navigate).toHaveBeenLastCalledWith("signoffs", "UC-001");
    fireEvent.click(screen.getByTestId("readiness-fix-oversight"));
    expect(navigate).toHaveBeenLastCalledWith("risk", "UC-001#oversight");
    // The baseline and lineage are of the launch version the blueprint names.
    fireEvent.click(screen.getByTestId("readiness-fix-baseline"));
    expect(navigate).toHaveBeenLastCalledWith("registry", "AV-3");
    fireEvent.click(screen.getByTestId("readiness-fix-lineage"));
    expect(navigate).toHaveBeenLastCalledWith("lineage", "AV-3");
  });

  it("opens the blueprint on the part to fix, and the pilot for its protocols", async () => {
    respond({
      pilot_readiness: () =>
        readiness({
          blueprint: "Monitoring lacks tracing (what, where)",
          protocols: "PIL-001 lacks fallback",
          baseline: "no launch version in the blueprint's registry part yet",
        }),
      blueprint_get: () => blueprint(),
    });
    renderWithProviders(<PilotsPage />);
    await screen.findByTestId("readiness-list");
    // Without a launch version, naming one in the blueprint comes first.
    expect(screen.getByTestId("readiness-fix-baseline").textContent).toBe(
      "Fix in Blueprint → Registry: launch version",
    );
    fireEvent.click(screen.getByTestId("readiness-fix-blueprint"));
    // The first part still incomplete or unreviewed is marked.
    expect((await screen.findByTestId("blueprint-part-policies")).getAttribute("style")).toContain("border-width: 2px");
    fireEvent.click(screen.getByTestId("pilots-tab-readiness"));
    fireEvent.click(await screen.findByTestId("readiness-fix-protocols"));
    expect(await screen.findByTestId("pilot-protocols")).toBeTruthy();
  });

  it("refreshes readiness after a change to the blueprint, the pilot, a sign-off or the evidence", () => {
    const reaches = (prefix: readonly unknown[], key: readonly unknown[]) =>
      prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));
    for (const changed of ["pilots", "signoffs", "riskControls", "evaluations", "adapters", "governance"] as const) {
      expect(
        staleKeys(changed).some((k) => reaches(k, keys.readiness("UC-001"))),
        changed,
      ).toBe(true);
    }
  });
});
