//! Handlers for deployments.

use steerco_core::registry::{Deployment, DeploymentInput};
use steerco_core::services::registry::adapters as service;

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Deployment>> {
    Ok(service::deployments(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: DeploymentInput) -> ApiResult<Deployment> {
    Ok(service::deploy(&ctx.db, &ctx.caller(), &req)?)
}
