//! The Tauri commands: each one hands its request to a steerco-api handler on a blocking thread
//! (SQLite work must not stall the async runtime) and returns its result unchanged.

use std::sync::Arc;

use steerco_api::adapter::{
    AdapterImportRequest, AdapterRef, AdapterVersionDetail, DiffRequest, FolderRequest, StatusRequest, VersionRef,
};
use steerco_api::audit::{AuditPage, AuditQuery};
use steerco_api::data_governance::{DataSourceUpdate, NewDataPackRequest, PolicyUpdate};
use steerco_api::evaluation::{BaselineRequest, EvaluationImportRequest, MlflowImportOutcome, MlflowImportRequest};
use steerco_api::exchange::{ExportOutcome, ExportRequest, ImportOutcome, ImportRequest};
use steerco_api::frameworks::UseCaseCoverage;
use steerco_api::lineage::{LineageCheck, OpenLineageExport};
use steerco_api::people::PersonUpdate;
use steerco_api::portfolio::{SaveCopyRequest, SavedCopy};
use steerco_api::recent::RecentFile;
use steerco_api::risk_controls::{BiasImportRequest, RiskUpdate, UseCaseFilter};
use steerco_api::scoring::{RankRequest, Ranking, Weight};
use steerco_api::session::WorkingAsRequest;
use steerco_api::session::{NewPortfolioRequest, OpenRequest, Session, SessionStatus};
use steerco_api::signoff::{SignRequest, SignoffFilter, SignoffQueue};
use steerco_api::use_case::{OverrideRequest, RevokeOverrideRequest, UpdateUseCase, UseCaseRef};
use steerco_api::workshop::{
    RateRequest, SheetExportRequest, SheetImportRequest, SheetWritten, WorkshopDetail, WorkshopRef,
};
use steerco_api::{ApiError, ApiResult, ErrorCode};
use steerco_core::audit::VerifyReport;
use steerco_core::compliance::frameworks::EvidenceMapping;
use steerco_core::compliance::{
    BiasCheck, Oversight, OversightInput, Person, PersonInput, Risk, RiskInput, SignoffStatus,
};
use steerco_core::domain::{DossierInput, Programme, ProgrammeUpdate, UseCase};
use steerco_core::overview::ProgrammeOverview;
use steerco_core::registry::diff::VersionDiff;
use steerco_core::registry::lineage::LineageGraph;
use steerco_core::registry::peft::PeftFolder;
use steerco_core::registry::{
    AdapterSummary, AdapterVersion, DataPack, DataSource, DataSourceInput, Deployment, DeploymentInput, Evaluation,
    PackApproval, Policy, PolicyInput,
};
use steerco_core::scoring::Criterion;
use steerco_core::workshop::{NewWorkshop, Workshop};
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

#[tauri::command]
pub async fn policy_list(session: Shared<'_>) -> ApiResult<Vec<Policy>> {
    blocking(&session, |s| steerco_api::data_governance::list_policies(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn policy_create(session: Shared<'_>, req: PolicyInput) -> ApiResult<Policy> {
    blocking(&session, |s| steerco_api::data_governance::create_policy(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn policy_update(session: Shared<'_>, req: PolicyUpdate) -> ApiResult<Policy> {
    blocking(&session, |s| steerco_api::data_governance::update_policy(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn source_list(session: Shared<'_>) -> ApiResult<Vec<DataSource>> {
    blocking(&session, |s| steerco_api::data_governance::list_sources(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn source_create(session: Shared<'_>, req: DataSourceInput) -> ApiResult<DataSource> {
    blocking(&session, |s| steerco_api::data_governance::create_source(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn source_update(session: Shared<'_>, req: DataSourceUpdate) -> ApiResult<DataSource> {
    blocking(&session, |s| steerco_api::data_governance::update_source(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn pack_list(session: Shared<'_>) -> ApiResult<Vec<DataPack>> {
    blocking(&session, |s| steerco_api::data_governance::list_packs(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn pack_create(session: Shared<'_>, req: NewDataPackRequest) -> ApiResult<DataPack> {
    blocking(&session, |s| steerco_api::data_governance::create_pack(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn pack_approve(session: Shared<'_>, req: PackApproval) -> ApiResult<DataPack> {
    blocking(&session, |s| steerco_api::data_governance::approve_pack(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_preview(session: Shared<'_>, req: FolderRequest) -> ApiResult<PeftFolder> {
    blocking(&session, |s| steerco_api::adapter::preview(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_import(session: Shared<'_>, req: AdapterImportRequest) -> ApiResult<AdapterVersion> {
    blocking(&session, |s| steerco_api::adapter::import(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_list(session: Shared<'_>) -> ApiResult<Vec<AdapterSummary>> {
    blocking(&session, |s| steerco_api::adapter::list(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn adapter_versions(session: Shared<'_>, req: AdapterRef) -> ApiResult<Vec<AdapterVersion>> {
    blocking(&session, |s| steerco_api::adapter::versions(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_all_versions(session: Shared<'_>) -> ApiResult<Vec<AdapterVersion>> {
    blocking(&session, |s| steerco_api::adapter::all_versions(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn adapter_show(session: Shared<'_>, req: VersionRef) -> ApiResult<AdapterVersionDetail> {
    blocking(&session, |s| steerco_api::adapter::show(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_diff(session: Shared<'_>, req: DiffRequest) -> ApiResult<VersionDiff> {
    blocking(&session, |s| steerco_api::adapter::compare(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn adapter_set_status(session: Shared<'_>, req: StatusRequest) -> ApiResult<AdapterVersion> {
    blocking(&session, |s| steerco_api::adapter::set_status(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn deployment_create(session: Shared<'_>, req: DeploymentInput) -> ApiResult<Deployment> {
    blocking(&session, |s| steerco_api::adapter::deploy(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn deployment_list(session: Shared<'_>) -> ApiResult<Vec<Deployment>> {
    blocking(&session, |s| steerco_api::adapter::deployments(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn evaluation_import(session: Shared<'_>, req: EvaluationImportRequest) -> ApiResult<Evaluation> {
    blocking(&session, |s| steerco_api::evaluation::import(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn evaluation_mlflow_import(session: Shared<'_>, req: MlflowImportRequest) -> ApiResult<MlflowImportOutcome> {
    blocking(&session, |s| steerco_api::evaluation::import_mlflow(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn evaluation_mark_baseline(session: Shared<'_>, req: BaselineRequest) -> ApiResult<Evaluation> {
    blocking(&session, |s| steerco_api::evaluation::mark_baseline(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn lineage_graph(session: Shared<'_>, req: VersionRef) -> ApiResult<LineageGraph> {
    blocking(&session, |s| steerco_api::lineage::graph(&s.ctx()?, req)).await
}

#[tauri::command]
pub async fn lineage_check(session: Shared<'_>) -> ApiResult<LineageCheck> {
    blocking(&session, |s| steerco_api::lineage::check_all(&s.ctx()?, ())).await
}

#[tauri::command]
pub async fn lineage_export_openlineage(session: Shared<'_>, req: ExportRequest) -> ApiResult<OpenLineageExport> {
    blocking(&session, |s| steerco_api::lineage::export_openlineage(&s.ctx()?, req)).await
}

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
