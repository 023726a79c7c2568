// A use case's months, newest first: what each realised (benefit, cost), the running totals and
// ROI, what the business case planned by then, the month's highlight with who wrote it, and one
// column per KPI with values. A month between two recorded ones shows as not recorded: the
// backend counts it as nothing realised.
import { Badge, Text } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { MonthReturn } from "../../bindings/MonthReturn";
import type { UseCaseValue } from "../../bindings/UseCaseValue";
import type { ValueMonth } from "../../bindings/ValueMonth";
import { DataTable } from "../../components/DataTable";
import { localMonth } from "../../lib/compliance";
import { type Money, useMoney } from "../../lib/money";
import { TONE } from "../../lib/statusColors";
import { kpiValue, roiText } from "./valueData";

/** One row: the month's returns and, when it was recorded, what was stored for it. */
export interface MonthRow {
  returns: MonthReturn;
  stored: ValueMonth | null;
}

/** The series' months (gaps included) with what each stored, newest first. */
export function monthRows(value: UseCaseValue): MonthRow[] {
  const stored = new Map(value.months.map((m) => [m.month, m]));
  return value.returns.months.map((r) => ({ returns: r, stored: stored.get(r.month) ?? null })).reverse();
}

const column = createColumnHelper<MonthRow>();

function monthColumns(money: Money, kpis: readonly string[]) {
  const amount = (n: number) => money.format(n);
  return [
    column.accessor((m) => m.returns.month, {
      id: "month",
      header: "Month",
      meta: { nowrap: true },
      cell: (i) =>
        i.row.original.returns.recorded ? (
          localMonth(i.getValue())
        ) : (
          <>
            {localMonth(i.getValue())}{" "}
            <Badge size="xs" variant="outline" color={TONE.neutral}>
              not recorded
            </Badge>
          </>
        ),
    }),
    column.accessor((m) => m.returns.benefit, {
      id: "benefit",
      header: "Benefit",
      meta: { nowrap: true, align: "right" },
      cell: (i) => amount(i.getValue()),
    }),
    column.accessor((m) => m.returns.cost, {
      id: "cost",
      header: "Cost",
      meta: { nowrap: true, align: "right" },
      cell: (i) => amount(i.getValue()),
    }),
    column.accessor((m) => m.returns.cumulative_benefit, {
      id: "cumulative_benefit",
      header: "Cumulative benefit",
      meta: { nowrap: true, align: "right" },
      cell: (i) => amount(i.getValue()),
    }),
    column.accessor((m) => m.returns.cumulative_cost, {
      id: "cumulative_cost",
      header: "Cumulative cost",
      meta: { nowrap: true, align: "right" },
      cell: (i) => amount(i.getValue()),
    }),
    column.accessor((m) => m.returns.roi ?? Number.NEGATIVE_INFINITY, {
      id: "roi",
      header: "ROI",
      meta: { nowrap: true, align: "right" },
      cell: (i) => roiText(i.row.original.returns.roi),
    }),
    column.accessor((m) => m.returns.planned_benefit, {
      id: "planned",
      header: "Planned benefit",
      meta: { nowrap: true, align: "right" },
      cell: (i) => (
        <Text size="sm" c="dimmed" title={`Planned cost by then: ${amount(i.row.original.returns.planned_cost)}`}>
          {amount(i.getValue())}
        </Text>
      ),
    }),
    column.accessor((m) => m.stored?.highlight ?? "", {
      id: "highlight",
      header: "Highlight",
      enableSorting: false,
      cell: (i) => {
        const stored = i.row.original.stored;
        if (!stored || stored.highlight === "") return null;
        return (
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {stored.highlight}
            {stored.highlight_by && (
              <Text span size="xs" c="dimmed">
                {" "}
                — {stored.highlight_by}
              </Text>
            )}
          </Text>
        );
      },
    }),
    ...kpis.map((kpi) =>
      column.accessor((m) => m.stored?.kpis.find((k) => k.kpi === kpi)?.value ?? null, {
        id: `kpi:${kpi}`,
        header: kpi,
        meta: { nowrap: true, align: "right" },
        cell: (i) => {
          const v = i.getValue();
          return v === null ? "" : kpiValue(v);
        },
      }),
    ),
  ];
}

export function MonthsTable({ value }: { value: UseCaseValue }) {
  const money = useMoney();
  const columns = useMemo(() => monthColumns(money, value.kpis), [money, value.kpis]);
  const rows = useMemo(() => monthRows(value), [value]);
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowId={(m) => m.returns.month}
      rowTestId={(m) => `value-month-row-${m.returns.month}`}
      testId="value-months"
    />
  );
}
