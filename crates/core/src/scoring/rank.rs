//! Ranking: by score descending; ties go to the shorter payback (no payback last), then to the
//! title. Ranks are unique, 1 for the best.

use std::cmp::Ordering;

use crate::domain::Ratings;

/// What ranking needs of a use case.
#[derive(Debug, Clone)]
pub struct RankKey {
    pub ratings: Ratings,
    pub payback_months: Option<f64>,
    pub title: String,
}

/// Ranks (1-based, unique) of `keys` under the given scores, by the tie-break rules above.
pub(crate) fn ranks_for_scores(keys: &[RankKey], scores: &[f64], titles: &[String]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then_with(|| by_payback(keys[a].payback_months, keys[b].payback_months))
            .then_with(|| titles[a].cmp(&titles[b]))
            .then_with(|| keys[a].title.cmp(&keys[b].title))
            .then_with(|| a.cmp(&b))
    });
    let mut ranks = vec![0; keys.len()];
    for (position, index) in order.into_iter().enumerate() {
        ranks[index] = position as u32 + 1;
    }
    ranks
}

fn by_payback(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Titles compared without regard to case, computed once per ranking.
pub(crate) fn title_keys(keys: &[RankKey]) -> Vec<String> {
    keys.iter().map(|k| k.title.to_lowercase()).collect()
}

/// Scores and ranks of `keys` under `criteria`.
pub fn rank(keys: &[RankKey], criteria: &[super::Criterion]) -> (Vec<f64>, Vec<u32>) {
    let weights = super::weight_vector(criteria);
    let scores: Vec<f64> = keys.iter().map(|k| super::score_with(&k.ratings, &weights)).collect();
    let ranks = ranks_for_scores(keys, &scores, &title_keys(keys));
    (scores, ranks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::default_criteria;

    fn key(title: &str, value: f64, payback: Option<f64>) -> RankKey {
        RankKey {
            ratings: Ratings { value, criticality: 3.0, guardrail: 3.0 },
            payback_months: payback,
            title: title.into(),
        }
    }

    #[test]
    fn higher_score_ranks_first() {
        let keys = [key("Low", 2.0, Some(1.0)), key("High", 5.0, Some(9.0))];
        let (scores, ranks) = rank(&keys, &default_criteria());
        assert_eq!(scores, [40.0, 70.0]);
        assert_eq!(ranks, [2, 1]);
    }

    #[test]
    fn ties_go_to_the_shorter_payback_then_no_payback_last_then_title() {
        let keys = [
            key("Bravo", 4.0, None),
            key("Alpha", 4.0, None),
            key("Charlie", 4.0, Some(5.5)),
            key("Delta", 4.0, Some(2.0)),
            key("alpha two", 4.0, None),
        ];
        let (_, ranks) = rank(&keys, &default_criteria());
        // Delta (2.0 months), Charlie (5.5), then the no-paybacks by title: Alpha, alpha two, Bravo.
        assert_eq!(ranks, [5, 3, 2, 1, 4]);
    }
}
