//! Steerco's desktop shell. It resolves which portfolio to open (`--db PATH`, then
//! `STEERCO_DB`, then the platform default), starts a `Session`, and registers the commands.
//! Everything else lives in steerco-api.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use steerco_api::session::{Session, StartOptions};
use steerco_api::Paths;
use steerco_core::store::WaitObserver;
use tauri::{AppHandle, Emitter, Manager};

/// The event the UI listens to for "waiting for another Steerco…".
const BUSY_EVENT: &str = "steerco:busy";

#[derive(Clone, Serialize)]
struct Busy {
    waiting: bool,
    path: Option<String>,
}

/// Tells the window when a write waits for another Steerco holding the portfolio, and when the
/// wait is over.
struct WindowWaiting(AppHandle);

impl WaitObserver for WindowWaiting {
    fn waiting(&self, path: &Path) {
        let _ = self.0.emit(BUSY_EVENT, Busy { waiting: true, path: Some(path.display().to_string()) });
    }

    fn done_waiting(&self) {
        let _ = self.0.emit(BUSY_EVENT, Busy { waiting: false, path: None });
    }
}

fn main() {
    let paths = Paths::platform();
    let portfolio = portfolio_from_args(std::env::args().skip(1))
        .or_else(|| std::env::var_os("STEERCO_DB").filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(|| paths.default_portfolio());
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let observer: Arc<dyn WaitObserver> = Arc::new(WindowWaiting(app.handle().clone()));
            let read_only = std::env::var("STEERCO_READ_ONLY").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
            let options =
                StartOptions { user: std::env::var("STEERCO_USER").ok(), observer: Some(observer), read_only };
            let session = Session::start(paths, &portfolio, options);
            app.manage(session);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("steerco-desktop: {e}");
        std::process::exit(1);
    }
}

/// `--db PATH` or `--db=PATH`; other arguments (e.g. from a WebDriver) are ignored.
fn portfolio_from_args(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.strip_prefix("--db=") {
            return Some(PathBuf::from(path));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::portfolio_from_args;
    use std::path::PathBuf;

    #[test]
    fn db_argument_in_both_spellings() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>().into_iter();
        assert_eq!(portfolio_from_args(args(&["--db", "a.steerco"])), Some(PathBuf::from("a.steerco")));
        assert_eq!(portfolio_from_args(args(&["-x", "--db=b.steerco"])), Some(PathBuf::from("b.steerco")));
        assert_eq!(portfolio_from_args(args(&["--db"])), None);
    }
}
