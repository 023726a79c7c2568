//! Handlers for the scoring matrix and the ranking.

use steerco_core::scoring::Criterion;
use steerco_core::services::discovery::exchange::ExportRequest;
use steerco_core::services::discovery::scoring::{self as service, RankRequest, Ranking, WeightsUpdate};
use steerco_core::services::portfolio::exports::ExportOutcome;

use crate::{ApiResult, Ctx};

pub fn criteria(ctx: &Ctx, _: ()) -> ApiResult<Vec<Criterion>> {
    Ok(service::criteria(&ctx.db)?)
}

pub fn set_weights(ctx: &Ctx, req: WeightsUpdate) -> ApiResult<Vec<Criterion>> {
    Ok(service::set_weights(&ctx.db, &ctx.caller(), &req)?)
}

/// The portfolio ranked with the stored weights, or with proposed ones (a preview).
pub fn rank(ctx: &Ctx, req: RankRequest) -> ApiResult<Ranking> {
    Ok(service::rank(&ctx.db, &req)?)
}

/// The scoring matrix as SVG (value against guardrail complexity, bubble = annual value).
pub fn matrix_svg(ctx: &Ctx, _: ()) -> ApiResult<String> {
    Ok(service::matrix_svg(&ctx.db)?)
}

pub fn export_matrix(ctx: &Ctx, req: ExportRequest) -> ApiResult<ExportOutcome> {
    Ok(service::export_matrix(&ctx.db, &ctx.caller(), &req.destination)?)
}
