import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { SignRequest } from "../../bindings/SignRequest";
import type { SignoffReview } from "../../bindings/SignoffReview";
import type { SignoffQueue } from "../../bindings/SignoffQueue";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { UnsignedField } from "../../bindings/UnsignedField";
import { localDate } from "../../lib/compliance";
import { formatMoney } from "../../lib/money";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, refused, workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { programme } from "../portfolio/testRanking";
import { SignoffsPage } from "./SignoffsPage";

const ana = person("P-1", "Ana Ruiz", ["compliance_officer"]);
const ben = person("P-2", "Ben Okafor", ["consultant"]);
const NOT_AN_OFFICER = "Only a compliance officer can sign off; Ben Okafor is a consultant.";

const status = (entity: string, stale: boolean): SignoffStatus => ({
  signoff: {
    id: `SO-${entity}`,
    entity_kind: "use_case",
    entity_id: entity,
    signed_by: "Ana Ruiz",
    role: "compliance_officer",
    signed_at: "2026-03-04T10:00:00Z",
    comment: "Checked the DPIA",
    content_sha256: "ab".repeat(32),
    content_json: "{}",
  },
  entity_title: "Claims triage",
  stale,
  superseded: false,
  current_sha256: "cd".repeat(32),
});

const queue: SignoffQueue = {
  awaiting: [
    {
      entity_id: "UC-3",
      kind: "use_case",
      title: "UC-3 Fraud alerts",
      reason: "heading for pilot: the pilot stage needs a current compliance sign-off",
      declined: null,
    },
  ],
  stale: [
    {
      status: status("UC-1", true),
      changes: [
        { field: "dossier.annual_value", before: "100000", after: "250000" },
        { field: "risks[RSK-001].status", before: "open", after: "mitigating" },
      ],
      declined: null,
    },
  ],
  current: [status("UC-2", false)],
};

const unsigned: UnsignedField[] = [
  {
    kind: "use_case",
    record: "Use case",
    field: "stage",
    reason: "moving the case to pilot is what a sign-off permits",
  },
  { kind: "use_case", record: "Use case", field: "updated_at", reason: "bookkeeping: when the record last changed" },
  { kind: "use_case", record: "Risk", field: "created_at", reason: "bookkeeping" },
  { kind: "adapter_version", record: "Data pack", field: "created_at", reason: "bookkeeping" },
];

/** The review of a record as the backend gives it: a failed lineage gap first, then passed checks. */
const review = (entityId: string): SignoffReview => ({
  entity_id: entityId,
  kind: "use_case",
  title: "UC-3 Fraud alerts",
  sections: [
    {
      title: "Dossier",
      fields: [
        { label: "Business unit", text: "Claims", money: null },
        { label: "Annual value", text: "250000", money: 250000 },
      ],
    },
  ],
  checks: [
    { passed: true, area: "oversight", message: "Human oversight plan complete", record_id: entityId },
    {
      passed: false,
      area: "lineage",
      message: "Lineage gap: claims 1.1.0 uses DP-2 (claims-2026 1.0): not approved by compliance",
      record_id: "DP-2",
    },
    { passed: false, area: "lineage", message: "Lineage gap: claims 1.1.0 has no evaluation", record_id: "AV-2" },
  ],
  latest_signoff: null,
  declined: null,
  content_sha256: "12".repeat(32),
});

async function openSigning() {
  const button = await screen.findByTestId("sign-UC-3");
  await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(false));
  fireEvent.click(button);
  const modal = await screen.findByTestId("signoff-modal");
  // Signing happens in the record's review, once it is loaded.
  await within(modal).findByTestId("signoff-review");
  return modal;
}

