//! Queries on the people who work on a portfolio and their roles.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{sequence, stored_enum};
use crate::compliance::{Person, PersonInput, Role};
use crate::error::{CoreError, CoreResult};

pub const ID_PREFIX: &str = "PER";

pub fn create(tx: &Transaction, input: &PersonInput, now: DateTime<Utc>) -> CoreResult<Person> {
    let p = input.validated()?;
    if let Some(existing) = find(tx, &p.name)? {
        return Err(CoreError::invalid("name", format!("{} is already {:?}", existing.id, existing.name)));
    }
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO person (id, name, active, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, p.name, p.active, now],
    )?;
    set_roles(tx, &id, &p.roles)?;
    require(tx, &id)
}

pub fn update(tx: &Transaction, id: &str, input: &PersonInput) -> CoreResult<Person> {
    let current = require(tx, id)?;
    let p = input.validated()?;
    if let Some(other) = find(tx, &p.name)?.filter(|o| o.id != current.id) {
        return Err(CoreError::invalid("name", format!("{} is already {:?}", other.id, other.name)));
    }
    let keeps_admin = p.active && p.roles.contains(&Role::Administrator);
    if current.has(Role::Administrator) && !keeps_admin {
        let others: i64 = tx.query_row(
            "SELECT count(*) FROM person p JOIN person_role r ON r.person_id = p.id
             WHERE r.role = 'administrator' AND p.active = 1 AND p.id <> ?1",
            [&current.id],
            |r| r.get(0),
        )?;
        if others == 0 {
            return Err(CoreError::invalid("roles", "this is the last active administrator; name another one first"));
        }
    }
    tx.execute("UPDATE person SET name = ?2, active = ?3 WHERE id = ?1", params![current.id, p.name, p.active])?;
    set_roles(tx, &current.id, &p.roles)?;
    require(tx, &current.id)
}

fn set_roles(tx: &Transaction, id: &str, roles: &[Role]) -> CoreResult<()> {
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

pub fn list(conn: &Connection) -> CoreResult<Vec<Person>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM person ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

/// The person called `name` (case-insensitive), if any.
pub fn find(conn: &Connection, name: &str) -> CoreResult<Option<Person>> {
    let id: Option<String> =
        conn.query_row("SELECT id FROM person WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?;
    id.map(|id| require(conn, &id)).transpose()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Person> {
    let id = id.trim();
    let head: Option<(String, String, bool, DateTime<Utc>)> = conn
        .query_row("SELECT id, name, active, created_at FROM person WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((id, name, active, created_at)) = head else {
        return Err(CoreError::NotFound { entity: "person", id: id.to_owned() });
    };
    let roles = conn
        .prepare_cached("SELECT role FROM person_role WHERE person_id = ?1")?
        .query_map([&id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?
        .iter()
        .map(|s| stored_enum(s))
        .collect::<CoreResult<Vec<Role>>>()?;
    let mut roles = roles;
    roles.sort();
    Ok(Person { id, name, roles, active, created_at })
}

pub fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))?)
}
