//! Queries on `lane_override`: who kept a use case in the portfolio lane despite the payback
//! gate, and why. Rows are only ever added or stamped as revoked, never deleted.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use super::use_case;
use crate::domain::{required_text, Lane};
use crate::error::{CoreError, CoreResult};

pub fn grant(
    tx: &Transaction,
    use_case_id: &str,
    decided_by: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let decided_by = required_text("decided_by", decided_by, 120)?;
    let reason = required_text("reason", reason, 2_000)?;
    let case = use_case::require(tx, use_case_id)?;
    if case.lane_override.is_some() {
        return Err(CoreError::Conflict(format!(
            "{} already has an active override; revoke it before recording another",
            case.id
        )));
    }
    // An override only lifts the payback gate for a case meant for the portfolio lane; anywhere
    // else it would be recorded yet change nothing.
    if case.requested_lane != Lane::Portfolio {
        return Err(CoreError::Conflict(format!(
            "{} is in the {} lane by decision, not by the payback gate; there is nothing to override",
            case.id, case.requested_lane
        )));
    }
    if case.lane_reason.is_none() {
        return Err(CoreError::Conflict(format!("{} passes the payback gate; there is nothing to override", case.id)));
    }
    tx.execute(
        "INSERT INTO lane_override (use_case_id, decided_by, reason, decided_at) VALUES (?1, ?2, ?3, ?4)",
        params![case.id, decided_by, reason, now],
    )?;
    Ok(())
}

pub fn revoke(tx: &Transaction, use_case_id: &str, revoked_by: &str, now: DateTime<Utc>) -> CoreResult<()> {
    let revoked_by = required_text("revoked_by", revoked_by, 120)?;
    let case = use_case::require(tx, use_case_id)?;
    let changed = tx.execute(
        "UPDATE lane_override SET revoked_by = ?2, revoked_at = ?3 WHERE use_case_id = ?1 AND revoked_at IS NULL",
        params![case.id, revoked_by, now],
    )?;
    if changed == 0 {
        return Err(CoreError::Conflict(format!("{} has no active override to revoke", case.id)));
    }
    Ok(())
}
