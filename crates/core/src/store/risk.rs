//! Queries on the risk register: risks per use case with likelihood, impact, owner, mitigation
//! and status.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{sequence, stored_enum, use_case};
use crate::compliance::{Risk, RiskInput};
use crate::error::{CoreError, CoreResult};

pub const ID_PREFIX: &str = "RISK";
const COLUMNS: &str = "id, use_case_id, title, likelihood, impact, owner, mitigation, status, created_at, updated_at";

pub fn create(tx: &Transaction, input: &RiskInput, now: DateTime<Utc>) -> CoreResult<Risk> {
    let r = input.validated()?;
    let case = use_case::require(tx, &r.use_case_id)
        .map_err(|_| CoreError::invalid("use_case_id", format!("{} is not a use case", r.use_case_id)))?;
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO risk (id, use_case_id, title, likelihood, impact, owner, mitigation, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, case.id, r.title, r.likelihood, r.impact, r.owner, r.mitigation, r.status.as_str(), now],
    )?;
    require(tx, &id)
}

pub fn update(tx: &Transaction, id: &str, input: &RiskInput, now: DateTime<Utc>) -> CoreResult<Risk> {
    let current = require(tx, id)?;
    let r = input.validated()?;
    if r.use_case_id != current.use_case_id {
        return Err(CoreError::invalid("use_case_id", "a risk stays with its use case; record a new one instead"));
    }
    tx.execute(
        "UPDATE risk SET title = ?2, likelihood = ?3, impact = ?4, owner = ?5, mitigation = ?6, status = ?7,
                updated_at = ?8 WHERE id = ?1",
        params![current.id, r.title, r.likelihood, r.impact, r.owner, r.mitigation, r.status.as_str(), now],
    )?;
    require(tx, &current.id)
}

pub fn list(conn: &Connection, use_case_id: Option<&str>) -> CoreResult<Vec<Risk>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM risk WHERE (?1 IS NULL OR use_case_id = ?1) ORDER BY use_case_id, likelihood * impact DESC, id"
    ))?;
    let rows = stmt.query_map([use_case_id.map(str::trim)], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Risk> {
    let id = id.trim();
    conn.query_row(&format!("SELECT {COLUMNS} FROM risk WHERE id = ?1"), [id], |r| Ok(from_row(r)))
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
