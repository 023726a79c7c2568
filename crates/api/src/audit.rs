//! Handlers for the audit trail.

use steerco_core::audit::VerifyReport;
use steerco_core::services::compliance::audit::{self as service, AuditAcknowledge, AuditPage, AuditQuery};

use crate::{ApiResult, Ctx};

pub fn log(ctx: &Ctx, req: AuditQuery) -> ApiResult<AuditPage> {
    Ok(service::log(&ctx.db, &req)?)
}

pub fn verify(ctx: &Ctx, _: ()) -> ApiResult<VerifyReport> {
    Ok(service::verify(&ctx.db)?)
}

pub fn acknowledge(ctx: &Ctx, req: AuditAcknowledge) -> ApiResult<VerifyReport> {
    Ok(service::acknowledge(&ctx.db, &ctx.caller(), &req)?)
}
