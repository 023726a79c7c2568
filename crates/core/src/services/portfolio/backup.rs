//! Backups: consistent copies of a portfolio (SQLite's online backup) kept in a folder beside
//! it (`<name>-backups/`), taken before every schema upgrade and once a day while the portfolio
//! is in use, the newest N kept (a programme setting, 14 by default). Restoring one replaces the
//! portfolio's contents through the same online backup, so another Steerco with the file open
//! sees a consistent file; the portfolio as it was is backed up first, and the restore itself is
//! recorded on the restored trail, which verifies.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::error::{CoreError, CoreResult};
use crate::files::OutputFile;
use crate::store::{audit, programme, Access, Db, OpenMode};

/// UTC to the millisecond, so two backups taken in one second keep both.
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BackupFile {
    pub path: String,
    pub file_name: String,
    pub taken_at: DateTime<Utc>,
    /// Why it was taken: "daily", "before-upgrade-to-schema-5", "before-restore", "manual".
    pub reason: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The backups folder of the portfolio at `portfolio`.
pub fn folder_of(portfolio: &Path) -> PathBuf {
    let stem = portfolio.file_stem().map_or_else(|| "portfolio".into(), |s| s.to_string_lossy().into_owned());
    portfolio.with_file_name(format!("{stem}-backups"))
}

/// Copies the database on `source` into the (new, empty) file at `dest` with SQLite's online
/// backup, then folds the copy out of WAL mode so it is one self-contained file.
pub(crate) fn copy_into(source: &Connection, dest: &Path) -> CoreResult<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NOFOLLOW | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut target = Connection::open_with_flags(dest, flags)?;
    crate::store::copy_database(source, &mut target)?;
    target.execute_batch("PRAGMA journal_mode = DELETE")?;
    Ok(())
}

/// Takes a backup of `conn` (the portfolio at `portfolio`) into its backups folder now, then
/// keeps the newest `keep`.
pub(crate) fn take_from(conn: &Connection, portfolio: &Path, reason: &str, keep: u32) -> CoreResult<BackupFile> {
    let folder = folder_of(portfolio);
    std::fs::create_dir_all(&folder).map_err(|e| CoreError::io(format!("creating {}", folder.display()), e))?;
    let now = Utc::now();
    let name = format!("{}-{reason}.steerco", now.format(STAMP));
    let protected = crate::store::protected_paths(portfolio);
    let out = OutputFile::create("backup", &folder.join(&name), &protected)?;
    copy_into(conn, out.partial_path())?;
    let written = out.commit_from_disk()?;
    prune(&folder, keep)?;
    Ok(BackupFile {
        path: written.path.display().to_string(),
        file_name: name,
        taken_at: now,
        reason: reason.to_owned(),
        bytes: written.bytes,
    })
}

/// Every backup of the portfolio at `portfolio`, newest first.
pub fn list_for(portfolio: &Path) -> CoreResult<Vec<BackupFile>> {
    let folder = folder_of(portfolio);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CoreError::io(format!("reading {}", folder.display()), e)),
    };
    let mut found: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".steerco")?;
            let (stamp, reason) = stem.split_once('-')?;
            let taken_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
            let bytes = entry.metadata().ok()?.len();
            let reason = reason.to_owned();
            Some(BackupFile { path: entry.path().display().to_string(), file_name: name, taken_at, reason, bytes })
        })
        .collect();
    found.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(found)
}

fn prune(folder: &Path, keep: u32) -> CoreResult<()> {
    // Names start with their UTC time stamp, so name order is age order.
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| CoreError::io(format!("reading {}", folder.display()), e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "steerco"))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep.max(1) as usize);
    for old in names.into_iter().take(excess) {
        std::fs::remove_file(&old).map_err(|e| CoreError::io(format!("removing {}", old.display()), e))?;
    }
    Ok(())
}

pub fn list(db: &Db) -> CoreResult<Vec<BackupFile>> {
    match db.path() {
        Some(p) => list_for(p),
        None => Ok(Vec::new()),
    }
}

/// A backup now (`reason` "manual", or "daily").
pub fn take(db: &Db, reason: &str) -> CoreResult<BackupFile> {
    let path = db.path().ok_or_else(|| CoreError::Conflict("an in-memory portfolio has no backups".into()))?;
    let keep = db.read(|s| Ok(programme::settings(s)?.backups_kept))?;
    db.with_connection(|conn| take_from(conn, path, reason, keep))
}

/// Takes the day's backup when the newest is more than a day old (or there is none). A
/// read-only portfolio cannot change, so it needs none.
pub fn daily(db: &Db) -> CoreResult<Option<BackupFile>> {
    let (Some(path), Access::ReadWrite) = (db.path(), db.access()) else { return Ok(None) };
    let newest = list_for(path)?.into_iter().next();
    if newest.is_some_and(|b| Utc::now() - b.taken_at < chrono::Duration::hours(24)) {
        return Ok(None);
    }
    take(db, "daily").map(Some)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestoreRequest {
    /// A backup's file name (from the list) or path.
    pub backup: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestoreOutcome {
    pub restored: BackupFile,
    /// The backup of the portfolio as it was just before, so the restore can be undone.
    pub previous: BackupFile,
}

/// Replaces the portfolio's contents with a backup's. The backup must be a healthy Steerco
/// portfolio (it is checked as any file Steerco opens); the current state is backed up first;
/// after copying, an older backup is upgraded, and the restore is recorded on the trail.
pub fn restore(db: &Db, caller: &Caller, req: &RestoreRequest) -> CoreResult<RestoreOutcome> {
    let path = db.path().ok_or_else(|| CoreError::Conflict("an in-memory portfolio has no backups".into()))?;
    if let Access::ReadOnly { reason } = db.access() {
        return Err(CoreError::ReadOnly(reason.clone()));
    }
    let wanted = req.backup.trim();
    let chosen = list_for(path)?.into_iter().find(|b| b.file_name == wanted || b.path == wanted).ok_or_else(|| {
        CoreError::invalid(
            "backup",
            format!("{wanted:?} is not one of this portfolio's backups (`steerco backup list`)"),
        )
    })?;
    // Open it the way any portfolio is opened: refused if damaged, foreign or from a newer build.
    let source_db = Db::open(Path::new(&chosen.path), OpenMode::ReadOnly)?;
    let previous = take(db, "before-restore")?;
    source_db.with_connection(|source| db.replace_contents(source))?;
    db.write(caller, Action::Restore, |tx| {
        let detail = serde_json::json!({
            "backup": chosen.file_name,
            "taken_at": chosen.taken_at,
            "previous_state_saved_as": previous.file_name,
        });
        audit::record_event(tx, "portfolio", "restore", &detail)
    })?;
    Ok(RestoreOutcome { restored: chosen, previous })
}
