import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { DocumentVerification } from "../../bindings/DocumentVerification";
import type { ExportJob } from "../../bindings/ExportJob";
import { chooseNext, requestsTo, respond } from "../../test-backend";
import { aUseCase } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { ReportsPage } from "./ReportsPage";

const SLOW = { timeout: 5000 };
const FINGERPRINT = "c".repeat(64);

function job(overrides: Partial<ExportJob> = {}): ExportJob {
  return {
    id: 7,
    state: "running",
    progress: { done: 1, total: 4, step: "UC-001 Claims triage" },
    outcome: null,
    error: null,
    ...overrides,
  };
}

const DONE = job({
  state: "done",
  progress: { done: 4, total: 4, step: "done" },
  outcome: {
    export_id: "EXP-001",
    kind: "pack",
    path: "/home/a/pack.pdf",
    bytes: 912751,
    sha256: "a".repeat(64),
    pages: 46,
    fingerprint: FINGERPRINT,
    records: 34,
  },
});

describe("Reports: the regulator pack and verification", () => {
  beforeEach(() =>
    respond({
      use_case_list: () => [aUseCase({ id: "UC-001", stage: "pilot" }), aUseCase({ id: "UC-002", stage: "data" })],
      report_exports: () => [],
    }),
  );

  it("exports every case in pilot when none is picked, shows progress, then the outcome", async () => {
    let polls = 0;
    respond({
      report_start_pack: () => job(),
      report_job: () => (++polls < 2 ? job() : DONE),
    });
    chooseNext("/home/a/pack.pdf");
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    expect(await screen.findByText(/every use case in pilot or scaled \(UC-001\)/, {}, SLOW)).toBeTruthy();
    expect(await screen.findByTestId("exports-empty")).toBeTruthy();
    fireEvent.click(screen.getByTestId("pack-export"));
    await waitFor(() =>
      expect(requestsTo("report_start_pack")).toEqual([{ destination: "/home/a/pack.pdf", use_cases: [] }]),
    );
    expect(await screen.findByTestId("export-progress", {}, SLOW)).toBeTruthy();
    const done = await screen.findByTestId("export-done", {}, SLOW);
    expect(done.textContent).toContain("46 pages");
    expect(done.textContent).toContain("EXP-001");
  });

  it("cancels a running export and says no file was written", async () => {
    let cancelled = false;
    respond({
      report_start_pack: () => job(),
      report_job: () => (cancelled ? job({ state: "cancelled" }) : job()),
      report_cancel: () => {
        cancelled = true;
        return job();
      },
    });
    chooseNext("/home/a/pack.pdf");
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    await screen.findByText(/every use case in pilot or scaled \(UC-001\)/, {}, SLOW);
    fireEvent.click(screen.getByTestId("pack-export"));
    fireEvent.click(await screen.findByTestId("export-cancel", {}, SLOW));
    await waitFor(() => expect(requestsTo("report_cancel")).toEqual([{ id: 7 }]));
    expect((await screen.findByTestId("export-cancelled", {}, SLOW)).textContent).toContain("No file was written");
  });

  it("a dismissed save dialog starts nothing", async () => {
    chooseNext(null);
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    await screen.findByText(/every use case in pilot or scaled \(UC-001\)/, {}, SLOW);
    fireEvent.click(screen.getByTestId("pack-export"));
    await new Promise((r) => setTimeout(r, 50));
    expect(requestsTo("report_start_pack")).toEqual([]);
  });

  it("shows a verified pack's export and the records changed since, and why another file does not match", async () => {
    const matches: DocumentVerification = {
      path: "/home/a/pack.pdf",
      sha256: "a".repeat(64),
      matches: true,
      reason: null,
      export: {
        id: "EXP-001",
        kind: "pack",
        file_name: "/home/a/pack.pdf",
        file_sha256: "a".repeat(64),
        pages: 46,
        fingerprint: FINGERPRINT,
        exported_by: "Carla Mendes",
        exported_at: "2026-12-01T09:00:00Z",
        use_cases: ["UC-001"],
        month: null,
      },
      data: { changed: ["UC-001"], added: [], removed: [] },
    };
    respond({ report_verify: () => matches });
    chooseNext("/home/a/pack.pdf");
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    fireEvent.click(await screen.findByTestId("verify-choose", {}, SLOW));
    const verdict = await screen.findByTestId("verify-result", {}, SLOW);
    expect(verdict.dataset.matches).toBe("true");
    expect(verdict.textContent).toContain("Exactly EXP-001");
    expect(verdict.textContent).toContain("Carla Mendes");
    expect(verdict.textContent).toContain("Changed: UC-001");

    respond({
      report_verify: () => ({ ...matches, matches: false, data: null, reason: "the file was altered after export" }),
    });
    chooseNext("/home/a/altered.pdf");
    fireEvent.click(screen.getByTestId("verify-choose"));
    await waitFor(() => expect(screen.getByTestId("verify-result").dataset.matches).toBe("false"));
    expect(screen.getByTestId("verify-result").textContent).toContain("altered after export");
  });
});

describe("Reports: the steering deck", () => {
  beforeEach(() =>
    respond({ use_case_list: () => [aUseCase({ id: "UC-001", stage: "pilot" })], report_exports: () => [] }),
  );

  it("exports the chosen month's deck and shows its slides", async () => {
    respond({
      report_start_deck: () => job(),
      report_job: () => ({ ...DONE, outcome: DONE.outcome && { ...DONE.outcome, kind: "deck", pages: 15 } }),
    });
    const thisMonth = new Date();
    const month = `${thisMonth.getFullYear()}-${String(thisMonth.getMonth() + 1).padStart(2, "0")}`;
    chooseNext(`/home/a/steering-deck-${month}.pdf`);
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    fireEvent.click(await screen.findByTestId("deck-export", {}, SLOW));
    await waitFor(() =>
      expect(requestsTo("report_start_deck")).toEqual([{ destination: `/home/a/steering-deck-${month}.pdf`, month }]),
    );
    expect((await screen.findByTestId("export-done", {}, SLOW)).textContent).toContain("15 slides");
  });
});

describe("Reports: the workbook", () => {
  beforeEach(() => respond({ use_case_list: () => [], report_exports: () => [] }));

  it("exports the workbook where the person chose and shows what was written", async () => {
    respond({
      report_export_workbook: (req: { destination: string }) => ({
        path: req.destination,
        bytes: 14361,
        sha256: "b".repeat(64),
        items: 82,
      }),
    });
    chooseNext("/home/a/programme.xlsx");
    renderWithProviders(<ReportsPage />, { location: { page: "reports", param: null } });
    fireEvent.click(await screen.findByTestId("workbook-export", {}, SLOW));
    await waitFor(() =>
      expect(requestsTo("report_export_workbook")).toEqual([{ destination: "/home/a/programme.xlsx" }]),
    );
    expect((await screen.findByTestId("workbook-done", {}, SLOW)).textContent).toContain("82 rows");
  });
});
