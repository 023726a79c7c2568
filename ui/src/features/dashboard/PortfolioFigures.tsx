// The portfolio's headline figures, as an executive asks for them: what the use cases realised and
// cost so far, the net and the ROI, the month the portfolio paid back, and how far realised benefit
// is from the business cases in money and percent. The backend sums them (exact money).
import { Paper, SimpleGrid, Text } from "@mantine/core";
import type { PortfolioReturns } from "../../bindings/PortfolioReturns";
import { localMonth } from "../../lib/compliance";
import { useMoney, wholeUnits } from "../../lib/money";
import { percentText, roiText, signedMoney } from "../value/valueData";
import { signColor } from "../value/ValueSummary";

function Figure({
  label,
  figure,
  detail,
  color,
  testId,
}: {
  label: string;
  figure: string;
  detail: string;
  color?: string;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.25} c={color} data-testid={`${testId}-figure`}>
        {figure}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Paper>
  );
}

export function PortfolioFigures({ portfolio, months }: { portfolio: PortfolioReturns; months: number }) {
  const money = useMoney();
  const p = portfolio;
  const first = p.months[0]?.month;
  const since = first ? `since ${localMonth(first)}` : "nothing recorded yet";
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} data-testid="dashboard-kpis">
      <Figure
        label="Cumulative benefit"
        figure={money.format(wholeUnits(p.cumulative_benefit))}
        detail={`realised ${since}`}
        testId="dashboard-kpi-benefit"
      />
      <Figure
        label="Cumulative cost"
        figure={money.format(wholeUnits(p.cumulative_cost))}
        detail={`incurred ${since}`}
        testId="dashboard-kpi-cost"
      />
      <Figure
        label="Net"
        figure={signedMoney(money, wholeUnits(p.net))}
        detail="benefit less cost"
        color={signColor(p.net)}
        testId="dashboard-kpi-net"
      />
      <Figure
        label="ROI"
        figure={roiText(p.roi)}
        detail={p.roi === null ? "nothing spent yet" : "net over cumulative cost"}
        color={p.roi === null ? undefined : signColor(p.roi)}
        testId="dashboard-kpi-roi"
      />
      <Figure
        label="Payback"
        figure={p.payback_month ? localMonth(p.payback_month) : "Not yet"}
        detail={
          p.payback_month
            ? "the month cumulative benefit reached cumulative cost"
            : `not paid back in ${months} month${months === 1 ? "" : "s"}`
        }
        testId="dashboard-kpi-payback"
      />
      <Figure
        label="Benefit against plan"
        figure={signedMoney(money, wholeUnits(p.benefit_variance.difference))}
        detail={`${percentText(p.benefit_variance.percent)} of the ${money.format(wholeUnits(p.benefit_variance.planned))} the business cases planned`}
        color={signColor(p.benefit_variance.difference)}
        testId="dashboard-kpi-variance"
      />
    </SimpleGrid>
  );
}
