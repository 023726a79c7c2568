//! Queries on the workshop tables. Recording ratings also sets the dossier's rating for each
//! touched criterion to the workshop's median, in the same transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{sequence, use_case};
use crate::domain::{CriterionKey, Stage};
use crate::error::{CoreError, CoreResult};
use crate::workshop::{median, NewWorkshop, RatingEntry, RatingSource, Workshop, WorkshopRating};

pub const ID_PREFIX: &str = "WS";

pub fn create(tx: &Transaction, new: &NewWorkshop, now: DateTime<Utc>) -> CoreResult<Workshop> {
    let new = new.validated()?;
    let use_case_ids = if new.use_case_ids.is_empty() {
        let ids: Vec<String> =
            use_case::list(tx)?.into_iter().filter(|c| c.stage == Stage::Discovery).map(|c| c.id).collect();
        if ids.is_empty() {
            return Err(CoreError::invalid("use_case_ids", "no use case is in discovery; name the use cases to rate"));
        }
        ids
    } else {
        for id in &new.use_case_ids {
            use_case::require(tx, id)
                .map_err(|_| CoreError::invalid("use_case_ids", format!("{id} does not exist")))?;
        }
        new.use_case_ids.clone()
    };
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO workshop (id, title, held_on, facilitator, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, new.title, new.held_on, new.facilitator, now],
    )?;
    for (position, name) in new.participants.iter().enumerate() {
        tx.execute(
            "INSERT INTO workshop_participant (workshop_id, name, position) VALUES (?1, ?2, ?3)",
            params![id, name, position as i64],
        )?;
    }
    for (position, use_case_id) in use_case_ids.iter().enumerate() {
        let before = use_case::require(tx, use_case_id)?.ratings;
        tx.execute(
            "INSERT OR IGNORE INTO workshop_use_case
                 (workshop_id, use_case_id, position, value_before, criticality_before, guardrail_before)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, use_case_id, position as i64, before.value, before.criticality, before.guardrail],
        )?;
    }
    require(tx, &id)
}

pub fn list(conn: &Connection) -> CoreResult<Vec<Workshop>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM workshop ORDER BY held_on DESC, id DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Workshop> {
    let id = id.trim();
    let head = conn
        .query_row(
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

pub fn ratings(conn: &Connection, workshop_id: &str) -> CoreResult<Vec<WorkshopRating>> {
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

/// Records `entries` (checking each names a participant and a use case of the workshop and a
/// rating of 1–5), then sets each touched dossier rating to the workshop median. `label` names
/// an entry in errors, e.g. "row 4" for a sheet.
pub fn record(
    tx: &Transaction,
    workshop_id: &str,
    entries: &[(String, RatingEntry)],
    source: RatingSource,
    now: DateTime<Utc>,
) -> CoreResult<u32> {
    let workshop = require(tx, workshop_id)?;
    let mut problems = Vec::new();
    for (label, e) in entries {
        if !workshop.participants.contains(&e.participant) {
            problems.push(format!(
                "{label}, column participant: {} is not a participant of {}",
                e.participant, workshop.id
            ));
        }
        if !workshop.use_case_ids.contains(&e.use_case_id) {
            problems.push(format!("{label}, column use_case_id: {} is not on {}'s agenda", e.use_case_id, workshop.id));
        }
        if let Some(r) = e.rating {
            if !(1..=5).contains(&r) {
                problems.push(format!("{label}, column rating: must be a whole number from 1 to 5, not {r}"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    let mut touched: Vec<(String, CriterionKey)> = Vec::new();
    for (_, e) in entries {
        match e.rating {
            Some(rating) => tx.execute(
                "INSERT INTO workshop_rating (workshop_id, participant, use_case_id, criterion, rating, source, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (workshop_id, participant, use_case_id, criterion)
                 DO UPDATE SET rating = excluded.rating, source = excluded.source, recorded_at = excluded.recorded_at",
                params![workshop.id, e.participant, e.use_case_id, e.criterion.as_str(), rating, source.as_str(), now],
            )?,
            None => tx.execute(
                "DELETE FROM workshop_rating WHERE workshop_id = ?1 AND participant = ?2 AND use_case_id = ?3 AND criterion = ?4",
                params![workshop.id, e.participant, e.use_case_id, e.criterion.as_str()],
            )?,
        };
        if !touched.contains(&(e.use_case_id.clone(), e.criterion)) {
            touched.push((e.use_case_id.clone(), e.criterion));
        }
    }
    for (use_case_id, criterion) in &touched {
        let values: Vec<u8> = tx
            .prepare_cached(
                "SELECT rating FROM workshop_rating WHERE workshop_id = ?1 AND use_case_id = ?2 AND criterion = ?3",
            )?
            .query_map(params![workshop.id, use_case_id, criterion.as_str()], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let rating = match median(&values) {
            Some(m) => m,
            // Every rating withdrawn: the dossier goes back to what it was before the workshop.
            None => tx.query_row(
                &format!(
                    "SELECT {}_before FROM workshop_use_case WHERE workshop_id = ?1 AND use_case_id = ?2",
                    criterion.as_str()
                ),
                params![workshop.id, use_case_id],
                |r| r.get(0),
            )?,
        };
        use_case::set_rating(tx, use_case_id, criterion.rating_column(), rating, now)?;
    }
    Ok(entries.len() as u32)
}

/// Removes every workshop (with its ratings); used when the demo replaces a portfolio.
pub fn delete_all(tx: &Transaction) -> CoreResult<()> {
    tx.execute("DELETE FROM workshop", [])?;
    sequence::reset(tx, ID_PREFIX)?;
    Ok(())
}
