//! Handlers for a use case's architecture blueprint.

use steerco_core::pilots::blueprint::Blueprint;
use steerco_core::services::pilots::blueprint::{self as service, BlueprintPartUpdate, BlueprintReview};

use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn get(ctx: &Ctx, req: UseCaseRef) -> ApiResult<Blueprint> {
    Ok(service::get(&ctx.db, &req.id)?)
}

pub fn set_part(ctx: &Ctx, req: BlueprintPartUpdate) -> ApiResult<Blueprint> {
    Ok(service::set_part(&ctx.db, &ctx.caller(), &req)?)
}

pub fn review(ctx: &Ctx, req: BlueprintReview) -> ApiResult<Blueprint> {
    Ok(service::review(&ctx.db, &ctx.caller(), &req)?)
}
