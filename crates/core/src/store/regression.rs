//! Reads and writes behind the regression gate: the version deployed before for a use case,
//! per-metric tolerances, and executives' recorded decisions to let a refused change through.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::{sequence, Tx};
use crate::error::CoreResult;
use crate::registry::regression::{GateDecision, Tolerance};

pub(crate) const DECISION_PREFIX: &str = "GD";

/// The adapter version most recently deployed for `use_case_id` (any of its adapters).
pub(crate) fn latest_deployed(conn: &Connection, use_case_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row(
            "SELECT d.adapter_version_id FROM deployment d
             JOIN adapter_version v ON v.id = d.adapter_version_id
             JOIN adapter a ON a.id = v.adapter_id
             WHERE a.use_case_id = ?1
             ORDER BY d.deployed_on DESC, d.created_at DESC LIMIT 1",
            [use_case_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The use case's recorded baseline evaluation, if any.
pub(crate) fn baseline(conn: &Connection, use_case_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row("SELECT evaluation_id FROM use_case_baseline WHERE use_case_id = ?1", [use_case_id], |r| r.get(0))
        .optional()?)
}

pub(crate) fn tolerances(conn: &Connection, use_case_id: &str) -> CoreResult<Vec<Tolerance>> {
    Ok(conn
        .prepare_cached(
            "SELECT use_case_id, suite, metric, tolerance, set_by, set_at FROM regression_tolerance
             WHERE use_case_id = ?1 ORDER BY suite, metric",
        )?
        .query_map([use_case_id], |r| {
            Ok(Tolerance {
                use_case_id: r.get(0)?,
                suite: r.get(1)?,
                metric: r.get(2)?,
                tolerance: r.get(3)?,
                set_by: r.get(4)?,
                set_at: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?)
}

/// Sets (or replaces) one metric's tolerance; 0 removes the row, the default.
pub(crate) fn set_tolerance(tx: &Tx, t: &Tolerance) -> CoreResult<()> {
    if t.tolerance == 0.0 {
        tx.execute(
            "DELETE FROM regression_tolerance WHERE use_case_id = ?1 AND suite = ?2 AND metric = ?3",
            params![t.use_case_id, t.suite, t.metric],
        )?;
        return Ok(());
    }
    tx.execute(
        "INSERT INTO regression_tolerance (use_case_id, suite, metric, tolerance, set_by, set_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (use_case_id, suite, metric) DO UPDATE SET tolerance = ?4, set_by = ?5, set_at = ?6",
        params![t.use_case_id, t.suite, t.metric, t.tolerance, t.set_by, tx.now()],
    )?;
    Ok(())
}

pub(crate) fn insert_decision(
    tx: &Tx,
    use_case_id: Option<&str>,
    subject_id: &str,
    decided_by: &str,
    rationale: &str,
    refusal: &str,
) -> CoreResult<String> {
    let id = sequence::next_id(tx, DECISION_PREFIX)?;
    tx.execute(
        "INSERT INTO gate_decision (id, gate, use_case_id, subject_id, decided_by, decided_at, rationale, refusal)
         VALUES (?1, 'regression', ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, use_case_id, subject_id, decided_by, tx.now(), rationale, refusal],
    )?;
    Ok(id)
}

pub(crate) fn decisions(conn: &Connection, subject_id: &str) -> CoreResult<Vec<GateDecision>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, gate, use_case_id, subject_id, decided_by, decided_at, rationale, refusal FROM gate_decision
             WHERE subject_id = ?1 ORDER BY decided_at, id",
        )?
        .query_map([subject_id], |r| {
            Ok(GateDecision {
                id: r.get(0)?,
                gate: r.get(1)?,
                use_case_id: r.get(2)?,
                subject_id: r.get(3)?,
                decided_by: r.get(4)?,
                decided_at: r.get(5)?,
                rationale: r.get(6)?,
                refusal: r.get(7)?,
            })
        })?
        .collect::<Result<_, _>>()?)
}
