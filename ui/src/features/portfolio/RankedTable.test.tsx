import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { vi } from "vitest";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "../../components/DataTable";
import { formatMoney } from "../../lib/money";
import { respond } from "../../test-backend";
import { renderWithProviders } from "../../test-utils";
import { RankedTable } from "./RankedTable";
import { aRankedCase, programme, ranking } from "./testRanking";

// Pages with hundreds of rows render slowly in jsdom on a busy machine: wait longer than 1 s.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(() => respond({ signoff_list: () => [], programme_get: () => programme("USD") }));

describe("RankedTable", () => {
  it("shows annual value in the programme's currency, right-aligned beside score and payback", async () => {
    renderWithProviders(<RankedTable rows={ranking(3).use_cases} onOpen={() => {}} />);
    const value = () => within(screen.getAllByTestId("ranked-row")[0]!).getByTestId("ranked-annual-value");
    await waitFor(() => expect(value().textContent).toBe(formatMoney(1_000_001, "USD")));
    expect(value().textContent).toMatch(/^\$1,000,001$/);
    expect(value().closest("td")?.getAttribute("style")).toMatch(/right/);
    const headers = screen.getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers.slice(4, 7)).toEqual(["Score", "Annual value", "Payback"]);
  });

  it("opens a row with Enter or Space; rows are named Tab stops and sort headers are buttons", () => {
    const onOpen = vi.fn();
    renderWithProviders(<RankedTable rows={ranking(3).use_cases} onOpen={onOpen} />);
    const row = screen.getAllByTestId("ranked-row")[1]!;
    expect(row.tabIndex).toBe(0);
    expect(row.getAttribute("aria-label")).toContain("UC-00002");
    row.focus();
    fireEvent.keyDown(row, { key: "Enter" });
    expect(onOpen).toHaveBeenLastCalledWith("UC-00002");
    fireEvent.keyDown(row, { key: " " });
    expect(onOpen).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(row, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getAllByTestId("ranked-row")[2]);
    expect(screen.getByRole("button", { name: /Annual value/ })).toBeTruthy();
  });

  it("sorts by a header: text ascending first, numbers descending first, a second click reverses", () => {
    const rows = [
      aRankedCase(1, { title: "Invoice matching", score: 70, lane: "research" }),
      aRankedCase(2, { title: "Fraud scoring", score: 90, lane: "portfolio" }),
      aRankedCase(3, { title: "Claims triage", score: 80, lane: "portfolio" }),
    ];
    renderWithProviders(<RankedTable rows={rows} onOpen={() => {}} />);
    const ids = () => screen.getAllByTestId("ranked-row").map((r) => r.dataset.id);
    const sortBy = (name: string) => fireEvent.click(screen.getByRole("button", { name }));
    expect(ids()).toEqual(["UC-00001", "UC-00002", "UC-00003"]);
    sortBy("Title");
    expect(ids()).toEqual(["UC-00003", "UC-00002", "UC-00001"]);
    sortBy("Title");
    expect(ids()).toEqual(["UC-00001", "UC-00002", "UC-00003"]);
    sortBy("Score");
    expect(ids()).toEqual(["UC-00002", "UC-00003", "UC-00001"]);
    sortBy("Lane");
    expect(ids()).toEqual(["UC-00002", "UC-00003", "UC-00001"]);
    sortBy("Rank");
    expect(ids()).toEqual(["UC-00003", "UC-00002", "UC-00001"]);
    expect(screen.getAllByRole("columnheader")[0]!.getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts a long portfolio as a whole, not only the rows in view", async () => {
    const rows = ranking(1_000).use_cases.map((u) => ({ ...u, score: (u.rank * 7919) % 1000 }));
    renderWithProviders(<RankedTable rows={rows} onOpen={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Score" }));
    const top = [...rows].sort((a, b) => b.score - a.score)[0]!.id;
    await waitFor(() => expect(screen.getAllByTestId("ranked-row")[0]!.dataset.id).toBe(top));
    expect(screen.getAllByTestId("ranked-row").length).toBeLessThan(200);
  }, 30_000);

  it("renders only a window of a 10,000-case portfolio, and moves the window on scrolling", async () => {
    renderWithProviders(<RankedTable rows={ranking(10_000).use_cases} onOpen={() => {}} />);
    const rows = screen.getAllByTestId("ranked-row");
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(200);
    expect(rows[0]!.dataset.id).toBe("UC-00001");
    const box = screen.getByTestId("ranked-scroll");
    box.scrollTop = 41 * 5000;
    fireEvent.scroll(box);
    await waitFor(() =>
      expect(screen.getAllByTestId("ranked-row").some((r) => r.dataset.id === "UC-05001")).toBe(true),
    );
    expect(screen.getAllByTestId("ranked-row").length).toBeLessThan(200);
  }, 30_000);
});

describe("DataTable rows", () => {
  type Item = { id: string; name: string };
  const column = createColumnHelper<Item>();
  const columns = [column.accessor("id", { header: "ID" }), column.accessor("name", { header: "Name" })];
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `R-${i + 1}`, name: `Item ${i + 1}` }));

  it("are Tab stops that open with Enter only when they open something", () => {
    const onRowClick = vi.fn();
    const { unmount } = renderWithProviders(
      <DataTable rows={items(2)} columns={columns} rowId={(r) => r.id} rowTestId={(r) => r.id} />,
    );
    expect(screen.getByTestId("R-1").hasAttribute("tabindex")).toBe(false);
    unmount();
    renderWithProviders(
      <DataTable
        rows={items(2)}
        columns={columns}
        rowId={(r) => r.id}
        rowTestId={(r) => r.id}
        onRowClick={onRowClick}
        rowLabel={(r) => `Open ${r.name}`}
      />,
    );
    const row = screen.getByTestId("R-2");
    expect(row.tabIndex).toBe(0);
    expect(screen.getByRole("row", { name: "Open Item 2" })).toBe(row);
    fireEvent.keyDown(row, { key: "Enter" });
    expect(onRowClick).toHaveBeenCalledWith({ id: "R-2", name: "Item 2" });
  });

  it("render only a window past a hundred rows", () => {
    renderWithProviders(
      <DataTable rows={items(5_000)} columns={columns} rowId={(r) => r.id} rowTestId={() => "row"} />,
    );
    const shown = screen.getAllByTestId("row").length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(200);
  });
});
