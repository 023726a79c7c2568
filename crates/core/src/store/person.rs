//! Reads and writes of the people who work on a portfolio and their roles.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::compliance::{Person, PersonInput, Role};
use crate::error::{CoreError, CoreResult};

pub(crate) const ID_PREFIX: &str = "PER";

/// Stores a validated person (the caller has checked the name is free).
pub(crate) fn insert(tx: &Tx, p: &PersonInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO person (id, name, active, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, p.name, p.active, tx.now()],
    )?;
    set_roles(tx, &id, &p.roles)?;
    Ok(id)
}

pub(crate) fn update(tx: &Tx, id: &str, p: &PersonInput) -> CoreResult<()> {
    tx.execute("UPDATE person SET name = ?2, active = ?3 WHERE id = ?1", params![id, p.name, p.active])?;
    set_roles(tx, id, &p.roles)
}

fn set_roles(tx: &Tx, id: &str, roles: &[Role]) -> CoreResult<()> {
    let stored: Vec<String> = tx
        .prepare("SELECT role FROM person_role WHERE person_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for role in &stored {
        if !roles.iter().any(|r| r.as_str() == role) {
            tx.execute("DELETE FROM person_role WHERE person_id = ?1 AND role = ?2", params![id, role])?;
        }
    }
    for role in roles {
        tx.execute("INSERT OR IGNORE INTO person_role (person_id, role) VALUES (?1, ?2)", params![id, role.as_str()])?;
    }
    Ok(())
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<Person>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM person ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

/// The person called `name` (case-insensitive), if any.
pub(crate) fn find(conn: &Connection, name: &str) -> CoreResult<Option<Person>> {
    let id: Option<String> =
        conn.cached_row("SELECT id FROM person WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?;
    id.map(|id| require(conn, &id)).transpose()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Person> {
    let id = id.trim();
    let head: Option<(String, String, bool, chrono::DateTime<chrono::Utc>)> = conn
        .cached_row("SELECT id, name, active, created_at FROM person WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((id, name, active, created_at)) = head else {
        return Err(CoreError::NotFound { entity: "person", id: id.to_owned() });
    };
    let mut roles = conn
        .prepare_cached("SELECT role FROM person_role WHERE person_id = ?1")?
        .query_map([&id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?
        .iter()
        .map(|s| stored_enum(s))
        .collect::<CoreResult<Vec<Role>>>()?;
    roles.sort();
    Ok(Person { id, name, roles, active, created_at })
}

/// Whether the portfolio has people, and administrators among them (role checks start then).
pub(crate) fn facts(conn: &Connection) -> CoreResult<crate::caller::PeopleFacts> {
    let (any, administrators): (bool, bool) = conn.cached_row(
        "SELECT EXISTS (SELECT 1 FROM person), \
                EXISTS (SELECT 1 FROM person_role WHERE role = 'administrator')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(crate::caller::PeopleFacts { any, administrators })
}

pub(crate) fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.cached_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
}
