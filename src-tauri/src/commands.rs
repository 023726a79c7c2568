//! The Tauri commands: each one hands its request to a steerco-api handler on a blocking thread
//! (SQLite work must not stall the async runtime) and returns its result unchanged.

use std::sync::Arc;

use steerco_api::portfolio::{SaveCopyRequest, SavedCopy};
use steerco_api::recent::RecentFile;
use steerco_api::session::{NewPortfolioRequest, OpenRequest, Session, SessionStatus};
use steerco_api::{ApiError, ApiResult, ErrorCode};
use steerco_core::domain::UseCase;
use steerco_core::overview::ProgrammeOverview;
use tauri::State;

type Shared<'a> = State<'a, Arc<Session>>;

/// Runs `handler` with the session on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
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
