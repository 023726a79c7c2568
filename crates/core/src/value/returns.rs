//! What a use case's months add up to: cumulative benefit and cost, ROI = (cumulative benefit −
//! cumulative cost) / cumulative cost, the month it paid back, and the variance against its
//! business case. Sums are exact (minor units); only ROI and percentages are ratios.
//!
//! The business case, month by month from the first recorded month: the one-time cost falls in
//! that month and the run cost in every month; the annual value accrues a twelfth a month from
//! the month benefits were planned to start (the pilot's start; none before a case launches).
//! A month missing between two recorded ones counts as a month with nothing realised.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Month;
use crate::money::Money;

/// The dossier's business case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BusinessCase {
    pub annual_value: Money,
    pub one_time_cost: Money,
    pub monthly_run_cost: Money,
}

/// One month of a series, realised and planned, cumulative from the series' first month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonthReturn {
    /// YYYY-MM
    pub month: String,
    /// False for a month between two recorded ones, counted as nothing realised.
    pub recorded: bool,
    pub benefit: Money,
    pub cost: Money,
    pub cumulative_benefit: Money,
    pub cumulative_cost: Money,
    /// (cumulative benefit − cumulative cost) / cumulative cost; none while nothing was spent.
    pub roi: Option<f64>,
    /// The business case's cumulative benefit and cost by this month.
    pub planned_benefit: Money,
    pub planned_cost: Money,
}

/// Realised against planned, in money and percent of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Variance {
    pub planned: Money,
    pub realised: Money,
    /// Realised − planned.
    pub difference: Money,
    /// Difference / planned × 100; none when nothing was planned.
    pub percent: Option<f64>,
}

impl Variance {
    fn of(realised: Money, planned: Money) -> Variance {
        let difference = realised - planned;
        let percent = (planned != Money::ZERO).then(|| difference.cents() as f64 / planned.cents() as f64 * 100.0);
        Variance { planned, realised, difference, percent }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Benefit realised at or above the business case so far.
    AheadOfPlan,
    BehindPlan,
    /// The business case plans no benefit (an annual value of 0).
    NoPlan,
    /// Not launched yet: no benefit is planned before the pilot starts.
    BeforeLaunch,
    /// No month recorded yet.
    NotStarted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Returns {
    pub months: Vec<MonthReturn>,
    pub cumulative_benefit: Money,
    pub cumulative_cost: Money,
    /// Cumulative benefit − cumulative cost.
    pub net: Money,
    pub roi: Option<f64>,
    /// The first month cumulative benefit reached cumulative cost (once something was spent).
    pub payback_month: Option<String>,
    /// Months from the first recorded month to the payback month, both counted.
    pub months_to_payback: Option<u32>,
    pub benefit_variance: Variance,
    pub cost_variance: Variance,
    pub status: PlanStatus,
}

pub(super) fn roi(benefit: Money, cost: Money) -> Option<f64> {
    (cost > Money::ZERO).then(|| (benefit - cost).cents() as f64 / cost.cents() as f64)
}

/// The business case's cumulative benefit and cost in `month`, for a series starting `first`.
pub(super) fn planned(case: &BusinessCase, first: Month, benefits_from: Option<Month>, month: Month) -> (Money, Money) {
    let elapsed = i64::from(month.since(first) + 1);
    let cost = case.one_time_cost + Money::from_cents(case.monthly_run_cost.cents().saturating_mul(elapsed));
    let earning = benefits_from.map_or(0, |from| i64::from(month.since(from) + 1).max(0));
    // The twelfth is taken of the running total, so rounding never accumulates.
    let benefit = Money::from_cents(case.annual_value.cents().saturating_mul(earning) / 12);
    (benefit, cost)
}

/// The months sorted (a month given twice counts once, the last given), gaps filled with nothing.
pub(super) fn calendar(recorded: &[(Month, Money, Money)]) -> Vec<(Month, Money, Money, bool)> {
    let mut sorted: Vec<(Month, Money, Money)> = recorded.to_vec();
    if !sorted.windows(2).all(|w| w[0].0 < w[1].0) {
        sorted.sort_by_key(|r| r.0);
        sorted.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                *earlier = *later;
            }
            same
        });
    }
    let mut out = Vec::with_capacity(sorted.len());
    let mut next = sorted.first().map(|r| r.0);
    for &(m, b, c) in &sorted {
        while let Some(gap) = next.filter(|g| *g < m) {
            out.push((gap, Money::ZERO, Money::ZERO, false));
            next = Some(gap.next());
        }
        out.push((m, b, c, true));
        next = Some(m.next());
    }
    out
}

