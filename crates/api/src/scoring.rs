//! Handlers for the scoring matrix and the ranking: read and set the weights, rank the portfolio
//! (with stored or proposed weights, so sliders can preview before saving) and draw the matrix.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::charts;
use steerco_core::domain::CriterionKey;
use steerco_core::portfolio::{matrix_points, ranked, RankedUseCase};
use steerco_core::scoring::{self, Criterion};
use steerco_core::store::{criterion, use_case};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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

fn pairs(weights: &[Weight]) -> Vec<(CriterionKey, u32)> {
    weights.iter().map(|w| (w.criterion, w.weight)).collect()
}

pub fn criteria(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Criterion>> {
    Ok(ctx.db.read(criterion::list)?)
}

/// Stores new weights; refused unless they name every criterion and sum to 100.
pub fn set_weights(ctx: &Ctx, req: Vec<Weight>) -> ApiResult<Vec<Criterion>> {
    ctx.write(Action::Update, |tx| criterion::set_weights(tx, &pairs(&req)))
}

pub fn rank(ctx: &Ctx, req: RankRequest) -> ApiResult<Ranking> {
    let (stored, cases) = ctx.db.read(|c| Ok((criterion::list(c)?, use_case::list(c)?)))?;
    let criteria = match &req.weights {
        Some(weights) => scoring::with_weights(&stored, &pairs(weights))?,
        None => stored,
    };
    let use_cases = ranked(cases, &criteria);
    Ok(Ranking { criteria, use_cases })
}

/// The scoring matrix as SVG (value against guardrail complexity, bubble = annual value).
pub fn matrix_svg(ctx: &Ctx, _req: ()) -> ApiResult<String> {
    let ranking = rank(ctx, RankRequest::default())?;
    Ok(charts::scoring_matrix(&matrix_points(&ranking.use_cases))?)
}

/// Writes the scoring matrix SVG to `destination` (never over the open portfolio).
pub fn write_matrix_svg(ctx: &Ctx, req: crate::exchange::ExportRequest) -> ApiResult<String> {
    let svg = matrix_svg(ctx, ())?;
    crate::exchange::write_file(ctx, &req.destination, svg.as_bytes())
}
