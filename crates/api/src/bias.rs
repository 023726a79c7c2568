//! Handlers for bias checks.

use steerco_core::compliance::BiasCheck;
use steerco_core::services::compliance::risk_controls::{self as service, BiasDefault, BiasImport, UseCaseFilter};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, req: UseCaseFilter) -> ApiResult<Vec<BiasCheck>> {
    Ok(service::bias_list(&ctx.db, &req)?)
}

pub fn import(ctx: &Ctx, req: BiasImport) -> ApiResult<BiasCheck> {
    Ok(service::bias_import(&ctx.db, &ctx.caller(), &req)?)
}

/// What each kind of bias check starts from in the import form.
pub fn defaults(_: &Ctx, _: ()) -> ApiResult<Vec<BiasDefault>> {
    Ok(service::bias_defaults())
}
