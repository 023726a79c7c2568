import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { AuditAcknowledge } from "../../bindings/AuditAcknowledge";
import type { AuditPage as Page } from "../../bindings/AuditPage";
import type { AuditRecord } from "../../bindings/AuditRecord";
import type { Programme } from "../../bindings/Programme";
import type { UnauditedChange } from "../../bindings/UnauditedChange";
import type { VerifyReport } from "../../bindings/VerifyReport";
import { whenText } from "../../lib/compliance";
import { formatMoney } from "../../lib/money";
import { refuse, requestsTo, respond } from "../../test-backend";
import { person, refused, workingAs } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { AuditPage } from "./AuditPage";
import { VerifyResult } from "./VerifyChain";

const carla = person("P-3", "Carla Mendes", ["compliance_officer"]);
const sofia = person("P-2", "Sofia Brandt", ["consultant"]);
const NOT_AN_OFFICER = "Only a compliance officer can acknowledge an outside change; Sofia Brandt is a consultant.";

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
const page: Page = { records: [record], matching: 1, total: 7 };

/** A value month's row image, as the capture trigger writes it. */
const valueMonth = (month: string, benefitCents: number) => ({
  use_case_id: "UC-1",
  month,
  benefit_cents: benefitCents,
  cost_cents: 900_000,
  highlight: "",
  highlight_by: "",
  recorded_by: "Ana Ruiz",
  recorded_at: "2026-03-04T10:00:00+00:00",
});

/** An import's batch record of value months, its rows `rows`. */
const importBatch = (seq: number, rows: Record<string, unknown>): AuditRecord => ({
  ...record,
  seq,
  action: "import",
  operation: "batch",
  entity_kind: "value_month",
  before: null,
  after: JSON.stringify(rows),
});

