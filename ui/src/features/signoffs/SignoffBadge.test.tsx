import { screen } from "@testing-library/react";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { localDate } from "../../lib/compliance";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { SignoffBadge } from "./SignoffBadge";

const signed = (id: string, at: string, stale: boolean, superseded: boolean): SignoffStatus => ({
  signoff: {
    id,
    entity_kind: "use_case",
    entity_id: "UC-1",
    signed_by: "Ana Ruiz",
    role: "compliance_officer",
    signed_at: at,
    comment: "Checked the DPIA",
    content_sha256: "ab".repeat(32),
    content_json: "{}",
  },
  entity_title: "Claims triage",
  stale,
  superseded,
  current_sha256: stale ? "cd".repeat(32) : "ab".repeat(32),
});

describe("SignoffBadge", () => {
  it("says a record nobody signed off is not signed off", async () => {
    respond({ signoff_list: () => [] });
    renderWithProviders(<SignoffBadge entityId="UC-1" />);
    expect((await screen.findByTestId("signoff-none-UC-1")).textContent).toBe("Not signed off");
    expect(requestsTo("signoff_list")).toEqual([{ entity_id: "UC-1", stale_only: false }]);
  });

  it("names who signed off and when while the sign-off is current", async () => {
    respond({ signoff_list: () => [signed("SO-1", "2026-03-04T10:00:00Z", false, false)] });
    renderWithProviders(<SignoffBadge entityId="UC-1" />);
    expect((await screen.findByTestId("signoff-current-UC-1")).textContent).toBe(
      `Signed off by Ana Ruiz on ${localDate("2026-03-04T10:00:00Z")}`,
    );
    expect(screen.queryByTestId("signoff-stale-UC-1")).toBeNull();
  });

  it("shows a stale sign-off in red once the record changed", async () => {
    respond({ signoff_list: () => [signed("SO-1", "2026-03-04T10:00:00Z", true, false)] });
    renderWithProviders(<SignoffBadge entityId="UC-1" />);
    const badge = await screen.findByTestId("signoff-stale-UC-1");
    expect(badge.textContent).toBe("Sign-off stale");
    expect(badge.className + badge.getAttribute("style")).toMatch(/red/);
    expect(screen.queryByTestId("signoff-current-UC-1")).toBeNull();
  });

  it("goes by the newest sign-off: signing again clears an older stale one", async () => {
    respond({
      signoff_list: () => [
        signed("SO-2", "2026-04-01T10:00:00Z", false, false),
        signed("SO-1", "2026-03-04T10:00:00Z", true, true),
      ],
    });
    renderWithProviders(<SignoffBadge entityId="UC-1" />);
    expect((await screen.findByTestId("signoff-current-UC-1")).textContent).toContain(
      localDate("2026-04-01T10:00:00Z"),
    );
  });

  it("says the state is unknown when the sign-offs cannot be read", async () => {
    respond({ signoff_list: () => refuse("no_portfolio", "no portfolio is open") });
    renderWithProviders(<SignoffBadge entityId="UC-1" />);
    expect(await screen.findByText("Sign-off unknown")).toBeTruthy();
  });
});
