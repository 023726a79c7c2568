//! The Tauri commands: each one hands its request to a steerco-api handler on a blocking thread
//! (SQLite work must not stall the async runtime) and returns its result unchanged.

pub mod compliance;
pub mod registry;

use std::sync::Arc;

use steerco_api::exchange::{ExportOutcome, ExportRequest, ImportOutcome, ImportRequest};
use steerco_api::portfolio::{SaveCopyRequest, SavedCopy};
use steerco_api::recent::RecentFile;
use steerco_api::scoring::{RankRequest, Ranking, Weight};
use steerco_api::session::{NewPortfolioRequest, OpenRequest, Session, SessionStatus};
use steerco_api::use_case::{OverrideRequest, RevokeOverrideRequest, UpdateUseCase, UseCaseRef};
use steerco_api::workshop::{
    RateRequest, SheetExportRequest, SheetImportRequest, SheetWritten, WorkshopDetail, WorkshopRef,
};
use steerco_api::{ApiError, ApiResult, ErrorCode};
use steerco_core::domain::{DossierInput, Programme, ProgrammeUpdate, UseCase};
use steerco_core::overview::ProgrammeOverview;
use steerco_core::scoring::Criterion;
use steerco_core::workshop::{NewWorkshop, Workshop};
use tauri::State;

pub(crate) type Shared<'a> = State<'a, Arc<Session>>;

/// Runs `handler` with the session on tokio's blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(
    session: &Shared<'_>,
    handler: impl FnOnce(&Session) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let session = Arc::clone(session.inner());
    tauri::async_runtime::spawn_blocking(move || handler(&session))
        .await
        .unwrap_or_else(|e| Err(ApiError::new(ErrorCode::Internal, format!("the request did not complete: {e}"))))
}

#[tauri::command]
pub async fn session_status(session: Shared<'_>) -> ApiResult<SessionStatus> {
    blocking(&session, |s| s.status(())).await
}

#[tauri::command]
pub async fn portfolio_open(session: Shared<'_>, req: OpenRequest) -> ApiResult<SessionStatus> {
    blocking(&session, |s| s.open(req)).await
}

#[tauri::command]
pub async fn portfolio_create(session: Shared<'_>, req: NewPortfolioRequest) -> ApiResult<SessionStatus> {
    blocking(&session, |s| s.create(req)).await
}

#[tauri::command]
pub async fn portfolio_save_copy(session: Shared<'_>, req: SaveCopyRequest) -> ApiResult<SavedCopy> {
    blocking(&session, |s| steerco_api::portfolio::save_copy(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn recent_list(session: Shared<'_>) -> ApiResult<Vec<RecentFile>> {
    blocking(&session, |s| s.recent(())).await
}

#[tauri::command]
pub async fn recent_forget(session: Shared<'_>, req: OpenRequest) -> ApiResult<Vec<RecentFile>> {
    blocking(&session, |s| s.forget_recent(req)).await
}

#[tauri::command]
pub async fn programme_overview(session: Shared<'_>) -> ApiResult<ProgrammeOverview> {
    blocking(&session, |s| steerco_api::programme::overview(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn usecase_list(session: Shared<'_>) -> ApiResult<Vec<UseCase>> {
    blocking(&session, |s| steerco_api::use_case::list(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn usecase_get(session: Shared<'_>, req: UseCaseRef) -> ApiResult<UseCase> {
    blocking(&session, |s| steerco_api::use_case::get(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_create(session: Shared<'_>, req: DossierInput) -> ApiResult<UseCase> {
    blocking(&session, |s| steerco_api::use_case::create(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_update(session: Shared<'_>, req: UpdateUseCase) -> ApiResult<UseCase> {
    blocking(&session, |s| steerco_api::use_case::update(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_override(session: Shared<'_>, req: OverrideRequest) -> ApiResult<UseCase> {
    blocking(&session, |s| steerco_api::use_case::grant_override(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_revoke_override(session: Shared<'_>, req: RevokeOverrideRequest) -> ApiResult<UseCase> {
    blocking(&session, |s| steerco_api::use_case::revoke_override(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_import(session: Shared<'_>, req: ImportRequest) -> ApiResult<ImportOutcome> {
    blocking(&session, |s| steerco_api::exchange::import_csv(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn usecase_export(session: Shared<'_>, req: ExportRequest) -> ApiResult<ExportOutcome> {
    blocking(&session, |s| steerco_api::exchange::export_csv(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn scoring_rank(session: Shared<'_>, req: RankRequest) -> ApiResult<Ranking> {
    blocking(&session, |s| steerco_api::scoring::rank(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn scoring_set_weights(session: Shared<'_>, req: Vec<Weight>) -> ApiResult<Vec<Criterion>> {
    blocking(&session, |s| steerco_api::scoring::set_weights(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn scoring_matrix_svg(session: Shared<'_>) -> ApiResult<String> {
    blocking(&session, |s| steerco_api::scoring::matrix_svg(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn workshop_list(session: Shared<'_>) -> ApiResult<Vec<Workshop>> {
    blocking(&session, |s| steerco_api::workshop::list(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn workshop_create(session: Shared<'_>, req: NewWorkshop) -> ApiResult<Workshop> {
    blocking(&session, |s| steerco_api::workshop::create(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn workshop_detail(session: Shared<'_>, req: WorkshopRef) -> ApiResult<WorkshopDetail> {
    blocking(&session, |s| steerco_api::workshop::detail(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn workshop_rate(session: Shared<'_>, req: RateRequest) -> ApiResult<WorkshopDetail> {
    blocking(&session, |s| steerco_api::workshop::rate(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn workshop_export_sheet(session: Shared<'_>, req: SheetExportRequest) -> ApiResult<SheetWritten> {
    blocking(&session, |s| steerco_api::workshop::export_sheet(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn workshop_import_sheet(session: Shared<'_>, req: SheetImportRequest) -> ApiResult<WorkshopDetail> {
    blocking(&session, |s| steerco_api::workshop::import_sheet(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn programme_get(session: Shared<'_>) -> ApiResult<Programme> {
    blocking(&session, |s| steerco_api::programme::get(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn programme_update(session: Shared<'_>, req: ProgrammeUpdate) -> ApiResult<Programme> {
    blocking(&session, |s| steerco_api::programme::update(&s.ctx()?, req)).await
}
