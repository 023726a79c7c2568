//! The scoring matrix: criteria with weights and directions, the score of a dossier, the
//! ranking of a portfolio and how robust each rank is to the weights (`sensitivity`).
//!
//! score = Σ weight × n(r), with n(r) = (r − 1) / 4 for a benefit criterion and (5 − r) / 4 for
//! a cost criterion; weights are percentages summing to 100, so a score runs from 0 to 100.

mod rank;
mod sensitivity;

pub use rank::{rank, RankKey};
pub use sensitivity::rank_ranges;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{CriterionKey, Direction, Ratings};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Criterion {
    pub key: CriterionKey,
    pub name: String,
    /// Percent of the score, 0–100; all criteria together sum to 100.
    pub weight: u32,
    pub direction: Direction,
}

/// The default matrix: annualised value 40 (benefit), process criticality 30 (benefit),
/// guardrail complexity 30 (cost: a more complex guardrail lowers the score).
pub fn default_criteria() -> Vec<Criterion> {
    vec![
        Criterion {
            key: CriterionKey::Value,
            name: "Annualised value".into(),
            weight: 40,
            direction: Direction::Benefit,
        },
        Criterion {
            key: CriterionKey::Criticality,
            name: "Process criticality".into(),
            weight: 30,
            direction: Direction::Benefit,
        },
        Criterion {
            key: CriterionKey::Guardrail,
            name: "Guardrail complexity".into(),
            weight: 30,
            direction: Direction::Cost,
        },
    ]
}

/// A weight per criterion, as `steerco weights set` and the sliders supply it.
pub type WeightSet = Vec<(CriterionKey, u32)>;

/// Applies `weights` to `criteria`, refusing a set that does not name every criterion exactly
/// once or does not sum to 100.
pub fn with_weights(criteria: &[Criterion], weights: &[(CriterionKey, u32)]) -> CoreResult<Vec<Criterion>> {
    for (key, weight) in weights {
        if *weight > 100 {
            return Err(CoreError::invalid(format!("weights.{key}"), format!("must be 0–100, not {weight}")));
        }
        if weights.iter().filter(|(k, _)| k == key).count() > 1 {
            return Err(CoreError::invalid(format!("weights.{key}"), "is given more than once"));
        }
    }
    let mut updated = criteria.to_vec();
    for criterion in &mut updated {
        match weights.iter().find(|(k, _)| *k == criterion.key) {
            Some((_, weight)) => criterion.weight = *weight,
            None => {
                return Err(CoreError::invalid(
                    format!("weights.{}", criterion.key),
                    "is missing; give a weight for every criterion",
                ))
            }
        }
    }
    let total: u32 = updated.iter().map(|c| c.weight).sum();
    if total != 100 {
        let parts: Vec<String> = updated.iter().map(|c| format!("{}={}", c.key, c.weight)).collect();
        return Err(CoreError::invalid(
            "weights",
            format!("must sum to 100, but {} sum to {total}", parts.join(" + ")),
        ));
    }
    Ok(updated)
}

/// n(r): how far a 1–5 rating sits toward the good end, from 0 to 1.
pub fn normalised(rating: f64, direction: Direction) -> f64 {
    match direction {
        Direction::Benefit => (rating - 1.0) / 4.0,
        Direction::Cost => (5.0 - rating) / 4.0,
    }
}

/// Weights as fractions, in the order of `criteria`, for the hot loops of ranking.
pub(crate) fn weight_vector(criteria: &[Criterion]) -> Vec<(CriterionKey, f64, Direction)> {
    criteria.iter().map(|c| (c.key, f64::from(c.weight), c.direction)).collect()
}

pub(crate) fn score_with(ratings: &Ratings, weights: &[(CriterionKey, f64, Direction)]) -> f64 {
    weights.iter().map(|(key, weight, direction)| weight * normalised(ratings.get(*key), *direction)).sum()
}

/// The dossier's score, 0–100.
pub fn score(ratings: &Ratings, criteria: &[Criterion]) -> f64 {
    score_with(ratings, &weight_vector(criteria))
}

/// Rounds to one decimal, as scores and paybacks are shown and exported.
pub fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratings(value: f64, criticality: f64, guardrail: f64) -> Ratings {
        Ratings { value, criticality, guardrail }
    }

    #[test]
    fn hand_worked_scores_with_the_default_weights() {
        let c = default_criteria();
        // Best on every criterion: 40·1 + 30·1 + 30·1.
        assert_eq!(score(&ratings(5.0, 5.0, 1.0), &c), 100.0);
        assert_eq!(score(&ratings(1.0, 1.0, 5.0), &c), 0.0);
        // value 4 → 0.75·40 = 30; criticality 3 → 0.5·30 = 15; guardrail 2 (cost) → 0.75·30 = 22.5.
        assert_eq!(score(&ratings(4.0, 3.0, 2.0), &c), 67.5);
        // A workshop median between two whole numbers: value 2.5 → 0.375·40 = 15.
        assert_eq!(score(&ratings(2.5, 1.0, 5.0), &c), 15.0);
    }

    #[test]
    fn a_more_complex_guardrail_lowers_the_score() {
        let c = default_criteria();
        assert!(score(&ratings(3.0, 3.0, 4.0), &c) < score(&ratings(3.0, 3.0, 2.0), &c));
    }

    #[test]
    fn weights_must_name_every_criterion_and_sum_to_100() {
        let c = default_criteria();
        let ok = with_weights(
            &c,
            &[(CriterionKey::Value, 50), (CriterionKey::Criticality, 25), (CriterionKey::Guardrail, 25)],
        )
        .unwrap();
        assert_eq!(ok.iter().map(|c| c.weight).collect::<Vec<_>>(), [50, 25, 25]);
        let err = with_weights(
            &c,
            &[(CriterionKey::Value, 50), (CriterionKey::Criticality, 30), (CriterionKey::Guardrail, 30)],
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "weights: must sum to 100, but value=50 + criticality=30 + guardrail=30 sum to 110");
        let err =
            with_weights(&c, &[(CriterionKey::Value, 70), (CriterionKey::Criticality, 30)]).unwrap_err().to_string();
        assert_eq!(err, "weights.guardrail: is missing; give a weight for every criterion");
    }

    #[test]
    fn one_decimal_rounds_half_away_from_zero() {
        assert_eq!(one_decimal(67.25), 67.3);
        assert_eq!(one_decimal(9.333_333), 9.3);
    }
}
