//! The portfolio file as a whole: what is open, loading the demo, a consistent copy, backups and
//! restoring one, and the one shared path by which every export leaves.

pub mod backup;
pub mod exports;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::demo;
use crate::domain::Programme;
use crate::error::{CoreError, CoreResult};
use crate::store::{programme, steering, use_case, workshop, Access, Db, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioInfo {
    pub path: Option<String>,
    pub schema_version: i64,
    /// `None` until the file is initialised or the demo is loaded.
    pub programme: Option<Programme>,
    pub use_case_count: u32,
    /// Why changes cannot be saved, when the portfolio is open read-only.
    pub read_only: Option<String>,
}

pub fn info(db: &Db) -> CoreResult<PortfolioInfo> {
    let (programme, count) = db.read(|c| Ok((programme::get(c)?, use_case::count(c)?)))?;
    Ok(PortfolioInfo {
        path: db.path().map(|p| p.display().to_string()),
        schema_version: SCHEMA_VERSION,
        programme,
        use_case_count: u32::try_from(count).unwrap_or(u32::MAX),
        read_only: match db.access() {
            Access::ReadOnly { reason } => Some(reason.clone()),
            Access::ReadWrite => None,
        },
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoRequest {
    /// Replace the use cases of a portfolio that already has some.
    pub force: bool,
    /// Synthetic use cases to add after the demo ones (scale tests, benchmarks).
    pub scale: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoOutcome {
    pub programme: Programme,
    pub demo_use_cases: u32,
    pub synthetic_use_cases: u32,
    /// Use cases removed because `force` replaced a non-empty portfolio.
    pub replaced_use_cases: u32,
}

/// The most synthetic use cases one call adds; larger scale tests call it more than once.
pub const MAX_SCALE: u32 = 1_000_000;

impl DemoRequest {
    /// Checks the request without touching any file.
    pub fn validated(&self) -> CoreResult<()> {
        if self.scale > MAX_SCALE {
            return Err(CoreError::invalid("scale", format!("must be at most {MAX_SCALE}, not {}", self.scale)));
        }
        Ok(())
    }
}

/// Loads the demo portfolio. Refuses a portfolio that already has use cases unless `force`. The
/// demo's adapters are real PEFT folders written beside the portfolio file, as an adapter a user
/// imports lives wherever training wrote it.
pub fn load_demo(db: &Db, caller: &Caller, req: &DemoRequest) -> CoreResult<DemoOutcome> {
    req.validated()?;
    let portfolio = demo::portfolio()?;
    let synthetic = demo::synthetic_use_cases(req.scale as usize);
    let adapters_dir = db.path().map(|p| {
        let stem = p.file_stem().map_or_else(|| "portfolio".into(), |s| s.to_string_lossy().into_owned());
        p.with_file_name(format!("{stem}-demo-adapters"))
    });
    db.write(caller, Action::Import, |tx| {
        let existing = use_case::count(tx)?;
        if existing > 0 && !req.force {
            return Err(CoreError::Conflict(format!(
                "the portfolio already holds {existing} use cases; loading the demo would replace them \
                 (use --force to replace them)"
            )));
        }
        // Withdrawn cases go too, but the count is of what the portfolio showed.
        use_case::delete_all(tx)?;
        workshop::delete_all(tx)?;
        steering::delete_all(tx)?;
        let (programme, to_close) = demo::install(tx, &portfolio, &synthetic, adapters_dir.as_deref())?;
        // The demo on the trail first, so the closed meeting's minutes anchor its decisions.
        tx.record_so_far()?;
        demo::close_meetings(tx, &to_close)?;
        Ok(DemoOutcome {
            programme,
            // What the portfolio lists: the demo's cases and the one its steering meeting authorised.
            demo_use_cases: (use_case::list(tx)?.len() as u32).saturating_sub(req.scale),
            synthetic_use_cases: req.scale,
            replaced_use_cases: existing as u32,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveCopyRequest {
    pub destination: String,
}

/// Writes a consistent, self-contained copy of the portfolio (SQLite online backup, folded out
/// of WAL mode so it travels alone) through the shared writer, and records it.
pub fn save_copy(db: &Db, caller: &Caller, req: &SaveCopyRequest) -> CoreResult<exports::ExportOutcome> {
    exports::export_by_path(db, caller, &req.destination, "portfolio copy", |source, partial| {
        backup::copy_into(source, partial)
    })
}
