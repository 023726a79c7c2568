//! Human-readable ids such as "UC-007": a counter per kind, advanced inside the caller's
//! transaction so a rolled-back insert does not burn a number. Counters only ever go up: an id
//! is never given to a second record, so nothing that named the first (a sign-off, a decision,
//! a line in the minutes) can ever seem to name the second.

use rusqlite::{params, OptionalExtension};

use super::CachedQuery;
use super::Tx;
use crate::error::CoreResult;

/// Returns the next id for `prefix` ("UC" → "UC-001", "UC-002", …).
pub(crate) fn next_id(tx: &Tx, prefix: &str) -> CoreResult<String> {
    let next: Option<i64> =
        tx.cached_row("SELECT next_value FROM id_sequence WHERE kind = ?1", [prefix], |r| r.get(0)).optional()?;
    let value = next.unwrap_or(1);
    tx.execute(
        "INSERT INTO id_sequence (kind, next_value) VALUES (?1, ?2)
         ON CONFLICT (kind) DO UPDATE SET next_value = excluded.next_value",
        params![prefix, value + 1],
    )?;
    Ok(format!("{prefix}-{value:03}"))
}
