//! Handlers for the regression gate: a version's check, and per-metric tolerances.

use steerco_core::registry::regression::{RegressionCheck, Tolerance};
use steerco_core::services::registry::adapters::AdapterVersionRef;
use steerco_core::services::registry::regression::{self as service, ToleranceInput};

use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn check(ctx: &Ctx, req: AdapterVersionRef) -> ApiResult<RegressionCheck> {
    Ok(service::check(&ctx.db, &req.id)?)
}

pub fn tolerances(ctx: &Ctx, req: UseCaseRef) -> ApiResult<Vec<Tolerance>> {
    Ok(service::tolerances(&ctx.db, &req.id)?)
}

pub fn set_tolerance(ctx: &Ctx, req: ToleranceInput) -> ApiResult<Vec<Tolerance>> {
    Ok(service::set_tolerance(&ctx.db, &ctx.caller(), &req)?)
}
