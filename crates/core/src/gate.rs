//! The payback gate. payback_months = one_time_cost / (annual_value / 12 − monthly_run_cost);
//! with no positive monthly net there is no payback. A use case that cannot pay back within the
//! programme's horizon (two quarters by default) sits in the research lane unless a named person
//! overrode the gate with a written reason.

use crate::domain::Lane;
use crate::money::Money;

/// Months to recover the one-time cost from the monthly net; `None` when the net is ≤ 0.
/// Computed from exact cents: twelve months of net is `annual − 12 × monthly run cost`, so the
/// sign test has no rounding error and only the final division is a float.
pub fn payback_months(annual_value: Money, one_time_cost: Money, monthly_run_cost: Money) -> Option<f64> {
    let yearly_net = i128::from(annual_value.cents()) - 12 * i128::from(monthly_run_cost.cents());
    (yearly_net > 0).then(|| (12 * i128::from(one_time_cost.cents())) as f64 / yearly_net as f64)
}

/// Why the gate fails, or `None` when the case pays back within `horizon_months`.
pub fn failure(payback: Option<f64>, horizon_months: u32) -> Option<String> {
    match payback {
        None => Some("no payback: the monthly run cost is not below the monthly value".to_owned()),
        Some(months) if months > f64::from(horizon_months) => {
            Some(format!("pays back in {months:.1} months, beyond the {horizon_months}-month horizon"))
        }
        Some(_) => None,
    }
}

/// The lane a use case is in, and why the gate put it there when it did.
pub fn effective_lane(
    requested: Lane,
    payback: Option<f64>,
    horizon_months: u32,
    overridden: bool,
) -> (Lane, Option<String>) {
    match requested {
        Lane::Rejected => (Lane::Rejected, None),
        Lane::Research => (Lane::Research, failure(payback, horizon_months)),
        Lane::Portfolio if overridden => (Lane::Portfolio, None),
        Lane::Portfolio => match failure(payback, horizon_months) {
            Some(reason) => (Lane::Research, Some(reason)),
            None => (Lane::Portfolio, None),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_paybacks() {
        // 1.2M a year = 100k a month, less 20k run cost = 80k net; 400k / 80k = 5 months.
        let m = Money::units;
        assert_eq!(payback_months(m(1_200_000), m(400_000), m(20_000)), Some(5.0));
        // 240k a year = 20k a month, less 5k = 15k; 140k / 15k = 9.33 months.
        let p = payback_months(m(240_000), m(140_000), m(5_000)).unwrap();
        assert!((p - 9.333_333).abs() < 1e-5);
        // No one-time cost: it pays back at once.
        assert_eq!(payback_months(m(120_000), Money::ZERO, Money::ZERO), Some(0.0));
        // Net zero or negative: never.
        assert_eq!(payback_months(m(120_000), m(50_000), m(10_000)), None);
        assert_eq!(payback_months(Money::ZERO, m(50_000), Money::ZERO), None);
        // A monthly net of one cent is still a net.
        assert!(payback_months(Money::from_cents(1_200_012), m(1), m(1_000)).is_some());
        assert!(payback_months(Money::from_cents(1_200_000), m(1), m(1_000)).is_none());
    }

    #[test]
    fn the_gate_moves_late_or_no_payback_to_research_with_the_reason() {
        let (lane, reason) = effective_lane(Lane::Portfolio, Some(9.333), 6, false);
        assert_eq!(lane, Lane::Research);
        assert_eq!(reason.unwrap(), "pays back in 9.3 months, beyond the 6-month horizon");
        let (lane, reason) = effective_lane(Lane::Portfolio, None, 6, false);
        assert_eq!(lane, Lane::Research);
        assert!(reason.unwrap().starts_with("no payback"));
        // Exactly at the horizon passes.
        assert_eq!(effective_lane(Lane::Portfolio, Some(6.0), 6, false), (Lane::Portfolio, None));
    }

    #[test]
    fn an_override_keeps_the_case_in_the_portfolio_and_rejection_always_stands() {
        assert_eq!(effective_lane(Lane::Portfolio, None, 6, true), (Lane::Portfolio, None));
        assert_eq!(effective_lane(Lane::Rejected, Some(1.0), 6, false), (Lane::Rejected, None));
        assert_eq!(effective_lane(Lane::Research, Some(1.0), 6, false), (Lane::Research, None));
    }
}
