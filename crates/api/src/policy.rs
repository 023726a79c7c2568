//! Handlers for policy guardrails.

use steerco_core::registry::{Policy, PolicyInput};
use steerco_core::services::registry::governance::{self as service, PolicyUpdate};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Policy>> {
    Ok(service::policies(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: PolicyInput) -> ApiResult<Policy> {
    Ok(service::create_policy(&ctx.db, &ctx.caller(), &req)?)
}

pub fn update(ctx: &Ctx, req: PolicyUpdate) -> ApiResult<Policy> {
    Ok(service::update_policy(&ctx.db, &ctx.caller(), &req)?)
}
