//! Handing a document out and checking one that comes back. An export is written through the
//! shared writer and recorded — file SHA-256, fingerprint, per-record hashes, who and when —
//! in `document_export` and on the audit trail, in one transaction. `verify` says whether a file
//! is exactly one of those, and whether the data it came from has changed since.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use ts_rs::TS;

use super::digest::{compare, DataChanges, Digest};
use super::pack;
use crate::audit::Action;
use crate::caller::Caller;
use crate::error::CoreResult;
use crate::files::{self, limits};
use crate::hashing::hex;
use crate::store::document_export::{self, StoredExport};
use crate::store::{audit, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Pack,
    Deck,
    Workbook,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Pack => "pack",
            DocumentKind::Deck => "deck",
            DocumentKind::Workbook => "workbook",
        }
    }

    fn parse(text: &str) -> DocumentKind {
        match text {
            "deck" => DocumentKind::Deck,
            "workbook" => DocumentKind::Workbook,
            _ => DocumentKind::Pack,
        }
    }
}

/// What a document export wrote and recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentExported {
    pub export_id: String,
    pub kind: DocumentKind,
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub sha256: String,
    pub pages: u32,
    pub fingerprint: String,
    /// How many records the fingerprint covers.
    pub records: u32,
}

/// What a document was built from, so verification can rebuild the same digest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentScope {
    #[serde(default)]
    pub use_cases: Vec<String>,
    /// A deck's month (YYYY-MM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
}

/// A laid-out document about to be handed out.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub kind: DocumentKind,
    pub bytes: &'a [u8],
    pub pages: u32,
    pub scope: &'a DocumentScope,
    pub digest: &'a Digest,
}

/// Writes the document to `destination` and records the export with its digest.
pub fn record(db: &Db, caller: &Caller, destination: &str, document: Document<'_>) -> CoreResult<DocumentExported> {
    let Document { kind, bytes, pages, scope, digest } = document;
    let protected = db.protected_files();
    let scope_json = serde_json::to_string(scope)?;
    let records_json = serde_json::to_string(&digest.records)?;
    db.write(caller, Action::Export, |tx| {
        let written = files::write_bytes("destination", Path::new(destination.trim()), &protected, bytes)?;
        let path = written.path.display().to_string();
        let id = document_export::insert(
            tx,
            &StoredExport {
                id: String::new(),
                kind: kind.as_str().to_owned(),
                file_name: path.clone(),
                file_sha256: written.sha256.clone(),
                bytes: written.bytes,
                pages,
                fingerprint: digest.fingerprint.clone(),
                scope: scope_json.clone(),
                records: records_json.clone(),
                exported_by: tx.actor().name.clone(),
                exported_at: tx.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            },
        )?;
        let detail = serde_json::json!({
            "path": path, "what": format!("{} PDF", kind.as_str()), "bytes": written.bytes,
            "sha256": written.sha256, "fingerprint": digest.fingerprint, "export": id,
        });
        audit::record_event(tx, "file", &path, &detail)?;
        Ok(DocumentExported {
            export_id: id,
            kind,
            path,
            bytes: written.bytes,
            sha256: written.sha256,
            pages,
            fingerprint: digest.fingerprint.clone(),
            records: digest.records.len() as u32,
        })
    })
}

/// A recorded export, as verification reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRecord {
    pub id: String,
    /// A deck's month.
    pub month: Option<String>,
    pub kind: DocumentKind,
    pub file_name: String,
    pub file_sha256: String,
    pub pages: u32,
    pub fingerprint: String,
    pub exported_by: String,
    pub exported_at: String,
    pub use_cases: Vec<String>,
}

fn export_record(e: &StoredExport) -> ExportRecord {
    let scope: DocumentScope =
        serde_json::from_str(&e.scope).unwrap_or(DocumentScope { use_cases: Vec::new(), month: None });
    ExportRecord {
        id: e.id.clone(),
        kind: DocumentKind::parse(&e.kind),
        file_name: e.file_name.clone(),
        file_sha256: e.file_sha256.clone(),
        pages: e.pages,
        fingerprint: e.fingerprint.clone(),
        exported_by: e.exported_by.clone(),
        exported_at: e.exported_at.clone(),
        use_cases: scope.use_cases,
        month: scope.month,
    }
}

