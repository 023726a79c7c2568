//! The portfolio CSV: import (all-or-nothing, with a dry run) and export (ranked, with score,
//! rank, lane and payback). Both sides read and write files through the shared, bounded paths.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use super::scoring::{rank, RankRequest};
use crate::audit::Action;
use crate::caller::Caller;
use crate::csv_io::dossiers::{self, ExportRow, ImportedDossier};
use std::collections::HashMap;

use crate::domain::{DossierInput, Lane};
use crate::error::{CoreError, CoreResult};
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
    /// What to do with rows whose title a use case in the portfolio already has. Without a
    /// choice such rows are refused (a dry run reports them), so nothing is duplicated silently.
    #[serde(default)]
    #[ts(optional)]
    pub on_duplicate: Option<DuplicateAction>,
}

/// What an import does with a row whose title is already in the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateAction {
    /// Leave the existing use case as it is and skip the row.
    Skip,
    /// Update the existing use case's dossier from the row (its stage stays).
    Update,
    /// Add the row as a new use case anyway.
    Add,
}

/// What happened (or, on a dry run, would happen) to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    Added,
    Updated,
    Skipped,
    /// A dry run without a choice: the title exists; the import needs skip, update or add.
    Duplicate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedRow {
    pub row: u32,
    /// The use case the row became or updated; `None` on a dry run of a new row, or when skipped.
    pub id: Option<String>,
    pub title: String,
    pub lane: Lane,
    pub payback_months: Option<f64>,
    pub outcome: RowOutcome,
    /// The use case already holding this title, when there is one.
    pub existing_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOutcome {
    pub dry_run: bool,
    pub rows: Vec<ImportedRow>,
}

pub fn import_csv(db: &Db, caller: &Caller, req: &ImportRequest) -> CoreResult<ImportOutcome> {
    let bytes = read_bounded("path", std::path::Path::new(req.path.trim()), limits::CSV)?;
    import_bytes_with(db, caller, &bytes, req.dry_run, req.on_duplicate)
}

/// Imports CSV text already in hand (tests, fuzzing's replay). A dry run reads; a real import
/// stores every row in one transaction or none.
pub fn import_bytes(db: &Db, caller: &Caller, bytes: &[u8], dry_run: bool) -> CoreResult<ImportOutcome> {
    import_bytes_with(db, caller, bytes, dry_run, None)
}

pub fn import_bytes_with(
    db: &Db,
    caller: &Caller,
    bytes: &[u8],
    dry_run: bool,
    on_duplicate: Option<DuplicateAction>,
) -> CoreResult<ImportOutcome> {
    let parsed = dossiers::parse(bytes)?;
    let rows = if dry_run {
        db.read(|s| plan(s, parsed, on_duplicate, None))?
    } else {
        db.write(caller, Action::Import, |tx| plan(tx, parsed, on_duplicate, Some(tx)))?
    };
    Ok(ImportOutcome { dry_run, rows })
}

/// What each row becomes (and, given a transaction, stores it).
fn plan(
    conn: &Connection,
    parsed: Vec<ImportedDossier>,
    on_duplicate: Option<DuplicateAction>,
    store: Option<&Tx>,
) -> CoreResult<Vec<ImportedRow>> {
    let horizon = read::horizon(conn)?;
    let existing: HashMap<String, String> =
        use_case::list(conn)?.into_iter().map(|u| (title_key(&u.dossier.title), u.id)).collect();
    let mut duplicates = Vec::new();
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
        let existing_id = existing.get(&title_key(&input.title)).cloned();
        let row = imported.row as u32;
        let outcome = match (&existing_id, on_duplicate) {
            (None, _) | (Some(_), Some(DuplicateAction::Add)) => RowOutcome::Added,
            (Some(_), Some(DuplicateAction::Skip)) => RowOutcome::Skipped,
            (Some(_), Some(DuplicateAction::Update)) => RowOutcome::Updated,
            (Some(id), None) => {
                duplicates.push(format!("row {row} ({}): {id} already has this title", input.title));
                RowOutcome::Duplicate
            }
        };
        let id = match (store, outcome) {
            (Some(tx), RowOutcome::Added) => Some(use_case::insert(tx, &input)?),
            (Some(tx), RowOutcome::Updated) => {
                let id = existing_id.clone().unwrap_or_default();
                let stored = use_case::require(tx, &id)?;
                // The row replaces the dossier's figures and text; where the case stands (its
                // stage) and what the file cannot hold (workflow, notes) stay.
                let merged = DossierInput {
                    stage: stored.dossier.stage,
                    workflow: stored.dossier.workflow.clone(),
                    data_readiness_notes: stored.dossier.data_readiness_notes.clone(),
                    risk_notes: stored.dossier.risk_notes.clone(),
                    ..input.clone()
                };
                use_case::update(tx, &id, &merged)?;
                Some(id)
            }
            (None, RowOutcome::Updated) => existing_id.clone(),
            _ => None,
        };
        rows.push(ImportedRow { row, id, title: input.title, lane, payback_months: payback, outcome, existing_id });
    }
    if store.is_some() && !duplicates.is_empty() {
        return Err(CoreError::InvalidRows(
            std::iter::once(format!(
                "{} row(s) have titles the portfolio already has; choose to skip them, update those use cases or add \
                 them anyway",
                duplicates.len()
            ))
            .chain(duplicates)
            .collect(),
        ));
    }
    Ok(rows)
}

/// Titles match whatever their case and surrounding spaces.
fn title_key(title: &str) -> String {
    title.trim().to_lowercase()
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
