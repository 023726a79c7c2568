//! Handlers for data packs and their approval.

use steerco_core::registry::{DataPack, PackApproval};
use steerco_core::services::registry::governance::{self as service, DataPackCreate};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<DataPack>> {
    Ok(service::packs(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: DataPackCreate) -> ApiResult<DataPack> {
    Ok(service::create_pack(&ctx.db, &ctx.caller(), &req)?)
}

pub fn approve(ctx: &Ctx, req: PackApproval) -> ApiResult<DataPack> {
    Ok(service::approve_pack(&ctx.db, &ctx.caller(), &req)?)
}
