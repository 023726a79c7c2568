import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { SignRequest } from "../../bindings/SignRequest";
import type { SignoffQueue } from "../../bindings/SignoffQueue";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import type { UnsignedField } from "../../bindings/UnsignedField";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, refused, workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
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
    },
  ],
  stale: [{ status: status("UC-1", true), changes: [{ field: "annual_value", before: "100000", after: "250000" }] }],
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

async function openSigning() {
  const button = await screen.findByTestId("sign-UC-3");
  await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(false));
  fireEvent.click(button);
  return screen.findByTestId("signoff-modal");
}

describe("SignoffsPage", () => {
  beforeEach(() =>
    respond({
      session_status: () => workingAs(ana),
      signoff_queue: () => queue,
      signoff_unsigned_fields: () => unsigned,
    }),
  );

  it("shows what awaits, what went stale with the diff, and what is current", async () => {
    renderWithProviders(<SignoffsPage />);
    expect((await screen.findByTestId("awaiting-UC-3")).textContent).toContain("heading for pilot");
    const stale = screen.getByTestId("stale-UC-1");
    expect(stale.textContent).toContain("Signed off by Ana Ruiz on 2026-03-04");
    expect(stale.textContent).toContain("Checked the DPIA");
    const diff = within(stale).getByTestId("stale-diff-UC-1");
    expect(diff.textContent).toContain("annual_value");
    expect(diff.textContent).toContain("100000");
    expect(diff.textContent).toContain("250000");
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
    expect(list.textContent).toContain("stage: moving the case to pilot is what a sign-off permits");
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
});
