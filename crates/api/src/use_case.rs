//! Handlers for use cases: list, read, create, edit field by field, the payback-gate override,
//! and the portfolio CSV.

use serde::{Deserialize, Serialize};
use steerco_core::domain::{DossierInput, UseCase};
use steerco_core::services::discovery::consequences::{self, StageOption, UpdatePreview};
use steerco_core::services::discovery::exchange::{self, ExportRequest, ImportOutcome, ImportRequest};
use steerco_core::services::discovery::use_cases::{
    self as service, GatePreview, GatePreviewRequest, OverrideRequest, RevokeOverrideRequest, UseCaseUpdate,
};
use steerco_core::services::discovery::withdrawal::{self, WithdrawRequest, WithdrawnUseCase};
use steerco_core::services::portfolio::exports::ExportOutcome;
use ts_rs::TS;

use crate::{ApiResult, Ctx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseRef {
    pub id: String,
}

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<UseCase>> {
    Ok(service::list(&ctx.db)?)
}

pub fn get(ctx: &Ctx, req: UseCaseRef) -> ApiResult<UseCase> {
    Ok(service::get(&ctx.db, &req.id)?)
}

/// The payback gate's verdict on figures being typed, before they are saved.
pub fn preview_gate(ctx: &Ctx, req: GatePreviewRequest) -> ApiResult<GatePreview> {
    Ok(service::preview_gate(&ctx.db, &req)?)
}

pub fn create(ctx: &Ctx, req: DossierInput) -> ApiResult<UseCase> {
    Ok(service::create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn update(ctx: &Ctx, req: UseCaseUpdate) -> ApiResult<UseCase> {
    Ok(service::update(&ctx.db, &ctx.caller(), &req)?)
}

/// Keeps a use case in the portfolio lane although it fails the payback gate.
pub fn override_gate(ctx: &Ctx, req: OverrideRequest) -> ApiResult<UseCase> {
    Ok(service::grant_override(&ctx.db, &ctx.caller(), &req)?)
}

pub fn revoke_override(ctx: &Ctx, req: RevokeOverrideRequest) -> ApiResult<UseCase> {
    Ok(service::revoke_override(&ctx.db, &ctx.caller(), &req)?)
}

pub fn import_csv(ctx: &Ctx, req: ImportRequest) -> ApiResult<ImportOutcome> {
    Ok(exchange::import_csv(&ctx.db, &ctx.caller(), &req)?)
}

pub fn export_csv(ctx: &Ctx, req: ExportRequest) -> ApiResult<ExportOutcome> {
    Ok(exchange::export_csv(&ctx.db, &ctx.caller(), &req)?)
}

/// What saving `req` would do (sign-offs made stale, a lane change, a rank moved, or why it would
/// be refused), worked out by rehearsing the save and rolling it back.
pub fn preview_update(ctx: &Ctx, req: UseCaseUpdate) -> ApiResult<UpdatePreview> {
    Ok(consequences::preview_update(&ctx.db, &ctx.caller(), &req)?)
}

/// Every stage with whether the case may move there now, and why not.
pub fn stage_options(ctx: &Ctx, req: UseCaseRef) -> ApiResult<Vec<StageOption>> {
    Ok(consequences::stage_options(&ctx.db, &req.id)?)
}

/// Takes a use case created by mistake out of the portfolio (kept, restorable).
pub fn withdraw(ctx: &Ctx, req: WithdrawRequest) -> ApiResult<WithdrawnUseCase> {
    Ok(withdrawal::withdraw(&ctx.db, &ctx.caller(), &req)?)
}

pub fn restore(ctx: &Ctx, req: UseCaseRef) -> ApiResult<UseCase> {
    Ok(withdrawal::restore(&ctx.db, &ctx.caller(), &req.id)?)
}

pub fn withdrawn(ctx: &Ctx, _: ()) -> ApiResult<Vec<WithdrawnUseCase>> {
    Ok(withdrawal::withdrawn(&ctx.db)?)
}
