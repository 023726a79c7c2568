//! Handlers for the adapter registry: read a PEFT folder, import it as a version, browse and
//! compare versions, move them through their statuses and record deployments.

use std::path::Path;
use steerco_core::audit::Action;

use serde::{Deserialize, Serialize};
use steerco_core::registry::diff::{diff, VersionDiff};
use steerco_core::registry::peft::{read_folder, PeftFolder};
use steerco_core::registry::{AdapterStatus, AdapterSummary, AdapterVersion, Deployment, DeploymentInput, Evaluation};
use steerco_core::store::adapter::{self, NewVersion};
use steerco_core::store::{deployment, evaluation};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FolderRequest {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterImportRequest {
    /// The PEFT folder (adapter_config.json + adapter_model.safetensors or .bin).
    pub path: String,
    pub name: String,
    pub version: String,
    pub use_case_id: Option<String>,
    pub data_pack_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterRef {
    /// An adapter's id or name.
    pub adapter: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionRef {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DiffRequest {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusRequest {
    pub id: String,
    pub status: AdapterStatus,
}

/// A version with the evidence recorded against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterVersionDetail {
    pub version: AdapterVersion,
    pub evaluations: Vec<Evaluation>,
    pub deployments: Vec<Deployment>,
}

fn folder(path: &str) -> ApiResult<(PeftFolder, String)> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(ApiError::invalid("path", "choose the adapter's PEFT folder"));
    }
    let dir = Path::new(trimmed);
    let shown = dir.canonicalize().unwrap_or_else(|_| dir.to_owned()).display().to_string();
    Ok((read_folder(dir)?, shown))
}

/// Reads a PEFT folder without storing anything, so the person importing sees what it holds.
pub fn preview(_ctx: &Ctx, req: FolderRequest) -> ApiResult<PeftFolder> {
    Ok(folder(&req.path)?.0)
}

/// Imports a PEFT folder as a new candidate version. The folder is read and hashed before the
/// transaction starts; any problem leaves the registry unchanged.
pub fn import(ctx: &Ctx, req: AdapterImportRequest) -> ApiResult<AdapterVersion> {
    let (peft, source_dir) = folder(&req.path)?;
    let now = ctx.clock.now();
    let imported_by = ctx.actor();
    let new = NewVersion {
        adapter_name: &req.name,
        version: &req.version,
        use_case_id: req.use_case_id.as_deref(),
        data_pack_ids: &req.data_pack_ids,
        folder: &peft,
        source_dir: &source_dir,
        imported_by: &imported_by,
    };
    ctx.write(Action::Import, |tx| adapter::import_version(tx, &new, now))
}

pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<AdapterSummary>> {
    Ok(ctx.db.read(adapter::list_adapters)?)
}

pub fn versions(ctx: &Ctx, req: AdapterRef) -> ApiResult<Vec<AdapterVersion>> {
    Ok(ctx.db.read(|c| adapter::versions(c, &req.adapter))?)
}

pub fn all_versions(ctx: &Ctx, _req: ()) -> ApiResult<Vec<AdapterVersion>> {
    Ok(ctx.db.read(adapter::all_versions)?)
}

pub fn show(ctx: &Ctx, req: VersionRef) -> ApiResult<AdapterVersionDetail> {
    Ok(ctx.db.read(|c| {
        let version = adapter::require_version(c, &req.id)?;
        Ok(AdapterVersionDetail {
            evaluations: evaluation::for_version(c, &version.id)?,
            deployments: deployment::for_version(c, &version.id)?,
            version,
        })
    })?)
}

pub fn compare(ctx: &Ctx, req: DiffRequest) -> ApiResult<VersionDiff> {
    Ok(ctx.db.read(|c| Ok(diff(&adapter::require_version(c, &req.from)?, &adapter::require_version(c, &req.to)?)))?)
}

pub fn set_status(ctx: &Ctx, req: StatusRequest) -> ApiResult<AdapterVersion> {
    ctx.write(Action::Update, |tx| adapter::set_status(tx, &req.id, req.status))
}

pub fn deploy(ctx: &Ctx, req: DeploymentInput) -> ApiResult<Deployment> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| deployment::create(tx, &req, now))
}

pub fn deployments(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Deployment>> {
    Ok(ctx.db.read(deployment::list)?)
}
