//! Reads and writes of sign-offs. Rows are never updated: signing again adds one.

use rusqlite::{params, Connection, Row};

use super::{sequence, stored_enum, Tx};
use crate::compliance::{Person, Signoff, SignoffKind};
use crate::error::CoreResult;

pub(crate) const ID_PREFIX: &str = "SO";
const COLUMNS: &str = "id, entity_kind, entity_id, signed_by, role, signed_at, comment, content_sha256, content_json";

pub(crate) struct NewSignoff<'a> {
    pub kind: SignoffKind,
    pub entity_id: &'a str,
    pub person: &'a Person,
    pub comment: &'a str,
    pub content_sha256: &'a str,
    pub content_json: &'a str,
}

pub(crate) fn insert(tx: &Tx, new: &NewSignoff) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO signoff (id, entity_kind, entity_id, signed_by, role, signed_at, comment, content_sha256,
                             content_json, person_id)
         VALUES (?1, ?2, ?3, ?4, 'compliance_officer', ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            new.kind.as_str(),
            new.entity_id,
            new.person.name,
            tx.now(),
            new.comment,
            new.content_sha256,
            new.content_json,
            new.person.id
        ],
    )?;
    Ok(id)
}

/// Every sign-off (of one entity, when given), newest first.
pub(crate) fn list(conn: &Connection, entity_id: Option<&str>) -> CoreResult<Vec<Signoff>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM signoff WHERE (?1 IS NULL OR entity_id = ?1) ORDER BY signed_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([entity_id.map(str::trim)], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

fn from_row(r: &Row) -> CoreResult<Signoff> {
    Ok(Signoff {
        id: r.get(0)?,
        entity_kind: stored_enum(&r.get::<_, String>(1)?)?,
        entity_id: r.get(2)?,
        signed_by: r.get(3)?,
        role: stored_enum(&r.get::<_, String>(4)?)?,
        signed_at: r.get(5)?,
        comment: r.get(6)?,
        content_sha256: r.get(7)?,
        content_json: r.get(8)?,
    })
}
