//! The scoring matrix and the ranking: read and set the weights, rank the portfolio (with the
//! stored weights or proposed ones, so sliders can preview before saving) and draw the matrix.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::charts;
use crate::domain::CriterionKey;
use crate::error::{CoreError, CoreResult};
use crate::portfolio::{matrix_points, ranked, RankedUseCase};
use crate::scoring::{self, Criterion};
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::{criterion, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Weight {
    pub criterion: CriterionKey,
    pub weight: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RankRequest {
    /// Weights to rank with instead of the stored ones (a preview; nothing is saved).
    pub weights: Option<Vec<Weight>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ranking {
    pub criteria: Vec<Criterion>,
    /// Best first.
    pub use_cases: Vec<RankedUseCase>,
}

/// New weights for every criterion, and (from the sliders) the weights they started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeightsUpdate {
    pub weights: Vec<Weight>,
    /// The weights the sliders were loaded with; `None` sets the weights whatever they are now.
    pub loaded: Option<Vec<Weight>>,
}

fn pairs(weights: &[Weight]) -> Vec<(CriterionKey, u32)> {
    weights.iter().map(|w| (w.criterion, w.weight)).collect()
}

pub fn criteria(db: &Db) -> CoreResult<Vec<Criterion>> {
    db.read(|s| criterion::list(s))
}

/// Stores new weights; refused unless they name every criterion and sum to 100, and refused as
/// a conflict when someone else saved other weights since the sliders were loaded.
pub fn set_weights(db: &Db, caller: &Caller, req: &WeightsUpdate) -> CoreResult<Vec<Criterion>> {
    db.write(caller, Action::Update, |tx| {
        let stored = criterion::list(tx)?;
        let updated = scoring::with_weights(&stored, &pairs(&req.weights))?;
        if let Some(loaded) = &req.loaded {
            let now: Vec<(CriterionKey, u32)> = stored.iter().map(|c| (c.key, c.weight)).collect();
            let asked: Vec<(CriterionKey, u32)> = updated.iter().map(|c| (c.key, c.weight)).collect();
            let mut loaded = pairs(loaded);
            loaded.sort();
            let mut sorted_now = now.clone();
            sorted_now.sort();
            let mut sorted_asked = asked;
            sorted_asked.sort();
            if loaded != sorted_now && sorted_asked != sorted_now {
                return Err(CoreError::EditConflict {
                    record: "the scoring weights".into(),
                    fields: vec!["weights".into()],
                });
            }
        }
        for c in &updated {
            criterion::set_weight(tx, c.key, c.weight)?;
        }
        Ok(updated)
    })
}

pub fn rank(db: &Db, req: &RankRequest) -> CoreResult<Ranking> {
    let (stored, cases) = db.read(|s| Ok((criterion::list(s)?, read::list(s)?)))?;
    let criteria = match &req.weights {
        Some(weights) => scoring::with_weights(&stored, &pairs(weights))?,
        None => stored,
    };
    let use_cases = ranked(cases, &criteria);
    Ok(Ranking { criteria, use_cases })
}

/// The scoring matrix as SVG (value against guardrail complexity, bubble = annual value).
pub fn matrix_svg(db: &Db) -> CoreResult<String> {
    let ranking = rank(db, &RankRequest::default())?;
    charts::scoring_matrix(&matrix_points(&ranking.use_cases))
}

/// Writes the scoring matrix to `destination` (never over the open portfolio).
pub fn export_matrix(db: &Db, caller: &Caller, destination: &str) -> CoreResult<ExportOutcome> {
    let svg = matrix_svg(db)?;
    export_bytes(db, caller, destination, "scoring matrix (SVG)", svg.as_bytes(), 1)
}
