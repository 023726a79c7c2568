//! The portfolio's months: every case's realised and planned amounts summed by calendar month
//! (each case's plan only over the months from its first recorded to its last), cumulative
//! across the portfolio — from every case's months, or from the stored totals the dashboard
//! reads (one row per case and one per month), which give the same series.

use super::returns::{calendar, planned, roi, BusinessCase, MonthReturn};
use super::Month;
use crate::money::Money;

/// One use case's months as the portfolio sums them.
#[derive(Debug, Clone, Copy)]
pub struct CaseMonths<'a> {
    /// (month, benefit, cost), any order.
    pub recorded: &'a [(Month, Money, Money)],
    pub case: BusinessCase,
    pub benefits_from: Option<Month>,
}

/// One case's plan as the portfolio sums it: its totals' span and business case.
#[derive(Debug, Clone, Copy)]
pub struct CasePlan {
    pub first: Month,
    pub last: Month,
    pub case: BusinessCase,
    pub benefits_from: Option<Month>,
}

/// As `portfolio`, from the portfolio's realised amounts per month (`realised`, any order) and
/// each case's plan: the same months, sums and plan, without reading any case's months.
pub fn portfolio_of(realised: &[(Month, Money, Money)], plans: &[CasePlan]) -> Vec<MonthReturn> {
    let span = plans.iter().flat_map(|p| [p.first, p.last]).chain(realised.iter().map(|r| r.0));
    let (Some(first), Some(last)) = (span.clone().min(), span.max()) else { return Vec::new() };
    let len = usize::try_from(last.since(first) + 1).unwrap_or(0);
    let mut sums = vec![[Money::ZERO; 4]; len];
    let mut touched = vec![false; len];
    for &(month, benefit, cost) in realised {
        let slot = &mut sums[usize::try_from(month.since(first)).unwrap_or(0)];
        slot[0] += benefit;
        slot[1] += cost;
    }
    for p in plans {
        let (mut previous_benefit, mut previous_cost) = (Money::ZERO, Money::ZERO);
        let mut month = p.first;
        while month <= p.last {
            let i = usize::try_from(month.since(first)).unwrap_or(0);
            let (pb, pc) = planned(&p.case, p.first, p.benefits_from, month);
            sums[i][2] += pb - previous_benefit;
            sums[i][3] += pc - previous_cost;
            touched[i] = true;
            (previous_benefit, previous_cost) = (pb, pc);
            month = month.next();
        }
    }
    cumulate(first, sums, &touched)
}

fn cumulate(first: Month, sums: Vec<[Money; 4]>, touched: &[bool]) -> Vec<MonthReturn> {
    let mut totals = [Money::ZERO; 4];
    let mut out = Vec::with_capacity(sums.len());
    for (i, [b, c, pb, pc]) in sums.into_iter().enumerate() {
        totals = [totals[0] + b, totals[1] + c, totals[2] + pb, totals[3] + pc];
        out.push(MonthReturn {
            month: first.plus(i as i32).to_string(),
            recorded: touched[i],
            benefit: b,
            cost: c,
            cumulative_benefit: totals[0],
            cumulative_cost: totals[1],
            roi: roi(totals[0], totals[1]),
            planned_benefit: totals[2],
            planned_cost: totals[3],
        });
    }
    out
}

/// The portfolio's months: every case's realised and planned amounts summed by calendar month
/// (each case's plan only over the months it has recorded), cumulative across the portfolio.
pub fn portfolio(cases: &[CaseMonths<'_>]) -> Vec<MonthReturn> {
    let span = cases.iter().flat_map(|c| c.recorded.iter().map(|r| r.0));
    let (Some(first), Some(last)) = (span.clone().min(), span.max()) else { return Vec::new() };
    // Sums per month offset from the portfolio's first month: benefit, cost, and the increments
    // of planned benefit and cost.
    let len = usize::try_from(last.since(first) + 1).unwrap_or(0);
    let mut sums = vec![[Money::ZERO; 4]; len];
    let mut touched = vec![false; len];
    for c in cases {
        let calendar = calendar(c.recorded);
        let Some(&(case_first, ..)) = calendar.first() else { continue };
        let (mut previous_benefit, mut previous_cost) = (Money::ZERO, Money::ZERO);
        for &(month, benefit, cost, _) in &calendar {
            let i = usize::try_from(month.since(first)).unwrap_or(0);
            let (pb, pc) = planned(&c.case, case_first, c.benefits_from, month);
            let slot = &mut sums[i];
            slot[0] += benefit;
            slot[1] += cost;
            slot[2] += pb - previous_benefit;
            slot[3] += pc - previous_cost;
            touched[i] = true;
            (previous_benefit, previous_cost) = (pb, pc);
        }
    }
    cumulate(first, sums, &touched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::returns::{outcome, summary, Totals};

    fn m(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    /// Cases with gaps, different spans, a case that never pays back and one planned from before
    /// its first month: the stored totals' series and returns equal the months'.
    #[test]
    fn totals_give_the_same_series_and_returns_as_the_months() {
        let months = |first: &str, amounts: &[(i64, i64)], skip: usize| -> Vec<(Month, Money, Money)> {
            amounts
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(i, &(b, c))| (m(first).plus(i as i32), Money::units(b), Money::units(c)))
                .collect()
        };
        let a = months("2025-11", &[(0, 50_000), (0, 0), (30_000, 5_000), (40_000, 5_000), (45_000, 5_000)], 1);
        let b = months("2026-02", &[(1, 90_000), (2, 1_000), (3, 1_000)], 9);
        let c = months("2026-06", &[(70_000, 0)], 9);
        let plan = |annual, once, run| BusinessCase {
            annual_value: Money::units(annual),
            one_time_cost: Money::units(once),
            monthly_run_cost: Money::units(run),
        };
        let cases = [
            CaseMonths { recorded: &a, case: plan(480_000, 40_000, 5_000), benefits_from: Some(m("2026-01")) },
            CaseMonths { recorded: &b, case: plan(120_000, 80_000, 1_000), benefits_from: None },
            CaseMonths { recorded: &c, case: plan(0, 0, 0), benefits_from: Some(m("2026-01")) },
        ];
        let mut realised: Vec<(Month, Money, Money)> = Vec::new();
        let mut plans = Vec::new();
        for case in &cases {
            let mut sorted = case.recorded.to_vec();
            sorted.sort_by_key(|r| r.0);
            let (first, last) = (sorted[0].0, sorted[sorted.len() - 1].0);
            let (mut benefit, mut cost, mut payback) = (Money::ZERO, Money::ZERO, None);
            for &(month, b, c) in &sorted {
                (benefit, cost) = (benefit + b, cost + c);
                if payback.is_none() && cost > Money::ZERO && benefit >= cost {
                    payback = Some((month, month.since(first) + 1));
                }
                match realised.iter_mut().find(|r| r.0 == month) {
                    Some(r) => *r = (month, r.1 + b, r.2 + c),
                    None => realised.push((month, b, c)),
                }
            }
            let totals = Totals { first, last, benefit, cost, payback };
            assert_eq!(
                outcome(&totals, &case.case, case.benefits_from),
                summary(case.recorded, &case.case, case.benefits_from)
            );
            plans.push(CasePlan { first, last, case: case.case, benefits_from: case.benefits_from });
        }
        assert_eq!(portfolio_of(&realised, &plans), portfolio(&cases));
        assert!(portfolio_of(&[], &[]).is_empty());
    }
}
