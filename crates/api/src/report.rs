//! Handlers for documents: the regulator pack exported at once (the CLI) or as a job the app
//! follows with a progress bar and may cancel, verifying a document that comes back, and the
//! list of documents handed out.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use steerco_core::services::documents::exports;
pub use steerco_core::services::documents::exports::{DocumentExported, DocumentVerification, ExportRecord};
pub use steerco_reports::export::PackExport;
pub use steerco_reports::Progress;
use ts_rs::TS;

use crate::{ApiError, ApiResult, Ctx, ErrorCode};

/// Exports the pack and waits for it; `progress` hears of each step.
pub fn export_pack_with(
    ctx: &Ctx,
    req: PackExport,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> ApiResult<DocumentExported> {
    Ok(steerco_reports::export::pack(&ctx.db, &ctx.caller(), &req, progress)?)
}

pub fn export_pack(ctx: &Ctx, req: PackExport) -> ApiResult<DocumentExported> {
    export_pack_with(ctx, req, &mut |_| true)
}

pub use steerco_reports::workbook::WorkbookExport;

pub fn export_workbook(
    ctx: &Ctx,
    req: WorkbookExport,
) -> ApiResult<steerco_core::services::portfolio::exports::ExportOutcome> {
    Ok(steerco_reports::workbook::export(&ctx.db, &ctx.caller(), &req)?)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VerifyRequest {
    pub path: String,
}

pub fn verify(ctx: &Ctx, req: VerifyRequest) -> ApiResult<DocumentVerification> {
    Ok(exports::verify(&ctx.db, &req.path)?)
}

pub fn exports(ctx: &Ctx, _: ()) -> ApiResult<Vec<ExportRecord>> {
    Ok(exports::list(&ctx.db)?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Running,
    Done,
    Failed,
    Cancelled,
}

/// Where an export job stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportJob {
    pub id: u32,
    pub state: JobState,
    pub progress: Progress,
    pub outcome: Option<DocumentExported>,
    pub error: Option<ApiError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JobRef {
    pub id: u32,
}

struct Job {
    status: ExportJob,
    cancel: Arc<AtomicBool>,
}

/// Jobs of this process. A job lives until the process ends; there are few and they are small.
fn jobs() -> &'static Mutex<HashMap<u32, Job>> {
    static JOBS: OnceLock<Mutex<HashMap<u32, Job>>> = OnceLock::new();
    JOBS.get_or_init(|| Mutex::new(HashMap::new()))
}

fn update(id: u32, f: impl FnOnce(&mut ExportJob)) {
    if let Ok(mut all) = jobs().lock() {
        if let Some(job) = all.get_mut(&id) {
            f(&mut job.status);
        }
    }
}

pub use steerco_reports::export::DeckExport;

/// Exports the monthly steering deck and waits for it; `progress` hears of each slide.
pub fn export_deck_with(
    ctx: &Ctx,
    req: DeckExport,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> ApiResult<DocumentExported> {
    Ok(steerco_reports::export::deck(&ctx.db, &ctx.caller(), &req, progress)?)
}

/// Starts exporting the pack on a thread of its own and returns at once; `job` follows it.
pub fn start_pack(ctx: &Ctx, req: PackExport) -> ApiResult<ExportJob> {
    if req.destination.trim().is_empty() {
        return Err(ApiError::invalid("destination", "is empty; choose a file name"));
    }
    start(ctx, move |ctx, progress| export_pack_with(ctx, req, progress))
}

/// Starts exporting the steering deck as a job, as `start_pack` does.
pub fn start_deck(ctx: &Ctx, req: DeckExport) -> ApiResult<ExportJob> {
    if req.destination.trim().is_empty() {
        return Err(ApiError::invalid("destination", "is empty; choose a file name"));
    }
    steerco_core::value::Month::parse(req.month.trim()).map_err(|e| ApiError::invalid("month", e))?;
    start(ctx, move |ctx, progress| export_deck_with(ctx, req, progress))
}

type Export = dyn FnOnce(&Ctx, &mut dyn FnMut(Progress) -> bool) -> ApiResult<DocumentExported> + Send;

fn start(
    ctx: &Ctx,
    export: impl FnOnce(&Ctx, &mut dyn FnMut(Progress) -> bool) -> ApiResult<DocumentExported> + Send + 'static,
) -> ApiResult<ExportJob> {
    let export: Box<Export> = Box::new(export);
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let cancel = Arc::new(AtomicBool::new(false));
    let status = ExportJob {
        id,
        state: JobState::Running,
        progress: Progress { done: 0, total: 1, step: "reading the portfolio".into() },
        outcome: None,
        error: None,
    };
    jobs()
        .lock()
        .map_err(|_| ApiError::new(ErrorCode::Internal, "the export jobs are unavailable"))?
        .insert(id, Job { status: status.clone(), cancel: cancel.clone() });
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let result = export(&ctx, &mut |p| {
            update(id, |s| s.progress = p);
            !cancel.load(Ordering::Relaxed)
        });
        update(id, |s| match result {
            Ok(outcome) => {
                s.state = JobState::Done;
                s.outcome = Some(outcome);
            }
            Err(e) if e.code == ErrorCode::Cancelled => {
                s.state = JobState::Cancelled;
                s.error = Some(e);
            }
            Err(e) => {
                s.state = JobState::Failed;
                s.error = Some(e);
            }
        });
    });
    Ok(status)
}

pub fn job(_: &Ctx, req: JobRef) -> ApiResult<ExportJob> {
    let all = jobs().lock().map_err(|_| ApiError::new(ErrorCode::Internal, "the export jobs are unavailable"))?;
    all.get(&req.id)
        .map(|j| j.status.clone())
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no export job {}", req.id)))
}

/// Asks a running job to stop; it stops before writing anything.
pub fn cancel(ctx: &Ctx, req: JobRef) -> ApiResult<ExportJob> {
    {
        let all = jobs().lock().map_err(|_| ApiError::new(ErrorCode::Internal, "the export jobs are unavailable"))?;
        let job =
            all.get(&req.id).ok_or_else(|| ApiError::new(ErrorCode::NotFound, format!("no export job {}", req.id)))?;
        job.cancel.store(true, Ordering::Relaxed);
    }
    job(ctx, req)
}
