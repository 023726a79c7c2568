//! Opening a portfolio file safely. Every check that can refuse a file runs on a read-only
//! connection first, so a refused file is left byte-for-byte as it was (sidecars included); only
//! a file that passes is reopened read-write, given its per-connection pragmas and migrated. A
//! healthy portfolio that cannot be written to (a read-only file, a read-only folder or medium)
//! is opened read-only and says so, rather than being called damaged.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::migrate::{APPLICATION_ID, SCHEMA_VERSION};
use super::sidecar_paths;
use crate::error::{CoreError, CoreResult};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Whether changes to an open portfolio can be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Open for reading only; `reason` says why, in words for the person ("the file is
    /// read-only", "its folder cannot be written to", "opened read-only on request").
    ReadOnly {
        reason: String,
    },
}

/// What the read-only inspection found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum FileState {
    /// No file, a zero-byte file, or an SQLite file with no schema: safe to initialise.
    Blank,
    /// A Steerco portfolio at this schema version (≤ the build's).
    Portfolio { version: i64 },
}

pub(crate) struct Opened {
    pub conn: Connection,
    pub access: Access,
}

pub(crate) fn open(path: &Path, mode: super::OpenMode) -> CoreResult<Opened> {
    open_with(path, mode, None)
}

/// Runs on the read-write connection of an existing portfolio about to be upgraded from the
/// given schema version (to take a backup first).
pub(crate) type BeforeMigration<'a> = &'a dyn Fn(&Connection, i64) -> CoreResult<()>;

/// As `open`, with `before_migration` run before an existing portfolio is upgraded.
pub(crate) fn open_with(
    path: &Path,
    mode: super::OpenMode,
    before_migration: Option<BeforeMigration<'_>>,
) -> CoreResult<Opened> {
    use super::OpenMode;
    let existed = path.exists();
    let sidecars = sidecar_paths(path);
    let sidecars_before: Vec<bool> = sidecars.iter().map(|p| p.exists()).collect();
    let leave_as_found = || {
        // A read-only look at a WAL-mode file creates its -wal/-shm; a refused file should be
        // left exactly as we found it, sidecars included.
        for (sidecar, existed_before) in sidecars.iter().zip(&sidecars_before) {
            if !existed_before {
                let _ = fs::remove_file(sidecar);
            }
        }
    };
    let writable = writability(path);
    let state = inspect(path, writable.is_ok()).inspect_err(|_| leave_as_found())?;
    let read_only_reason = match (mode, &writable) {
        (OpenMode::ReadOnly, _) => Some("it was opened read-only on request".to_owned()),
        (_, Err(reason)) => Some(reason.clone()),
        _ => None,
    };
    match (&state, mode) {
        (FileState::Blank, OpenMode::MustExist | OpenMode::ReadOnly) => {
            leave_as_found();
            return Err(CoreError::Missing(path.to_owned()));
        }
        (FileState::Blank, OpenMode::CreateIfMissing) if read_only_reason.is_some() => {
            return Err(CoreError::io(
                format!("creating {}", path.display()),
                std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    read_only_reason.unwrap_or_default().replace("it ", "the portfolio "),
                ),
            ));
        }
        _ => {}
    }
    if let (Some(reason), FileState::Portfolio { version }) = (read_only_reason, &state) {
        if *version < SCHEMA_VERSION {
            leave_as_found();
            return Err(CoreError::Conflict(format!(
                "{} was written by an older Steerco (schema version {version}) and must be upgraded before it can be \
                 opened, but {reason}; open a copy that can be written to",
                path.display()
            )));
        }
        let conn = read_only_connection(path, writable.is_ok())
            .map_err(|e| CoreError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
        configure(&conn, false)?;
        return Ok(Opened { conn, access: Access::ReadOnly { reason } });
    }
    let found_version = match state {
        FileState::Portfolio { version } => version,
        FileState::Blank => 0,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let result = Connection::open_with_flags(path, flags).map_err(CoreError::from).and_then(|mut conn| {
        configure(&conn, true)?;
        if found_version > 0 && found_version < SCHEMA_VERSION {
            if let Some(hook) = before_migration {
                hook(&conn, found_version)?;
            }
        }
        super::migrate::migrate(&mut conn)?;
        Ok(conn)
    });
    match result {
        Ok(conn) => Ok(Opened { conn, access: Access::ReadWrite }),
        Err(e) => {
            if !existed {
                // Do not leave a half-made file behind for the next attempt to trip over.
                for file in std::iter::once(path.to_owned()).chain(sidecars) {
                    let _ = fs::remove_file(file);
                }
            }
            Err(e)
        }
    }
}

/// Whether the file (and the folder its -wal and -shm live in) can be written; the error says
/// why not, for the person.
fn writability(path: &Path) -> Result<(), String> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        // Not a regular file (a pipe would block an open for writing): `inspect` refuses it.
        return Ok(());
    }
    match fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if is_permission(&e) => return Err("the file is read-only".to_owned()),
        Err(_) => {}
    }
    let [wal, shm, _] = sidecar_paths(path);
    if wal.exists() && shm.exists() {
        // WAL mode only needs its sidecars writable, not the folder.
        return Ok(());
    }
    let folder = folder_of(path);
    let probe = folder.join(format!(".steerco-write-check-{}", std::process::id()));
    match fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) if is_permission(&e) => Err(format!("its folder {} cannot be written to", folder.display())),
        // Anything else (the folder does not exist yet, a name clash) is for the real open to report.
        Err(_) => Ok(()),
    }
}

