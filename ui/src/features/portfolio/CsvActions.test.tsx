import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { ImportRequest } from "../../bindings/ImportRequest";
import type { ImportedRow } from "../../bindings/ImportedRow";
import { refuse, requestsTo, respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { CsvActions } from "./CsvActions";

describe("CsvActions", () => {
  it("checks the file first and imports only on confirmation", async () => {
    respond({
      use_case_import_csv: (req: { dry_run: boolean }) => ({
        dry_run: req.dry_run,
        rows: [
          {
            row: 2,
            id: req.dry_run ? null : "UC-010",
            title: "Alpha",
            lane: "portfolio",
            payback_months: 3.75,
            outcome: "added",
            existing_id: null,
          },
        ],
      }),
    });
    renderWithProviders(<CsvActions />);
    fireEvent.click(screen.getByTestId("import-csv-open"));
    fireEvent.change(await screen.findByTestId("import-csv-path"), { target: { value: "/data/cases.csv" } });
    fireEvent.click(screen.getByTestId("import-csv-check"));
    expect(await screen.findByTestId("import-preview")).toBeTruthy();
    expect(requestsTo("use_case_import_csv")).toEqual([{ path: "/data/cases.csv", dry_run: true }]);
    fireEvent.click(screen.getByTestId("confirm-import"));
    await waitFor(() => expect(requestsTo("use_case_import_csv")).toHaveLength(2));
    expect(requestsTo("use_case_import_csv")[1]).toEqual({ path: "/data/cases.csv", dry_run: false });
  });

  it("lists every problem and offers no import", async () => {
    respond({
      use_case_import_csv: () =>
        refuse(
          "invalid_input",
          "2 problems found; nothing was stored:\nrow 2 (Alpha), column annual_value: is not an amount\nrow 3, column title: is required",
        ),
    });
    renderWithProviders(<CsvActions />);
    fireEvent.click(screen.getByTestId("import-csv-open"));
    fireEvent.change(await screen.findByTestId("import-csv-path"), { target: { value: "/data/bad.csv" } });
    fireEvent.click(screen.getByTestId("import-csv-check"));
    const problems = await screen.findByTestId("import-problems");
    expect(problems.textContent).toContain("row 3, column title: is required");
    expect(screen.getByTestId("confirm-import").hasAttribute("disabled")).toBe(true);
  });

  it("lists rows already in the portfolio with the existing id and imports only once the person chooses", async () => {
    const row = (n: number, title: string, existing: string | null): ImportedRow => ({
      row: n,
      id: null,
      title,
      lane: "portfolio",
      payback_months: 4,
      outcome: existing ? "duplicate" : "added",
      existing_id: existing,
    });
    respond({
      use_case_import_csv: (req: ImportRequest) =>
        req.dry_run
          ? { dry_run: true, rows: [row(2, "Alpha", null), row(3, "Claims triage", "UC-001")] }
          : {
              dry_run: false,
              rows: [
                { ...row(2, "Alpha", null), id: "UC-010" },
                { ...row(3, "Claims triage", "UC-001"), id: "UC-001", outcome: "updated" },
              ],
            },
    });
    renderWithProviders(<CsvActions />);
    fireEvent.click(screen.getByTestId("import-csv-open"));
    fireEvent.change(await screen.findByTestId("import-csv-path"), { target: { value: "/data/cases.csv" } });
    fireEvent.click(screen.getByTestId("import-csv-check"));
    const preview = await screen.findByTestId("import-preview");
    expect(within(preview).getByTestId("import-duplicate-3").textContent).toBe("Already in the portfolio as UC-001");
    // No silent choice: Import waits for one.
    expect(screen.getByTestId("confirm-import").hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByLabelText("Update the existing use case"));
    await waitFor(() => expect(screen.getByTestId("confirm-import").hasAttribute("disabled")).toBe(false));
    fireEvent.click(screen.getByTestId("confirm-import"));
    await waitFor(() => expect(requestsTo("use_case_import_csv")).toHaveLength(2));
    expect(requestsTo("use_case_import_csv")[1]).toEqual({
      path: "/data/cases.csv",
      dry_run: false,
      on_duplicate: "update",
    });
  });
});
