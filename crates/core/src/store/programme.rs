//! Queries on the `programme` table: the single row that names the portfolio.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::domain::{Programme, ProgrammeUpdate};
use crate::error::{CoreError, CoreResult};

pub fn get(conn: &Connection) -> CoreResult<Option<Programme>> {
    let row = conn
        .query_row("SELECT name, currency, settings, created_at, updated_at FROM programme WHERE id = 1", [], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, DateTime<Utc>>(3)?,
                r.get::<_, DateTime<Utc>>(4)?,
            ))
        })
        .optional()?;
    row.map(|(name, currency, settings, created_at, updated_at)| {
        Ok(Programme { name, currency, settings: serde_json::from_str(&settings)?, created_at, updated_at })
    })
    .transpose()
}

/// The payback horizon in months: the programme's, or the default before one exists.
pub fn horizon_months(conn: &Connection) -> CoreResult<u32> {
    let settings: Option<String> =
        conn.query_row("SELECT settings FROM programme WHERE id = 1", [], |r| r.get(0)).optional()?;
    Ok(match settings {
        Some(json) => serde_json::from_str::<crate::domain::ProgrammeSettings>(&json)?.payback_horizon_months,
        None => crate::domain::ProgrammeSettings::default().payback_horizon_months,
    })
}

/// Like `get`, for callers that need the programme to exist (every initialised file has one).
pub fn require(conn: &Connection) -> CoreResult<Programme> {
    get(conn)?.ok_or_else(|| CoreError::NotFound { entity: "programme", id: "1".into() })
}

/// Creates or replaces the programme row. `created_at` survives a replacement.
pub fn upsert(tx: &Transaction, update: &ProgrammeUpdate, now: DateTime<Utc>) -> CoreResult<Programme> {
    let update = update.validated()?;
    tx.execute(
        "INSERT INTO programme (id, name, currency, settings, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
             settings = excluded.settings, updated_at = excluded.updated_at",
        params![update.name, update.currency, serde_json::to_string(&update.settings)?, now],
    )?;
    require(tx)
}