fn is_permission(e: &std::io::Error) -> bool {
    // EROFS (30): a read-only medium, such as a mounted image or a locked USB stick.
    e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(30)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A read-only connection. Where the folder cannot be written (so SQLite cannot create the
/// -shm a WAL file needs) and no -wal holds unmerged changes, the file is opened as immutable.
fn read_only_connection(path: &Path, folder_writable: bool) -> rusqlite::Result<Connection> {
    let [wal, _, _] = sidecar_paths(path);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let plain = Connection::open_with_flags(uri(path, false), flags);
    match plain {
        Ok(conn) if folder_writable || wal.exists() => Ok(conn),
        Ok(conn) => match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
            Ok(_) => Ok(conn),
            Err(_) => Connection::open_with_flags(uri(path, true), flags),
        },
        Err(_) if !wal.exists() => Connection::open_with_flags(uri(path, true), flags),
        Err(e) => Err(e),
    }
}

/// `file:` URI for `path`, percent-encoding what a URI would misread.
fn uri(path: &Path, immutable: bool) -> String {
    let mut out = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'?' | b'#' | b'%' => out.push_str(&format!("%{byte:02X}")),
            _ => out.push(char::from(*byte)),
        }
    }
    // Non-ASCII bytes were pushed one by one above; re-encode them properly.
    let out = if path.to_str().is_some_and(|s| !s.is_ascii()) {
        let mut escaped = String::from("file:");
        for ch in path.to_string_lossy().chars() {
            match ch {
                '?' | '#' | '%' => escaped.push_str(&format!("%{:02X}", ch as u32)),
                c => escaped.push(c),
            }
        }
        escaped
    } else {
        out
    };
    if immutable {
        format!("{out}?immutable=1")
    } else {
        format!("{out}?mode=ro")
    }
}

pub(crate) fn inspect(path: &Path, folder_writable: bool) -> CoreResult<FileState> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Blank),
        Err(e) => return Err(CoreError::io(format!("reading {}", path.display()), e)),
    };
    let refuse = |reason: &str| CoreError::NotAPortfolio { path: path.to_owned(), reason: reason.to_owned() };
    if meta.is_dir() {
        return Err(refuse("it is a folder"));
    }
    if !meta.is_file() {
        // /dev/null, a pipe, a device: SQLite would treat them as an empty file and litter the
        // folder with sidecars.
        return Err(refuse("it is not a regular file (a device, a pipe or a socket)"));
    }
    if meta.len() == 0 {
        return Ok(FileState::Blank);
    }
    let mut header = [0u8; 100];
    let mut file = fs::File::open(path).map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    let read =
        read_up_to(&mut file, &mut header).map_err(|e| CoreError::io(format!("reading {}", path.display()), e))?;
    if read < header.len() || &header[..16] != SQLITE_MAGIC {
        return Err(refuse("it is not an SQLite database"));
    }
    drop(file);

    let corrupt = |detail: String| CoreError::Corrupt { path: path.to_owned(), detail };
    let conn = read_only_connection(path, folder_writable).map_err(|e| corrupt(e.to_string()))?;
    let pragma = |name: &str| -> CoreResult<i64> {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))
    };
    let version = pragma("user_version")?;
    let application_id = pragma("application_id")?;
    let objects: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))?;

    if application_id != i64::from(APPLICATION_ID) {
        if objects == 0 && version == 0 {
            return Ok(FileState::Blank);
        }
        return Err(refuse("it is an SQLite database that belongs to another application"));
    }
    if version > SCHEMA_VERSION {
        return Err(CoreError::NewerSchema { path: path.to_owned(), found: version, supported: SCHEMA_VERSION });
    }
    if version < 1 {
        return Err(refuse("it carries Steerco's mark but no schema version"));
    }
    integrity_check(&conn).map_err(corrupt)?;
    Ok(FileState::Portfolio { version })
}

