//! Queries on deployments: an adapter version put into an environment or a pilot phase.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Deployment, DeploymentInput};

pub(crate) const ID_PREFIX: &str = "DEP";
const COLUMNS: &str = "id, adapter_version_id, target, deployed_on, approved_by, created_at";

/// Stores a validated deployment of a version the caller has checked.
pub(crate) fn insert(tx: &Tx, d: &DeploymentInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO deployment (id, adapter_version_id, target, deployed_on, approved_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, d.adapter_version_id, d.target, d.deployed_on, d.approved_by, tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn for_version(conn: &Connection, adapter_version_id: &str) -> CoreResult<Vec<Deployment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM deployment WHERE adapter_version_id = ?1 ORDER BY deployed_on, id"
    ))?;
    let rows = stmt.query_map([adapter_version_id.trim()], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<Deployment>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM deployment ORDER BY deployed_on DESC, id DESC"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Deployment> {
    let id = id.trim();
    conn.cached_row(&format!("SELECT {COLUMNS} FROM deployment WHERE id = ?1"), [id], |r| Ok(from_row(r)))
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
