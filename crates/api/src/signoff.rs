//! Handlers for compliance sign-offs.

use steerco_core::compliance::SignoffStatus;
use steerco_core::services::compliance::review::{self, DeclineRequest, ReviewRequest, SignoffDecline, SignoffReview};
use steerco_core::services::compliance::signoffs::{
    self as service, SignRequest, SignoffFilter, SignoffQueue, UnsignedField,
};

use crate::{ApiResult, Ctx};

pub fn sign(ctx: &Ctx, req: SignRequest) -> ApiResult<SignoffStatus> {
    Ok(service::sign(&ctx.db, &ctx.caller(), &req)?)
}

pub fn list(ctx: &Ctx, req: SignoffFilter) -> ApiResult<Vec<SignoffStatus>> {
    Ok(service::list(&ctx.db, &req)?)
}

pub fn queue(ctx: &Ctx, _: ()) -> ApiResult<SignoffQueue> {
    Ok(service::queue(&ctx.db)?)
}

/// What a sign-off leaves out, record by record, with why.
pub fn unsigned_fields(_ctx: &Ctx, _: ()) -> ApiResult<Vec<UnsignedField>> {
    Ok(service::unsigned_fields())
}

/// The record as it would be signed, readable, with the checks to look at before signing.
pub fn review(ctx: &Ctx, req: ReviewRequest) -> ApiResult<SignoffReview> {
    Ok(review::review(&ctx.db, &req)?)
}

/// Records a compliance officer's refusal to sign the record as it stands, with the reason.
pub fn decline(ctx: &Ctx, req: DeclineRequest) -> ApiResult<SignoffDecline> {
    Ok(review::decline(&ctx.db, &ctx.caller(), &req)?)
}
