//! What every handler receives: the open portfolio, the clock, who is working and where the
//! user's files live. The desktop app, the CLI and tests each build one; handlers never see a
//! Tauri `AppHandle`.

use std::path::PathBuf;
use std::sync::Arc;

use steerco_core::caller::Caller;
use steerco_core::clock::{Clock, SystemClock};
use steerco_core::Db;

#[derive(Clone)]
pub struct Ctx {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// The person working, as they named themselves (checked against the portfolio's people
    /// inside every write).
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

    /// Who is asking, now: what the services resolve against the portfolio's people.
    pub fn caller(&self) -> Caller {
        Caller::new(self.user.clone(), self.clock.now())
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
