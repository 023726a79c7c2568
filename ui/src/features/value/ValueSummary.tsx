// A use case's business case (what its dossier plans) beside what its recorded months add up to:
// cumulative benefit and cost, net, ROI, the payback month and the variance against the plan in
// money and percent, with the ahead/behind badge the dashboard shows too.
import { Badge, Stack, Text, Title } from "@mantine/core";
import type { PlanStatus } from "../../bindings/PlanStatus";
import type { UseCaseValue } from "../../bindings/UseCaseValue";
import { FieldGrid } from "../../components/FieldGrid";
import { localMonth } from "../../lib/compliance";
import { useMoney } from "../../lib/money";
import { PLAN_STATUS_LABEL } from "../../lib/recordKinds";
import { PLAN_STATUS_COLOR, TONE } from "../../lib/statusColors";
import { paybackText, roiText, signedMoney, varianceText } from "./valueData";

export function PlanStatusBadge({ status, testId }: { status: PlanStatus; testId?: string }) {
  return (
    <Badge miw="max-content" variant="light" color={PLAN_STATUS_COLOR[status]} data-testid={testId}>
      {PLAN_STATUS_LABEL[status]}
    </Badge>
  );
}

/** Red for a loss or shortfall, teal for a gain, plain at zero. */
export function signColor(amount: number): string | undefined {
  return amount < 0 ? TONE.bad : amount > 0 ? TONE.good : undefined;
}

export function ValueSummary({ value }: { value: UseCaseValue }) {
  const money = useMoney();
  const r = value.returns;
  const recorded = r.months.length > 0;
  return (
    <Stack gap="md">
      <div>
        <Title order={5} mb={4}>
          Business case
        </Title>
        <FieldGrid
          cols={4}
          testId="value-business-case"
          items={[
            ["Annual value", money.format(value.annual_value)],
            ["One-time cost", money.format(value.one_time_cost)],
            ["Monthly run cost", money.format(value.monthly_run_cost)],
            [
              "Benefits planned from",
              value.benefits_from ? localMonth(value.benefits_from) : "The pilot's start (not launched yet)",
            ],
          ]}
        />
      </div>
      <div>
        <Title order={5} mb={4}>
          Returns so far
        </Title>
        {recorded ? (
          <FieldGrid
            cols={4}
            testId="value-returns"
            items={[
              ["Cumulative benefit", money.format(r.cumulative_benefit)],
              ["Cumulative cost", money.format(r.cumulative_cost)],
              [
                "Net",
                <Text key="net" size="sm" fw={600} c={signColor(r.net)}>
                  {signedMoney(money, r.net)}
                </Text>,
              ],
              ["ROI", roiText(r.roi)],
              ["Payback", paybackText(r.payback_month, r.months_to_payback)],
              ["Benefit against plan", varianceText(money, r.benefit_variance)],
              ["Cost against plan", varianceText(money, r.cost_variance)],
              ["Status", <PlanStatusBadge key="status" status={r.status} testId="value-status" />],
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="value-none">
            No month recorded yet. Record a month by hand or import a metrics file: costs accrue from discovery,
            benefits usually from the pilot on.
          </Text>
        )}
      </div>
    </Stack>
  );
}
