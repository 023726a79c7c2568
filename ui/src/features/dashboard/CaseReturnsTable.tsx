// Each use case with value recorded, largest net first (the backend's order): stage, what it
// realised and cost, net, ROI, payback, benefit against its business case and whether it is ahead
// of or behind plan. A row opens the case on the Value page.
import { Text } from "@mantine/core";
import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { UseCaseReturns } from "../../bindings/UseCaseReturns";
import { DataTable } from "../../components/DataTable";
import { type Money, useMoney } from "../../lib/money";
import { STAGE_LABEL } from "../../lib/recordKinds";
import { useNavigation } from "../../shell/navigation";
import { paybackText, percentText, roiText, signedMoney } from "../value/valueData";
import { PlanStatusBadge, signColor } from "../value/ValueSummary";

const column = createColumnHelper<UseCaseReturns>();

function returnsColumns(money: Money) {
  return [
    column.accessor("title", {
      header: "Use case",
      cell: (i) => (
        <div>
          <Text size="sm" fw={600}>
            {i.getValue()}
          </Text>
          <Text size="xs" c="dimmed">
            {i.row.original.use_case_id} · {STAGE_LABEL[i.row.original.stage]}
          </Text>
        </div>
      ),
    }),
    column.accessor("cumulative_benefit", {
      header: "Benefit",
      meta: { nowrap: true, align: "right" },
      cell: (i) => money.format(i.getValue()),
    }),
    column.accessor("cumulative_cost", {
      header: "Cost",
      meta: { nowrap: true, align: "right" },
      cell: (i) => money.format(i.getValue()),
    }),
    column.accessor("net", {
      header: "Net",
      meta: { nowrap: true, align: "right" },
      cell: (i) => (
        <Text size="sm" fw={600} c={signColor(i.getValue())}>
          {signedMoney(money, i.getValue())}
        </Text>
      ),
    }),
    column.accessor((r) => r.roi ?? Number.NEGATIVE_INFINITY, {
      id: "roi",
      header: "ROI",
      meta: { nowrap: true, align: "right" },
      cell: (i) => roiText(i.row.original.roi),
    }),
    column.accessor((r) => r.payback_month ?? "9999-99", {
      id: "payback",
      header: "Payback",
      meta: { nowrap: true },
      cell: (i) => paybackText(i.row.original.payback_month, i.row.original.months_to_payback),
    }),
    column.accessor((r) => r.benefit_variance.difference, {
      id: "variance",
      header: "Benefit against plan",
      meta: { nowrap: true, align: "right" },
      cell: (i) => {
        const v = i.row.original.benefit_variance;
        return (
          <Text size="sm" c={signColor(v.difference)}>
            {signedMoney(money, v.difference)} ({percentText(v.percent)})
          </Text>
        );
      },
    }),
    column.accessor("status", {
      header: "Plan",
      meta: { nowrap: true },
      cell: (i) => <PlanStatusBadge status={i.getValue()} />,
    }),
  ];
}

export function CaseReturnsTable({ cases }: { cases: UseCaseReturns[] }) {
  const money = useMoney();
  const { navigate } = useNavigation();
  const columns = useMemo(() => returnsColumns(money), [money]);
  return (
    <DataTable
      rows={cases}
      columns={columns}
      rowId={(r) => r.use_case_id}
      onRowClick={(r) => navigate("value", r.use_case_id)}
      rowLabel={(r) => `Open the value of ${r.use_case_id} ${r.title}`}
      rowTestId={(r) => `dashboard-case-${r.use_case_id}`}
      testId="dashboard-cases"
    />
  );
}
