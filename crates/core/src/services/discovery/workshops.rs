//! Discovery workshops: set up, rate on the facilitator's screen, exchange per-participant
//! rating sheets, and read the consensus with its "discuss" flags. Every recorded rating moves
//! the dossier's rating to the workshop's median in the same transaction; withdrawing every
//! rating of a criterion restores what the dossier held before the workshop.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::csv_io::rating_sheet;
use crate::domain::{CriterionKey, Stage};
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded};
use crate::scoring::Criterion;
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::workshop::{self, Cell};
use crate::store::{criterion, use_case, Db, Tx};
use crate::workshop::{
    consensus, median, ConsensusCell, NewWorkshop, RatingEntry, RatingSource, Workshop, WorkshopRating,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkshopRef {
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkshopDetail {
    pub workshop: Workshop,
    pub agenda: Vec<AgendaItem>,
    pub criteria: Vec<Criterion>,
    pub ratings: Vec<WorkshopRating>,
    pub consensus: Vec<ConsensusCell>,
}

pub fn create(db: &Db, caller: &Caller, new: &NewWorkshop) -> CoreResult<Workshop> {
    let new = new.validated()?;
    db.write(caller, Action::Create, |tx| {
        let ids: Vec<String> = if new.use_case_ids.is_empty() {
            let ids: Vec<String> =
                read::list(tx)?.into_iter().filter(|c| c.stage == Stage::Discovery).map(|c| c.id).collect();
            if ids.is_empty() {
                return Err(CoreError::invalid(
                    "use_case_ids",
                    "no use case is in discovery; name the use cases to rate",
                ));
            }
            ids
        } else {
            new.use_case_ids.clone()
        };
        let mut agenda = Vec::new();
        for id in &ids {
            let stored = use_case::get(tx, id)?
                .filter(|s| s.withdrawal.is_none())
                .ok_or_else(|| CoreError::invalid("use_case_ids", format!("{id} does not exist")))?;
            agenda.push((stored.id, stored.dossier.ratings));
        }
        let id = workshop::insert(tx, &new, &agenda)?;
        workshop::require(tx, &id)
    })
}

pub fn list(db: &Db) -> CoreResult<Vec<Workshop>> {
    db.read(|s| workshop::list(s))
}

pub fn detail(db: &Db, req: &WorkshopRef) -> CoreResult<WorkshopDetail> {
    db.read(|c| {
        let w = workshop::require(c, &req.id)?;
        let ratings = workshop::ratings(c, &w.id)?;
        let agenda = w
            .use_case_ids
            .iter()
            .map(|id| Ok(AgendaItem { id: id.clone(), title: use_case::require(c, id)?.dossier.title }))
            .collect::<CoreResult<_>>()?;
        Ok(WorkshopDetail {
            consensus: consensus(&w, &ratings),
            criteria: criterion::list(c)?,
            agenda,
            ratings,
            workshop: w,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateRequest {
    pub workshop_id: String,
    pub entries: Vec<RatingEntry>,
}

/// Records ratings from the facilitator's screen; the dossiers take the new medians.
pub fn rate(db: &Db, caller: &Caller, req: &RateRequest) -> CoreResult<WorkshopDetail> {
    let labelled: Vec<(String, RatingEntry)> =
        req.entries.iter().enumerate().map(|(i, e)| (format!("entry {}", i + 1), e.clone())).collect();
    db.write(caller, Action::Update, |tx| record(tx, &req.workshop_id, &labelled, RatingSource::Screen))?;
    detail(db, &WorkshopRef { id: req.workshop_id.clone() })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetExportRequest {
    pub workshop_id: String,
    pub participant: String,
    pub destination: String,
}

/// Writes `participant`'s rating sheet, prefilled with what they have rated so far.
pub fn export_sheet(db: &Db, caller: &Caller, req: &SheetExportRequest) -> CoreResult<ExportOutcome> {
    let (bytes, rows) = sheet_csv(db, req)?;
    export_bytes(db, caller, &req.destination, "workshop rating sheet (CSV)", &bytes, rows)
}

/// The rating sheet as CSV and its row count, for a writer of another format (XLSX) to lay out.
pub fn sheet_csv(db: &Db, req: &SheetExportRequest) -> CoreResult<(Vec<u8>, u32)> {
    db.read(|c| {
        let w = workshop::require(c, &req.workshop_id)?;
        let names: Vec<_> = criterion::list(c)?.into_iter().map(|cr| (cr.key, cr.name)).collect();
        let cases = read::list(c)?;
        let rows = (w.use_case_ids.len() * names.len()) as u32;
        Ok((rating_sheet::export(&w, req.participant.trim(), &cases, &names, &workshop::ratings(c, &w.id)?)?, rows))
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetImportRequest {
    pub workshop_id: String,
    /// The filled sheet.
    pub path: String,
}

/// Reads a filled rating sheet (all-or-nothing); the dossiers take the new medians.
pub fn import_sheet(db: &Db, caller: &Caller, req: &SheetImportRequest) -> CoreResult<WorkshopDetail> {
    let bytes = read_bounded("path", std::path::Path::new(req.path.trim()), limits::RATING_SHEET)?;
    import_sheet_bytes(db, caller, &req.workshop_id, &bytes)
}

/// As `import_sheet`, for a sheet already read (and, from XLSX, already turned into CSV rows).
pub fn import_sheet_bytes(db: &Db, caller: &Caller, workshop_id: &str, bytes: &[u8]) -> CoreResult<WorkshopDetail> {
    let entries = rating_sheet::parse(bytes, workshop_id.trim())?;
    db.write(caller, Action::Import, |tx| record(tx, workshop_id, &entries, RatingSource::Sheet))?;
    detail(db, &WorkshopRef { id: workshop_id.to_owned() })
}

/// Records `entries` (checking each names a participant and a use case of the workshop and a
/// rating of 1–5), then sets each touched dossier rating to the workshop median. The label of
/// an entry ("row 4" for a sheet) names it in errors.
fn record(tx: &Tx, workshop_id: &str, entries: &[(String, RatingEntry)], source: RatingSource) -> CoreResult<u32> {
    let workshop = workshop::require(tx, workshop_id)?;
    let mut problems = Vec::new();
    for (label, e) in entries {
        if !workshop.participants.contains(&e.participant) {
            problems.push(format!(
                "{label}, column participant: {} is not a participant of {}",
                e.participant, workshop.id
            ));
        }
        if !workshop.use_case_ids.contains(&e.use_case_id) {
            problems.push(format!("{label}, column use_case_id: {} is not on {}'s agenda", e.use_case_id, workshop.id));
        }
        if let Some(r) = e.rating {
            if !(1..=5).contains(&r) {
                problems.push(format!("{label}, column rating: must be a whole number from 1 to 5, not {r}"));
            }
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    let mut touched: Vec<(String, CriterionKey)> = Vec::new();
    for (_, e) in entries {
        let cell = Cell {
            workshop_id: &workshop.id,
            participant: &e.participant,
            use_case_id: &e.use_case_id,
            criterion: e.criterion,
        };
        match e.rating {
            Some(rating) => workshop::put_rating(tx, &cell, rating, source)?,
            None => workshop::remove_rating(tx, &cell)?,
        }
        if !touched.contains(&(e.use_case_id.clone(), e.criterion)) {
            touched.push((e.use_case_id.clone(), e.criterion));
        }
    }
    for (use_case_id, criterion) in &touched {
        let values = workshop::cell_ratings(tx, &workshop.id, use_case_id, *criterion)?;
        let rating = match median(&values) {
            Some(m) => m,
            // Every rating withdrawn: the dossier goes back to what it was before the workshop.
            None => workshop::rating_before(tx, &workshop.id, use_case_id, *criterion)?,
        };
        use_case::set_rating(tx, use_case_id, criterion.rating_column(), rating)?;
    }
    Ok(entries.len() as u32)
}
