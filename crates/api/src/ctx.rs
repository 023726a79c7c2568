//! What every handler receives: the open portfolio, the clock, who is working and where the
//! user's files live. The desktop app, the CLI and tests each build one; handlers never see a
//! Tauri `AppHandle`.

use std::path::PathBuf;
use std::sync::Arc;

use steerco_core::audit::{Action, AuditMeta};
use steerco_core::clock::{Clock, SystemClock};
use steerco_core::compliance::{Person, Role};
use steerco_core::store::person;
use steerco_core::Db;

use crate::error::{ApiError, ApiResult, ErrorCode};

#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// The person working, when known (later issues check roles against it).
    pub user: Option<String>,
    pub paths: Paths,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("db", &self.db).field("user", &self.user).field("paths", &self.paths).finish()
    }
}

impl Ctx {
    pub fn new(db: Db, paths: Paths) -> Self {
        Self { db, clock: Arc::new(SystemClock), user: None, paths }
    }

    /// Runs `f` in one audited write transaction: the trail records `action` by this context's
    /// actor, now.
    pub fn write<T>(
        &self,
        action: Action,
        f: impl FnOnce(&rusqlite::Transaction) -> steerco_core::CoreResult<T>,
    ) -> ApiResult<T> {
        let actor = match self.person()? {
            Some(p) => p.name,
            None => self.actor(),
        };
        let meta = AuditMeta::new(actor, action, self.clock.now());
        Ok(self.db.write(&meta, f)?)
    }

    /// The person working, when one is named. A name the portfolio does not know is refused
    /// (once the portfolio has people), so the trail never records a typo as an actor.
    pub fn person(&self) -> ApiResult<Option<Person>> {
        let Some(name) = self.user.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
            return Ok(None);
        };
        let (found, people) = self.db.read(|c| Ok((person::find(c, name)?, person::count(c)?)))?;
        match found {
            Some(p) if p.active => Ok(Some(p)),
            Some(p) => {
                Err(ApiError::new(ErrorCode::Forbidden, format!("{} is marked inactive on this portfolio", p.name)))
            }
            None if people == 0 => Ok(None),
            None => Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("{name:?} is not a person on this portfolio; `steerco person list` shows who is"),
            )),
        }
    }

    /// As `require_role`, on a portfolio that has people. A portfolio nobody has been added to
    /// yet (or one from before people existed) cannot check roles; it records the login name.
    pub fn require_role_once_people_exist(&self, role: Role, doing: &str) -> ApiResult<Option<Person>> {
        if self.db.read(person::count)? == 0 {
            return Ok(None);
        }
        self.require_role(role, doing).map(Some)
    }

    /// Refuses a decision recorded in someone else's name: with a person working, `named` (the
    /// "by" of an approval or an override) must be that person.
    pub fn check_named(&self, field: &str, named: &str) -> ApiResult<()> {
        if let Some(p) = self.person()? {
            if !p.name.eq_ignore_ascii_case(named.trim()) {
                return Err(ApiError::invalid(
                    field,
                    format!(
                        "you are working as {}; a decision is recorded in the name of the person taking it, not {:?}",
                        p.name,
                        named.trim()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The person working, who must hold `role` for `doing` ("sign off", …).
    pub fn require_role(&self, role: Role, doing: &str) -> ApiResult<Person> {
        let who = self.person()?;
        match who {
            Some(p) if p.has(role) => Ok(p),
            Some(p) => Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "only {} can {doing}; {} is {}",
                    role.with_article(),
                    p.name,
                    if p.roles.is_empty() {
                        "without a role".to_owned()
                    } else {
                        p.roles.iter().map(|r| r.with_article()).collect::<Vec<_>>().join(" and ")
                    }
                ),
            )),
            None => Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "only {} can {doing}; say who is working (the app's profile picker, or `steerco --as NAME` / STEERCO_USER)",
                    role.with_article()
                ),
            )),
        }
    }

    /// Who to record as having done something when the request does not say: the person
    /// working, else the operating system's login name.
    pub fn actor(&self) -> String {
        // A known person is recorded by their stored name, however it was typed after --as.
        if let Ok(Some(p)) = self.person() {
            return p.name;
        }
        self.user
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("LOGNAME").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "unknown".to_owned())
    }
}

/// Where Steerco keeps per-user files. The desktop app and the CLI resolve the same folders, so
/// `steerco` with no `--db` reads the portfolio the app opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

/// The reverse-DNS name the desktop bundle is known by; folders are named after it.
pub const APP_IDENTIFIER: &str = "io.steerco.desktop";
pub const PORTFOLIO_EXTENSION: &str = "steerco";

impl Paths {
    /// The platform's folders (XDG on Linux, so `XDG_DATA_HOME` and `XDG_CONFIG_HOME` are
    /// honoured), falling back to the working directory on a machine that has none.
    pub fn platform() -> Self {
        let base = |dir: Option<PathBuf>| dir.unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER);
        Self { data_dir: base(dirs::data_dir()), config_dir: base(dirs::config_dir()) }
    }

    /// The portfolio opened when no `--db` or `STEERCO_DB` is given.
    pub fn default_portfolio(&self) -> PathBuf {
        self.data_dir.join(format!("portfolio.{PORTFOLIO_EXTENSION}"))
    }

    pub fn recent_files(&self) -> PathBuf {
        self.config_dir.join("recent.json")
    }
}
