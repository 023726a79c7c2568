import { fireEvent, screen, waitFor } from "@testing-library/react";
import { vi } from "vitest";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { ANA, dataPack, sessionAs } from "../registry/testData";
import { ApprovePackModal } from "./ApprovePackModal";
import { PacksTable } from "./PacksTable";

describe("ApprovePackModal", () => {
  it("approves in the name of the person working, which the backend records", async () => {
    respond({
      session_status: () => sessionAs(ANA),
      pack_approve: () => dataPack({ approved_by: "Ana", approved_on: "2026-10-01" }),
    });
    const onClose = vi.fn();
    renderWithProviders(<ApprovePackModal pack={dataPack()} onClose={onClose} />);
    expect((await screen.findByText("Ana, the person working")).getAttribute("data-testid")).toBe("pack-approved-by");
    fireEvent.change(screen.getByTestId("pack-approved-on"), { target: { value: "2026-10-01" } });
    fireEvent.click(screen.getByTestId("pack-approve-submit"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requestsTo("pack_approve")).toEqual([
      { data_pack_id: "DP-1", approved_by: null, approved_on: "2026-10-01" },
    ]);
  });

  it("asks for the name on a portfolio without people, and shows a refusal beside it", async () => {
    respond({
      session_status: () => sessionAs(null),
      pack_approve: () => refuse("invalid_input", "approved_by: is required", "approved_by", "is required"),
    });
    renderWithProviders(<ApprovePackModal pack={dataPack()} onClose={vi.fn()} />);
    const name = await screen.findByTestId("pack-approved-by");
    expect(name.tagName).toBe("INPUT");
    fireEvent.click(screen.getByTestId("pack-approve-submit"));
    expect(await screen.findByText("is required")).toBeTruthy();
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(requestsTo("pack_approve")).toMatchObject([{ approved_by: null }]);
  });

  it("shows a refusal about the pack itself above the buttons", async () => {
    const message = "data_pack_id: DP-1 was already approved by Ben on 2026-09-01";
    respond({
      session_status: () => sessionAs(ANA),
      pack_approve: () => refuse("invalid_input", message, "data_pack_id", "DP-1 was already approved"),
    });
    renderWithProviders(<ApprovePackModal pack={dataPack()} onClose={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("pack-approve-submit"));
    expect((await screen.findByTestId("form-refusal")).textContent).toContain(message);
  });
});

describe("PacksTable", () => {
  it("disables approval with the session's reason when the person working may not approve", async () => {
    const reason = "Only a compliance officer can approve a data pack; Ben is a consultant";
    respond({ session_status: () => sessionAs(ANA, { approve_data_pack: { allowed: false, reason } }) });
    const onApprove = vi.fn();
    renderWithProviders(<PacksTable packs={[dataPack()]} highlighted={null} onApprove={onApprove} />);
    // The reason arrives with the session; hover until the tooltip carries it.
    await waitFor(() => {
      fireEvent.mouseEnter(screen.getByTestId("pack-approve-DP-1"));
      expect(screen.getByText(reason)).toBeTruthy();
    });
    fireEvent.click(screen.getByTestId("pack-approve-DP-1"));
    expect(onApprove).not.toHaveBeenCalled();
  });

  it("opens approval when the session allows it", async () => {
    respond({ session_status: () => sessionAs(ANA) });
    const onApprove = vi.fn();
    renderWithProviders(<PacksTable packs={[dataPack()]} highlighted={null} onApprove={onApprove} />);
    await waitFor(() => expect(screen.getByTestId("pack-approve-DP-1").hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(screen.getByTestId("pack-approve-DP-1"));
    expect(onApprove).toHaveBeenCalledWith(dataPack());
  });
});
