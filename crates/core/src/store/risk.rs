//! Reads and writes of the risk register.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::compliance::{Risk, RiskInput};
use crate::error::{CoreError, CoreResult};

pub(crate) const ID_PREFIX: &str = "RISK";
const COLUMNS: &str = "id, use_case_id, title, likelihood, impact, owner, mitigation, status, created_at, updated_at";

/// Stores a validated risk whose use case the caller has checked.
pub(crate) fn insert(tx: &Tx, r: &RiskInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO risk (id, use_case_id, title, likelihood, impact, owner, mitigation, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, r.use_case_id, r.title, r.likelihood, r.impact, r.owner, r.mitigation, r.status.as_str(), tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn update(tx: &Tx, id: &str, r: &RiskInput) -> CoreResult<()> {
    tx.execute(
        "UPDATE risk SET title = ?2, likelihood = ?3, impact = ?4, owner = ?5, mitigation = ?6, status = ?7,
                updated_at = ?8 WHERE id = ?1",
        params![id, r.title, r.likelihood, r.impact, r.owner, r.mitigation, r.status.as_str(), tx.now()],
    )?;
    Ok(())
}

pub(crate) fn list(conn: &Connection, use_case_id: Option<&str>) -> CoreResult<Vec<Risk>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM risk WHERE (?1 IS NULL OR use_case_id = ?1) ORDER BY use_case_id, likelihood * impact DESC, id"
    ))?;
    let rows = stmt.query_map([use_case_id.map(str::trim)], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Risk> {
    let id = id.trim();
    conn.cached_row(&format!("SELECT {COLUMNS} FROM risk WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "risk", id: id.to_owned() })?
}

fn from_row(r: &Row) -> CoreResult<Risk> {
    Ok(Risk {
        id: r.get(0)?,
        use_case_id: r.get(1)?,
        title: r.get(2)?,
        likelihood: r.get(3)?,
        impact: r.get(4)?,
        owner: r.get(5)?,
        mitigation: r.get(6)?,
        status: stored_enum(&r.get::<_, String>(7)?)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}
