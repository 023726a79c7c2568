//! Handlers for regulatory framework coverage.

use steerco_core::compliance::frameworks::{EvidenceMapping, Framework};
use steerco_core::services::compliance::coverage::{self as service, UseCaseCoverage};

use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn list(_ctx: &Ctx, _: ()) -> ApiResult<Vec<Framework>> {
    Ok(service::frameworks()?)
}

pub fn coverage(ctx: &Ctx, req: UseCaseRef) -> ApiResult<UseCaseCoverage> {
    Ok(service::of_use_case(&ctx.db, &req.id)?)
}

pub fn mapping(_ctx: &Ctx, _: ()) -> ApiResult<Vec<EvidenceMapping>> {
    Ok(service::mapping()?)
}
