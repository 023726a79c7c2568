//! Queries on human-oversight plans, one per use case.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::use_case;
use crate::compliance::{oversight_gaps, Oversight, OversightInput};
use crate::error::{CoreError, CoreResult};

pub fn upsert(tx: &Transaction, input: &OversightInput, now: DateTime<Utc>) -> CoreResult<Oversight> {
    let o = input.validated()?;
    let case = use_case::require(tx, &o.use_case_id)
        .map_err(|_| CoreError::invalid("use_case_id", format!("{} is not a use case", o.use_case_id)))?;
    tx.execute(
        "INSERT INTO oversight (use_case_id, accountable_person, intervention_procedure, fallback_owner,
                                max_intervention_minutes, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (use_case_id) DO UPDATE SET accountable_person = excluded.accountable_person,
             intervention_procedure = excluded.intervention_procedure, fallback_owner = excluded.fallback_owner,
             max_intervention_minutes = excluded.max_intervention_minutes, updated_at = excluded.updated_at",
        params![
            case.id,
            o.accountable_person,
            o.intervention_procedure,
            o.fallback_owner,
            o.max_intervention_minutes,
            now
        ],
    )?;
    get(tx, &case.id)
}

/// A stored plan's fields: accountable person, procedure, fallback owner, minutes, updated at.
type PlanRow = (String, String, String, Option<u32>, DateTime<Utc>);

/// The plan of `use_case_id`; an empty plan (everything missing) when none was recorded.
pub fn get(conn: &Connection, use_case_id: &str) -> CoreResult<Oversight> {
    let row: Option<PlanRow> = conn
        .query_row(
            "SELECT accountable_person, intervention_procedure, fallback_owner, max_intervention_minutes, updated_at
             FROM oversight WHERE use_case_id = ?1",
            [use_case_id.trim()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let (accountable_person, intervention_procedure, fallback_owner, max_intervention_minutes, updated_at) = match row {
        Some((a, i, f, m, u)) => (a, i, f, m, Some(u)),
        None => (String::new(), String::new(), String::new(), None, None),
    };
    let input = OversightInput {
        use_case_id: use_case_id.trim().to_owned(),
        accountable_person,
        intervention_procedure,
        fallback_owner,
        max_intervention_minutes,
    };
    Ok(Oversight {
        missing: oversight_gaps(&input),
        use_case_id: input.use_case_id,
        accountable_person: input.accountable_person,
        intervention_procedure: input.intervention_procedure,
        fallback_owner: input.fallback_owner,
        max_intervention_minutes: input.max_intervention_minutes,
        updated_at,
    })
}

/// Every use case's plan, incomplete ones included (that is the point: missing → flagged).
pub fn list(conn: &Connection) -> CoreResult<Vec<Oversight>> {
    use_case::list(conn)?.iter().map(|c| get(conn, &c.id)).collect()
}
