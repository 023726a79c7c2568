//! Queries on data sources: the systems training data is drawn from, and the policy (if any)
//! under which each is acceptable.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{policy, sequence, stored_enum};
use crate::error::{CoreError, CoreResult};
use crate::registry::{DataSource, DataSourceInput, PolicyCategory};

pub const ID_PREFIX: &str = "SRC";
const COLUMNS: &str = "id, name, system, owner, classification, policy_id, created_at, updated_at";

pub fn create(tx: &Transaction, input: &DataSourceInput, now: DateTime<Utc>) -> CoreResult<DataSource> {
    let s = checked(tx, input, None)?;
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO data_source (id, name, system, owner, classification, policy_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, s.name, s.system, s.owner, s.classification.as_str(), s.policy_id, now],
    )?;
    require(tx, &id)
}

pub fn update(tx: &Transaction, id: &str, input: &DataSourceInput, now: DateTime<Utc>) -> CoreResult<DataSource> {
    let current = require(tx, id)?;
    let s = checked(tx, input, Some(&current.id))?;
    tx.execute(
        "UPDATE data_source SET name = ?2, system = ?3, owner = ?4, classification = ?5, policy_id = ?6,
                updated_at = ?7 WHERE id = ?1",
        params![current.id, s.name, s.system, s.owner, s.classification.as_str(), s.policy_id, now],
    )?;
    require(tx, &current.id)
}

fn checked(conn: &Connection, input: &DataSourceInput, own_id: Option<&str>) -> CoreResult<DataSourceInput> {
    let s = input.validated()?;
    let clash: Option<String> = conn
        .query_row("SELECT id FROM data_source WHERE name = ?1 COLLATE NOCASE", [&s.name], |r| r.get(0))
        .optional()?;
    if let Some(other) = clash.filter(|other| Some(other.as_str()) != own_id) {
        return Err(CoreError::invalid("name", format!("{other} is already called {:?}", s.name)));
    }
    if let Some(policy_id) = &s.policy_id {
        let p = policy::require(conn, policy_id)
            .map_err(|_| CoreError::invalid("policy_id", format!("{policy_id} is not a policy")))?;
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
    Ok(s)
}

pub fn list(conn: &Connection) -> CoreResult<Vec<DataSource>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM data_source ORDER BY id"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<DataSource> {
    let id = id.trim();
    conn.query_row(&format!("SELECT {COLUMNS} FROM data_source WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "data source", id: id.to_owned() })?
}

fn from_row(r: &Row) -> CoreResult<DataSource> {
    Ok(DataSource {
        id: r.get(0)?,
        name: r.get(1)?,
        system: r.get(2)?,
        owner: r.get(3)?,
        classification: stored_enum(&r.get::<_, String>(4)?)?,
        policy_id: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}
