//! Handlers for evaluation evidence: lm-evaluation-harness results and plain CSV files, runs
//! from a local MLflow store, and the baseline evaluation of a use case.

use std::path::Path;
use steerco_core::audit::Action;

use serde::{Deserialize, Serialize};
use steerco_core::registry::evaluation_files::parse_any;
use steerco_core::registry::hashing::hash_file;
use steerco_core::registry::mlflow::{read_run, MlflowRun};
use steerco_core::registry::{AdapterVersion, Evaluation};
use steerco_core::store::{adapter, evaluation};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvaluationImportRequest {
    pub path: String,
    pub adapter_version_id: String,
    /// When it was run; default: the date the file states, else the file's modification date.
    pub run_on: Option<String>,
    /// Who ran it; default: the person importing.
    pub run_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MlflowImportRequest {
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

pub fn import(ctx: &Ctx, req: EvaluationImportRequest) -> ApiResult<Evaluation> {
    let path = Path::new(req.path.trim());
    if !path.is_file() {
        return Err(ApiError::invalid("path", format!("{} is not a file", path.display())));
    }
    let digest = hash_file(path)?;
    let bytes = std::fs::read(path)
        .map_err(|e| ApiError::invalid(&path.display().to_string(), format!("cannot be read ({e})")))?;
    let parsed = parse_any(&bytes, &digest)?;
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).format("%Y-%m-%d").to_string());
    let run_on = req.run_on.filter(|s| !s.trim().is_empty()).or_else(|| parsed.run_on.clone()).or(modified);
    let run_by = req.run_by.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| ctx.actor());
    let now = ctx.clock.now();
    ctx.write(Action::Import, |tx| {
        evaluation::insert(tx, &req.adapter_version_id, &parsed, run_on.as_deref(), Some(&run_by), now)
    })
}

/// Reads an MLflow run: its params join the version's training parameters and its metrics
/// become an evaluation, in one transaction.
pub fn import_mlflow(ctx: &Ctx, req: MlflowImportRequest) -> ApiResult<MlflowImportOutcome> {
    let run = read_run(Path::new(req.mlruns_dir.trim()), &req.run_id)?;
    let parsed = run.evaluation();
    let actor = ctx.actor();
    let now = ctx.clock.now();
    ctx.write(Action::Import, |tx| {
        let version = adapter::add_training_params(tx, &req.adapter_version_id, &run.params)?;
        let evaluation = match &parsed {
            Some(p) => Some(evaluation::insert(
                tx,
                &version.id,
                p,
                p.run_on.as_deref(),
                Some(p.run_by.as_deref().unwrap_or(&actor)),
                now,
            )?),
            None => None,
        };
        Ok(MlflowImportOutcome { run: run.clone(), version, evaluation })
    })
}

pub fn mark_baseline(ctx: &Ctx, req: BaselineRequest) -> ApiResult<Evaluation> {
    let now = ctx.clock.now();
    let by = ctx.actor();
    ctx.write(Action::Update, |tx| evaluation::mark_baseline(tx, &req.evaluation_id, &req.use_case_id, &by, now))
}

pub fn get(ctx: &Ctx, req: EvaluationRef) -> ApiResult<Evaluation> {
    Ok(ctx.db.read(|c| evaluation::require(c, &req.id))?)
}
