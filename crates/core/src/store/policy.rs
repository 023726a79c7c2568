//! Queries on policies (the guardrails data sources are accepted under).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{sequence, stored_enum};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Policy, PolicyCategory, PolicyInput};

pub const ID_PREFIX: &str = "POL";
const COLUMNS: &str = "id, title, body, category, owner, effective_on, version, created_at, updated_at";

pub fn create(tx: &Transaction, input: &PolicyInput, now: DateTime<Utc>) -> CoreResult<Policy> {
    let p = input.validated()?;
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO policy (id, title, body, category, owner, effective_on, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, p.title, p.body, p.category.as_str(), p.owner, p.effective_on, p.version, now],
    )?;
    require(tx, &id)
}

pub fn update(tx: &Transaction, id: &str, input: &PolicyInput, now: DateTime<Utc>) -> CoreResult<Policy> {
    let current = require(tx, id)?;
    let p = input.validated()?;
    if p.category != PolicyCategory::AcceptableDataSources && current.category == PolicyCategory::AcceptableDataSources
    {
        let accepting: i64 =
            tx.query_row("SELECT count(*) FROM data_source WHERE policy_id = ?1", [&current.id], |r| r.get(0))?;
        if accepting > 0 {
            return Err(CoreError::invalid(
                "category",
                format!("{accepting} data source(s) are accepted under this policy; it must stay an acceptable-data-sources policy"),
            ));
        }
    }
    tx.execute(
        "UPDATE policy SET title = ?2, body = ?3, category = ?4, owner = ?5, effective_on = ?6, version = ?7,
                updated_at = ?8 WHERE id = ?1",
        params![current.id, p.title, p.body, p.category.as_str(), p.owner, p.effective_on, p.version, now],
    )?;
    require(tx, &current.id)
}

pub fn list(conn: &Connection) -> CoreResult<Vec<Policy>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM policy ORDER BY id"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Policy> {
    let id = id.trim();
    conn.query_row(&format!("SELECT {COLUMNS} FROM policy WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "policy", id: id.to_owned() })?
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
