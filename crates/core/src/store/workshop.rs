//! Reads and writes of the workshop tables: the workshop, its participants, its agenda (with
//! each dossier's ratings when the workshop took it on) and who rated what.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::{sequence, Tx};
use crate::domain::{CriterionKey, Ratings};
use crate::error::{CoreError, CoreResult};
use crate::workshop::{NewWorkshop, RatingSource, Workshop, WorkshopRating};

pub(crate) const ID_PREFIX: &str = "WS";

/// Stores a validated workshop with its agenda (each case with its ratings before the workshop).
pub(crate) fn insert(tx: &Tx, new: &NewWorkshop, agenda: &[(String, Ratings)]) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO workshop (id, title, held_on, facilitator, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, new.title, new.held_on, new.facilitator, tx.now()],
    )?;
    for (position, name) in new.participants.iter().enumerate() {
        tx.execute(
            "INSERT INTO workshop_participant (workshop_id, name, position) VALUES (?1, ?2, ?3)",
            params![id, name, position as i64],
        )?;
    }
    for (position, (use_case_id, before)) in agenda.iter().enumerate() {
        tx.execute(
            "INSERT OR IGNORE INTO workshop_use_case
                 (workshop_id, use_case_id, position, value_before, criticality_before, guardrail_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, use_case_id, position as i64, before.value, before.criticality, before.guardrail],
        )?;
    }
    Ok(id)
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<Workshop>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM workshop ORDER BY held_on DESC, id DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Workshop> {
    let id = id.trim();
    let head = conn
        .cached_row(
            "SELECT id, title, held_on, facilitator, created_at,
                    (SELECT count(*) FROM workshop_rating WHERE workshop_id = w.id)
             FROM workshop w WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()?;
    let Some((id, title, held_on, facilitator, created_at, rating_count)) = head else {
        return Err(CoreError::NotFound { entity: "workshop", id: id.to_owned() });
    };
    let column = |sql: &str| -> CoreResult<Vec<String>> {
        Ok(conn.prepare_cached(sql)?.query_map([&id], |r| r.get(0))?.collect::<Result<_, _>>()?)
    };
    let participants = column("SELECT name FROM workshop_participant WHERE workshop_id = ?1 ORDER BY position")?;
    let use_case_ids = column("SELECT use_case_id FROM workshop_use_case WHERE workshop_id = ?1 ORDER BY position")?;
    Ok(Workshop { id, title, held_on, facilitator, participants, use_case_ids, rating_count, created_at })
}

pub(crate) fn ratings(conn: &Connection, workshop_id: &str) -> CoreResult<Vec<WorkshopRating>> {
    let mut stmt = conn.prepare_cached(
        "SELECT participant, use_case_id, criterion, rating, source, recorded_at FROM workshop_rating
         WHERE workshop_id = ?1 ORDER BY use_case_id, criterion, participant",
    )?;
    let rows = stmt.query_map([workshop_id.trim()], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get(3)?,
            r.get::<_, String>(4)?,
            r.get(5)?,
        ))
    })?;
    rows.map(|row| {
        let (participant, use_case_id, criterion, rating, source, recorded_at) = row?;
        Ok(WorkshopRating {
            participant,
            use_case_id,
            criterion: criterion.parse()?,
            rating,
            source: if source == "sheet" { RatingSource::Sheet } else { RatingSource::Screen },
            recorded_at,
        })
    })
    .collect()
}

pub(crate) struct Cell<'a> {
    pub workshop_id: &'a str,
    pub participant: &'a str,
    pub use_case_id: &'a str,
    pub criterion: CriterionKey,
}

pub(crate) fn put_rating(tx: &Tx, cell: &Cell, rating: u8, source: RatingSource) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO workshop_rating (workshop_id, participant, use_case_id, criterion, rating, source, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (workshop_id, participant, use_case_id, criterion)
         DO UPDATE SET rating = excluded.rating, source = excluded.source, recorded_at = excluded.recorded_at",
        params![
            cell.workshop_id,
            cell.participant,
            cell.use_case_id,
            cell.criterion.as_str(),
            rating,
            source.as_str(),
            tx.now()
        ],
    )?;
    Ok(())
}

pub(crate) fn remove_rating(tx: &Tx, cell: &Cell) -> CoreResult<()> {
    tx.execute(
        "DELETE FROM workshop_rating WHERE workshop_id = ?1 AND participant = ?2 AND use_case_id = ?3 AND criterion = ?4",
        params![cell.workshop_id, cell.participant, cell.use_case_id, cell.criterion.as_str()],
    )?;
    Ok(())
}

/// Every participant's rating of one criterion of one use case.
pub(crate) fn cell_ratings(
    conn: &Connection,
    workshop_id: &str,
    use_case_id: &str,
    criterion: CriterionKey,
) -> CoreResult<Vec<u8>> {
    Ok(conn
        .prepare_cached(
            "SELECT rating FROM workshop_rating WHERE workshop_id = ?1 AND use_case_id = ?2 AND criterion = ?3",
        )?
        .query_map(params![workshop_id, use_case_id, criterion.as_str()], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// The dossier's rating of `criterion` when the workshop took the case on.
pub(crate) fn rating_before(
    conn: &Connection,
    workshop_id: &str,
    use_case_id: &str,
    criterion: CriterionKey,
) -> CoreResult<f64> {
    Ok(conn.cached_row(
        &format!(
            "SELECT {}_before FROM workshop_use_case WHERE workshop_id = ?1 AND use_case_id = ?2",
            criterion.as_str()
        ),
        params![workshop_id, use_case_id],
        |r| r.get(0),
    )?)
}

/// Removes every workshop (with its ratings); used when the demo replaces a portfolio.
pub(crate) fn delete_all(tx: &Tx) -> CoreResult<()> {
    tx.execute("DELETE FROM workshop", [])?;
    Ok(())
}
