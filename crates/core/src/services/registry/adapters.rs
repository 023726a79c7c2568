//! LoRA adapters and their versions: reading a PEFT folder, importing it as a candidate version,
//! browsing and comparing versions, moving them through their statuses (approval is a compliance
//! officer's decision) and recording deployments (in the name of the person working).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::{capitalised, Caller, Gate, Permission};
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::diff::{diff, VersionDiff};
use crate::registry::peft::{read_folder, PeftFolder};
use crate::registry::{
    parse_semver, AdapterStatus, AdapterSummary, AdapterVersion, Deployment, DeploymentInput, Evaluation,
};
use crate::services::discovery::read as use_cases;
use crate::store::adapter::{self, NewVersion};
use crate::store::{data_pack, deployment, evaluation, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FolderRequest {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterImport {
    /// The PEFT folder (adapter_config.json + adapter_model.safetensors or .bin).
    pub path: String,
    pub name: String,
    pub version: String,
    pub use_case_id: Option<String>,
    pub data_pack_ids: Vec<String>,
    /// The base model, when the folder's config names none (PEFT writes `null` for unnamed
    /// models); refused when the config names one already.
    #[serde(default)]
    pub base_model: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterRef {
    /// An adapter's id or name.
    pub adapter: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterVersionRef {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterVersionDiffRequest {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterStatusChange {
    pub id: String,
    pub status: AdapterStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BaseModelChange {
    pub id: String,
    pub base_model: String,
}

/// A version with the evidence recorded against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterVersionDetail {
    pub version: AdapterVersion,
    pub evaluations: Vec<Evaluation>,
    pub deployments: Vec<Deployment>,
    /// The statuses the version may be moved to by hand.
    pub next_statuses: Vec<AdapterStatus>,
    /// Whether a deployment may be recorded now, and if not, why.
    pub deployable: Gate,
}

fn folder(path: &str) -> CoreResult<(PeftFolder, String)> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(CoreError::invalid("path", "choose the adapter's PEFT folder"));
    }
    let dir = Path::new(trimmed);
    let shown = dir.canonicalize().unwrap_or_else(|_| dir.to_owned()).display().to_string();
    Ok((read_folder(dir)?, shown))
}

/// Reads a PEFT folder without storing anything, so the person importing sees what it holds.
pub fn preview(req: &FolderRequest) -> CoreResult<PeftFolder> {
    Ok(folder(&req.path)?.0)
}

/// Imports a PEFT folder as a new candidate version. The folder is read and hashed before the
/// transaction starts; any problem leaves the registry unchanged.
pub fn import(db: &Db, caller: &Caller, req: &AdapterImport) -> CoreResult<AdapterVersion> {
    let (peft, source_dir) = folder(&req.path)?;
    let name = required_text("name", &req.name, 120)?;
    let semver = parse_semver("version", &req.version)?;
    if !semver.build.is_empty() {
        return Err(CoreError::invalid(
            "version",
            format!(
                "build metadata (+{}) does not make a new version; use a new number or a pre-release such as {}-rc.1",
                semver.build,
                semver::Version::new(semver.major, semver.minor, semver.patch)
            ),
        ));
    }
    let supplied = crate::domain::optional_text("base_model", req.base_model.as_deref(), 300)?;
    let base_model = match (&peft.config.base_model, supplied) {
        (Some(named), Some(given)) if *named != given => {
            return Err(CoreError::invalid(
                "base_model",
                format!("the folder's config already names {named:?}; it cannot be replaced by {given:?}"),
            ))
        }
        (Some(named), _) => Some(named.clone()),
        (None, given) => given,
    };
    let mut pack_ids: Vec<String> =
        req.data_pack_ids.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    pack_ids.sort();
    pack_ids.dedup();
    db.write(caller, Action::Import, |tx| {
        let use_case_id = match req.use_case_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => Some(use_cases::require_for(tx, "use_case_id", id)?.id),
            None => None,
        };
        for id in &pack_ids {
            data_pack::require(tx, id)
                .map_err(|_| CoreError::invalid("data_pack_ids", format!("{id} is not a data pack")))?;
        }
        let adapter_id = match adapter::find_adapter(tx, &name)? {
            Some((id, linked)) => {
                if let (Some(linked), Some(wanted)) = (&linked, &use_case_id) {
                    if linked != wanted {
                        return Err(CoreError::invalid(
                            "use_case_id",
                            format!("adapter {name:?} serves {linked}; import under another name for {wanted}"),
                        ));
                    }
                }
                if let (None, Some(wanted)) = (&linked, &use_case_id) {
                    adapter::set_adapter_use_case(tx, &id, wanted)?;
                }
                if let Some(clash) = adapter::version_id(tx, &id, &semver.to_string())? {
                    return Err(CoreError::invalid(
                        "version",
                        format!("{name} {semver} is already registered ({clash})"),
                    ));
                }
                id
            }
            None => adapter::insert_adapter(tx, &name, use_case_id.as_deref())?,
        };
        let imported_by = tx.actor().name.clone();
        let id = adapter::insert_version(
            tx,
            &NewVersion {
                adapter_id: &adapter_id,
                version: &semver,
                folder: &peft,
                base_model: base_model.as_deref(),
                source_dir: &source_dir,
                imported_by: &imported_by,
                data_pack_ids: &pack_ids,
            },
        )?;
        adapter::require_version(tx, &id)
    })
}

pub fn list(db: &Db) -> CoreResult<Vec<AdapterSummary>> {
    db.read(|s| adapter::list_adapters(s))
}

pub fn versions(db: &Db, req: &AdapterRef) -> CoreResult<Vec<AdapterVersion>> {
    db.read(|s| adapter::versions(s, &req.adapter))
}

pub fn all_versions(db: &Db) -> CoreResult<Vec<AdapterVersion>> {
    db.read(|s| adapter::all_versions(s))
}

pub fn show(db: &Db, req: &AdapterVersionRef) -> CoreResult<AdapterVersionDetail> {
    db.read(|c| {
        let version = adapter::require_version(c, &req.id)?;
        Ok(AdapterVersionDetail {
            evaluations: evaluation::for_version(c, &version.id)?,
            deployments: deployment::for_version(c, &version.id)?,
            next_statuses: version.status.next_statuses(),
            deployable: match version.status.deployable() {
                Ok(()) => Gate { allowed: true, reason: None },
                Err(reason) => Gate { allowed: false, reason: Some(capitalised(reason)) },
            },
            version,
        })
    })
}

pub fn compare(db: &Db, req: &AdapterVersionDiffRequest) -> CoreResult<VersionDiff> {
    db.read(|c| Ok(diff(&read::version_for(c, "from", &req.from)?, &read::version_for(c, "to", &req.to)?)))
}

/// Moves a version on: approving it is a compliance officer's decision; retiring is anyone's;
/// "deployed" only follows from recording a deployment.
pub fn set_status(db: &Db, caller: &Caller, req: &AdapterStatusChange) -> CoreResult<AdapterVersion> {
    db.write(caller, Action::Update, |tx| {
        if req.status == AdapterStatus::Approved {
            tx.actor().may(Permission::ApproveAdapterVersion)?;
        }
        let v = adapter::require_version(tx, &req.id)?;
        v.status.check_transition(req.status)?;
        adapter::set_status(tx, &v.id, req.status)?;
        adapter::require_version(tx, &v.id)
    })
}

/// Supplies the base model of a version whose PEFT config named none (closing that lineage gap).
/// A version that records one already keeps it.
pub fn set_base_model(db: &Db, caller: &Caller, req: &BaseModelChange) -> CoreResult<AdapterVersion> {
    let base_model = required_text("base_model", &req.base_model, 300)?;
    db.write(caller, Action::Update, |tx| {
        let v = adapter::require_version(tx, &req.id)?;
        if let Some(existing) = &v.base_model {
            return Err(CoreError::invalid("base_model", format!("{} already records {existing:?}", v.id)));
        }
        adapter::set_base_model(tx, &v.id, &base_model)?;
        adapter::require_version(tx, &v.id)
    })
}

/// Records a deployment (approved by the person working) and marks the version deployed. Only an
/// approved (or already deployed) version may be deployed, and only past the regression gate
/// (./regression.rs); gaps in its lineage are reported by `lineage --check`, not hidden.
pub fn deploy(db: &Db, caller: &Caller, input: &DeploymentInput) -> CoreResult<Deployment> {
    let d = input.validated()?;
    db.write(caller, Action::Create, |tx| {
        if let Some(named) = &d.approved_by {
            tx.actor().check_named("approved_by", named)?;
        }
        let d = DeploymentInput { approved_by: Some(tx.actor().name.clone()), ..d };
        let version = read::version_for(tx, "adapter_version_id", &d.adapter_version_id)?;
        if let Err(reason) = version.status.deployable() {
            return Err(CoreError::invalid(
                "adapter_version_id",
                format!("{} is {}; {reason}", version.id, version.status),
            ));
        }
        super::regression::enforce(tx, &version.id, d.override_rationale.as_deref())?;
        let id = deployment::insert(tx, &DeploymentInput { adapter_version_id: version.id.clone(), ..d })?;
        adapter::set_status(tx, &version.id, AdapterStatus::Deployed)?;
        deployment::require(tx, &id)
    })
}

pub fn deployments(db: &Db) -> CoreResult<Vec<Deployment>> {
    db.read(|s| deployment::list(s))
}
