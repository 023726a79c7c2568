//! Handlers for adapters: read a PEFT folder, import it as a version, list adapters.

use steerco_core::registry::peft::PeftFolder;
use steerco_core::registry::{AdapterSummary, AdapterVersion};
use steerco_core::services::registry::adapters::{self as service, AdapterImport, AdapterRef, FolderRequest};

use crate::{ApiResult, Ctx};

pub fn preview(_ctx: &Ctx, req: FolderRequest) -> ApiResult<PeftFolder> {
    Ok(service::preview(&req)?)
}

pub fn import(ctx: &Ctx, req: AdapterImport) -> ApiResult<AdapterVersion> {
    Ok(service::import(&ctx.db, &ctx.caller(), &req)?)
}

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<AdapterSummary>> {
    Ok(service::list(&ctx.db)?)
}

pub fn versions(ctx: &Ctx, req: AdapterRef) -> ApiResult<Vec<AdapterVersion>> {
    Ok(service::versions(&ctx.db, &req)?)
}
