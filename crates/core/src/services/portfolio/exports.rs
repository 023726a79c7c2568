//! Every file Steerco writes for a person goes out here: through the shared writer (never over
//! the open portfolio, never through a planted link, all or nothing) and onto the audit trail
//! with the SHA-256 of what left, in the name of the person working. The person is resolved
//! before a byte is written, so nothing leaves for someone the trail could not name.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::error::CoreResult;
use crate::files::{self, OutputFile, Written};
use crate::store::{audit, Db};

/// Where an export went and what it held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub sha256: String,
    /// How many records it holds (rows, events, pages), when that means something.
    pub items: u32,
}

/// Writes `bytes` to `destination` and records the export; `what` says what it is ("use case
/// CSV", "scoring matrix SVG").
pub(crate) fn export_bytes(
    db: &Db,
    caller: &Caller,
    destination: &str,
    what: &str,
    bytes: &[u8],
    items: u32,
) -> CoreResult<ExportOutcome> {
    let protected = db.protected_files();
    db.write(caller, Action::Export, |tx| {
        let written = files::write_bytes("destination", Path::new(destination.trim()), &protected, bytes)?;
        record(tx, what, &written)?;
        Ok(outcome(written, items))
    })
}

/// Writes a document laid out outside core (a workbook) through the shared writer and records it,
/// as `export_bytes` does for core's own exports.
pub fn export_document(
    db: &Db,
    caller: &Caller,
    destination: &str,
    what: &str,
    bytes: &[u8],
    items: u32,
) -> CoreResult<ExportOutcome> {
    export_bytes(db, caller, destination, what, bytes, items)
}

/// As `export_bytes`, for a writer that fills the file by its path from the portfolio itself
/// (SQLite's online backup, which cannot read a connection in the middle of its own write, so the
/// copy is taken first and recorded after). The person is checked before anything is written.
pub(crate) fn export_by_path(
    db: &Db,
    caller: &Caller,
    destination: &str,
    what: &str,
    fill: impl FnOnce(&rusqlite::Connection, &Path) -> CoreResult<()>,
) -> CoreResult<ExportOutcome> {
    db.resolve(caller)?;
    let protected = db.protected_files();
    let out = OutputFile::create("destination", Path::new(destination.trim()), &protected)?;
    db.with_connection(|conn| fill(conn, out.partial_path()))?;
    let written = out.commit_from_disk()?;
    db.write(caller, Action::Export, |tx| record(tx, what, &written))?;
    Ok(outcome(written, 1))
}

fn record(conn: &rusqlite::Connection, what: &str, written: &Written) -> CoreResult<()> {
    let path = written.path.display().to_string();
    let detail = serde_json::json!({ "path": path, "what": what, "bytes": written.bytes, "sha256": written.sha256 });
    audit::record_event(conn, "file", &path, &detail)
}

fn outcome(written: Written, items: u32) -> ExportOutcome {
    ExportOutcome { path: written.path.display().to_string(), bytes: written.bytes, sha256: written.sha256, items }
}
