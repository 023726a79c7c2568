import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { MetricsImported } from "../../bindings/MetricsImported";
import type { MonthInput } from "../../bindings/MonthInput";
import { formatMoney } from "../../lib/money";
import { chooseNext, refuse, requestsTo, respond } from "../../test-backend";
import { aUseCase, session } from "../../test-fixtures";
import { renderWithProviders } from "../../test-utils";
import { programme } from "../portfolio/testRanking";
import { dashboard, KPI_SVG, ROI_SVG, caseValue } from "./testData";
import { ValuePage } from "./ValuePage";

const SLOW = { timeout: 5000 };

const imported = (fields: Partial<MetricsImported> = {}): MetricsImported => ({
  added: 10,
  replaced: 0,
  unchanged: 2,
  use_cases: ["UC-001", "UC-002"],
  kpi_values: 14,
  dry_run: true,
  ...fields,
});

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe("ValuePage", () => {
  beforeEach(() =>
    respond({
      session_status: () => session(),
      programme_get: () => programme("EUR"),
      use_case_list: () => [
        aUseCase({ id: "UC-003", title: "KYC review" }),
        aUseCase({ id: "UC-001", title: "Claims triage", stage: "pilot" }),
        aUseCase({ id: "UC-002", title: "Invoice matching" }),
      ],
      steering_dashboard: () => dashboard(),
      value_get: () => caseValue(),
      value_chart: (req: { chart: string }) => (req.chart === "kpi" ? KPI_SVG : ROI_SVG),
    }),
  );

  it("opens on the first case with value: its returns, charts and months", async () => {
    renderWithProviders(<ValuePage />);
    await screen.findByTestId("value-page", {}, SLOW);
    const returns = await screen.findByTestId("value-returns", {}, SLOW);
    expect(requestsTo("value_get")).toEqual([{ id: "UC-001" }]);
    await waitFor(() => expect(returns.textContent).toContain(formatMoney(150_000, "EUR")));
    expect(returns.textContent).toContain(`+${formatMoney(70_000, "EUR")}`);
    expect(returns.textContent).toContain("+87.5%");
    expect(returns.textContent).toContain("after 3 months");
    expect(returns.textContent).toContain(`-${formatMoney(150_000, "EUR")} (-50.0%)`);
    expect(screen.getByTestId("value-status").textContent).toBe("Behind plan");

    const roi = await screen.findByTestId("value-roi-chart", {}, SLOW);
    expect(roi.textContent).toContain("cumulative benefit and cost");
    expect(await screen.findByTestId("value-kpi-chart-0", {}, SLOW)).toBeTruthy();
    expect(requestsTo("value_chart")).toEqual(
      expect.arrayContaining([
        { chart: "roi", use_case_id: "UC-001" },
        { chart: "kpi", use_case_id: "UC-001", kpi: "Handling time" },
      ]),
    );

    const november = screen.getByTestId("value-month-row-2026-11");
    expect(november.textContent).toContain(formatMoney(150_000, "EUR"));
    expect(november.textContent).toContain("+87.5%");
    expect(november.textContent).toContain("Claims routed in minutes, not days");
    expect(november.textContent).toContain("Aisha Rahman");
    expect(november.textContent).toContain("12.5");
    expect(screen.getByTestId("value-month-row-2026-10").textContent).toContain("not recorded");
  });

  it("opens on the case another page sent it, and switches case from the picker", async () => {
    renderWithProviders(<ValuePage />, { location: { page: "value", param: "UC-002" } });
    await screen.findByTestId("value-returns", {}, SLOW);
    expect(requestsTo("value_get")).toEqual([{ id: "UC-002" }]);
    expect(screen.getByTestId("value-case").getAttribute("data-usecase")).toBe("UC-002");

    fireEvent.click(screen.getByTestId("value-usecase-select"));
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-combobox-option][value="UC-003"]');
      expect(found).not.toBeNull();
      return found!;
    });
    fireEvent.click(option);
    await waitFor(() => expect(screen.getByTestId("value-case").getAttribute("data-usecase")).toBe("UC-003"));
    expect(requestsTo("value_get")).toEqual([{ id: "UC-002" }, { id: "UC-003" }]);
  });

  it("records a new month with the KPI values measured", async () => {
    respond({ value_record_month: () => caseValue() });
    renderWithProviders(<ValuePage />);
    fireEvent.click(await screen.findByTestId("value-record-open", {}, SLOW));
    await screen.findByTestId("value-record-month");
    type("value-record-month", "2026-12");
    type("value-record-benefit", "52000");
    type("value-record-cost", "20000");
    type("value-record-highlight", "Backlog cleared before the holidays");
    type("value-record-kpi-value-0", "11");
    // A KPI not measured this month is left empty, and not sent.
    fireEvent.click(screen.getByTestId("value-record-kpi-add"));
    type("value-record-kpi-name-1", "Claims per day");
    fireEvent.click(screen.getByTestId("value-record-submit"));
    await waitFor(() => expect(requestsTo("value_record_month")).toHaveLength(1));
    expect(requestsTo("value_record_month")[0]).toEqual({
      use_case_id: "UC-001",
      month: "2026-12",
      benefit: 52000,
      cost: 20000,
      highlight: "Backlog cleared before the holidays",
      kpis: [{ kpi: "Handling time", value: 11 }],
      replace: false,
    } satisfies MonthInput);
  });

  it("asks before replacing a month already recorded, then sends replace", async () => {
    respond({ value_record_month: () => caseValue() });
    renderWithProviders(<ValuePage />);
    fireEvent.click(await screen.findByTestId("value-record-open", {}, SLOW));
    await screen.findByTestId("value-record-month");
    type("value-record-month", "2026-11");
    type("value-record-benefit", "160000");
    type("value-record-cost", "20000");
    fireEvent.click(screen.getByTestId("value-record-kpi-add"));
    type("value-record-kpi-name-1", "Claims per day");
    type("value-record-kpi-value-0", "12");
    type("value-record-kpi-value-1", "340");
    fireEvent.click(screen.getByTestId("value-record-submit"));
    const exists = await screen.findByTestId("value-record-exists");
    expect(exists.textContent).toContain(formatMoney(150_000, "EUR"));
    expect(requestsTo("value_record_month")).toEqual([]);

    fireEvent.click(within(exists).getByTestId("value-record-replace-confirm"));
    await waitFor(() => expect(requestsTo("value_record_month")).toHaveLength(1));
    const sent = requestsTo("value_record_month")[0] as MonthInput;
    expect(sent.replace).toBe(true);
    expect(sent.month).toBe("2026-11");
    expect(sent.kpis).toEqual([
      { kpi: "Handling time", value: 12 },
      { kpi: "Claims per day", value: 340 },
    ]);
  });

  it("shows a refusal beside the KPI row the backend names", async () => {
    respond({
      value_record_month: () =>
        refuse(
          "invalid_input",
          'kpis[0].kpi: "Handling time" is given twice',
          "kpis[0].kpi",
          '"Handling time" is given twice',
        ),
    });
    renderWithProviders(<ValuePage />);
    fireEvent.click(await screen.findByTestId("value-record-open", {}, SLOW));
    await screen.findByTestId("value-record-month");
    type("value-record-month", "2026-12");
    type("value-record-benefit", "1");
    type("value-record-cost", "1");
    type("value-record-kpi-value-0", "3");
    fireEvent.click(screen.getByTestId("value-record-submit"));
    expect(await screen.findByText('"Handling time" is given twice')).toBeTruthy();
  });

  it("imports a metrics file only after a dry run of the same choice", async () => {
    respond({ value_import: (req: { dry_run: boolean }) => imported({ dry_run: req.dry_run }) });
    chooseNext("/data/metrics.csv");
    renderWithProviders(<ValuePage />);
    fireEvent.click(await screen.findByTestId("value-import-open", {}, SLOW));
    fireEvent.click(await screen.findByRole("button", { name: "Browse…" }));
    await waitFor(() =>
      expect((screen.getByTestId("value-import-path") as HTMLInputElement).value).toBe("/data/metrics.csv"),
    );
    // Before a dry run the import is held back, with the reason.
    const submit = screen.getByTestId("value-import-submit");
    expect(submit.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(submit);
    expect(requestsTo("value_import")).toEqual([]);

    fireEvent.click(screen.getByTestId("value-import-dry-run"));
    const preview = await screen.findByTestId("value-import-preview");
    expect(within(preview).getByTestId("value-import-preview-added").textContent).toBe("10");
    expect(within(preview).getByTestId("value-import-preview-unchanged").textContent).toBe("2");
    expect(preview.textContent).toContain("UC-001, UC-002");
    expect(requestsTo("value_import")).toEqual([{ path: "/data/metrics.csv", replace: false, dry_run: true }]);

    // Another choice asks for another dry run.
    fireEvent.click(screen.getByTestId("value-import-replace"));
    await waitFor(() => expect(screen.getByTestId("value-import-submit").getAttribute("aria-disabled")).toBe("true"));
    fireEvent.click(screen.getByTestId("value-import-dry-run"));
    await screen.findByTestId("value-import-preview");
    await waitFor(() => expect(screen.getByTestId("value-import-submit").getAttribute("aria-disabled")).toBeNull());

    fireEvent.click(screen.getByTestId("value-import-submit"));
    const result = await screen.findByTestId("value-import-result");
    expect(result.textContent).toContain("About 2 use cases");
    expect(requestsTo("value_import")).toEqual([
      { path: "/data/metrics.csv", replace: false, dry_run: true },
      { path: "/data/metrics.csv", replace: true, dry_run: true },
      { path: "/data/metrics.csv", replace: true, dry_run: false },
    ]);
  });

  it("lists every row problem of a refused metrics file", async () => {
    respond({
      value_import: () =>
        refuse(
          "invalid_input",
          "2 problems found; nothing was stored:\nrow 2, column month: 2026-13 is not a month\nrow 4, column month: UC-001 2026-11 is already recorded; import with --replace to replace it",
        ),
    });
    renderWithProviders(<ValuePage />);
    fireEvent.click(await screen.findByTestId("value-import-open", {}, SLOW));
    await screen.findByTestId("value-import-path");
    type("value-import-path", "/data/bad.csv");
    fireEvent.click(screen.getByTestId("value-import-dry-run"));
    const problems = await screen.findByTestId("value-import-problems");
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "row 2, column month: 2026-13 is not a month",
      "row 4, column month: UC-001 2026-11 is already recorded; import with --replace to replace it",
    ]);
    expect(screen.queryByTestId("value-import-preview")).toBeNull();
  });
});
