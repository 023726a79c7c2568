//! The desktop app's notion of "the portfolio that is open": which file, or why none could be
//! opened, and who is working. It lives here rather than in the Tauri shell so that switching
//! files is tested like any other handler and the shell stays a set of one-line adapters.

use std::path::Path;
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use steerco_core::caller::Permissions;
use steerco_core::compliance::Person;
use steerco_core::services::compliance::people;
use steerco_core::services::portfolio::{DemoRequest, PortfolioInfo};
use steerco_core::store::WaitObserver;
use ts_rs::TS;

use crate::ctx::{Ctx, Paths};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::portfolio::{self, Opening};
use crate::recent;

pub struct Session {
    paths: Paths,
    state: RwLock<State>,
    /// Told when a write waits for another Steerco, for every portfolio this session opens.
    observer: Option<Arc<dyn WaitObserver>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("paths", &self.paths).finish_non_exhaustive()
    }
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
    /// What the person working may do (`None` with no portfolio open), so the app disables a
    /// button ahead of a refusal and says why without knowing the role rules.
    pub permissions: Option<Permissions>,
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

/// The desktop session's state, as the header and the no-portfolio screen show it.
pub fn status(session: &Session, _: ()) -> ApiResult<SessionStatus> {
    session.status()
}

/// Chooses who is working. The name must be an active person on the open portfolio.
pub fn set_working_as(session: &Session, req: WorkingAsRequest) -> ApiResult<SessionStatus> {
    let name = req.name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if let Some(name) = &name {
        let ctx = session.ctx()?;
        if people::find_active(&ctx.db, name)?.is_none() {
            return Err(ApiError::invalid("name", format!("{name:?} is not an active person on this portfolio")));
        }
    }
    session.state.write().unwrap_or_else(|p| p.into_inner()).user = name;
    session.status()
}

/// How the desktop app starts: who is working (STEERCO_USER), who hears about busy waits, and
/// whether to open the file read-only (STEERCO_READ_ONLY, as the CLI's `--read-only`).
#[derive(Default)]
pub struct StartOptions {
    pub user: Option<String>,
    pub observer: Option<Arc<dyn WaitObserver>>,
    pub read_only: bool,
}

impl Session {
    /// Opens `path` at start-up. A file that does not exist yet is created with the demo
    /// portfolio, so a first run shows something to explore. Failure is kept, not raised: the
    /// window still opens and says why.
    pub fn start(paths: Paths, path: &Path, options: StartOptions) -> Arc<Session> {
        let StartOptions { user, observer, read_only } = options;
        let session = Arc::new(Session { paths, state: RwLock::default(), observer });
        let first_run = !path.exists() && !read_only;
        let opening = match (read_only, first_run) {
            (true, _) => Opening::ReadOnly,
            (false, true) => Opening::CreateIfMissing,
            (false, false) => Opening::Existing,
        };
        let opened = portfolio::open_file(&session.paths, path, opening).and_then(|ctx| {
            if first_run {
                // Nobody has chosen a profile yet (the demo brings the people); the trail says
                // who loaded the demo rather than an operating-system login.
                let installer = Ctx { user: Some("Steerco first run".to_owned()), ..ctx.clone() };
                portfolio::load_demo(&installer, DemoRequest::default())?;
            }
            Ok(ctx)
        });
        session.settle(path, opened);
        if let Some(name) = user.filter(|u| !u.trim().is_empty()) {
            // A name the portfolio does not know is dropped; the picker will ask.
            let _ = set_working_as(&session, WorkingAsRequest { name: Some(name) });
        }
        session
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

    /// The name of the person working (on the portfolio open now), if one is chosen.
    pub(crate) fn working_name(&self) -> Option<String> {
        self.read().user.clone()
    }

    fn status(&self) -> ApiResult<SessionStatus> {
        let state = self.read();
        let portfolio = state.current.as_ref().map(|ctx| portfolio::info(ctx, ())).transpose()?;
        let (working_as, has_people, permissions) = match &state.current {
            Some(ctx) => {
                let found = match &state.user {
                    Some(name) => people::find_active(&ctx.db, name)?,
                    None => None,
                };
                let caller = Ctx { user: state.user.clone(), ..ctx.clone() }.caller();
                (found, people::count(&ctx.db)? > 0, Some(people::permissions(&ctx.db, &caller)?))
            }
            None => (None, false, None),
        };
        Ok(SessionStatus {
            portfolio,
            problem: state.problem.clone(),
            default_path: self.paths.default_portfolio().display().to_string(),
            working_as,
            has_people,
            permissions,
        })
    }

    pub(crate) fn switch_to(&self, path: &Path, ctx: Ctx) -> ApiResult<SessionStatus> {
        self.settle(path, Ok(ctx));
        self.status()
    }

    fn settle(&self, path: &Path, opened: ApiResult<Ctx>) {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        match opened {
            Ok(ctx) => {
                if let Some(observer) = &self.observer {
                    ctx.db.set_wait_observer(Arc::clone(observer));
                }
                // The recent list is a convenience; failing to update it must not fail the open.
                let _ = recent::remember(&self.paths, path);
                // The same name may work on the next file too, if that file knows the person.
                let user = state.user.take().filter(|name| people::find_active(&ctx.db, name).ok().flatten().is_some());
                *state = State { current: Some(ctx), problem: None, user };
            }
            Err(problem) => state.problem = Some(problem),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }
}
