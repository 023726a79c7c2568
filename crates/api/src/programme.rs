//! Handlers for the programme: its overview, settings and initialisation.

use steerco_core::domain::{Programme, ProgrammeUpdate};
use steerco_core::overview::ProgrammeOverview;
use steerco_core::services::discovery::programme::{self as service, InitOutcome, ProgrammeChange};
use steerco_core::CoreError;

use crate::{ApiResult, Ctx};

pub fn overview(ctx: &Ctx, _: ()) -> ApiResult<ProgrammeOverview> {
    Ok(service::overview(&ctx.db)?)
}

pub fn get(ctx: &Ctx, _: ()) -> ApiResult<Programme> {
    Ok(service::get(&ctx.db)?.ok_or(CoreError::NoProgramme)?)
}

pub fn update(ctx: &Ctx, req: ProgrammeChange) -> ApiResult<Programme> {
    Ok(service::update(&ctx.db, &ctx.caller(), &req)?)
}

/// Gives a blank portfolio its programme; an initialised one is left as it is.
pub fn init(ctx: &Ctx, req: ProgrammeUpdate) -> ApiResult<InitOutcome> {
    Ok(service::init(&ctx.db, &ctx.caller(), &req)?)
}
