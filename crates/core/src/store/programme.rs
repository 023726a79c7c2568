//! Reads and writes of the `programme` table: the single row that names the portfolio.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::Tx;
use crate::domain::{Programme, ProgrammeSettings, ProgrammeUpdate};
use crate::error::CoreResult;

pub(crate) fn get(conn: &Connection) -> CoreResult<Option<Programme>> {
    let row = conn
        .cached_row("SELECT name, currency, settings, created_at, updated_at FROM programme WHERE id = 1", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    row.map(|(name, currency, settings, created_at, updated_at)| {
        Ok(Programme { name, currency, settings: serde_json::from_str(&settings)?, created_at, updated_at })
    })
    .transpose()
}

/// The programme's settings, or the defaults before a programme exists.
pub(crate) fn settings(conn: &Connection) -> CoreResult<ProgrammeSettings> {
    let settings: Option<String> =
        conn.cached_row("SELECT settings FROM programme WHERE id = 1", [], |r| r.get(0)).optional()?;
    Ok(match settings {
        Some(json) => serde_json::from_str(&json)?,
        None => ProgrammeSettings::default(),
    })
}

/// Creates or replaces the programme row (validated by the caller). `created_at` survives.
pub(crate) fn upsert(tx: &Tx, update: &ProgrammeUpdate) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO programme (id, name, currency, settings, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
             settings = excluded.settings, updated_at = excluded.updated_at",
        params![update.name, update.currency, serde_json::to_string(&update.settings)?, tx.now()],
    )?;
    Ok(())
}
