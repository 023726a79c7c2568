// Value and dashboard records as the backend returns them, for the Value, Dashboard and shell
// tests: whole objects with hand-worked figures (a case ahead of plan that paid back, one behind
// that has not), so a test only states what it is about.
import type { Dashboard } from "../../bindings/Dashboard";
import type { MonthReturn } from "../../bindings/MonthReturn";
import type { UseCaseReturns } from "../../bindings/UseCaseReturns";
import type { UseCaseValue } from "../../bindings/UseCaseValue";
import type { Variance } from "../../bindings/Variance";

export const ROI_SVG =
  '<svg width="760" height="360" viewBox="0 0 760 360" xmlns="http://www.w3.org/2000/svg">' +
  '<text x="10" y="20">UC-001 Claims triage — cumulative benefit and cost</text></svg>';
export const PORTFOLIO_SVG =
  '<svg width="760" height="320" viewBox="0 0 760 320" xmlns="http://www.w3.org/2000/svg">' +
  '<text x="10" y="20">Portfolio ROI by month (EUR)</text></svg>';
export const KPI_SVG =
  '<svg width="760" height="300" viewBox="0 0 760 300" xmlns="http://www.w3.org/2000/svg">' +
  '<text x="10" y="20">Handling time against target</text></svg>';

function variance(realised: number, planned: number): Variance {
  const difference = realised - planned;
  return { planned, realised, difference, percent: planned === 0 ? null : (difference / planned) * 100 };
}

/**
 * UC-001 over three months: 60,000 + 20,000 spent then 50,000 a month realised from the second
 * month (plan: 300,000 once, 20,000 a month, 1,200,000 a year from the first month).
 */
export const MONTHS: MonthReturn[] = [
  {
    month: "2026-09",
    recorded: true,
    benefit: 0,
    cost: 60_000,
    cumulative_benefit: 0,
    cumulative_cost: 60_000,
    roi: -1,
    planned_benefit: 100_000,
    planned_cost: 320_000,
  },
  {
    month: "2026-10",
    recorded: false,
    benefit: 0,
    cost: 0,
    cumulative_benefit: 0,
    cumulative_cost: 60_000,
    roi: -1,
    planned_benefit: 200_000,
    planned_cost: 340_000,
  },
  {
    month: "2026-11",
    recorded: true,
    benefit: 150_000,
    cost: 20_000,
    cumulative_benefit: 150_000,
    cumulative_cost: 80_000,
    roi: 0.875,
    planned_benefit: 300_000,
    planned_cost: 360_000,
  },
];

export function caseValue(fields: Partial<UseCaseValue> = {}): UseCaseValue {
  return {
    use_case_id: "UC-001",
    title: "Claims triage",
    annual_value: 1_200_000,
    one_time_cost: 300_000,
    monthly_run_cost: 20_000,
    benefits_from: "2026-09",
    months: [
      {
        use_case_id: "UC-001",
        month: "2026-09",
        benefit: 0,
        cost: 60_000,
        highlight: "",
        highlight_by: "",
        kpis: [],
        recorded_by: "Aisha Rahman",
        recorded_at: "2026-10-01T09:00:00Z",
      },
      {
        use_case_id: "UC-001",
        month: "2026-11",
        benefit: 150_000,
        cost: 20_000,
        highlight: "Claims routed in minutes, not days",
        highlight_by: "Aisha Rahman",
        kpis: [{ kpi: "Handling time", value: 12.5 }],
        recorded_by: "Aisha Rahman",
        recorded_at: "2026-12-01T09:00:00Z",
      },
    ],
    returns: {
      months: MONTHS,
      cumulative_benefit: 150_000,
      cumulative_cost: 80_000,
      net: 70_000,
      roi: 0.875,
      payback_month: "2026-11",
      months_to_payback: 3,
      benefit_variance: variance(150_000, 300_000),
      cost_variance: variance(80_000, 360_000),
      status: "behind_plan",
    },
    kpis: ["Handling time"],
    ...fields,
  };
}

