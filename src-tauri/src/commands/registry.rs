//! Commands for the governance registry: policies, data, adapters, evaluations, lineage.

use steerco_api::adapter::{
    AdapterImportRequest, AdapterRef, AdapterVersionDetail, DiffRequest, FolderRequest, StatusRequest, VersionRef,
};
use steerco_api::data_governance::{DataSourceUpdate, NewDataPackRequest, PolicyUpdate};
use steerco_api::evaluation::{BaselineRequest, EvaluationImportRequest, MlflowImportOutcome, MlflowImportRequest};
use steerco_api::exchange::ExportRequest;
use steerco_api::lineage::{LineageCheck, OpenLineageExport};
use steerco_api::ApiResult;
use steerco_core::registry::diff::VersionDiff;
use steerco_core::registry::lineage::LineageGraph;
use steerco_core::registry::peft::PeftFolder;
use steerco_core::registry::{
    AdapterSummary, AdapterVersion, DataPack, DataSource, DataSourceInput, Deployment, DeploymentInput, Evaluation,
    PackApproval, Policy, PolicyInput,
};

use super::{blocking, Shared};

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