/// Runs `PRAGMA integrity_check` and folds its findings into one line.
fn integrity_check(conn: &Connection) -> Result<(), String> {
    let mut stmt = conn.prepare("PRAGMA integrity_check(5)").map_err(|e| e.to_string())?;
    let findings: Vec<String> =
        stmt.query_map([], |r| r.get::<_, String>(0)).and_then(|rows| rows.collect()).map_err(|e| e.to_string())?;
    match findings.as_slice() {
        [only] if only == "ok" => Ok(()),
        _ => Err(findings.join("; ")),
    }
}

fn read_up_to(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Prepared statements kept per connection: more than the distinct statements any one read
/// (the dashboard, the steering deck) runs.
const STATEMENT_CACHE_CAPACITY: usize = 256;

/// Pragmas are per connection and never part of a migration: they describe how this process
/// talks to the file, not what the file contains.
pub(crate) fn configure(conn: &Connection, on_disk_writable: bool) -> CoreResult<()> {
    if on_disk_writable {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(CoreError::Conflict(format!("the portfolio could not switch to WAL journaling ({mode})")));
        }
        // Every write is an audited commit; FULL makes a committed change (and its audit record)
        // survive a power cut, not just an application crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // 32 MiB of page cache (the default is 2 MiB): the dashboard reads every month of value of a
    // large portfolio, and a cache smaller than that re-reads its pages on every visit.
    conn.pragma_update(None, "cache_size", -32_000)?;
    // rusqlite keeps 16 prepared statements by default; one dashboard read runs about a hundred
    // distinct ones, so with 16 each visit compiled them all again (a quarter of its time).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE_CAPACITY);
    // Without the planner's stability guarantee, a statement whose planning looked at a bound
    // value (any `col = ?N` in a join or under an ORDER BY) is expired when its bindings are
    // cleared, which rusqlite's cache does each time it takes the statement back: every
    // `WHERE pilot_id = ?1 ORDER BY …` was compiled again at every use. No query here needs a
    // bound value to pick its plan.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use chrono::Utc;
    use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

    use super::*;
    use crate::caller::Caller;
    use crate::services::portfolio::{load_demo, DemoRequest};
    use crate::services::steering::dashboard::dashboard;
    use crate::store::{Db, OpenMode};

    #[test]
    fn uris_escape_what_sqlite_would_read_as_query_or_fragment() {
        assert_eq!(uri(Path::new("/tmp/a?b#c%d.steerco"), false), "file:/tmp/a%3Fb%23c%25d.steerco?mode=ro");
        assert_eq!(uri(Path::new("/tmp/é.steerco"), true), "file:/tmp/é.steerco?immutable=1");
    }

    #[test]
    fn a_second_visit_to_the_dashboard_compiles_no_statement_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("visits.steerco"), OpenMode::CreateIfMissing).unwrap();
        load_demo(&db, &Caller::system("test", Utc::now()), &DemoRequest { force: false, scale: 0 }).unwrap();
        let today = Utc::now().date_naive();
        // SQLite asks the authorizer while it compiles a statement, never while it runs one.
        let compiled = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&compiled);
        db.lock()
            .authorizer(Some(move |ctx: AuthContext<'_>| {
                // BEGIN and COMMIT are not kept prepared, and cost nothing to compile.
                if !matches!(ctx.action, AuthAction::Transaction { .. }) {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
                Authorization::Allow
            }))
            .unwrap();
        let first = dashboard(&db, today).unwrap();
        assert!(!first.risks.is_empty() && !first.use_cases.is_empty(), "the demo fills the dashboard in");
        assert!(compiled.load(Ordering::Relaxed) > 0, "the first visit compiles its statements");
        compiled.store(0, Ordering::Relaxed);
        assert_eq!(dashboard(&db, today).unwrap(), first);
        assert_eq!(compiled.load(Ordering::Relaxed), 0, "every statement of the second visit was kept prepared");
    }
}
