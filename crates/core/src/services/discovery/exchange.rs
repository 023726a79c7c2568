//! The portfolio CSV: import (all-or-nothing, with a dry run) and export (ranked, with score,
//! rank, lane and payback). Both sides read and write files through the shared, bounded paths.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use super::scoring::{rank, RankRequest};
use crate::audit::Action;
use crate::caller::Caller;
use crate::csv_io::dossiers::{self, ExportRow, ImportedDossier};
use crate::domain::Lane;
use crate::error::CoreResult;
use crate::files::{limits, read_bounded};
use crate::gate;
use crate::services::compliance::stage_gate;
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::{use_case, Db, Tx};
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRequest {
    /// The CSV file.
    pub path: String,
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

pub fn import_csv(db: &Db, caller: &Caller, req: &ImportRequest) -> CoreResult<ImportOutcome> {
    let bytes = read_bounded("path", std::path::Path::new(req.path.trim()), limits::CSV)?;
    import_bytes(db, caller, &bytes, req.dry_run)
}

/// Imports CSV text already in hand (tests, fuzzing's replay). A dry run reads; a real import
/// stores every row in one transaction or none.
pub fn import_bytes(db: &Db, caller: &Caller, bytes: &[u8], dry_run: bool) -> CoreResult<ImportOutcome> {
    let parsed = dossiers::parse(bytes)?;
    let rows = if dry_run {
        db.read(|s| plan(s, parsed, None))?
    } else {
        db.write(caller, Action::Import, |tx| plan(tx, parsed, Some(tx)))?
    };
    Ok(ImportOutcome { dry_run, rows })
}

/// What each row becomes (and, given a transaction, stores it).
fn plan(conn: &Connection, parsed: Vec<ImportedDossier>, store: Option<&Tx>) -> CoreResult<Vec<ImportedRow>> {
    let horizon = read::horizon(conn)?;
    let mut rows = Vec::new();
    for imported in parsed {
        let mut input = imported.input;
        let payback = gate::payback_months(input.annual_value, input.one_time_cost, input.monthly_run_cost);
        // An exported "research" that the gate explains needs no manual parking: import it as a
        // portfolio case and let the gate keep it in research while the numbers say so.
        if input.lane == Lane::Research && gate::failure(payback, horizon).is_some() {
            input.lane = Lane::Portfolio;
        }
        stage_gate::refuse_new_in_gated_stage(&input)?;
        let (lane, _) = gate::effective_lane(input.lane, payback, horizon, false);
        let id = match store {
            Some(tx) => Some(use_case::insert(tx, &input)?),
            None => None,
        };
        rows.push(ImportedRow { row: imported.row as u32, id, title: input.title, lane, payback_months: payback });
    }
    Ok(rows)
}

/// The ranked portfolio as CSV, and how many use cases it holds.
pub fn export_text(db: &Db) -> CoreResult<(Vec<u8>, usize)> {
    let ranking = rank(db, &RankRequest::default())?;
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    pub destination: String,
}

pub fn export_csv(db: &Db, caller: &Caller, req: &ExportRequest) -> CoreResult<ExportOutcome> {
    let (bytes, rows) = export_text(db)?;
    export_bytes(db, caller, &req.destination, "use cases (CSV)", &bytes, rows as u32)
}
