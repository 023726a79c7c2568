//! Commands for compliance: who is working, people, sign-offs, the audit trail, risk controls
//! and framework coverage.

use steerco_api::adapter::VersionRef;
use steerco_api::audit::{AuditPage, AuditQuery};
use steerco_api::frameworks::UseCaseCoverage;
use steerco_api::people::PersonUpdate;
use steerco_api::risk_controls::{BiasImportRequest, RiskUpdate, UseCaseFilter};
use steerco_api::session::{SessionStatus, WorkingAsRequest};
use steerco_api::signoff::{SignRequest, SignoffFilter, SignoffQueue};
use steerco_api::ApiResult;
use steerco_core::audit::VerifyReport;
use steerco_core::compliance::frameworks::EvidenceMapping;
use steerco_core::compliance::{
    BiasCheck, Oversight, OversightInput, Person, PersonInput, Risk, RiskInput, SignoffStatus,
};

use super::{blocking, Shared};

#[tauri::command]
pub async fn session_set_working_as(session: Shared<'_>, req: WorkingAsRequest) -> ApiResult<SessionStatus> {
    blocking(&session, |s| s.set_working_as(req)).await
}

#[tauri::command]
pub async fn person_list(session: Shared<'_>) -> ApiResult<Vec<Person>> {
    blocking(&session, |s| steerco_api::people::list(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn person_create(session: Shared<'_>, req: PersonInput) -> ApiResult<Person> {
    blocking(&session, |s| steerco_api::people::create(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn person_update(session: Shared<'_>, req: PersonUpdate) -> ApiResult<Person> {
    blocking(&session, |s| steerco_api::people::update(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn signoff_sign(session: Shared<'_>, req: SignRequest) -> ApiResult<SignoffStatus> {
    blocking(&session, |s| steerco_api::signoff::sign(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn signoff_list(session: Shared<'_>, req: SignoffFilter) -> ApiResult<Vec<SignoffStatus>> {
    blocking(&session, |s| steerco_api::signoff::list(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn signoff_queue(session: Shared<'_>) -> ApiResult<SignoffQueue> {
    blocking(&session, |s| steerco_api::signoff::queue(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn audit_log(session: Shared<'_>, req: AuditQuery) -> ApiResult<AuditPage> {
    blocking(&session, |s| steerco_api::audit::log(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn audit_verify(session: Shared<'_>) -> ApiResult<VerifyReport> {
    blocking(&session, |s| steerco_api::audit::verify(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn oversight_list(session: Shared<'_>) -> ApiResult<Vec<Oversight>> {
    blocking(&session, |s| steerco_api::risk_controls::oversight_list(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn oversight_set(session: Shared<'_>, req: OversightInput) -> ApiResult<Oversight> {
    blocking(&session, |s| steerco_api::risk_controls::oversight_set(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn bias_list(session: Shared<'_>, req: UseCaseFilter) -> ApiResult<Vec<BiasCheck>> {
    blocking(&session, |s| steerco_api::risk_controls::bias_list(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn bias_import(session: Shared<'_>, req: BiasImportRequest) -> ApiResult<BiasCheck> {
    blocking(&session, |s| steerco_api::risk_controls::bias_import(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn risk_list(session: Shared<'_>, req: UseCaseFilter) -> ApiResult<Vec<Risk>> {
    blocking(&session, |s| steerco_api::risk_controls::risk_list(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn risk_create(session: Shared<'_>, req: RiskInput) -> ApiResult<Risk> {
    blocking(&session, |s| steerco_api::risk_controls::risk_create(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn risk_update(session: Shared<'_>, req: RiskUpdate) -> ApiResult<Risk> {
    blocking(&session, |s| steerco_api::risk_controls::risk_update(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn framework_coverage(session: Shared<'_>, req: VersionRef) -> ApiResult<UseCaseCoverage> {
    blocking(&session, |s| steerco_api::frameworks::coverage_of(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn framework_mapping(session: Shared<'_>) -> ApiResult<Vec<EvidenceMapping>> {
    blocking(&session, |s| steerco_api::frameworks::mapping(&s.ctx()?, ())).await
}
