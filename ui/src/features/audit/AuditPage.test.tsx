import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import { backend } from "../../backend";
import type { AuditRecord } from "../../bindings/AuditRecord";
import { renderWithProviders } from "../../test-utils";
import { AuditPage } from "./AuditPage";
import { VerifyResult } from "./VerifyChain";

vi.mock("../../backend", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../backend")>();
  return { ...actual, backend: { auditLog: vi.fn(), verifyAudit: vi.fn() } };
});

const record: AuditRecord = {
  seq: 7,
  at: "2026-03-04T10:00:00.000Z",
  actor: "Ana Ruiz",
  action: "update",
  operation: "update",
  entity_kind: "use_case",
  entity_id: "UC-1",
  subject: "UC-1",
  before: '{"title":"Claims"}',
  after: '{"title":"Claims triage"}',
  prev_hash: "11".repeat(32),
  hash: "22".repeat(32),
};

describe("VerifyResult", () => {
  it("says the chain holds, with the record count and the head hash", () => {
    renderWithProviders(
      <VerifyResult report={{ records: 1234, head_hash: "ff".repeat(32), broken: null, outside_changes: [] }} />,
    );
    const result = screen.getByTestId("audit-verify-result");
    expect(result.getAttribute("data-holds")).toBe("true");
    expect(result.textContent).toContain(`Chain holds: 1,234 records · head ${"ff".repeat(32)}`);
  });

  it("says where the chain breaks and why", () => {
    renderWithProviders(
      <VerifyResult
        report={{
          records: 40,
          head_hash: "ff".repeat(32),
          broken: { seq: 17, reason: "hash does not match the record" },
          outside_changes: [],
        }}
      />,
    );
    const result = screen.getByTestId("audit-verify-result");
    expect(result.getAttribute("data-holds")).toBe("false");
    expect(result.textContent).toContain("Chain broken at record 17: hash does not match the record");
  });
});

describe("AuditPage", () => {
  beforeEach(() => {
    vi.mocked(backend.auditLog).mockResolvedValue({ records: [record], total: 7 });
  });

  it("reads the newest page first and verifies the chain on request", async () => {
    vi.mocked(backend.verifyAudit).mockResolvedValue({
      records: 7,
      head_hash: "22".repeat(32),
      broken: null,
      outside_changes: [],
    });
    renderWithProviders(<AuditPage />);
    expect(await screen.findByTestId("audit-row-7")).toBeTruthy();
    expect(backend.auditLog).toHaveBeenCalledWith({
      entity: null,
      action: null,
      actor: null,
      newest_first: true,
      limit: 100,
      offset: 0,
    });
    fireEvent.click(screen.getByTestId("audit-verify"));
    expect((await screen.findByTestId("audit-verify-result")).textContent).toContain("Chain holds: 7 records");
  });

  it("filters by record and opens a record's before and after", async () => {
    renderWithProviders(<AuditPage />);
    fireEvent.change(screen.getByTestId("audit-entity"), { target: { value: "UC-1" } });
    await waitFor(() =>
      expect(backend.auditLog).toHaveBeenLastCalledWith(expect.objectContaining({ entity: "UC-1", offset: 0 })),
    );
    fireEvent.click(await screen.findByTestId("audit-row-7"));
    const drawer = await screen.findByTestId("audit-record");
    expect(within(drawer).getByTestId("audit-before").textContent).toBe('{\n  "title": "Claims"\n}');
    expect(within(drawer).getByTestId("audit-after").textContent).toContain('"title": "Claims triage"');
    expect(drawer.textContent).toContain("22".repeat(32));
  });

  it("reports changes made with another tool even when the chain holds", () => {
    renderWithProviders(
      <VerifyResult
        report={{
          records: 9,
          head_hash: "ab".repeat(32),
          broken: null,
          outside_changes: ["changes to risk are no longer captured: its audit triggers were removed"],
        }}
      />,
    );
    const result = screen.getByTestId("audit-verify-result");
    expect(result.dataset.holds).toBe("false");
    expect(result.textContent).toContain("no longer captured");
  });
});
