//! Policy guardrails, data sources (each accepted under an acceptable-data-sources policy, or
//! flagged) and data packs (drawn from sources, approved once by a compliance officer).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::caller::Permission;
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::hashing::hash_file;
use crate::registry::{
    DataPack, DataPackInput, DataSource, DataSourceField, DataSourceInput, PackApproval, Policy, PolicyCategory,
    PolicyField, PolicyInput,
};
use crate::store::{data_pack, data_source, policy, Db, Tx};

pub fn policies(db: &Db) -> CoreResult<Vec<Policy>> {
    db.read(|s| policy::list(s))
}

pub fn create_policy(db: &Db, caller: &Caller, input: &PolicyInput) -> CoreResult<Policy> {
    let p = input.validated()?;
    db.write(caller, Action::Create, |tx| {
        let id = policy::insert(tx, &p)?;
        policy::require(tx, &id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PolicyUpdate {
    pub id: String,
    pub changes: Vec<PolicyField>,
    /// The policy as the editor showed it; `None` sets the fields whatever they hold now.
    pub loaded: Option<PolicyInput>,
}

pub fn update_policy(db: &Db, caller: &Caller, req: &PolicyUpdate) -> CoreResult<Policy> {
    db.write(caller, Action::Update, |tx| {
        let current = policy::require(tx, &req.id)?;
        let p = edits::apply(&current.id, &current.to_input(), req.loaded.as_ref(), &req.changes)?.validated()?;
        if p.category != PolicyCategory::AcceptableDataSources
            && current.category == PolicyCategory::AcceptableDataSources
        {
            let accepting = policy::sources_accepted(tx, &current.id)?;
            if accepting > 0 {
                return Err(CoreError::invalid(
                    "category",
                    format!("{accepting} data source(s) are accepted under this policy; it must stay an acceptable-data-sources policy"),
                ));
            }
        }
        policy::update(tx, &current.id, &p)?;
        policy::require(tx, &current.id)
    })
}

pub fn sources(db: &Db) -> CoreResult<Vec<DataSource>> {
    db.read(|s| data_source::list(s))
}

pub fn create_source(db: &Db, caller: &Caller, input: &DataSourceInput) -> CoreResult<DataSource> {
    let s = input.validated()?;
    db.write(caller, Action::Create, |tx| {
        check_source(tx, &s, None)?;
        let id = data_source::insert(tx, &s)?;
        data_source::require(tx, &id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataSourceUpdate {
    pub id: String,
    pub changes: Vec<DataSourceField>,
    /// The source as the editor showed it; `None` sets the fields whatever they hold now.
    pub loaded: Option<DataSourceInput>,
}

pub fn update_source(db: &Db, caller: &Caller, req: &DataSourceUpdate) -> CoreResult<DataSource> {
    db.write(caller, Action::Update, |tx| {
        let current = data_source::require(tx, &req.id)?;
        let s = edits::apply(&current.id, &current.to_input(), req.loaded.as_ref(), &req.changes)?.validated()?;
        check_source(tx, &s, Some(&current.id))?;
        data_source::update(tx, &current.id, &s)?;
        data_source::require(tx, &current.id)
    })
}

/// A source's name is unique, and the policy it is accepted under must accept data sources.
fn check_source(tx: &Tx, s: &DataSourceInput, own_id: Option<&str>) -> CoreResult<()> {
    if let Some(other) = data_source::id_named(tx, &s.name)?.filter(|other| Some(other.as_str()) != own_id) {
        return Err(CoreError::invalid("name", format!("{other} is already called {:?}", s.name)));
    }
    if let Some(policy_id) = &s.policy_id {
        let p = policy::get(tx, policy_id)?
            .ok_or_else(|| CoreError::invalid("policy_id", format!("{policy_id} is not a policy")))?;
        if p.category != PolicyCategory::AcceptableDataSources {
            return Err(CoreError::invalid(
                "policy_id",
                format!(
                    "{} is a {} policy; sources are accepted under an acceptable_data_sources policy",
                    p.id, p.category
                ),
            ));
        }
    }
    Ok(())
}

pub fn packs(db: &Db) -> CoreResult<Vec<DataPack>> {
    db.read(|s| data_pack::list(s))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataPackCreate {
    pub pack: DataPackInput,
    /// A file whose SHA-256 pins the pack's contents (optional).
    pub file_path: Option<String>,
}

/// Registers a data pack; a named file is hashed (streaming) before the transaction starts.
pub fn create_pack(db: &Db, caller: &Caller, req: &DataPackCreate) -> CoreResult<DataPack> {
    let p = req.pack.validated()?;
    let file = match req.file_path.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(path) => {
            let path = Path::new(path);
            if !path.is_file() {
                return Err(CoreError::invalid("file_path", format!("{} is not a file", path.display())));
            }
            Some(hash_file(path)?)
        }
        None => None,
    };
    db.write(caller, Action::Create, |tx| {
        for source_id in &p.source_ids {
            data_source::get(tx, source_id)?
                .ok_or_else(|| CoreError::invalid("source_ids", format!("{source_id} is not a data source")))?;
        }
        if let Some(other) = data_pack::id_of(tx, &p.name, &p.version)? {
            return Err(CoreError::invalid("version", format!("{} {} already exists ({other})", p.name, p.version)));
        }
        let id = data_pack::insert(tx, &p, file.as_ref())?;
        data_pack::require(tx, &id)
    })
}

/// Records a compliance officer's approval of a pack, in their own name. Approving twice is
/// refused, so the first approval (the one training relied on) is never silently replaced.
pub fn approve_pack(db: &Db, caller: &Caller, approval: &PackApproval) -> CoreResult<DataPack> {
    let a = approval.validated()?;
    db.write(caller, Action::Decide, |tx| {
        tx.actor().may(Permission::ApproveDataPack)?;
        let approved_by = match &a.approved_by {
            Some(named) => {
                tx.actor().check_named("approved_by", named)?;
                named.clone()
            }
            None => tx.actor().name.clone(),
        };
        let pack = data_pack::require(tx, &a.data_pack_id)?;
        if let (Some(by), Some(on)) = (&pack.approved_by, &pack.approved_on) {
            return Err(CoreError::invalid(
                "data_pack_id",
                format!("{} was already approved by {by} on {on}", pack.id),
            ));
        }
        data_pack::set_approval(tx, &pack.id, &approved_by, &a.approved_on)?;
        data_pack::require(tx, &pack.id)
    })
}
