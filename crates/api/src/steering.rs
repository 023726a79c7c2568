//! Handlers for steering: the executive dashboard, the implementation checklist and the
//! improvement cadence.

use steerco_core::services::steering::cadence::{self, CadenceView};
use steerco_core::services::steering::checklist::{self, Checklist};
use steerco_core::services::steering::dashboard::{self, Dashboard};
use steerco_core::steering::CadenceInput;

use crate::{ApiResult, Ctx};

pub fn dashboard(ctx: &Ctx, _: ()) -> ApiResult<Dashboard> {
    Ok(dashboard::dashboard(&ctx.db, ctx.caller().now.date_naive())?)
}

pub fn checklist(ctx: &Ctx, _: ()) -> ApiResult<Checklist> {
    Ok(checklist::checklist(&ctx.db, ctx.caller().now.date_naive())?)
}

pub fn cadence(ctx: &Ctx, _: ()) -> ApiResult<CadenceView> {
    Ok(cadence::list(&ctx.db, ctx.caller().now.date_naive())?)
}

pub fn add_cadence(ctx: &Ctx, req: CadenceInput) -> ApiResult<CadenceView> {
    Ok(cadence::add(&ctx.db, &ctx.caller(), &req)?)
}
