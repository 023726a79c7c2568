//! Reads and writes of `lane_override`: who kept a use case in the portfolio lane despite the
//! payback gate, and why. Rows are only ever added or stamped as revoked, never deleted.

use rusqlite::params;

use super::Tx;
use crate::error::CoreResult;

pub(crate) fn insert(tx: &Tx, use_case_id: &str, decided_by: &str, reason: &str) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO lane_override (use_case_id, decided_by, reason, decided_at) VALUES (?1, ?2, ?3, ?4)",
        params![use_case_id, decided_by, reason, tx.now()],
    )?;
    Ok(())
}

/// Stamps the active override of `use_case_id` as revoked; returns how many were (0 or 1).
pub(crate) fn revoke(tx: &Tx, use_case_id: &str, revoked_by: &str) -> CoreResult<usize> {
    Ok(tx.execute(
        "UPDATE lane_override SET revoked_by = ?2, revoked_at = ?3 WHERE use_case_id = ?1 AND revoked_at IS NULL",
        params![use_case_id, revoked_by, tx.now()],
    )?)
}

/// Every override ever recorded for `use_case_id` (active or revoked), as "OVR-n" ids.
pub(crate) fn history(conn: &rusqlite::Connection, use_case_id: &str) -> CoreResult<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM lane_override WHERE use_case_id = ?1 ORDER BY id")?
        .query_map([use_case_id], |r| Ok(format!("OVR-{}", r.get::<_, i64>(0)?)))?
        .collect::<Result<_, _>>()?)
}
