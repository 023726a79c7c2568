import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import { backend, BackendError } from "../../backend";
import type { Person } from "../../bindings/Person";
import type { SessionStatus } from "../../bindings/SessionStatus";
import type { SignoffQueue } from "../../bindings/SignoffQueue";
import type { SignoffStatus } from "../../bindings/SignoffStatus";
import { renderWithProviders } from "../../test-utils";
import { SignoffsPage } from "./SignoffsPage";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return { ...actual, backend: { sessionStatus: vi.fn(), signoffQueue: vi.fn(), signOff: vi.fn() } };
});

const person = (roles: Person["roles"]): Person => ({
  id: "P-1",
  name: "Ana Ruiz",
  roles,
  active: true,
  created_at: "",
});
const session = (working_as: Person | null): SessionStatus =>
  ({ portfolio: null, problem: null, default_path: "", working_as, has_people: true }) as SessionStatus;

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

describe("SignoffsPage", () => {
  beforeEach(() => vi.mocked(backend.signoffQueue).mockResolvedValue(queue));

  it("shows what awaits, what went stale with the diff, and what is current", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(person(["compliance_officer"])));
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

  it("keeps signing disabled for someone who is not a compliance officer", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(person(["consultant"])));
    renderWithProviders(<SignoffsPage />);
    const button = await screen.findByTestId("sign-UC-3");
    await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(true));
    fireEvent.click(button);
    expect(screen.queryByTestId("signoff-modal")).toBeNull();
  });

  it("signs with the comment and shows the SHA-256 of what was signed", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(person(["compliance_officer"])));
    vi.mocked(backend.signOff).mockResolvedValue({
      ...status("UC-3", false),
      signoff: { ...status("UC-3", false).signoff, content_sha256: "ef".repeat(32) },
    });
    renderWithProviders(<SignoffsPage />);
    const button = await screen.findByTestId("sign-UC-3");
    await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(button);
    fireEvent.change(await screen.findByTestId("signoff-comment"), { target: { value: "DPIA reviewed" } });
    fireEvent.click(screen.getByTestId("signoff-confirm"));
    expect((await screen.findByTestId("signoff-sha256")).textContent).toBe("ef".repeat(32));
    expect(backend.signOff).toHaveBeenCalledWith("UC-3", "DPIA reviewed");
  });

  it("shows a forbidden refusal from the backend in an alert", async () => {
    vi.mocked(backend.sessionStatus).mockResolvedValue(session(person(["compliance_officer"])));
    vi.mocked(backend.signOff).mockRejectedValue(
      new BackendError({
        code: "forbidden",
        message: "only a compliance officer can sign off; Ana Ruiz is a consultant",
        field: null,
      }),
    );
    renderWithProviders(<SignoffsPage />);
    const button = await screen.findByTestId("sign-UC-3");
    await waitFor(() => expect(button.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(button);
    fireEvent.click(await screen.findByTestId("signoff-confirm"));
    expect((await screen.findByTestId("signoff-error")).textContent).toContain("Ana Ruiz is a consultant");
  });
});
