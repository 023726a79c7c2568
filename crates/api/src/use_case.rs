//! Handlers for use cases: list, read, create, edit, and the payback-gate override.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::Role;
use steerco_core::domain::{DossierInput, UseCase};
use steerco_core::store::{lane_override, use_case};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;

/// Every use case, in the order they were created.
pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<UseCase>> {
    Ok(ctx.db.read(use_case::list)?)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseRef {
    pub id: String,
}

pub fn get(ctx: &Ctx, req: UseCaseRef) -> ApiResult<UseCase> {
    Ok(ctx.db.read(|c| use_case::require(c, &req.id))?)
}

pub fn create(ctx: &Ctx, req: DossierInput) -> ApiResult<UseCase> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| use_case::insert(tx, &req, now))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateUseCase {
    pub id: String,
    pub dossier: DossierInput,
}

pub fn update(ctx: &Ctx, req: UpdateUseCase) -> ApiResult<UseCase> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| use_case::update(tx, &req.id, &req.dossier, now))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverrideRequest {
    pub id: String,
    /// The person taking the decision, by name.
    pub decided_by: String,
    pub reason: String,
}

/// Keeps a use case in the portfolio lane although it fails the payback gate.
pub fn grant_override(ctx: &Ctx, req: OverrideRequest) -> ApiResult<UseCase> {
    ctx.require_role_once_people_exist(Role::Executive, "record a steering decision such as a payback-gate override")?;
    ctx.check_named("decided_by", &req.decided_by)?;
    let now = ctx.clock.now();
    ctx.write(Action::Decide, |tx| {
        lane_override::grant(tx, &req.id, &req.decided_by, &req.reason, now)?;
        use_case::require(tx, &req.id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RevokeOverrideRequest {
    pub id: String,
    pub revoked_by: String,
}

pub fn revoke_override(ctx: &Ctx, req: RevokeOverrideRequest) -> ApiResult<UseCase> {
    ctx.require_role_once_people_exist(Role::Executive, "revoke a steering decision such as a payback-gate override")?;
    ctx.check_named("revoked_by", &req.revoked_by)?;
    let now = ctx.clock.now();
    ctx.write(Action::Decide, |tx| {
        lane_override::revoke(tx, &req.id, &req.revoked_by, now)?;
        use_case::require(tx, &req.id)
    })
}
