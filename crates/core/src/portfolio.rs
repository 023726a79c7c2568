//! The ranked portfolio: every use case with its score, its rank and how far that rank can move
//! when any one weight shifts (`rank_range`). Pure: use cases and criteria in, ranking out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::charts::MatrixPoint;
use crate::domain::UseCase;
use crate::scoring::{rank, rank_ranges, Criterion, RankKey};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RankedUseCase {
    #[serde(flatten)]
    #[ts(flatten)]
    pub use_case: UseCase,
    /// 0–100; shown with one decimal.
    pub score: f64,
    /// 1 for the best; unique.
    pub rank: u32,
    /// Best and worst rank when any one weight moves ±10 points.
    pub rank_range: [u32; 2],
}

/// Ranks `cases` under `criteria`, best first.
pub fn ranked(cases: Vec<UseCase>, criteria: &[Criterion]) -> Vec<RankedUseCase> {
    let keys: Vec<RankKey> = cases
        .iter()
        .map(|c| RankKey { ratings: c.ratings, payback_months: c.payback_months, title: c.title.clone() })
        .collect();
    let (scores, ranks) = rank(&keys, criteria);
    let ranges = rank_ranges(&keys, criteria);
    let mut out: Vec<RankedUseCase> = cases
        .into_iter()
        .enumerate()
        .map(|(i, use_case)| RankedUseCase { use_case, score: scores[i], rank: ranks[i], rank_range: ranges[i] })
        .collect();
    out.sort_by_key(|r| r.rank);
    out
}

pub fn matrix_points(cases: &[RankedUseCase]) -> Vec<MatrixPoint> {
    cases
        .iter()
        .map(|r| MatrixPoint {
            id: r.use_case.id.clone(),
            title: r.use_case.title.clone(),
            value_rating: r.use_case.ratings.value,
            guardrail_rating: r.use_case.ratings.guardrail,
            annual_value: r.use_case.annual_value.as_f64(),
            lane: r.use_case.lane,
        })
        .collect()
}
