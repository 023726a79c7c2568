//! Handlers for adapter versions: browse, compare, move through their statuses.

use steerco_core::registry::diff::VersionDiff;
use steerco_core::registry::AdapterVersion;
use steerco_core::services::registry::adapters::{
    self as service, AdapterStatusChange, AdapterVersionDetail, AdapterVersionDiffRequest, AdapterVersionRef,
    BaseModelChange,
};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<AdapterVersion>> {
    Ok(service::all_versions(&ctx.db)?)
}

pub fn get(ctx: &Ctx, req: AdapterVersionRef) -> ApiResult<AdapterVersionDetail> {
    Ok(service::show(&ctx.db, &req)?)
}

pub fn diff(ctx: &Ctx, req: AdapterVersionDiffRequest) -> ApiResult<VersionDiff> {
    Ok(service::compare(&ctx.db, &req)?)
}

pub fn set_status(ctx: &Ctx, req: AdapterStatusChange) -> ApiResult<AdapterVersion> {
    Ok(service::set_status(&ctx.db, &ctx.caller(), &req)?)
}

pub fn set_base_model(ctx: &Ctx, req: BaseModelChange) -> ApiResult<AdapterVersion> {
    Ok(service::set_base_model(&ctx.db, &ctx.caller(), &req)?)
}
