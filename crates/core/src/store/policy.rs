//! Reads and writes of policy guardrails.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Policy, PolicyInput};

pub(crate) const ID_PREFIX: &str = "POL";
const COLUMNS: &str = "id, title, body, category, owner, effective_on, version, created_at, updated_at";

pub(crate) fn insert(tx: &Tx, p: &PolicyInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO policy (id, title, body, category, owner, effective_on, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, p.title, p.body, p.category.as_str(), p.owner, p.effective_on, p.version, tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn update(tx: &Tx, id: &str, p: &PolicyInput) -> CoreResult<()> {
    tx.execute(
        "UPDATE policy SET title = ?2, body = ?3, category = ?4, owner = ?5, effective_on = ?6, version = ?7,
                updated_at = ?8 WHERE id = ?1",
        params![id, p.title, p.body, p.category.as_str(), p.owner, p.effective_on, p.version, tx.now()],
    )?;
    Ok(())
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<Policy>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM policy ORDER BY id"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<Policy>> {
    conn.cached_row(&format!("SELECT {COLUMNS} FROM policy WHERE id = ?1"), [id.trim()], |r| Ok(from_row(r)))
        .optional()?
        .transpose()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Policy> {
    get(conn, id)?.ok_or_else(|| CoreError::NotFound { entity: "policy", id: id.trim().to_owned() })
}

/// How many data sources are accepted under `policy_id`.
pub(crate) fn sources_accepted(conn: &Connection, policy_id: &str) -> CoreResult<i64> {
    Ok(conn.cached_row("SELECT count(*) FROM data_source WHERE policy_id = ?1", [policy_id], |r| r.get(0))?)
}

fn from_row(r: &Row) -> CoreResult<Policy> {
    Ok(Policy {
        id: r.get(0)?,
        title: r.get(1)?,
        body: r.get(2)?,
        category: stored_enum(&r.get::<_, String>(3)?)?,
        owner: r.get(4)?,
        effective_on: r.get(5)?,
        version: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}
