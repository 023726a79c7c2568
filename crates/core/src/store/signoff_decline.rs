//! Reads and writes of sign-off refusals. Rows are never updated: declining again adds one.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{sequence, stored_enum, Tx};
use crate::compliance::{Person, SignoffKind};
use crate::error::{CoreError, CoreResult};
use crate::services::compliance::review::SignoffDecline;

pub(crate) const ID_PREFIX: &str = "SD";
const COLUMNS: &str = "id, entity_kind, entity_id, declined_by, declined_at, reason, content_sha256";

pub(crate) struct NewDecline<'a> {
    pub kind: SignoffKind,
    pub entity_id: &'a str,
    pub person: &'a Person,
    pub reason: &'a str,
    pub content_sha256: &'a str,
}

pub(crate) fn insert(tx: &Tx, new: &NewDecline) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO signoff_decline (id, entity_kind, entity_id, declined_by, person_id, declined_at, reason,
                                      content_sha256)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            new.kind.as_str(),
            new.entity_id,
            new.person.name,
            new.person.id,
            tx.now(),
            new.reason,
            new.content_sha256
        ],
    )?;
    Ok(id)
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<SignoffDecline> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM signoff_decline WHERE id = ?1"))?;
    stmt.query_row([id], |r| Ok(from_row(r)))
        .optional()?
        .transpose()?
        .ok_or_else(|| CoreError::NotFound { entity: "sign-off refusal", id: id.to_owned() })
}

/// The newest refusal of `entity_id`, if any.
pub(crate) fn latest(conn: &Connection, entity_id: &str) -> CoreResult<Option<SignoffDecline>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM signoff_decline WHERE entity_id = ?1 ORDER BY declined_at DESC, id DESC LIMIT 1"
    ))?;
    stmt.query_row([entity_id], |r| Ok(from_row(r))).optional()?.transpose()
}

/// The newest refusal of every record that has one.
pub(crate) fn latest_all(conn: &Connection) -> CoreResult<Vec<SignoffDecline>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM signoff_decline d WHERE NOT EXISTS (
             SELECT 1 FROM signoff_decline n WHERE n.entity_id = d.entity_id
                 AND (n.declined_at > d.declined_at OR (n.declined_at = d.declined_at AND n.id > d.id)))"
    ))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

fn from_row(r: &Row) -> CoreResult<SignoffDecline> {
    Ok(SignoffDecline {
        id: r.get(0)?,
        entity_kind: stored_enum(&r.get::<_, String>(1)?)?,
        entity_id: r.get(2)?,
        declined_by: r.get(3)?,
        declined_at: r.get(4)?,
        reason: r.get(5)?,
        content_sha256: r.get(6)?,
    })
}