/// Every document exported from this portfolio, newest first.
pub fn list(db: &Db) -> CoreResult<Vec<ExportRecord>> {
    db.read(|c| Ok(document_export::list(c)?.iter().map(export_record).collect()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentVerification {
    pub path: String,
    pub sha256: String,
    /// The file is byte for byte a document this portfolio exported.
    pub matches: bool,
    /// Why it does not match, in words (when it does not).
    pub reason: Option<String>,
    /// The export it is (or claims to be).
    pub export: Option<ExportRecord>,
    /// Whether the records it was built from have changed since (when it matches).
    pub data: Option<DataChanges>,
}

/// Whether the file at `path` is exactly a document exported from this portfolio, and whether
/// its data has changed since.
pub fn verify(db: &Db, path: &str) -> CoreResult<DocumentVerification> {
    let bytes = files::read_bounded("file", Path::new(path.trim()), limits::DOCUMENT)?;
    let sha256 = hex(&Sha256::digest(&bytes));
    db.read(|c| {
        let mut out = DocumentVerification {
            path: path.trim().to_owned(),
            sha256: sha256.clone(),
            matches: false,
            reason: None,
            export: None,
            data: None,
        };
        if let Some(found) = document_export::by_file(c, &sha256)? {
            let then: std::collections::BTreeMap<String, String> = serde_json::from_str(&found.records)?;
            let record = export_record(&found);
            let scope: DocumentScope =
                serde_json::from_str(&found.scope).unwrap_or(DocumentScope { use_cases: Vec::new(), month: None });
            if let Some(month) = scope.month.as_deref().and_then(|m| crate::value::Month::parse(m).ok()) {
                let now = super::deck::gather_in(c, "", chrono::Utc::now(), month)?.digest.records;
                out.matches = true;
                out.data = Some(compare(&then, &now));
                out.export = Some(record);
                return Ok(out);
            }
            let existing: Vec<String> = record
                .use_cases
                .iter()
                .filter(|id| crate::services::discovery::read::get(c, id).ok().flatten().is_some())
                .cloned()
                .collect();
            let now = if existing.is_empty() {
                std::collections::BTreeMap::new()
            } else {
                pack::gather_in(c, "", chrono::Utc::now(), &existing, &mut |_| {})?.digest.records
            };
            out.matches = true;
            out.data = Some(compare(&then, &now));
            out.export = Some(record);
            return Ok(out);
        }
        let claimed = claimed_fingerprint(&bytes);
        let known = match &claimed {
            Some(f) => document_export::by_fingerprint(c, f)?,
            None => None,
        };
        out.reason = Some(mismatch_reason(&bytes, claimed.as_deref(), known.as_ref()));
        out.export = known.as_ref().map(export_record);
        Ok(out)
    })
}

const MARKER: &[u8] = b"/SteercoFingerprint";

/// The fingerprint a Steerco document carries in its Info dictionary (`/SteercoFingerprint
/// (hex)`), found by bytes so a damaged file still names what it claims to be.
fn claimed_fingerprint(bytes: &[u8]) -> Option<String> {
    let mut at = bytes.windows(MARKER.len()).position(|w| w == MARKER)? + MARKER.len();
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    if bytes.get(at) != Some(&b'(') {
        return None;
    }
    let hex = bytes.get(at + 1..at + 65)?;
    hex.iter().all(u8::is_ascii_hexdigit).then(|| String::from_utf8_lossy(hex).into_owned())
}

fn mismatch_reason(bytes: &[u8], claimed: Option<&str>, known: Option<&StoredExport>) -> String {
    let pdf = bytes.starts_with(b"%PDF-");
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let complete = tail.windows(5).any(|w| w == b"%%EOF");
    match (claimed, known) {
        (_, Some(e)) if !complete => format!(
            "the file is truncated: it claims to be {} exported on {} by {}, but it ends before the PDF does ({} bytes)",
            e.id,
            e.exported_at,
            e.exported_by,
            bytes.len()
        ),
        (_, Some(e)) => format!(
            "the file was altered after export: it claims to be {} exported on {} by {}, whose SHA-256 was {}; this \
             file's differs",
            e.id, e.exported_at, e.exported_by, e.file_sha256
        ),
        (Some(_), None) => {
            "the file carries a Steerco fingerprint this portfolio never exported (made from another portfolio, or \
             altered)"
                .to_owned()
        }
        (None, None) if !pdf => "the file is not a PDF".to_owned(),
        (None, None) if !complete => "the file is not a complete PDF (truncated or damaged)".to_owned(),
        (None, None) => "the file was not exported from this portfolio: it carries no Steerco fingerprint".to_owned(),
    }
}

/// The document's data as verification sees it: a check that a rebuilt digest is stable.
pub fn current_fingerprint(db: &Db, caller: &Caller, use_cases: &[String]) -> CoreResult<String> {
    Ok(pack::gather(db, caller, use_cases, &mut |_| {})?.digest.fingerprint)
}

impl From<&StoredExport> for ExportRecord {
    fn from(e: &StoredExport) -> ExportRecord {
        export_record(e)
    }
}
