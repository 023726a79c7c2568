//! Queries on bias checks (demographic parity and adversarial prompt suites).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, stored_json, Tx};
use crate::compliance::{BiasCheck, BiasFigures};
use crate::error::{CoreError, CoreResult};
use crate::registry::FileDigest;

pub(crate) const ID_PREFIX: &str = "BC";
const COLUMNS: &str = "id, use_case_id, adapter_version_id, kind, title, threshold, threshold_rationale, file_name, \
                       sha256, result_json, passed, run_by, checked_at";

/// A computed check, ready to store.
#[derive(Debug, Clone)]
pub(crate) struct NewBiasCheck<'a> {
    pub use_case_id: &'a str,
    pub adapter_version_id: Option<&'a str>,
    pub title: &'a str,
    pub threshold: f64,
    pub threshold_rationale: &'a str,
    pub file: &'a FileDigest,
    pub figures: &'a BiasFigures,
    pub passed: bool,
    pub run_by: &'a str,
}

/// Stores a computed check whose references the caller has checked.
pub(crate) fn insert(tx: &Tx, new: &NewBiasCheck) -> CoreResult<String> {
    let kind = match new.figures {
        BiasFigures::DemographicParity(_) => "demographic_parity",
        BiasFigures::AdversarialPrompts(_) => "adversarial_prompts",
    };
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO bias_check (id, use_case_id, adapter_version_id, kind, title, threshold, threshold_rationale,
                                 file_name, sha256, result_json, passed, run_by, checked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            new.use_case_id,
            new.adapter_version_id,
            kind,
            new.title,
            new.threshold,
            new.threshold_rationale,
            new.file.file_name,
            new.file.sha256,
            serde_json::to_string(new.figures)?,
            new.passed,
            new.run_by,
            tx.now()
        ],
    )?;
    Ok(id)
}

pub(crate) fn list(conn: &Connection, use_case_id: Option<&str>) -> CoreResult<Vec<BiasCheck>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM bias_check WHERE (?1 IS NULL OR use_case_id = ?1) ORDER BY checked_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([use_case_id.map(str::trim)], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<BiasCheck> {
    let id = id.trim();
    conn.cached_row(&format!("SELECT {COLUMNS} FROM bias_check WHERE id = ?1"), [id], |r| Ok(from_row(r)))
        .optional()?
        .ok_or_else(|| CoreError::NotFound { entity: "bias check", id: id.to_owned() })?
}

fn from_row(r: &Row) -> CoreResult<BiasCheck> {
    Ok(BiasCheck {
        id: r.get(0)?,
        use_case_id: r.get(1)?,
        adapter_version_id: r.get(2)?,
        kind: stored_enum(&r.get::<_, String>(3)?)?,
        title: r.get(4)?,
        threshold: r.get(5)?,
        threshold_rationale: r.get(6)?,
        file_name: r.get(7)?,
        sha256: r.get(8)?,
        figures: stored_json(&r.get::<_, String>(9)?)?,
        passed: r.get(10)?,
        run_by: r.get(11)?,
        checked_at: r.get(12)?,
    })
}
