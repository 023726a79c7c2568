//! Handlers for the portfolio file as a whole: opening one (with its backups), initialising,
//! loading the demo, saving a copy, and describing what is open; and the desktop session's
//! open and create.

use std::path::{Path, PathBuf};

use steerco_core::domain::ProgrammeUpdate;
use steerco_core::services::portfolio::exports::ExportOutcome;
use steerco_core::services::portfolio::{
    self as service, backup, DemoOutcome, DemoRequest, PortfolioInfo, SaveCopyRequest,
};
use steerco_core::{CoreError, Db, OpenMode};

use crate::ctx::{Ctx, Paths};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::session::{NewPortfolioRequest, OpenRequest, Session, SessionStatus};

/// How a portfolio is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// An existing portfolio, read-write when the file allows.
    Existing,
    /// Create the file when it does not exist.
    CreateIfMissing,
    /// An existing portfolio, never written to.
    ReadOnly,
}

/// Opens the portfolio at `path` and builds a context over it. A portfolio about to be upgraded
/// is backed up first; a portfolio in use gets its daily backup.
pub fn open_file(paths: &Paths, path: &Path, opening: Opening) -> ApiResult<Ctx> {
    if path.as_os_str().is_empty() {
        return Err(ApiError::invalid("path", "is empty"));
    }
    if opening == Opening::CreateIfMissing {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                ApiError::new(ErrorCode::Io, format!("cannot create the folder {}: {e}", parent.display()))
            })?;
        }
    }
    let existed = path.exists();
    let mode = match opening {
        Opening::Existing => OpenMode::MustExist,
        Opening::CreateIfMissing => OpenMode::CreateIfMissing,
        Opening::ReadOnly => OpenMode::ReadOnly,
    };
    let db = Db::open_with_backup(path, mode).map_err(|e| match e {
        CoreError::Missing(p) => ApiError::new(
            ErrorCode::NoPortfolio,
            format!("no portfolio at {}; create one with `steerco init` or `steerco demo`", p.display()),
        ),
        other => other.into(),
    })?;
    // The daily backup is a safety net, not part of the request: a full disk must not stop the
    // person from working, and the next open tries again. A file made just now has nothing to
    // keep yet.
    if existed {
        let _ = backup::daily(&db);
    }
    Ok(Ctx::new(db, paths.clone()))
}

pub fn info(ctx: &Ctx, _: ()) -> ApiResult<PortfolioInfo> {
    Ok(service::info(&ctx.db)?)
}

/// Gives an open, blank portfolio its programme (`steerco init`).
pub fn init(ctx: &Ctx, req: ProgrammeUpdate) -> ApiResult<steerco_core::services::discovery::programme::InitOutcome> {
    crate::programme::init(ctx, req)
}

/// The programme a new portfolio starts with, checked before any file is touched.
pub fn new_programme(name: &str, currency: &str) -> ApiResult<ProgrammeUpdate> {
    let update = ProgrammeUpdate {
        name: name.to_owned(),
        currency: currency.to_owned(),
        settings: steerco_core::domain::ProgrammeSettings::default(),
    };
    Ok(update.validated()?)
}

pub fn load_demo(ctx: &Ctx, req: DemoRequest) -> ApiResult<DemoOutcome> {
    Ok(service::load_demo(&ctx.db, &ctx.caller(), &req)?)
}

/// Writes a consistent copy of the open portfolio (SQLite online backup) to `destination`.
pub fn save_copy(ctx: &Ctx, req: SaveCopyRequest) -> ApiResult<ExportOutcome> {
    Ok(service::save_copy(&ctx.db, &ctx.caller(), &req)?)
}

/// Removes a portfolio file (and its sidecars) that the current command created and could not
/// fill, so a failed first `steerco demo` does not leave an empty file behind.
pub fn discard_new_file(path: &Path) {
    for file in steerco_core::store::protected_paths(path) {
        let _ = std::fs::remove_file(file);
    }
}

/// Switches the desktop session to an existing portfolio. On failure the portfolio that was open
/// stays open.
pub fn open(session: &Session, req: OpenRequest) -> ApiResult<SessionStatus> {
    let path = PathBuf::from(req.path.trim());
    let ctx = open_file(session.paths(), &path, Opening::Existing)?;
    session.switch_to(&path, ctx)
}

/// Creates a new, empty portfolio and switches to it. Refuses an existing file: creating must
/// never overwrite someone's work.
pub fn create(session: &Session, req: NewPortfolioRequest) -> ApiResult<SessionStatus> {
    let path = PathBuf::from(req.path.trim());
    if path.as_os_str().is_empty() {
        return Err(ApiError::invalid("path", "is empty"));
    }
    let programme = new_programme(&req.name, &req.currency)?;
    if path.exists() {
        return Err(ApiError::invalid(
            "path",
            format!("{} already exists; open it instead, or choose a new file name", path.display()),
        ));
    }
    let ctx = open_file(session.paths(), &path, Opening::CreateIfMissing)?;
    // The trail's first record names the person working when the file was made (a new file
    // has no people yet, so the name is recorded as given), not the operating-system login.
    init(&Ctx { user: session.working_name(), ..ctx.clone() }, programme)?;
    session.switch_to(&path, ctx)
}