/// The returns of one use case. `recorded` holds its months (month, benefit, cost) in any order;
/// `benefits_from` is when the case was planned to start earning (its pilot's start), `None`
/// before it launches.
pub fn returns(recorded: &[(Month, Money, Money)], case: &BusinessCase, benefits_from: Option<Month>) -> Returns {
    compute(recorded, case, benefits_from, true)
}

/// As `returns`, without the months (for summaries over thousands of cases).
pub fn summary(recorded: &[(Month, Money, Money)], case: &BusinessCase, benefits_from: Option<Month>) -> Returns {
    compute(recorded, case, benefits_from, false)
}

fn compute(
    recorded: &[(Month, Money, Money)],
    case: &BusinessCase,
    benefits_from: Option<Month>,
    detail: bool,
) -> Returns {
    let calendar = calendar(recorded);
    let (Some(&(first, ..)), Some(&(last, ..))) = (calendar.first(), calendar.last()) else {
        let nothing = Variance::of(Money::ZERO, Money::ZERO);
        return Returns {
            months: Vec::new(),
            cumulative_benefit: Money::ZERO,
            cumulative_cost: Money::ZERO,
            net: Money::ZERO,
            roi: None,
            payback_month: None,
            months_to_payback: None,
            benefit_variance: nothing,
            cost_variance: nothing,
            status: PlanStatus::NotStarted,
        };
    };
    let mut months = Vec::with_capacity(if detail { calendar.len() } else { 0 });
    let (mut total_benefit, mut total_cost) = (Money::ZERO, Money::ZERO);
    let mut payback = None;
    for &(month, benefit, cost, was_recorded) in &calendar {
        total_benefit += benefit;
        total_cost += cost;
        if payback.is_none() && total_cost > Money::ZERO && total_benefit >= total_cost {
            payback = Some((month, month.since(first) + 1));
        }
        if detail {
            let (planned_benefit, planned_cost) = planned(case, first, benefits_from, month);
            months.push(MonthReturn {
                month: month.to_string(),
                recorded: was_recorded,
                benefit,
                cost,
                cumulative_benefit: total_benefit,
                cumulative_cost: total_cost,
                roi: roi(total_benefit, total_cost),
                planned_benefit,
                planned_cost,
            });
        }
    }
    let mut out =
        outcome(&Totals { first, last, benefit: total_benefit, cost: total_cost, payback }, case, benefits_from);
    out.months = months;
    out
}

/// What a case's months add up to, without the months: enough for its returns (`outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub first: Month,
    pub last: Month,
    pub benefit: Money,
    pub cost: Money,
    /// The payback month and the months to it (both ends counted).
    pub payback: Option<(Month, i32)>,
}

