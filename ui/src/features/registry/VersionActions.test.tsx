import { fireEvent, screen, waitFor } from "@testing-library/react";
import { renderWithProviders } from "../../test-utils";
import { requestsTo, respond } from "../../test-backend";
import { ANA, adapterVersion, regressionCheck, sessionAs, versionDetail } from "./testData";
import { VersionActions } from "./VersionActions";

const disabled = (testId: string) => screen.getByTestId(testId).hasAttribute("data-disabled");

/** The status moves on offer, read from the buttons shown. */
function offeredMoves(): string[] {
  return screen
    .getAllByRole("button")
    .map((b) => b.getAttribute("data-testid") ?? "")
    .filter((id) => id === "version-approve" || id === "version-retire" || id.startsWith("version-status-"));
}

describe("VersionActions", () => {
  beforeEach(() => respond({ session_status: () => sessionAs(ANA), regression_check: () => regressionCheck() }));

  it("offers exactly the moves the backend lists, whatever the status says", async () => {
    // A status the old client-side rule would have offered approval for, but the backend does not.
    const detail = versionDetail({ version: adapterVersion({ status: "candidate" }), next_statuses: ["retired"] });
    renderWithProviders(<VersionActions detail={detail} />);
    await waitFor(() => expect(offeredMoves()).toEqual(["version-retire"]));
    expect(screen.queryByTestId("version-approve")).toBeNull();
  });

  it("offers approval and retirement to a candidate the backend lets move on", async () => {
    renderWithProviders(<VersionActions detail={versionDetail({ next_statuses: ["approved", "retired"] })} />);
    await waitFor(() => expect(disabled("version-approve")).toBe(false));
    expect(offeredMoves().sort()).toEqual(["version-approve", "version-retire"]);
  });

  it("offers no status change when the backend lists none", async () => {
    renderWithProviders(
      <VersionActions detail={versionDetail({ version: adapterVersion({ status: "retired" }), next_statuses: [] })} />,
    );
    await screen.findByTestId("deploy-open");
    expect(offeredMoves()).toEqual([]);
  });

  it("offers a move it has no dedicated control for as a plain button", async () => {
    renderWithProviders(<VersionActions detail={versionDetail({ next_statuses: ["deployed"] })} />);
    expect((await screen.findByTestId("version-status-deployed")).textContent).toContain("Mark deployed");
  });

  it("disables deployment with the backend's reason until the version is deployable", async () => {
    const reason = "Approve the version first: only an approved version can be deployed";
    renderWithProviders(<VersionActions detail={versionDetail({ deployable: { allowed: false, reason } })} />);
    expect(disabled("deploy-open")).toBe(true);
    fireEvent.mouseEnter(screen.getByTestId("deploy-open"));
    expect(await screen.findByText(reason)).toBeTruthy();
    fireEvent.click(screen.getByTestId("deploy-open"));
    expect(screen.queryByTestId("deploy-target")).toBeNull();
  });

  it("opens the deployment dialog when the version is deployable", async () => {
    renderWithProviders(<VersionActions detail={versionDetail({ deployable: { allowed: true, reason: null } })} />);
    expect(disabled("deploy-open")).toBe(false);
    fireEvent.click(screen.getByTestId("deploy-open"));
    expect(await screen.findByTestId("deploy-target")).toBeTruthy();
  });

  it("disables approval with the session's reason when the person working may not approve", async () => {
    const reason = "Only a compliance officer can approve an adapter version; Ben is a consultant";
    respond({
      session_status: () => sessionAs(ANA, { approve_adapter_version: { allowed: false, reason } }),
      adapter_version_set_status: () => adapterVersion({ status: "approved" }),
    });
    renderWithProviders(<VersionActions detail={versionDetail()} />);
    fireEvent.mouseEnter(screen.getByTestId("version-approve"));
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(disabled("version-approve")).toBe(true);
    fireEvent.click(screen.getByTestId("version-approve"));
    expect(requestsTo("adapter_version_set_status")).toEqual([]);
  });

  it("approves through the backend and opens lineage through the shell", async () => {
    respond({ adapter_version_set_status: () => adapterVersion({ status: "approved" }) });
    const { navigate } = renderWithProviders(<VersionActions detail={versionDetail()} />);
    await waitFor(() => expect(disabled("version-approve")).toBe(false));
    fireEvent.click(screen.getByTestId("version-approve"));
    await waitFor(() => expect(requestsTo("adapter_version_set_status")).toEqual([{ id: "AV-3", status: "approved" }]));
    fireEvent.click(screen.getByTestId("lineage-open-AV-3"));
    expect(navigate).toHaveBeenCalledWith("lineage", "AV-3");
  });

  it("retires only after confirming", async () => {
    respond({ adapter_version_set_status: () => adapterVersion({ status: "retired" }) });
    renderWithProviders(<VersionActions detail={versionDetail()} />);
    fireEvent.click(screen.getByTestId("version-retire"));
    expect(requestsTo("adapter_version_set_status")).toEqual([]);
    fireEvent.click(await screen.findByTestId("version-retire-confirm"));
    await waitFor(() => expect(requestsTo("adapter_version_set_status")).toEqual([{ id: "AV-3", status: "retired" }]));
  });
});