/** The programme whose currency the amounts are shown in. */
const halden: Programme = {
  name: "Halden",
  currency: "EUR",
  settings: { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

const intact: VerifyReport = {
  records: 7,
  head_hash: "22".repeat(32),
  broken: null,
  outside_changes: [],
  unacknowledged: [],
  acknowledged: [],
  holds: true,
};

const outside = (seq: number): UnauditedChange => ({
  seq,
  at: "2026-03-05T09:00:00.000Z",
  operation: "update",
  entity_kind: "risk",
  entity_id: "RSK-002",
  acknowledged_by: null,
  acknowledged_at: null,
  comment: null,
});

describe("VerifyResult", () => {
  it("says the chain holds, with the record count and the head hash", () => {
    renderWithProviders(<VerifyResult report={{ ...intact, records: 1234, head_hash: "ff".repeat(32) }} />);
    const result = screen.getByTestId("audit-verify-result");
    expect(result.getAttribute("data-holds")).toBe("true");
    expect(result.textContent).toContain(`Chain holds: 1,234 records · head ${"ff".repeat(32)}`);
  });

  it("says where the chain breaks and why", () => {
    renderWithProviders(
      <VerifyResult
        report={{ ...intact, holds: false, broken: { seq: 17, reason: "hash does not match the record" } }}
      />,
    );
    const result = screen.getByTestId("audit-verify-result");
    expect(result.getAttribute("data-holds")).toBe("false");
    expect(result.textContent).toContain("Chain broken at record 17: hash does not match the record");
  });

  it("reports changes made with another tool even when the chain holds", () => {
    renderWithProviders(
      <VerifyResult
        report={{
          ...intact,
          holds: false,
          outside_changes: ["changes to risk are no longer captured: its audit triggers were removed"],
        }}
      />,
    );
    const result = screen.getByTestId("audit-verify-result");
    expect(result.dataset.holds).toBe("false");
    expect(result.textContent).toContain("no longer captured");
  });

  it("does not hold while an outside change awaits acknowledgement", () => {
    renderWithProviders(<VerifyResult report={{ ...intact, holds: false, unacknowledged: [outside(8)] }} />);
    const result = screen.getByTestId("audit-verify-result");
    expect(result.dataset.holds).toBe("false");
    expect(result.textContent).toContain("1 change made outside Steerco awaits");
    expect(result.textContent).not.toContain("holds");
  });
});

describe("AuditPage", () => {
  beforeEach(() => {
    respond({ session_status: () => workingAs(carla), audit_log: () => page, audit_verify: () => intact });
  });

  it("reads the newest page first and verifies the chain, again on request", async () => {
    renderWithProviders(<AuditPage />);
    expect(await screen.findByTestId("audit-row-7")).toBeTruthy();
    expect(requestsTo("audit_log")[0]).toEqual({
      entity: null,
      action: null,
      actor: null,
      include_internal: false,
      newest_first: true,
      limit: 100,
      offset: 0,
    });
    expect((await screen.findByTestId("audit-verify-result")).textContent).toContain("Chain holds: 7 records");
    expect(screen.getByTestId("audit-range").textContent).toBe(
      "Showing 1–1 of 1 matching · 7 records in the whole trail",
    );
    const verified = requestsTo("audit_verify").length;
    fireEvent.click(screen.getByTestId("audit-verify"));
    await waitFor(() => expect(requestsTo("audit_verify").length).toBe(verified + 1));
  });

  it("filters by the exact record id and opens a record's before and after", async () => {
    renderWithProviders(<AuditPage />);
    fireEvent.change(screen.getByTestId("audit-entity"), { target: { value: " UC-1 " } });
    await waitFor(() => expect(requestsTo("audit_log").at(-1)).toMatchObject({ entity: "UC-1", offset: 0 }));
    fireEvent.click(await screen.findByTestId("audit-row-7"));
    const drawer = await screen.findByTestId("audit-record");
    expect(within(drawer).getByTestId("audit-change-title").textContent).toBe("Title Claims → Claims triage");
    expect(within(drawer).queryByTestId("audit-before")).toBeNull();
    fireEvent.click(within(drawer).getByTestId("audit-raw-toggle"));
    expect(within(drawer).getByTestId("audit-before").textContent).toBe('{\n  "title": "Claims"\n}');
    expect(within(drawer).getByTestId("audit-after").textContent).toContain('"title": "Claims triage"');
    expect(drawer.textContent).toContain("22".repeat(32));
  });

  it("reads a change as people say it: labels, amounts in the currency, who and when, raw JSON one click away", async () => {
    const costChange: AuditRecord = {
      ...record,
      seq: 9,
      at: "2026-03-04T08:50:00.000Z",
      actor: "Jonas Weber",
      entity_kind: "use_case",
      before: JSON.stringify({ id: "UC-1", one_time_cost_cents: 25_000_000, executive_sponsor: null, stage: "pilot" }),
      after: JSON.stringify({
        id: "UC-1",
        one_time_cost_cents: 28_000_000,
        executive_sponsor: "Henrik Olsen",
        stage: "pilot",
      }),
    };
    respond({
      audit_log: () => ({ ...page, records: [costChange] }),
      programme_get: () => halden,
    });
    renderWithProviders(<AuditPage />);
    const cost = `${formatMoney(250_000, "EUR")} → ${formatMoney(280_000, "EUR")}`;
    const row = await screen.findByTestId("audit-row-9");
    expect(row.textContent).toContain("Use case");
    expect(row.textContent).toContain(`One-time cost ${cost} and 1 more`);
    expect(row.textContent).not.toMatch(/use_case|one_time_cost|update/);
    fireEvent.click(row);
    const drawer = await screen.findByTestId("audit-record");
    expect(within(drawer).getByTestId("audit-change-one_time_cost_cents").textContent).toBe(`One-time cost ${cost}`);
    expect(within(drawer).getByTestId("audit-change-executive_sponsor").textContent).toBe(
      "Executive sponsor — → Henrik Olsen",
    );
    expect(within(drawer).getByTestId("audit-changes-by").textContent).toBe(
      `Jonas Weber · ${whenText("2026-03-04T08:50:00.000Z")}`,
    );
    // Changed fields are highlighted; an unchanged one is listed for context, not highlighted.
    expect(within(drawer).getByTestId("audit-field-one_time_cost_cents").dataset.changed).toBe("true");
    expect(within(drawer).getByTestId("audit-field-stage").dataset.changed).toBe("false");
    expect(within(drawer).getByTestId("audit-field-stage").textContent).toBe("StagePilotPilot");
    expect(within(drawer).getByTestId("audit-record-title").textContent).toBe("Updated · Use case UC-1");
    expect(drawer.textContent).not.toMatch(/use_case|one_time_cost|executive_sponsor/);
    const toggle = within(drawer).getByTestId("audit-raw-toggle");
    expect(toggle.textContent).toBe("Show raw JSON");
    fireEvent.click(toggle);
    expect(within(drawer).getByTestId("audit-after").textContent).toContain('"one_time_cost_cents": 28000000');
    expect(toggle.textContent).toBe("Hide raw JSON");
  });

  it("reads an import's batch record as the rows it added, each by its key with its amounts", async () => {
    const batch = importBatch(11, {
      "UC-1/2026-01": valueMonth("2026-01", 0),
      "UC-1/2026-02": valueMonth("2026-02", 1_003_525),
    });
    respond({
      audit_log: () => ({ ...page, records: [batch] }),
      programme_get: () => halden,
    });
    renderWithProviders(<AuditPage />);
    const row = await screen.findByTestId("audit-row-11");
    expect(row.textContent).toContain("Added 2 × Value month");
    fireEvent.click(row);
    const drawer = await screen.findByTestId("audit-record");
    const february = within(drawer).getByTestId("audit-field-UC-1/2026-02").textContent ?? "";
    expect(february).toContain(`Benefit ${formatMoney(10_035.25, "EUR")}`);
    expect(february).toContain(`Cost ${formatMoney(9_000, "EUR")}`);
    expect(drawer.textContent).toContain("Added in bulk");
    expect(drawer.textContent).not.toMatch(/benefit_cents|value_month|batch/);
  });

  it("reads a batch record whose rows list only what differs from the row they share", async () => {
    const batch = importBatch(12, {
      "": valueMonth("2026-01", 0),
      "UC-1/2026-01": {},
      "UC-1/2026-02": { month: "2026-02", benefit_cents: 1_003_525 },
      "UC-1/2026-03": { month: "2026-03", benefit_cents: 2_000_000, cost_cents: 950_000 },
    });
    respond({
      audit_log: () => ({ ...page, records: [batch] }),
      programme_get: () => halden,
    });
    renderWithProviders(<AuditPage />);
    const row = await screen.findByTestId("audit-row-12");
    expect(row.textContent).toContain("Added 3 × Value month");
    fireEvent.click(row);
    const drawer = await screen.findByTestId("audit-record");
    const february = within(drawer).getByTestId("audit-field-UC-1/2026-02").textContent ?? "";
    expect(february).toContain(`Benefit ${formatMoney(10_035.25, "EUR")}`);
    expect(february).toContain(`Cost ${formatMoney(9_000, "EUR")}`);
    const march = within(drawer).getByTestId("audit-field-UC-1/2026-03").textContent ?? "";
    expect(march).toContain(`Cost ${formatMoney(9_500, "EUR")}`);
    expect(within(drawer).queryByTestId("audit-field-")).toBeNull();
  });

  it("lists outside changes prominently and acknowledges one with its seq and the comment", async () => {
    let report: VerifyReport = { ...intact, holds: false, unacknowledged: [outside(8)] };
    respond({
      audit_verify: () => report,
      audit_acknowledge: (req: AuditAcknowledge) => {
        report = {
          ...intact,
          acknowledged: [
            {
              ...outside(req.seq),
              acknowledged_by: "Carla Mendes",
              acknowledged_at: "2026-03-06T08:00:00.000Z",
              comment: req.comment,
            },
          ],
        };
        return report;
      },
    });
    renderWithProviders(<AuditPage />);
    const row = await screen.findByTestId("audit-unacknowledged-8");
    expect(row.textContent).toContain("Changed Risk RSK-002");
    expect(row.textContent).not.toMatch(/\brisk\b|update/);
    expect(screen.getByTestId("audit-verify-result").dataset.holds).toBe("false");
    const acknowledge = within(row).getByTestId("audit-acknowledge-8");
    await waitFor(() => expect(acknowledge.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(acknowledge);
    const modal = await screen.findByTestId("audit-acknowledge-modal");
    fireEvent.change(within(modal).getByTestId("audit-acknowledge-comment"), {
      target: { value: "DBA fixed a typo in the owner; checked with Sofia" },
    });
    fireEvent.click(within(modal).getByTestId("audit-acknowledge-confirm"));
    await waitFor(() => expect(screen.queryByTestId("audit-unacknowledged")).toBeNull());
    expect(requestsTo("audit_acknowledge")).toEqual([
      { seq: 8, comment: "DBA fixed a typo in the owner; checked with Sofia" },
    ]);
    const done = await screen.findByTestId("audit-acknowledged-8");
    expect(done.textContent).toContain("Carla Mendes");
    expect(done.textContent).toContain("DBA fixed a typo in the owner");
    expect(screen.getByTestId("audit-verify-result").dataset.holds).toBe("true");
  });

  it("shows a refused comment beside the field", async () => {
    respond({
      audit_verify: () => ({ ...intact, unacknowledged: [outside(8)] }),
      audit_acknowledge: () => refuse("invalid_input", "comment: is required", "comment", "is required"),
    });
    renderWithProviders(<AuditPage />);
    const acknowledge = await screen.findByTestId("audit-acknowledge-8");
    await waitFor(() => expect(acknowledge.hasAttribute("data-disabled")).toBe(false));
    fireEvent.click(acknowledge);
    fireEvent.click(await screen.findByTestId("audit-acknowledge-confirm"));
    const comment = screen.getByTestId("audit-acknowledge-comment");
    await waitFor(() => expect(comment.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("is required")).toBeTruthy();
    expect(screen.queryByTestId("form-refusal")).toBeNull();
  });

  it("keeps acknowledging disabled, with the backend's reason, when acknowledge_audit is not allowed", async () => {
    respond({
      session_status: () => workingAs(sofia, { acknowledge_audit: refused(NOT_AN_OFFICER) }),
      audit_verify: () => ({ ...intact, unacknowledged: [outside(8)] }),
    });
    renderWithProviders(<AuditPage />);
    const acknowledge = await screen.findByTestId("audit-acknowledge-8");
    await waitFor(() => expect(acknowledge.hasAttribute("data-disabled")).toBe(true));
    fireEvent.mouseEnter(acknowledge);
    expect(await screen.findByText(NOT_AN_OFFICER)).toBeTruthy();
    fireEvent.click(acknowledge);
    expect(screen.queryByTestId("audit-acknowledge-modal")).toBeNull();
    expect(requestsTo("audit_acknowledge")).toEqual([]);
  });

  it("opens the trail of an outside change's record", async () => {
    respond({ audit_verify: () => ({ ...intact, unacknowledged: [outside(8)] }) });
    renderWithProviders(<AuditPage />);
    fireEvent.click(await screen.findByTestId("audit-show-8"));
    expect((screen.getByTestId("audit-entity") as HTMLInputElement).value).toBe("RSK-002");
    await waitFor(() => expect(requestsTo("audit_log").at(-1)).toMatchObject({ entity: "RSK-002" }));
  });
});
