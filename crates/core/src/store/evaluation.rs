//! Queries on evaluations and their metrics, and on the baseline evaluation of each use case.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Evaluation, Metric, ParsedEvaluation};

pub(crate) const ID_PREFIX: &str = "EV";

/// Stores `parsed` against a version the caller has checked, with the date and person settled.
pub(crate) fn insert(
    tx: &Tx,
    adapter_version_id: &str,
    parsed: &ParsedEvaluation,
    run_on: &str,
    run_by: &str,
) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO evaluation (id, adapter_version_id, format, title, file_name, sha256, run_on, run_by, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            adapter_version_id,
            parsed.format.as_str(),
            parsed.title,
            parsed.file_name,
            parsed.sha256,
            run_on,
            run_by,
            tx.now()
        ],
    )?;
    for (position, m) in parsed.metrics.iter().enumerate() {
        tx.execute(
            "INSERT INTO evaluation_metric (evaluation_id, position, suite, metric, value, stderr, higher_is_better)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, position as i64, m.suite, m.metric, m.value, m.stderr, m.higher_is_better],
        )?;
    }
    Ok(id)
}

/// The evaluation of `adapter_version_id` already imported from a file with this hash, if any.
pub(crate) fn same_file(conn: &Connection, adapter_version_id: &str, sha256: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row(
            "SELECT id FROM evaluation WHERE adapter_version_id = ?1 AND sha256 = ?2",
            params![adapter_version_id, sha256],
            |r| r.get(0),
        )
        .optional()?)
}

/// Makes `evaluation_id` the baseline of `use_case_id`, replacing an earlier baseline.
pub(crate) fn set_baseline(tx: &Tx, use_case_id: &str, evaluation_id: &str, marked_by: &str) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO use_case_baseline (use_case_id, evaluation_id, marked_by, marked_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (use_case_id) DO UPDATE SET evaluation_id = excluded.evaluation_id,
             marked_by = excluded.marked_by, marked_at = excluded.marked_at",
        params![use_case_id, evaluation_id, marked_by, tx.now()],
    )?;
    Ok(())
}

/// The baseline evaluation of each use case that has one: (use case, evaluation).
pub(crate) fn baselines(conn: &Connection) -> CoreResult<Vec<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT use_case_id, evaluation_id FROM use_case_baseline ORDER BY use_case_id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

/// Every evaluation with its metrics and baselines, in three queries.
pub(crate) fn all(conn: &Connection) -> CoreResult<Vec<Evaluation>> {
    let mut evaluations: Vec<Evaluation> = conn
        .prepare_cached(
            "SELECT id, adapter_version_id, format, title, file_name, sha256, run_on, run_by, imported_at
             FROM evaluation ORDER BY run_on, id",
        )?
        .query_map([], |r| Ok(head_from_row(r)))?
        .map(|row| row?)
        .collect::<CoreResult<_>>()?;
    let metrics: Vec<(String, Metric)> = conn
        .prepare_cached(
            "SELECT evaluation_id, suite, metric, value, stderr, higher_is_better FROM evaluation_metric
             ORDER BY evaluation_id, position",
        )?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                Metric {
                    suite: r.get(1)?,
                    metric: r.get(2)?,
                    value: r.get(3)?,
                    stderr: r.get(4)?,
                    higher_is_better: r.get(5)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let baselines = baselines(conn)?;
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, e) in evaluations.iter().enumerate() {
        by_id.insert(e.id.clone(), i);
    }
    for (evaluation_id, metric) in metrics {
        if let Some(&i) = by_id.get(&evaluation_id) {
            evaluations[i].metrics.push(metric);
        }
    }
    for (use_case_id, evaluation_id) in baselines {
        if let Some(&i) = by_id.get(&evaluation_id) {
            evaluations[i].baseline_for.push(use_case_id);
        }
    }
    Ok(evaluations)
}

pub(crate) fn for_version(conn: &Connection, adapter_version_id: &str) -> CoreResult<Vec<Evaluation>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM evaluation WHERE adapter_version_id = ?1 ORDER BY run_on, id")?
        .query_map([adapter_version_id.trim()], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.iter().map(|id| require(conn, id)).collect()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<Evaluation> {
    let id = id.trim();
    let head = conn
        .cached_row(
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
