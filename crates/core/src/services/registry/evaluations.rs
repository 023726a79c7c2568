//! Evaluation evidence: lm-evaluation-harness results and plain CSV files, runs from a local
//! MLflow store, and the baseline evaluation a use case compares later adapters against. The
//! stored SHA-256 is of the very bytes that were parsed, so the evidence and its hash cannot
//! come from two different reads of a file that changed in between.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded};
use crate::hashing::hash_bytes;
use crate::registry::evaluation_files::parse_any;
use crate::registry::mlflow::{read_run, MlflowRun};
use crate::registry::{iso_date, AdapterVersion, Evaluation, FileDigest, ParsedEvaluation};
use crate::services::discovery::read as use_cases;
use crate::store::{adapter, evaluation, Db, Tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvaluationImport {
    pub path: String,
    pub adapter_version_id: String,
    /// When it was run; default: the date the file states, else the file's modification date.
    pub run_on: Option<String>,
    /// Who ran it; default: the person importing.
    pub run_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MlflowImport {
    pub mlruns_dir: String,
    pub run_id: String,
    pub adapter_version_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MlflowImportOutcome {
    pub run: MlflowRun,
    pub version: AdapterVersion,
    /// `None` when the run logged no metrics.
    pub evaluation: Option<Evaluation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BaselineRequest {
    pub evaluation_id: String,
    pub use_case_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvaluationRef {
    pub id: String,
}

pub fn import(db: &Db, caller: &Caller, req: &EvaluationImport) -> CoreResult<Evaluation> {
    let path = Path::new(req.path.trim());
    let bytes = read_bounded("path", path, limits::EVALUATION)?;
    let digest = FileDigest {
        file_name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        bytes: bytes.len() as u64,
        sha256: hash_bytes(&bytes),
    };
    let parsed = parse_any(&bytes, &digest)?;
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).format("%Y-%m-%d").to_string());
    let run_on = req.run_on.clone().filter(|s| !s.trim().is_empty()).or_else(|| parsed.run_on.clone()).or(modified);
    db.write(caller, Action::Import, |tx| {
        let run_by = req.run_by.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| tx.actor().name.clone());
        store(tx, &req.adapter_version_id, &parsed, run_on.as_deref(), Some(&run_by))
    })
}

/// Stores `parsed` for a version; `run_on` and `run_by` fall back to what the file says, and the
/// evaluation is refused when neither names them. A file already imported for the version is
/// refused rather than counted twice.
fn store(
    tx: &Tx,
    version_id: &str,
    parsed: &ParsedEvaluation,
    run_on: Option<&str>,
    run_by: Option<&str>,
) -> CoreResult<Evaluation> {
    let version = read::version_for(tx, "adapter_version_id", version_id)?;
    let run_on = match run_on.map(str::trim).filter(|s| !s.is_empty()).or(parsed.run_on.as_deref()) {
        Some(date) => iso_date("run_on", date)?,
        None => return Err(CoreError::invalid("run_on", "the file does not say when it was run; give the date")),
    };
    let run_by = match run_by.map(str::trim).filter(|s| !s.is_empty()).or(parsed.run_by.as_deref()) {
        Some(who) => required_text("run_by", who, 200)?,
        None => return Err(CoreError::invalid("run_by", "the file does not say who ran it; name the person")),
    };
    if let Some(existing) = evaluation::same_file(tx, &version.id, &parsed.sha256)? {
        return Err(CoreError::invalid(
            "file",
            format!("{} was already imported for {} as {existing}", parsed.file_name, version.id),
        ));
    }
    let id = evaluation::insert(tx, &version.id, parsed, &run_on, &run_by)?;
    evaluation::require(tx, &id)
}

/// Training parameters that record when the training run started and ended.
pub const TRAINING_STARTED: &str = "mlflow.start_time";
pub const TRAINING_ENDED: &str = "mlflow.end_time";

/// Reads an MLflow run: its params join the version's training parameters and its metrics
/// become an evaluation, in one transaction.
pub fn import_mlflow(db: &Db, caller: &Caller, req: &MlflowImport) -> CoreResult<MlflowImportOutcome> {
    let run = read_run(Path::new(req.mlruns_dir.trim()), &req.run_id)?;
    let parsed = run.evaluation();
    db.write(caller, Action::Import, |tx| {
        let version = read::version_for(tx, "adapter_version_id", &req.adapter_version_id)?;
        let mut merged = version.training_params.clone();
        // When training ran is lineage evidence too (OpenLineage's run events carry it).
        let mut params = run.params.clone();
        for (key, value) in [(TRAINING_STARTED, &run.start_time), (TRAINING_ENDED, &run.end_time)] {
            if let Some(value) = value {
                params.insert(key.to_owned(), value.clone());
            }
        }
        for (key, value) in &params {
            match merged.get(key) {
                // A key already recorded with another value is refused rather than overwritten.
                Some(existing) if existing != value => {
                    return Err(CoreError::invalid(
                        "run",
                        format!("{} already records {key} = {existing:?}; the run says {value:?}", version.id),
                    ))
                }
                _ => {
                    merged.insert(key.clone(), value.clone());
                }
            }
        }
        adapter::set_training_params(tx, &version.id, &merged)?;
        let actor = tx.actor().name.clone();
        let evaluation = match &parsed {
            Some(p) => {
                Some(store(tx, &version.id, p, p.run_on.as_deref(), Some(p.run_by.as_deref().unwrap_or(&actor)))?)
            }
            None => None,
        };
        Ok(MlflowImportOutcome { run: run.clone(), version: adapter::require_version(tx, &version.id)?, evaluation })
    })
}

/// Makes an evaluation the baseline of a use case (replacing an earlier one).
pub fn mark_baseline(db: &Db, caller: &Caller, req: &BaselineRequest) -> CoreResult<Evaluation> {
    db.write(caller, Action::Update, |tx| {
        let evaluation = evaluation::require(tx, &req.evaluation_id)?;
        let case = use_cases::require_for(tx, "use_case_id", &req.use_case_id)?;
        let by = tx.actor().name.clone();
        evaluation::set_baseline(tx, &case.id, &evaluation.id, &by)?;
        evaluation::require(tx, &evaluation.id)
    })
}

pub fn get(db: &Db, req: &EvaluationRef) -> CoreResult<Evaluation> {
    db.read(|s| evaluation::require(s, &req.id))
}
