//! Queries on evaluations and their metrics, and on the baseline evaluation of each use case.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{adapter, sequence, stored_enum, use_case};
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::{iso_date, Evaluation, Metric, ParsedEvaluation};

pub const ID_PREFIX: &str = "EV";

/// Stores `parsed` against `adapter_version_id`. `run_on` and `run_by` fall back to what the
/// file says; the evaluation is refused when neither names them.
pub fn insert(
    tx: &Transaction,
    adapter_version_id: &str,
    parsed: &ParsedEvaluation,
    run_on: Option<&str>,
    run_by: Option<&str>,
    now: DateTime<Utc>,
) -> CoreResult<Evaluation> {
    let version = adapter::require_version(tx, adapter_version_id).map_err(|_| {
        CoreError::invalid("adapter_version_id", format!("{} is not an adapter version", adapter_version_id.trim()))
    })?;
    let run_on = match run_on.map(str::trim).filter(|s| !s.is_empty()).or(parsed.run_on.as_deref()) {
        Some(date) => iso_date("run_on", date)?,
        None => return Err(CoreError::invalid("run_on", "the file does not say when it was run; give the date")),
    };
    let run_by = match run_by.map(str::trim).filter(|s| !s.is_empty()).or(parsed.run_by.as_deref()) {
        Some(who) => required_text("run_by", who, 200)?,
        None => return Err(CoreError::invalid("run_by", "the file does not say who ran it; name the person")),
    };
    let duplicate: Option<String> = tx
        .query_row(
            "SELECT id FROM evaluation WHERE adapter_version_id = ?1 AND sha256 = ?2",
            params![version.id, parsed.sha256],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = duplicate {
        return Err(CoreError::invalid(
            "file",
            format!("{} was already imported for {} as {existing}", parsed.file_name, version.id),
        ));
    }
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO evaluation (id, adapter_version_id, format, title, file_name, sha256, run_on, run_by, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            version.id,
            parsed.format.as_str(),
            parsed.title,
            parsed.file_name,
            parsed.sha256,
            run_on,
            run_by,
            now
        ],
    )?;
    for (position, m) in parsed.metrics.iter().enumerate() {
        tx.execute(
            "INSERT INTO evaluation_metric (evaluation_id, position, suite, metric, value, stderr, higher_is_better)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, position as i64, m.suite, m.metric, m.value, m.stderr, m.higher_is_better],
        )?;
    }
    require(tx, &id)
}

/// Makes `evaluation_id` the baseline of `use_case_id`, replacing an earlier baseline.
pub fn mark_baseline(
    tx: &Transaction,
    evaluation_id: &str,
    use_case_id: &str,
    marked_by: &str,
    now: DateTime<Utc>,
) -> CoreResult<Evaluation> {
    let evaluation = require(tx, evaluation_id)?;
    let case = use_case::require(tx, use_case_id)
        .map_err(|_| CoreError::invalid("use_case_id", format!("{} is not a use case", use_case_id.trim())))?;
    let marked_by = required_text("marked_by", marked_by, 200)?;
    tx.execute(
        "INSERT INTO use_case_baseline (use_case_id, evaluation_id, marked_by, marked_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (use_case_id) DO UPDATE SET evaluation_id = excluded.evaluation_id,
             marked_by = excluded.marked_by, marked_at = excluded.marked_at",
        params![case.id, evaluation.id, marked_by, now],
    )?;
    require(tx, &evaluation.id)
}

pub fn for_version(conn: &Connection, adapter_version_id: &str) -> CoreResult<Vec<Evaluation>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM evaluation WHERE adapter_version_id = ?1 ORDER BY run_on, id")?
        .query_map([adapter_version_id.trim()], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<Evaluation> {
    let id = id.trim();
    let head = conn
        .query_row(
            "SELECT id, adapter_version_id, format, title, file_name, sha256, run_on, run_by, imported_at
             FROM evaluation WHERE id = ?1",
            [id],
            |r| Ok(head_from_row(r)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "evaluation", id: id.to_owned() })??;
    let metrics = conn
        .prepare_cached(
            "SELECT suite, metric, value, stderr, higher_is_better FROM evaluation_metric
             WHERE evaluation_id = ?1 ORDER BY position",
        )?
        .query_map([&head.id], |r| {
            Ok(Metric {
                suite: r.get(0)?,
                metric: r.get(1)?,
                value: r.get(2)?,
                stderr: r.get(3)?,
                higher_is_better: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let baseline_for = conn
        .prepare_cached("SELECT use_case_id FROM use_case_baseline WHERE evaluation_id = ?1 ORDER BY use_case_id")?
        .query_map([&head.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(Evaluation { metrics, baseline_for, ..head })
}

fn head_from_row(r: &Row) -> CoreResult<Evaluation> {
    Ok(Evaluation {
        id: r.get(0)?,
        adapter_version_id: r.get(1)?,
        format: stored_enum(&r.get::<_, String>(2)?)?,
        title: r.get(3)?,
        file_name: r.get(4)?,
        sha256: r.get(5)?,
        run_on: r.get(6)?,
        run_by: r.get(7)?,
        imported_at: r.get(8)?,
        metrics: Vec::new(),
        baseline_for: Vec::new(),
    })
}
