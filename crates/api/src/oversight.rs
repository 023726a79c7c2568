//! Handlers for human-oversight plans.

use steerco_core::compliance::Oversight;
use steerco_core::services::compliance::risk_controls::{self as service, OversightUpdate};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Oversight>> {
    Ok(service::oversight_list(&ctx.db)?)
}

pub fn set(ctx: &Ctx, req: OversightUpdate) -> ApiResult<Oversight> {
    Ok(service::oversight_set(&ctx.db, &ctx.caller(), &req)?)
}
