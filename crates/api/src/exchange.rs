//! Handlers for the portfolio CSV: import (all-or-nothing, with a dry run) and export (ranked,
//! with score, rank, lane and payback). Import takes the file's text so the CLI and the desktop
//! app's file picker share one path; export writes the file itself, atomically.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::csv_io::dossiers::{self, ExportRow};
use steerco_core::domain::Lane;
use steerco_core::gate;
use steerco_core::registry::hashing::hash_bytes;
use steerco_core::store::{audit, programme, use_case};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::scoring::{rank, RankRequest};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    /// The file's contents.
    pub csv: String,
    /// Check the file and report what would be imported, storing nothing.
    pub dry_run: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedRow {
    pub row: u32,
    /// `None` on a dry run.
    pub id: Option<String>,
    pub title: String,
    pub lane: Lane,
    pub payback_months: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub dry_run: bool,
    pub rows: Vec<ImportedRow>,
}

pub fn import_csv(ctx: &Ctx, req: ImportRequest) -> ApiResult<ImportOutcome> {
    let parsed = dossiers::parse(req.csv.as_bytes())?;
    let now = ctx.clock.now();
    let outcome = ctx.write(Action::Import, |tx| {
        let horizon = programme::horizon_months(tx)?;
        let mut rows = Vec::new();
        for imported in parsed {
            let mut input = imported.input;
            let payback = gate::payback_months(input.annual_value, input.one_time_cost, input.monthly_run_cost);
            // An exported "research" that the gate explains needs no manual parking: import it
            // as a portfolio case and let the gate keep it in research while the numbers say so.
            if input.lane == Lane::Research && gate::failure(payback, horizon).is_some() {
                input.lane = Lane::Portfolio;
            }
            let (lane, _) = gate::effective_lane(input.lane, payback, horizon, false);
            let id = if req.dry_run { None } else { Some(use_case::insert(tx, &input, now)?.id) };
            rows.push(ImportedRow { row: imported.row as u32, id, title: input.title, lane, payback_months: payback });
        }
        Ok(rows)
    })?;
    Ok(ImportOutcome { dry_run: req.dry_run, rows: outcome })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub destination: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    pub rows: u32,
}

/// The ranked portfolio as CSV text, and how many use cases it holds.
pub fn export_text(ctx: &Ctx) -> ApiResult<(Vec<u8>, usize)> {
    let ranking = rank(ctx, RankRequest::default())?;
    let inputs: Vec<_> = ranking.use_cases.iter().map(|r| r.use_case.to_input()).collect();
    let rows: Vec<ExportRow<'_>> = ranking
        .use_cases
        .iter()
        .zip(&inputs)
        .map(|(r, input)| ExportRow {
            input,
            score: r.score,
            rank: r.rank,
            lane: r.use_case.lane,
            payback_months: r.use_case.payback_months,
        })
        .collect();
    Ok((dossiers::export(&rows)?, rows.len()))
}

pub fn export_csv(ctx: &Ctx, req: ExportRequest) -> ApiResult<ExportOutcome> {
    let (bytes, rows) = export_text(ctx)?;
    let path = write_file(ctx, &req.destination, &bytes)?;
    Ok(ExportOutcome { path, rows: rows as u32 })
}

/// Writes `bytes` to `destination` through a temporary file, so a failed write never leaves a
/// half-written file where a good one was. Refuses to write over the open portfolio (or its
/// -wal/-shm files): an export must never replace the data it was made from.
pub fn write_file(ctx: &Ctx, destination: &str, bytes: &[u8]) -> ApiResult<String> {
    // Nothing leaves the machine for someone the trail could not name.
    ctx.person()?;
    let dest = PathBuf::from(destination.trim());
    if dest.as_os_str().is_empty() {
        return Err(ApiError::invalid("destination", "is empty"));
    }
    if dest.is_dir() {
        return Err(ApiError::invalid("destination", format!("{} is a folder; choose a file name", dest.display())));
    }
    if let Some(portfolio) = ctx.db.path() {
        if is_portfolio_file(portfolio, &dest) {
            return Err(ApiError::invalid(
                "destination",
                format!("{} is the open portfolio (or one of its files); choose another file name", dest.display()),
            ));
        }
    }
    let io = |e: std::io::Error| ApiError::new(ErrorCode::Io, format!("cannot write {}: {e}", dest.display()));
    let tmp = tmp_path(&dest);
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, &dest).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })?;
    let path = dest.display().to_string();
    record_export(ctx, &path, bytes.len() as u64, Some(hash_bytes(bytes)))?;
    Ok(path)
}

/// Puts an export on the audit trail: what was written where, and the SHA-256 of what left.
pub(crate) fn record_export(ctx: &Ctx, path: &str, bytes: u64, sha256: Option<String>) -> ApiResult<()> {
    let detail = serde_json::json!({ "path": path, "bytes": bytes, "sha256": sha256 });
    ctx.write(Action::Export, |tx| audit::record_event(tx, "file", path, &detail))
}

/// Whether `candidate` names the portfolio file or one of its SQLite sidecars. The candidate
/// may not exist yet, so its folder is resolved and its name compared.
fn is_portfolio_file(portfolio: &Path, candidate: &Path) -> bool {
    let resolve = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?;
        let parent = match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
            _ => PathBuf::from("."),
        };
        Some(parent.canonicalize().ok()?.join(name))
    };
    let (Some(portfolio), Some(candidate)) = (resolve(portfolio), resolve(candidate)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut name = portfolio.as_os_str().to_owned();
        name.push(suffix);
        name == candidate.as_os_str()
    })
}

fn tmp_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(".partial");
    PathBuf::from(name)
}