export function caseReturns(fields: Partial<UseCaseReturns> = {}): UseCaseReturns {
  return {
    use_case_id: "UC-001",
    title: "Claims triage",
    stage: "pilot",
    lane: "portfolio",
    annual_value: 1_200_000,
    months_recorded: 2,
    first_month: "2026-09",
    last_month: "2026-11",
    cumulative_benefit: 150_000,
    cumulative_cost: 80_000,
    net: 70_000,
    roi: 0.875,
    payback_month: "2026-11",
    months_to_payback: 3,
    benefit_variance: variance(150_000, 300_000),
    cost_variance: variance(80_000, 360_000),
    status: "behind_plan",
    ...fields,
  };
}

export function dashboard(fields: Partial<Dashboard> = {}): Dashboard {
  return {
    currency: "EUR",
    as_of: "2026-12-10",
    has_value: true,
    portfolio: {
      cumulative_benefit: 450_000,
      cumulative_cost: 180_000,
      net: 270_000,
      roi: 1.5,
      payback_month: "2026-10",
      benefit_variance: variance(450_000, 400_000),
      cost_variance: variance(180_000, 400_000),
      months: MONTHS,
    },
    use_cases: [
      caseReturns({
        use_case_id: "UC-002",
        title: "Invoice matching",
        stage: "scaled",
        cumulative_benefit: 300_000,
        cumulative_cost: 100_000,
        net: 200_000,
        roi: 2,
        payback_month: "2026-10",
        months_to_payback: 2,
        benefit_variance: variance(300_000, 100_000),
        status: "ahead_of_plan",
      }),
      caseReturns(),
    ],
    highlights: [
      {
        use_case_id: "UC-001",
        title: "Claims triage",
        month: "2026-11",
        text: "Claims routed in minutes, not days",
        by: "Aisha Rahman",
      },
    ],
    pilots: [
      {
        pilot_id: "PIL-001",
        use_case_id: "UC-001",
        title: "Claims triage",
        stage: "pilot",
        state: "running",
        phase: "Regional rollout",
        position: 2,
        phases: 3,
        audience: "Claims handlers in the north region",
      },
    ],
    decisions: [{ kind: "payback_gate", record_id: "UC-004", title: "Fraud alerts", detail: "pays back in 14 months" }],
    open_meeting: { id: "MTG-002", held_on: "2026-12-12", decided: 1 },
    incidents: [
      {
        id: "INC-001",
        pilot_id: "PIL-001",
        use_case_id: "UC-001",
        title: "Claims triage",
        occurred_on: "2026-11-20",
        severity: "high",
        compliance: true,
        description: "A claim was routed with a customer's health data in the summary",
      },
    ],
    risks: [
      {
        kind: "stale_signoff",
        record_id: "UC-001",
        use_case_id: "UC-001",
        title: "Claims triage",
        detail: "Ana Ruiz's sign-off no longer matches the record",
      },
      {
        kind: "lineage_gap",
        record_id: "AV-3",
        use_case_id: "UC-001",
        title: "claims 1.2.0",
        detail: "no evaluation recorded",
      },
      {
        kind: "failed_bias_check",
        record_id: "BC-2",
        use_case_id: "UC-001",
        title: "Parity by region",
        detail: "demographic parity check failed its threshold of 0.8",
      },
      {
        kind: "drift_alert",
        record_id: "DA-002",
        use_case_id: "UC-001",
        title: "Claims triage",
        detail: "escalation rate was 0.26 on 2026-10-03 (threshold 0.2)",
      },
      {
        kind: "readiness_blocker",
        record_id: "UC-003",
        use_case_id: "UC-003",
        title: "KYC review",
        detail: "PIL-002 cannot start: a current sign-off",
      },
      {
        kind: "cadence_overdue",
        record_id: "enablement",
        use_case_id: null,
        title: "Workforce enablement",
        detail: "never held",
      },
    ],
    ...fields,
  };
}

/** The dashboard before any month of value is recorded. */
export function emptyDashboard(): Dashboard {
  return dashboard({
    has_value: false,
    portfolio: {
      cumulative_benefit: 0,
      cumulative_cost: 0,
      net: 0,
      roi: null,
      payback_month: null,
      benefit_variance: variance(0, 0),
      cost_variance: variance(0, 0),
      months: [],
    },
    use_cases: [],
    highlights: [],
  });
}
