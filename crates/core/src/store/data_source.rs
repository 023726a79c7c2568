//! Reads and writes of data sources: the systems training data is drawn from.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::{DataSource, DataSourceInput};

pub(crate) const ID_PREFIX: &str = "SRC";
const COLUMNS: &str = "id, name, system, owner, classification, policy_id, created_at, updated_at";

pub(crate) fn insert(tx: &Tx, s: &DataSourceInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO data_source (id, name, system, owner, classification, policy_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, s.name, s.system, s.owner, s.classification.as_str(), s.policy_id, tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn update(tx: &Tx, id: &str, s: &DataSourceInput) -> CoreResult<()> {
    tx.execute(
        "UPDATE data_source SET name = ?2, system = ?3, owner = ?4, classification = ?5, policy_id = ?6,
                updated_at = ?7 WHERE id = ?1",
        params![id, s.name, s.system, s.owner, s.classification.as_str(), s.policy_id, tx.now()],
    )?;
    Ok(())
}

/// The id of the source called `name` (case-insensitive), if any.
pub(crate) fn id_named(conn: &Connection, name: &str) -> CoreResult<Option<String>> {
    Ok(conn.cached_row("SELECT id FROM data_source WHERE name = ?1 COLLATE NOCASE", [name], |r| r.get(0)).optional()?)
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<DataSource>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM data_source ORDER BY id"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<DataSource>> {
    conn.cached_row(&format!("SELECT {COLUMNS} FROM data_source WHERE id = ?1"), [id.trim()], |r| Ok(from_row(r)))
        .optional()?
        .transpose()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<DataSource> {
    get(conn, id)?.ok_or_else(|| CoreError::NotFound { entity: "data source", id: id.trim().to_owned() })
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
