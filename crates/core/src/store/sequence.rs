//! Human-readable ids such as "UC-007": a counter per kind, advanced inside the caller's
//! transaction so a rolled-back insert does not burn a number.

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::CoreResult;

/// Returns the next id for `prefix` ("UC" → "UC-001", "UC-002", …).
pub fn next_id(tx: &Transaction, prefix: &str) -> CoreResult<String> {
    let next: Option<i64> =
        tx.query_row("SELECT next_value FROM id_sequence WHERE kind = ?1", [prefix], |r| r.get(0)).optional()?;
    let value = next.unwrap_or(1);
    tx.execute(
        "INSERT INTO id_sequence (kind, next_value) VALUES (?1, ?2)
         ON CONFLICT (kind) DO UPDATE SET next_value = excluded.next_value",
        params![prefix, value + 1],
    )?;
    Ok(format!("{prefix}-{value:03}"))
}

/// Restarts numbering, used when a portfolio's contents are replaced wholesale.
pub fn reset(tx: &Transaction, prefix: &str) -> CoreResult<()> {
    tx.execute("DELETE FROM id_sequence WHERE kind = ?1", [prefix])?;
    Ok(())
}
