//! The desktop app's notion of "the portfolio that is open": which file, or why none could be
//! opened. It lives here rather than in the Tauri shell so that switching files is tested like
//! any other handler and the shell stays a set of one-line adapters.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ctx::{Ctx, Paths};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::portfolio::{self, DemoRequest, InitRequest, PortfolioInfo};
use crate::recent;

#[derive(Debug)]
pub struct Session {
    paths: Paths,
    state: RwLock<State>,
}

#[derive(Debug, Default)]
struct State {
    current: Option<Ctx>,
    /// Why the last attempt to open a file failed, shown until another file opens.
    problem: Option<ApiError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionStatus {
    pub portfolio: Option<PortfolioInfo>,
    /// Set when no portfolio is open because opening one failed.
    pub problem: Option<ApiError>,
    pub default_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenRequest {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewPortfolioRequest {
    pub path: String,
    pub name: String,
    pub currency: String,
}

impl Session {
    /// Opens `path` at start-up. A file that does not exist yet is created with the demo
    /// portfolio, so a first run shows something to explore. Failure is kept, not raised: the
    /// window still opens and says why.
    pub fn start(paths: Paths, path: &Path) -> Arc<Session> {
        let session = Arc::new(Session { paths, state: RwLock::default() });
        let first_run = !path.exists();
        let opened = portfolio::open(&session.paths, path, first_run).and_then(|ctx| {
            if first_run {
                portfolio::load_demo(&ctx, DemoRequest::default())?;
            }
            Ok(ctx)
        });
        session.settle(path, opened);
        session
    }

    /// The open portfolio's context, or `NoPortfolio` when none is open.
    pub fn ctx(&self) -> ApiResult<Ctx> {
        self.read()
            .current
            .clone()
            .ok_or_else(|| ApiError::new(ErrorCode::NoPortfolio, "no portfolio is open; open one or create a new one"))
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn status(&self, _req: ()) -> ApiResult<SessionStatus> {
        let state = self.read();
        let portfolio = state.current.as_ref().map(|ctx| portfolio::info(ctx, ())).transpose()?;
        Ok(SessionStatus {
            portfolio,
            problem: state.problem.clone(),
            default_path: self.paths.default_portfolio().display().to_string(),
        })
    }

    /// Switches to an existing portfolio. On failure the portfolio that was open stays open.
    pub fn open(&self, req: OpenRequest) -> ApiResult<SessionStatus> {
        let path = PathBuf::from(req.path.trim());
        let ctx = portfolio::open(&self.paths, &path, false)?;
        self.switch_to(&path, ctx)
    }

    /// Creates a new, empty portfolio at `path` and switches to it. Refuses an existing file:
    /// creating must never overwrite someone's work.
    pub fn create(&self, req: NewPortfolioRequest) -> ApiResult<SessionStatus> {
        let path = PathBuf::from(req.path.trim());
        if path.as_os_str().is_empty() {
            return Err(ApiError::invalid("path", "is empty"));
        }
        let init = InitRequest { name: req.name, currency: req.currency };
        init.validated()?;
        if path.exists() {
            return Err(ApiError::invalid(
                "path",
                format!("{} already exists; open it instead, or choose a new file name", path.display()),
            ));
        }
        let ctx = portfolio::open(&self.paths, &path, true)?;
        portfolio::init(&ctx, init)?;
        self.switch_to(&path, ctx)
    }

    pub fn recent(&self, _req: ()) -> ApiResult<Vec<recent::RecentFile>> {
        recent::list(&self.paths, ())
    }

    pub fn forget_recent(&self, req: OpenRequest) -> ApiResult<Vec<recent::RecentFile>> {
        recent::forget(&self.paths, &req.path)
    }

    fn switch_to(&self, path: &Path, ctx: Ctx) -> ApiResult<SessionStatus> {
        self.settle(path, Ok(ctx));
        self.status(())
    }

    fn settle(&self, path: &Path, opened: ApiResult<Ctx>) {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        match opened {
            Ok(ctx) => {
                // The recent list is a convenience; failing to update it must not fail the open.
                let _ = recent::remember(&self.paths, path);
                *state = State { current: Some(ctx), problem: None };
            }
            Err(problem) => state.problem = Some(problem),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }
}