describe("SignoffsPage", () => {
  beforeEach(() =>
    respond({
      session_status: () => workingAs(ana),
      signoff_queue: () => queue,
      signoff_unsigned_fields: () => unsigned,
      signoff_review: (req: { entity_id: string }) => review(req.entity_id),
      programme_get: () => programme("EUR"),
    }),
  );

  it("shows what awaits, what went stale with the diff, and what is current", async () => {
    renderWithProviders(<SignoffsPage />);
    expect((await screen.findByTestId("awaiting-UC-3")).textContent).toContain("heading for pilot");
    const stale = screen.getByTestId("stale-UC-1");
    expect(stale.textContent).toContain(`Signed off by Ana Ruiz on ${localDate("2026-03-04T10:00:00Z")}`);
    expect(stale.textContent).toContain("Checked the DPIA");
    const diff = within(stale).getByTestId("stale-diff-UC-1");
    // Field labels and amounts in the programme's currency, never the stored names and numbers.
    const value = within(diff).getByTestId("stale-change-dossier.annual_value");
    expect(value.textContent).toBe(`Annual value${formatMoney(100000, "EUR")}${formatMoney(250000, "EUR")}`);
    expect(value.getAttribute("title")).toBe(
      `Annual value ${formatMoney(100000, "EUR")} → ${formatMoney(250000, "EUR")}`,
    );
    expect(within(diff).getByTestId("stale-change-risks[RSK-001].status").textContent).toBe(
      "Risk RSK-001 › StatusOpenMitigating",
    );
    expect(diff.textContent).not.toMatch(/annual_value|100000/);
    expect(screen.getByTestId("current-UC-2").textContent).toContain("abababababab…");
  });

  it("keeps signing disabled, with the backend's reason, when sign_off is not allowed", async () => {
    respond({ session_status: () => workingAs(ben, { sign_off: refused(NOT_AN_OFFICER) }) });
    renderWithProviders(<SignoffsPage />);
    const button = await screen.findByTestId("sign-UC-3");
    await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(true));
    fireEvent.mouseEnter(button);
    expect(await screen.findByText(NOT_AN_OFFICER)).toBeTruthy();
    fireEvent.click(button);
    expect(screen.queryByTestId("signoff-modal")).toBeNull();
  });

  it("signs with the comment and shows the SHA-256 of what was signed", async () => {
    respond({
      signoff_sign: (req: SignRequest) => ({
        ...status(req.entity_id, false),
        signoff: { ...status(req.entity_id, false).signoff, content_sha256: "ef".repeat(32) },
      }),
    });
    renderWithProviders(<SignoffsPage />);
    await openSigning();
    fireEvent.change(await screen.findByTestId("signoff-comment"), { target: { value: "DPIA reviewed" } });
    fireEvent.click(screen.getByTestId("signoff-confirm"));
    expect((await screen.findByTestId("signoff-sha256")).textContent).toBe("ef".repeat(32));
    expect(requestsTo("signoff_sign")).toEqual([{ entity_id: "UC-3", comment: "DPIA reviewed" }]);
  });

  it("lists what a sign-off does not bind, collapsed until asked for", async () => {
    renderWithProviders(<SignoffsPage />);
    const modal = await openSigning();
    const toggle = within(modal).getByTestId("signoff-unsigned-toggle");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const list = await within(modal).findByTestId("signoff-unsigned-list");
    expect(list.textContent).toContain("Use case");
    expect(list.textContent).toContain("Stage: moving the case to pilot is what a sign-off permits");
    expect(list.textContent).toContain("Risk");
    expect(list.textContent).not.toContain("Data pack");
  });

  it("shows a refusal of the comment beside it", async () => {
    respond({ signoff_sign: () => refuse("invalid_input", "comment: is too long", "comment", "is too long") });
    renderWithProviders(<SignoffsPage />);
    await openSigning();
    fireEvent.click(screen.getByTestId("signoff-confirm"));
    expect(await screen.findByText("is too long")).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("shows a forbidden refusal from the backend above the buttons", async () => {
    respond({
      signoff_sign: () => refuse("forbidden", "only a compliance officer can sign off; Ana Ruiz is marked inactive"),
    });
    renderWithProviders(<SignoffsPage />);
    await openSigning();
    fireEvent.click(screen.getByTestId("signoff-confirm"));
    const refusal = await screen.findByTestId("form-refusal");
    expect(refusal.textContent).toContain("The record was not signed off");
    expect(refusal.textContent).toContain("Ana Ruiz is marked inactive");
  });

  it("reviews the record as it will be signed: failed checks first, each linking to where it is fixed", async () => {
    const { navigate } = renderWithProviders(<SignoffsPage />);
    fireEvent.click(await screen.findByTestId("review-UC-3"));
    const pane = await screen.findByTestId("signoff-review");
    expect(within(pane).getByTestId("signoff-review-title").textContent).toBe("UC-3 Fraud alerts");
    expect(within(pane).getByTestId("signoff-latest").textContent).toBe("Never signed off.");
    const checks = within(pane).getAllByTestId(/^signoff-check-(passed|failed)$/);
    expect(checks.map((c) => c.getAttribute("data-testid"))).toEqual([
      "signoff-check-failed",
      "signoff-check-failed",
      "signoff-check-passed",
    ]);
    expect(checks[1]!.textContent).toContain("has no evaluation");
    // Amounts in the programme's currency.
    await waitFor(() =>
      expect(within(pane).getByTestId("signoff-sections").textContent).toContain(formatMoney(250000, "EUR")),
    );
    // A gap on a version opens its lineage; one on a data pack opens it in Data.
    fireEvent.click(within(pane).getByTestId("signoff-check-link-lineage-AV-2"));
    expect(navigate).toHaveBeenCalledWith("lineage", "AV-2");
    fireEvent.click(await screen.findByTestId("review-UC-3"));
    fireEvent.click(await screen.findByTestId("signoff-check-link-lineage-DP-2"));
    expect(navigate).toHaveBeenCalledWith("data", "DP-2");
    fireEvent.click(await screen.findByTestId("review-UC-3"));
    fireEvent.click(await screen.findByTestId("signoff-check-link-oversight-UC-3"));
    expect(navigate).toHaveBeenCalledWith("risk", "UC-3#oversight");
  });

  it("opens on the record it was sent to, and shows a refusal on it", async () => {
    respond({
      signoff_review: (req: { entity_id: string }) => ({
        ...review(req.entity_id),
        declined: {
          id: "SD-1",
          entity_kind: "use_case",
          entity_id: req.entity_id,
          declined_by: "Ana Ruiz",
          declined_at: "2026-03-05T10:00:00Z",
          reason: "No bias check yet",
          content_sha256: "12".repeat(32),
        },
      }),
    });
    renderWithProviders(<SignoffsPage />, { location: { page: "signoffs", param: "UC-3" } });
    const declined = await screen.findByTestId("signoff-declined");
    expect(declined.textContent).toContain("Declined by Ana Ruiz");
    expect(declined.textContent).toContain("No bias check yet");
    expect(requestsTo("signoff_review")).toEqual([{ entity_id: "UC-3" }]);
  });

  it("shows on a queue row who declined it and why", async () => {
    respond({
      signoff_queue: () => ({
        ...queue,
        awaiting: [
          {
            ...queue.awaiting[0]!,
            declined: {
              id: "SD-1",
              entity_kind: "use_case",
              entity_id: "UC-3",
              declined_by: "Ana Ruiz",
              declined_at: "2026-03-05T10:00:00Z",
              reason: "No bias check yet",
              content_sha256: "12".repeat(32),
            },
          },
        ],
      }),
    });
    renderWithProviders(<SignoffsPage />);
    expect((await screen.findByTestId("declined-UC-3")).textContent).toBe("Declined by Ana Ruiz: No bias check yet");
  });

  it("declines with a required reason", async () => {
    respond({
      signoff_decline: (req: { entity_id: string; reason: string }) => ({
        id: "SD-2",
        entity_kind: "use_case",
        entity_id: req.entity_id,
        declined_by: "Ana Ruiz",
        declined_at: "2026-03-05T10:00:00Z",
        reason: req.reason,
        content_sha256: "12".repeat(32),
      }),
    });
    renderWithProviders(<SignoffsPage />);
    await openSigning();
    fireEvent.click(await screen.findByTestId("signoff-decline"));
    fireEvent.click(await screen.findByTestId("signoff-decline-confirm"));
    expect(await screen.findByText(/A reason is required/)).toBeTruthy();
    expect(requestsTo("signoff_decline")).toEqual([]);
    fireEvent.change(screen.getByTestId("signoff-decline-reason"), { target: { value: "Approve DP-2 first" } });
    fireEvent.click(screen.getByTestId("signoff-decline-confirm"));
    await waitFor(() =>
      expect(requestsTo("signoff_decline")).toEqual([{ entity_id: "UC-3", reason: "Approve DP-2 first" }]),
    );
    expect(requestsTo("signoff_sign")).toEqual([]);
  });
});
