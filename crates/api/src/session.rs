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
use steerco_core::compliance::Person;
use steerco_core::store::person;

#[derive(Debug)]
pub struct Session {
    paths: Paths,
    state: RwLock<State>,
}

#[derive(Debug, Default)]
struct State {
    current: Option<Ctx>,
    /// Who is working, by name: chosen in the profile picker (or STEERCO_USER at start).
    user: Option<String>,
    /// Why the last attempt to open a file failed, shown until another file opens.
    problem: Option<ApiError>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionStatus {
    pub portfolio: Option<PortfolioInfo>,
    /// Set when no portfolio is open because opening one failed.
    pub problem: Option<ApiError>,
    pub default_path: String,
    /// The person working on the open portfolio, once chosen.
    pub working_as: Option<Person>,
    /// Whether the open portfolio has people to choose from.
    pub has_people: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkingAsRequest {
    /// A person's name; `None` to stop working as anyone.
    pub name: Option<String>,
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
    pub fn start(paths: Paths, path: &Path, user: Option<String>) -> Arc<Session> {
        let session = Arc::new(Session { paths, state: RwLock::default() });
        let first_run = !path.exists();
        let opened = portfolio::open(&session.paths, path, first_run).and_then(|ctx| {
            if first_run {
                // Nobody has chosen a profile yet (the demo brings the people); the trail says
                // who loaded the demo rather than "unknown".
                let installer = Ctx { user: Some("Steerco first run".to_owned()), ..ctx.clone() };
                portfolio::load_demo(&installer, DemoRequest::default())?;
            }
            Ok(ctx)
        });
        session.settle(path, opened);
        if let Some(name) = user.filter(|u| !u.trim().is_empty()) {
            // A name the portfolio does not know is dropped; the picker will ask.
            let _ = session.set_working_as(WorkingAsRequest { name: Some(name) });
        }
        session
    }

    /// Chooses who is working. The name must be an active person on the open portfolio.
    pub fn set_working_as(&self, req: WorkingAsRequest) -> ApiResult<SessionStatus> {
        let name = req.name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if let Some(name) = &name {
            let mut ctx = self.ctx()?;
            ctx.user = Some(name.clone());
            match ctx.person()? {
                Some(_) => {}
                None => return Err(ApiError::invalid("name", format!("{name:?} is not a person on this portfolio"))),
            }
        }
        self.state.write().unwrap_or_else(|p| p.into_inner()).user = name;
        self.status(())
    }

    /// The open portfolio's context, or `NoPortfolio` when none is open.
    pub fn ctx(&self) -> ApiResult<Ctx> {
        let state = self.read();
        let mut ctx = state.current.clone().ok_or_else(|| {
            ApiError::new(ErrorCode::NoPortfolio, "no portfolio is open; open one or create a new one")
        })?;
        ctx.user = state.user.clone();
        Ok(ctx)
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn status(&self, _req: ()) -> ApiResult<SessionStatus> {
        let state = self.read();
        let portfolio = state.current.as_ref().map(|ctx| portfolio::info(ctx, ())).transpose()?;
        let (working_as, has_people) = match &state.current {
            Some(ctx) => {
                let found = match &state.user {
                    Some(name) => ctx.db.read(|c| person::find(c, name))?.filter(|p| p.active),
                    None => None,
                };
                (found, ctx.db.read(person::count)? > 0)
            }
            None => (None, false),
        };
        Ok(SessionStatus {
            portfolio,
            problem: state.problem.clone(),
            default_path: self.paths.default_portfolio().display().to_string(),
            working_as,
            has_people,
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
                // The same name may work on the next file too, if that file knows the person.
                let user =
                    state.user.take().filter(|name| ctx.db.read(|c| person::find(c, name)).ok().flatten().is_some());
                *state = State { current: Some(ctx), problem: None, user };
            }
            Err(problem) => state.problem = Some(problem),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }
}
