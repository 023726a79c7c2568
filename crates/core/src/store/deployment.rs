//! Queries on deployments: an adapter version put into an environment or a pilot phase.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{adapter, sequence};
use crate::error::{CoreError, CoreResult};
use crate::registry::{AdapterStatus, Deployment, DeploymentInput};

pub const ID_PREFIX: &str = "DEP";
const COLUMNS: &str = "id, adapter_version_id, target, deployed_on, approved_by, created_at";

/// Records a deployment and marks the version deployed. Only an approved (or already deployed)
/// version may be deployed; gaps in its lineage are reported by `lineage --check`, not hidden.
pub fn create(tx: &Transaction, input: &DeploymentInput, now: DateTime<Utc>) -> CoreResult<Deployment> {
    let d = input.validated()?;
    let version = adapter::require_version(tx, &d.adapter_version_id).map_err(|_| {
        CoreError::invalid("adapter_version_id", format!("{} is not an adapter version", d.adapter_version_id))
    })?;
    match version.status {
        AdapterStatus::Approved | AdapterStatus::Deployed => {}
        other => {
            return Err(CoreError::invalid(
                "adapter_version_id",
                format!("{} is {other}; only an approved version can be deployed", version.id),
            ))
        }
    }
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO deployment (id, adapter_version_id, target, deployed_on, approved_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, version.id, d.target, d.deployed_on, d.approved_by, now],
    )?;
    adapter::mark_deployed(tx, &version.id)?;
    require(tx, &id)
}

pub fn for_version(conn: &Connection, adapter_version_id: &str) -> CoreResult<Vec<Deployment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM deployment WHERE adapter_version_id = ?1 ORDER BY deployed_on, id"
    ))?;
    let rows = stmt.query_map([adapter_version_id.trim()], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn list(conn: &Connection) -> CoreResult<Vec<Deployment>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM deployment ORDER BY deployed_on DESC, id DESC"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Deployment> {
    let id = id.trim();
    conn.query_row(&format!("SELECT {COLUMNS} FROM deployment WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "deployment", id: id.to_owned() })?
}

fn from_row(r: &Row) -> CoreResult<Deployment> {
    Ok(Deployment {
        id: r.get(0)?,
        adapter_version_id: r.get(1)?,
        target: r.get(2)?,
        deployed_on: r.get(3)?,
        approved_by: r.get(4)?,
        created_at: r.get(5)?,
    })
}
