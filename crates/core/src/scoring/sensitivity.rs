//! How robust a ranking is to the weights: for each criterion, its weight moves 10 points down
//! and up (clamped to 0–100) while the others are rescaled to keep the sum at 100; a use case's
//! `rank_range` is its best and worst rank over the current weights and all those variants.

use super::rank::{ranks_for_scores, title_keys, RankKey};
use super::{score_with, weight_vector, Criterion};

/// The swing applied to one weight at a time, in percentage points.
pub const SWING: f64 = 10.0;

/// `[best, worst]` rank of each key.
pub fn rank_ranges(keys: &[RankKey], criteria: &[Criterion]) -> Vec<[u32; 2]> {
    let titles = title_keys(keys);
    let base = weight_vector(criteria);
    let mut ranges: Vec<[u32; 2]> = Vec::new();
    let mut scores = vec![0.0; keys.len()];
    for weights in std::iter::once(base.clone()).chain(variants(&base)) {
        for (score, key) in scores.iter_mut().zip(keys) {
            *score = score_with(&key.ratings, &weights);
        }
        let ranks = ranks_for_scores(keys, &scores, &titles);
        if ranges.is_empty() {
            ranges = ranks.iter().map(|&r| [r, r]).collect();
        } else {
            for (range, rank) in ranges.iter_mut().zip(ranks) {
                range[0] = range[0].min(rank);
                range[1] = range[1].max(rank);
            }
        }
    }
    ranges
}

type Weights = Vec<(crate::domain::CriterionKey, f64, crate::domain::Direction)>;

/// Each one-weight ±SWING variant of `base` that differs from it.
pub(crate) fn variants(base: &Weights) -> Vec<Weights> {
    let mut out = Vec::new();
    for moved in 0..base.len() {
        for delta in [-SWING, SWING] {
            let old = base[moved].1;
            let new = (old + delta).clamp(0.0, 100.0);
            if new == old {
                continue;
            }
            let rest_before = 100.0 - old;
            let rest_after = 100.0 - new;
            let others = (base.len() - 1) as f64;
            let mut weights = base.clone();
            for (i, w) in weights.iter_mut().enumerate() {
                w.1 = if i == moved {
                    new
                } else if rest_before > 0.0 {
                    w.1 * rest_after / rest_before
                } else {
                    // The moved weight held everything: share what it gives up equally.
                    rest_after / others
                };
            }
            out.push(weights);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CriterionKey;
    use crate::domain::Ratings;
    use crate::scoring::{default_criteria, with_weights};

    fn key(title: &str, value: f64, criticality: f64, guardrail: f64) -> RankKey {
        RankKey { ratings: Ratings { value, criticality, guardrail }, payback_months: Some(3.0), title: title.into() }
    }

    #[test]
    fn variants_keep_the_sum_at_100_and_rescale_the_others_proportionally() {
        let base = weight_vector(&default_criteria());
        let all = variants(&base);
        assert_eq!(all.len(), 6);
        for weights in &all {
            let sum: f64 = weights.iter().map(|w| w.1).sum();
            assert!((sum - 100.0).abs() < 1e-9, "sum {sum}");
        }
        // value 40 → 50: criticality and guardrail share 50 in their 30:30 proportion.
        let up = &all[1];
        assert_eq!((up[0].1, up[1].1, up[2].1), (50.0, 25.0, 25.0));
    }

    #[test]
    fn a_weight_at_a_bound_only_moves_inward() {
        let c = with_weights(
            &default_criteria(),
            &[(CriterionKey::Value, 100), (CriterionKey::Criticality, 0), (CriterionKey::Guardrail, 0)],
        )
        .unwrap();
        let all = variants(&weight_vector(&c));
        // value can only go down (to 90, sharing 10 equally); the zeros can only go up.
        assert_eq!(all.len(), 3);
        assert_eq!((all[0][0].1, all[0][1].1, all[0][2].1), (90.0, 5.0, 5.0));
    }

    #[test]
    fn hand_worked_rank_ranges() {
        // A: strong value, heavy guardrail. B: balanced. C: weak everywhere.
        let keys = [key("A", 5.0, 2.0, 5.0), key("B", 3.0, 4.0, 2.0), key("C", 1.0, 1.0, 5.0)];
        // Base (40/30/30): A = 40 + 7.5 + 0 = 47.5; B = 20 + 22.5 + 22.5 = 65; C = 0.
        // value 50 / 25 / 25: A = 56.25, B = 62.5 → B still first. Guardrail 20 (value 45.7,
        // criticality 34.3): A = 45.7 + 8.6 = 54.3, B = 22.9 + 25.7 + 15 = 63.6 → B first.
        // No variant lifts A above B, so both ranges are fixed, and C is last throughout.
        let ranges = rank_ranges(&keys, &default_criteria());
        assert_eq!(ranges, [[2, 2], [1, 1], [3, 3]]);
    }

    #[test]
    fn a_close_call_swaps_under_a_variant() {
        // Base: A = 40·1 + 30·0 + 30·0.5 = 55; B = 40·0.5 + 30·1 + 30·0.25 = 57.5 → B first.
        // value 50 (others 25/25): A = 50 + 0 + 12.5 = 62.5; B = 25 + 25 + 6.25 = 56.25 → A first.
        let keys = [key("A", 5.0, 1.0, 3.0), key("B", 3.0, 5.0, 4.0)];
        assert_eq!(rank_ranges(&keys, &default_criteria()), [[1, 2], [1, 2]]);
    }
}
