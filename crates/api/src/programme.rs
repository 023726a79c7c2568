//! Handlers for the programme as a whole.

use steerco_core::audit::Action;
use steerco_core::domain::{Programme, ProgrammeUpdate};
use steerco_core::overview::{summarise, ProgrammeOverview};
use steerco_core::store::{programme, use_case};

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// The programme's name and how its use cases spread over lanes (after the payback gate) and
/// stages.
pub fn overview(ctx: &Ctx, _req: ()) -> ApiResult<ProgrammeOverview> {
    let (programme, cases) = ctx.db.read(|c| Ok((programme::get(c)?, use_case::list(c)?)))?;
    let programme = programme.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NoPortfolio,
            "this portfolio has no programme yet; run `steerco init` or load the demo",
        )
    })?;
    let counts: Vec<_> = cases.iter().map(|c| (c.lane, c.stage, 1)).collect();
    Ok(summarise(programme, &counts))
}

pub fn get(ctx: &Ctx, _req: ()) -> ApiResult<Programme> {
    ctx.db.read(programme::get)?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NoPortfolio,
            "this portfolio has no programme yet; run `steerco init` or load the demo",
        )
    })
}

/// Renames the programme or changes its currency or payback horizon (on a blank portfolio it
/// creates the programme). Amounts are not converted when the currency changes: they are
/// relabelled, as the user asked.
pub fn update(ctx: &Ctx, req: ProgrammeUpdate) -> ApiResult<Programme> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| programme::upsert(tx, &req, now))
}