/// The returns (without months) that follow from a case's totals and its business case.
pub fn outcome(t: &Totals, case: &BusinessCase, benefits_from: Option<Month>) -> Returns {
    let (planned_benefit, planned_cost) = planned(case, t.first, benefits_from, t.last);
    let benefit_variance = Variance::of(t.benefit, planned_benefit);
    let status = if benefits_from.is_none_or(|from| from > t.last) {
        PlanStatus::BeforeLaunch
    } else if planned_benefit == Money::ZERO {
        PlanStatus::NoPlan
    } else if benefit_variance.difference >= Money::ZERO {
        PlanStatus::AheadOfPlan
    } else {
        PlanStatus::BehindPlan
    };
    Returns {
        months: Vec::new(),
        cumulative_benefit: t.benefit,
        cumulative_cost: t.cost,
        net: t.benefit - t.cost,
        roi: roi(t.benefit, t.cost),
        payback_month: t.payback.map(|(m, _)| m.to_string()),
        months_to_payback: t.payback.and_then(|(_, n)| u32::try_from(n).ok()),
        benefit_variance,
        cost_variance: Variance::of(t.cost, planned_cost),
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::portfolio::{portfolio, CaseMonths};

    fn m(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn case(annual: i64, one_time: i64, run: i64) -> BusinessCase {
        BusinessCase {
            annual_value: Money::units(annual),
            one_time_cost: Money::units(one_time),
            monthly_run_cost: Money::units(run),
        }
    }

    /// Worked by hand: one-time 30,000 and 1,000 a month; benefits of 10,000 a month planned
    /// (120,000 a year) from the second month.
    ///
    /// | month   | benefit | cost   | cum. benefit | cum. cost | ROI     | plan benefit | plan cost |
    /// |---------|---------|--------|--------------|-----------|---------|--------------|-----------|
    /// | 2026-01 |       0 | 31,000 |            0 |    31,000 | −100 %  |            0 |    31,000 |
    /// | 2026-02 |   8,000 |  1,000 |        8,000 |    32,000 | −75 %   |       10,000 |    32,000 |
    /// | 2026-03 |  14,000 |      0 |       22,000 |    32,000 | −31.25 %|       20,000 |    33,000 |
    /// | 2026-04 |  12,000 |  1,000 |       34,000 |    33,000 | +3.03 % |       30,000 |    34,000 |
    #[test]
    fn roi_payback_and_variance_on_a_hand_worked_series_with_a_month_of_zero_cost() {
        let months = [
            (m("2026-03"), Money::units(14_000), Money::ZERO),
            (m("2026-01"), Money::ZERO, Money::units(31_000)),
            (m("2026-02"), Money::units(8_000), Money::units(1_000)),
            (m("2026-04"), Money::units(12_000), Money::units(1_000)),
        ];
        let r = returns(&months, &case(120_000, 30_000, 1_000), Some(m("2026-02")));
        let rois: Vec<f64> = r.months.iter().map(|x| x.roi.unwrap()).collect();
        assert_eq!(rois[0], -1.0);
        assert_eq!(rois[1], -0.75);
        assert_eq!(rois[2], -0.3125);
        assert!((rois[3] - 1.0 / 33.0).abs() < 1e-12);
        assert_eq!(
            (r.cumulative_benefit, r.cumulative_cost, r.net),
            (Money::units(34_000), Money::units(33_000), Money::units(1_000))
        );
        assert_eq!((r.payback_month.as_deref(), r.months_to_payback), (Some("2026-04"), Some(4)));
        let planned: Vec<(Money, Money)> = r.months.iter().map(|x| (x.planned_benefit, x.planned_cost)).collect();
        assert_eq!(planned[2], (Money::units(20_000), Money::units(33_000)));
        assert_eq!(r.benefit_variance.difference, Money::units(4_000));
        assert!((r.benefit_variance.percent.unwrap() - 4_000.0 / 30_000.0 * 100.0).abs() < 1e-9);
        assert_eq!(r.cost_variance.difference, Money::units(-1_000));
        assert_eq!(r.status, PlanStatus::AheadOfPlan);
    }

    #[test]
    fn a_case_that_never_pays_back_has_no_payback_month_and_is_behind_plan() {
        let months: Vec<_> =
            ["2026-01", "2026-02", "2026-03"].iter().map(|t| (m(t), Money::units(500), Money::units(2_000))).collect();
        let r = returns(&months, &case(60_000, 0, 2_000), Some(m("2026-01")));
        assert_eq!((r.payback_month, r.months_to_payback), (None, None));
        assert_eq!(r.roi, Some(-0.75));
        // Planned 5,000 a month from the first month: 15,000; realised 1,500.
        assert_eq!(r.benefit_variance.difference, Money::units(-13_500));
        assert_eq!(r.benefit_variance.percent, Some(-90.0));
        assert_eq!(r.status, PlanStatus::BehindPlan);
    }

    #[test]
    fn nothing_spent_means_no_roi_and_no_payback_and_gaps_count_as_empty_months() {
        let months = [(m("2026-01"), Money::units(100), Money::ZERO), (m("2026-03"), Money::units(100), Money::ZERO)];
        let r = returns(&months, &case(0, 0, 0), Some(m("2026-01")));
        assert_eq!(r.months.len(), 3);
        assert!(!r.months[1].recorded && r.months[1].cumulative_benefit == Money::units(100));
        assert_eq!((r.roi, r.payback_month.clone(), r.status), (None, None, PlanStatus::NoPlan));
        assert_eq!(r.benefit_variance.percent, None);
        let none = returns(&[], &case(1, 1, 1), None);
        assert_eq!((none.status, none.months.len()), (PlanStatus::NotStarted, 0));
        // Costs before launch: nothing planned to be earned yet, so not "behind plan".
        let building = returns(&[(m("2026-01"), Money::ZERO, Money::units(50))], &case(1_200, 0, 0), None);
        assert_eq!((building.status, building.benefit_variance.planned), (PlanStatus::BeforeLaunch, Money::ZERO));
    }

    #[test]
    fn a_summary_agrees_with_the_full_returns() {
        let months =
            [(m("2026-03"), Money::units(14_000), Money::ZERO), (m("2026-01"), Money::ZERO, Money::units(31_000))];
        let full = returns(&months, &case(120_000, 30_000, 1_000), Some(m("2026-02")));
        let short = summary(&months, &case(120_000, 30_000, 1_000), Some(m("2026-02")));
        assert_eq!(Returns { months: Vec::new(), ..full.clone() }, short);
        assert_eq!(full.months.len(), 3, "the gap month is counted");
    }

    #[test]
    fn the_annual_value_accrues_a_twelfth_a_month_without_rounding_drift() {
        // 100,000.01 a year: the twelfths do not divide evenly.
        let c = BusinessCase { annual_value: Money::from_cents(10_000_001), ..case(0, 0, 0) };
        let months: Vec<_> = (0..12).map(|i| (m("2026-01").plus(i), Money::ZERO, Money::ZERO)).collect();
        let r = returns(&months, &c, Some(m("2026-01")));
        assert_eq!(r.months[11].planned_benefit, Money::from_cents(10_000_001));
    }

    #[test]
    fn the_portfolio_sums_cases_by_calendar_month() {
        let a = [(m("2026-01"), Money::units(10), Money::units(20))];
        let b = [(m("2026-02"), Money::units(30), Money::units(5)), (m("2026-01"), Money::units(5), Money::units(5))];
        let p = portfolio(&[
            CaseMonths { recorded: &a, case: case(120, 0, 0), benefits_from: Some(m("2026-01")) },
            CaseMonths { recorded: &b, case: case(0, 10, 0), benefits_from: None },
        ]);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].cumulative_benefit, p[0].cumulative_cost), (Money::units(15), Money::units(25)));
        assert_eq!((p[1].cumulative_benefit, p[1].cumulative_cost), (Money::units(45), Money::units(30)));
        assert_eq!(p[1].roi, Some(0.5));
        // Plans: a's 10 in January only (its last month); b's one-time 10 in January.
        assert_eq!((p[1].planned_benefit, p[1].planned_cost), (Money::units(10), Money::units(10)));
    }
}
