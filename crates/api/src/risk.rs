//! Handlers for the risk register.

use steerco_core::compliance::{Risk, RiskInput};
use steerco_core::services::compliance::risk_controls::{self as service, RiskUpdate, UseCaseFilter};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, req: UseCaseFilter) -> ApiResult<Vec<Risk>> {
    Ok(service::risk_list(&ctx.db, &req)?)
}

pub fn create(ctx: &Ctx, req: RiskInput) -> ApiResult<Risk> {
    Ok(service::risk_create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn update(ctx: &Ctx, req: RiskUpdate) -> ApiResult<Risk> {
    Ok(service::risk_update(&ctx.db, &ctx.caller(), &req)?)
}
