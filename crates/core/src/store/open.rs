//! Opening a portfolio file safely. Every check that can refuse a file runs on a read-only
//! connection first, so a refused file is left byte-for-byte as it was; only a file that passes
//! is reopened read-write, given its per-connection pragmas and migrated.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::migrate::{APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{CoreError, CoreResult};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the read-only inspection found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum FileState {
    /// No file, a zero-byte file, or an SQLite file with no schema: safe to initialise.
    Blank,
    /// A Steerco portfolio at this schema version (≤ the build's).
    Portfolio { version: i64 },
}

pub(crate) fn inspect(path: &Path) -> CoreResult<FileState> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Blank),
        Err(e) => return Err(CoreError::io(format!("reading {}", path.display()), e)),
    };
    let refuse = |reason: &str| CoreError::NotAPortfolio { path: path.to_owned(), reason: reason.to_owned() };
    if meta.is_dir() {
        return Err(refuse("it is a folder"));
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
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| corrupt(e.to_string()))?;
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

/// Pragmas are per connection and never part of a migration: they describe how this process
/// talks to the file, not what the file contains.
pub(crate) fn configure(conn: &Connection, on_disk: bool) -> CoreResult<()> {
    if on_disk {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(CoreError::Conflict(format!("the portfolio could not switch to WAL journaling ({mode})")));
        }
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Every write is an audited commit; FULL makes a committed change (and its audit record)
    // survive a power cut, not just an application crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}
