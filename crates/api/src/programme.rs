//! Handlers for the programme as a whole.

use steerco_core::overview::{summarise, ProgrammeOverview};
use steerco_core::store::{programme, use_case};

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// The programme's name and how its use cases spread over lanes and stages.
pub fn overview(ctx: &Ctx, _req: ()) -> ApiResult<ProgrammeOverview> {
    let (programme, counts) = ctx.db.read(|c| Ok((programme::get(c)?, use_case::count_by_lane_and_stage(c)?)))?;
    let programme = programme.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NoPortfolio,
            "this portfolio has no programme yet; run `steerco init` or load the demo",
        )
    })?;
    Ok(summarise(programme, &counts))
}
