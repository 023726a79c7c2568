//! Reads and writes of human-oversight plans, one per use case. A use case without a stored plan
//! reads as an empty plan.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::Tx;
use crate::compliance::OversightInput;
use crate::error::CoreResult;

/// Stores a validated plan whose use case the caller has checked.
pub(crate) fn upsert(tx: &Tx, o: &OversightInput) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO oversight (use_case_id, accountable_person, intervention_procedure, fallback_owner,
                                max_intervention_minutes, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (use_case_id) DO UPDATE SET accountable_person = excluded.accountable_person,
             intervention_procedure = excluded.intervention_procedure, fallback_owner = excluded.fallback_owner,
             max_intervention_minutes = excluded.max_intervention_minutes, updated_at = excluded.updated_at",
        params![
            o.use_case_id,
            o.accountable_person,
            o.intervention_procedure,
            o.fallback_owner,
            o.max_intervention_minutes,
            tx.now()
        ],
    )?;
    Ok(())
}

/// The stored plan of `use_case_id` and when it was last changed; `None` when there is none.
pub(crate) fn get(conn: &Connection, use_case_id: &str) -> CoreResult<Option<(OversightInput, DateTime<Utc>)>> {
    Ok(conn
        .cached_row(
            "SELECT use_case_id, accountable_person, intervention_procedure, fallback_owner, max_intervention_minutes,
                    updated_at FROM oversight WHERE use_case_id = ?1",
            [use_case_id.trim()],
            row,
        )
        .optional()?)
}

/// Every stored plan.
pub(crate) fn all(conn: &Connection) -> CoreResult<Vec<(OversightInput, DateTime<Utc>)>> {
    Ok(conn
        .prepare_cached(
            "SELECT use_case_id, accountable_person, intervention_procedure, fallback_owner, max_intervention_minutes,
                    updated_at FROM oversight ORDER BY use_case_id",
        )?
        .query_map([], row)?
        .collect::<Result<_, _>>()?)
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<(OversightInput, DateTime<Utc>)> {
    Ok((
        OversightInput {
            use_case_id: r.get(0)?,
            accountable_person: r.get(1)?,
            intervention_procedure: r.get(2)?,
            fallback_owner: r.get(3)?,
            max_intervention_minutes: r.get(4)?,
        },
        r.get(5)?,
    ))
}
