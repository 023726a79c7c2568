//! Handlers for the portfolio file as a whole: opening, initialising, loading the demo, saving a
//! copy, and describing what is open.

use std::path::{Path, PathBuf};
use steerco_core::audit::Action;

use serde::{Deserialize, Serialize};
use steerco_core::demo;
use steerco_core::domain::{Programme, ProgrammeSettings, ProgrammeUpdate};
use steerco_core::store::{programme, use_case, workshop, SCHEMA_VERSION};
use steerco_core::{Db, OpenMode};
use ts_rs::TS;

use crate::ctx::{Ctx, Paths};
use crate::error::{ApiError, ApiResult, ErrorCode};

/// Opens the portfolio at `path` and builds a context over it. With `create`, a missing file is
/// created (an empty schema, no programme yet).
pub fn open(paths: &Paths, path: &Path, create: bool) -> ApiResult<Ctx> {
    if path.as_os_str().is_empty() {
        return Err(ApiError::invalid("path", "is empty"));
    }
    if create {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                ApiError::new(ErrorCode::Io, format!("cannot create the folder {}: {e}", parent.display()))
            })?;
        }
    }
    let mode = if create { OpenMode::CreateIfMissing } else { OpenMode::MustExist };
    let db = Db::open(path, mode).map_err(|e| match e {
        steerco_core::CoreError::Missing(p) => ApiError::new(
            ErrorCode::NoPortfolio,
            format!("no portfolio at {}; create one with `steerco init` or `steerco demo`", p.display()),
        ),
        other => other.into(),
    })?;
    Ok(Ctx::new(db, paths.clone()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioInfo {
    pub path: Option<String>,
    pub schema_version: i64,
    /// `None` until the file is initialised or the demo is loaded.
    pub programme: Option<Programme>,
    pub use_case_count: u32,
}

pub fn info(ctx: &Ctx, _req: ()) -> ApiResult<PortfolioInfo> {
    let (programme, count) = ctx.db.read(|c| Ok((programme::get(c)?, use_case::count(c)?)))?;
    Ok(PortfolioInfo {
        path: ctx.db.path().map(|p| p.display().to_string()),
        schema_version: SCHEMA_VERSION,
        programme,
        use_case_count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InitRequest {
    pub name: String,
    pub currency: String,
}

impl InitRequest {
    /// Checks the request without touching any file, so a bad name or currency never leaves a
    /// new, empty portfolio behind.
    pub fn validated(&self) -> ApiResult<ProgrammeUpdate> {
        let update = ProgrammeUpdate {
            name: self.name.clone(),
            currency: self.currency.clone(),
            settings: ProgrammeSettings::default(),
        };
        Ok(update.validated()?)
    }
}

impl Default for InitRequest {
    fn default() -> Self {
        Self { name: "New programme".into(), currency: "EUR".into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InitOutcome {
    pub programme: Programme,
    /// False when the file already held a programme, which is left as it was.
    pub created: bool,
}

/// Gives an open, blank portfolio its programme. On an initialised portfolio it changes nothing.
pub fn init(ctx: &Ctx, req: InitRequest) -> ApiResult<InitOutcome> {
    let update = req.validated()?;
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| match programme::get(tx)? {
        Some(existing) => Ok(InitOutcome { programme: existing, created: false }),
        None => Ok(InitOutcome { programme: programme::upsert(tx, &update, now)?, created: true }),
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DemoRequest {
    /// Replace the contents of a portfolio that already has use cases.
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
    pub fn validated(&self) -> ApiResult<()> {
        if self.scale > MAX_SCALE {
            return Err(ApiError::invalid("scale", format!("must be at most {MAX_SCALE}, not {}", self.scale)));
        }
        Ok(())
    }
}

/// Removes a portfolio file (and its sidecars) that the current command created and could not
/// fill, so a failed first `steerco demo` does not leave an empty file behind.
pub fn discard_new_file(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Loads the demo portfolio. Refuses a portfolio that already has use cases unless `force`.
pub fn load_demo(ctx: &Ctx, req: DemoRequest) -> ApiResult<DemoOutcome> {
    req.validated()?;
    let demo = demo::portfolio()?;
    let synthetic = demo::synthetic_use_cases(req.scale as usize);
    // The demo's adapters are real PEFT folders; they live beside the portfolio file, as an
    // adapter a user imports lives wherever training wrote it.
    let adapters_dir = ctx.db.path().map(|p| {
        let stem = p.file_stem().map_or_else(|| "portfolio".into(), |s| s.to_string_lossy().into_owned());
        p.with_file_name(format!("{stem}-demo-adapters"))
    });
    let now = ctx.clock.now();
    let outcome = ctx.write(Action::Import, |tx| {
        let existing = use_case::count(tx)?;
        if existing > 0 && !req.force {
            return Err(steerco_core::CoreError::Conflict(format!(
                "the portfolio already holds {existing} use cases; loading the demo would replace them \
                 (use --force to replace them)"
            )));
        }
        let replaced = use_case::delete_all(tx)?;
        workshop::delete_all(tx)?;
        let programme = demo::install(tx, &demo, &synthetic, adapters_dir.as_deref(), now)?;
        Ok(DemoOutcome {
            programme,
            demo_use_cases: demo.use_cases.len() as u32,
            synthetic_use_cases: req.scale,
            replaced_use_cases: replaced as u32,
        })
    })?;
    Ok(outcome)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveCopyRequest {
    pub destination: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedCopy {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Writes a consistent copy of the open portfolio (SQLite online backup) to `destination`.
pub fn save_copy(ctx: &Ctx, req: SaveCopyRequest) -> ApiResult<SavedCopy> {
    ctx.person()?;
    let dest = PathBuf::from(req.destination.trim());
    if dest.as_os_str().is_empty() {
        return Err(ApiError::invalid("destination", "is empty"));
    }
    if dest.is_dir() {
        return Err(ApiError::invalid("destination", format!("{} is a folder; choose a file name", dest.display())));
    }
    ctx.db.backup_to(&dest)?;
    let bytes = std::fs::metadata(&dest)
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("the copy at {} cannot be read back: {e}", dest.display())))?
        .len();
    let path = dest.display().to_string();
    let sha256 = steerco_core::registry::hashing::hash_file(&dest)?.sha256;
    crate::exchange::record_export(ctx, &path, bytes, Some(sha256))?;
    Ok(SavedCopy { path, bytes })
}
