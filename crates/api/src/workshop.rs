//! Handlers for discovery workshops: set up, rate on the facilitator's screen, exchange
//! per-participant rating sheets, and read the consensus with its "discuss" flags.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::csv_io::rating_sheet;
use steerco_core::scoring::Criterion;
use steerco_core::store::{criterion, use_case, workshop};
use steerco_core::workshop::{
    consensus, ConsensusCell, NewWorkshop, RatingEntry, RatingSource, Workshop, WorkshopRating,
};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;
use crate::exchange::write_file;

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

pub fn create(ctx: &Ctx, req: NewWorkshop) -> ApiResult<Workshop> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| workshop::create(tx, &req, now))
}

pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Workshop>> {
    Ok(ctx.db.read(workshop::list)?)
}

pub fn detail(ctx: &Ctx, req: WorkshopRef) -> ApiResult<WorkshopDetail> {
    Ok(ctx.db.read(|c| {
        let w = workshop::require(c, &req.id)?;
        let ratings = workshop::ratings(c, &w.id)?;
        let agenda = w
            .use_case_ids
            .iter()
            .map(|id| Ok(AgendaItem { id: id.clone(), title: use_case::require(c, id)?.title }))
            .collect::<steerco_core::CoreResult<_>>()?;
        Ok(WorkshopDetail {
            consensus: consensus(&w, &ratings),
            criteria: criterion::list(c)?,
            agenda,
            ratings,
            workshop: w,
        })
    })?)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RateRequest {
    pub workshop_id: String,
    pub entries: Vec<RatingEntry>,
}

/// Records ratings from the facilitator's screen; the dossiers take the new medians.
pub fn rate(ctx: &Ctx, req: RateRequest) -> ApiResult<WorkshopDetail> {
    let now = ctx.clock.now();
    let labelled: Vec<(String, RatingEntry)> =
        req.entries.into_iter().enumerate().map(|(i, e)| (format!("entry {}", i + 1), e)).collect();
    ctx.write(Action::Update, |tx| workshop::record(tx, &req.workshop_id, &labelled, RatingSource::Screen, now))?;
    detail(ctx, WorkshopRef { id: req.workshop_id })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetExportRequest {
    pub workshop_id: String,
    pub participant: String,
    pub destination: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetWritten {
    pub path: String,
}

/// Writes `participant`'s rating sheet, prefilled with what they have rated so far.
pub fn export_sheet(ctx: &Ctx, req: SheetExportRequest) -> ApiResult<SheetWritten> {
    let bytes = ctx.db.read(|c| {
        let w = workshop::require(c, &req.workshop_id)?;
        let names: Vec<_> = criterion::list(c)?.into_iter().map(|cr| (cr.key, cr.name)).collect();
        rating_sheet::export(&w, req.participant.trim(), &use_case::list(c)?, &names, &workshop::ratings(c, &w.id)?)
    })?;
    Ok(SheetWritten { path: write_file(ctx, &req.destination, &bytes)? })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SheetImportRequest {
    pub workshop_id: String,
    /// The filled sheet's contents.
    pub csv: String,
}

/// Reads a filled rating sheet (all-or-nothing); the dossiers take the new medians.
pub fn import_sheet(ctx: &Ctx, req: SheetImportRequest) -> ApiResult<WorkshopDetail> {
    let entries = rating_sheet::parse(req.csv.as_bytes(), req.workshop_id.trim())?;
    let now = ctx.clock.now();
    ctx.write(Action::Import, |tx| workshop::record(tx, &req.workshop_id, &entries, RatingSource::Sheet, now))?;
    detail(ctx, WorkshopRef { id: req.workshop_id })
}
