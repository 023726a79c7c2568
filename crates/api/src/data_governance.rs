//! Handlers for policy guardrails, data sources and data packs (with their approvals).

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::Role;
use steerco_core::registry::hashing::hash_file;
use steerco_core::registry::{DataPack, DataPackInput, DataSource, DataSourceInput, PackApproval, Policy, PolicyInput};
use steerco_core::store::{data_pack, data_source, policy};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PolicyUpdate {
    pub id: String,
    pub policy: PolicyInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataSourceUpdate {
    pub id: String,
    pub source: DataSourceInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewDataPackRequest {
    pub pack: DataPackInput,
    /// A file whose SHA-256 pins the pack's contents (optional).
    pub file_path: Option<String>,
}

pub fn list_policies(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Policy>> {
    Ok(ctx.db.read(policy::list)?)
}

pub fn create_policy(ctx: &Ctx, req: PolicyInput) -> ApiResult<Policy> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| policy::create(tx, &req, now))
}

pub fn update_policy(ctx: &Ctx, req: PolicyUpdate) -> ApiResult<Policy> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| policy::update(tx, &req.id, &req.policy, now))
}

pub fn list_sources(ctx: &Ctx, _req: ()) -> ApiResult<Vec<DataSource>> {
    Ok(ctx.db.read(data_source::list)?)
}

pub fn create_source(ctx: &Ctx, req: DataSourceInput) -> ApiResult<DataSource> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| data_source::create(tx, &req, now))
}

pub fn update_source(ctx: &Ctx, req: DataSourceUpdate) -> ApiResult<DataSource> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| data_source::update(tx, &req.id, &req.source, now))
}

pub fn list_packs(ctx: &Ctx, _req: ()) -> ApiResult<Vec<DataPack>> {
    Ok(ctx.db.read(data_pack::list)?)
}

/// Registers a data pack; a named file is hashed (streaming) before the transaction starts.
pub fn create_pack(ctx: &Ctx, req: NewDataPackRequest) -> ApiResult<DataPack> {
    req.pack.validated()?;
    let file = match req.file_path.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = std::path::Path::new(path);
            if !path.is_file() {
                return Err(ApiError::invalid("file_path", format!("{} is not a file", path.display())));
            }
            Some(hash_file(path)?)
        }
        None => None,
    };
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| data_pack::create(tx, &req.pack, file.as_ref(), now))
}

pub fn approve_pack(ctx: &Ctx, req: PackApproval) -> ApiResult<DataPack> {
    ctx.require_role_once_people_exist(Role::ComplianceOfficer, "approve a data pack")?;
    ctx.check_named("approved_by", &req.approved_by)?;
    ctx.write(Action::Decide, |tx| data_pack::approve(tx, &req))
}
