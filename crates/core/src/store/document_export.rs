//! Reads and writes of `document_export`: one row per PDF or workbook handed out, and a light
//! read of the audit trail's rows for the pack's appendix.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, Tx};
use crate::audit::AuditLine;
use crate::error::CoreResult;

pub(crate) const PREFIX: &str = "EXP";

/// A document as recorded when it left.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredExport {
    pub id: String,
    pub kind: String,
    pub file_name: String,
    pub file_sha256: String,
    pub bytes: u64,
    pub pages: u32,
    pub fingerprint: String,
    pub scope: String,
    pub records: String,
    pub exported_by: String,
    pub exported_at: String,
}

pub(crate) fn insert(tx: &Tx, e: &StoredExport) -> CoreResult<String> {
    let id = sequence::next_id(tx, PREFIX)?;
    tx.execute(
        "INSERT INTO document_export (id, kind, file_name, file_sha256, bytes, pages, fingerprint, scope, records,
             exported_by, exported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            e.kind,
            e.file_name,
            e.file_sha256,
            e.bytes as i64,
            e.pages,
            e.fingerprint,
            e.scope,
            e.records,
            e.exported_by,
            e.exported_at
        ],
    )?;
    Ok(id)
}

const COLUMNS: &str =
    "id, kind, file_name, file_sha256, bytes, pages, fingerprint, scope, records, exported_by, exported_at";

fn row(r: &Row<'_>) -> rusqlite::Result<StoredExport> {
    Ok(StoredExport {
        id: r.get(0)?,
        kind: r.get(1)?,
        file_name: r.get(2)?,
        file_sha256: r.get(3)?,
        bytes: r.get::<_, i64>(4)? as u64,
        pages: r.get(5)?,
        fingerprint: r.get(6)?,
        scope: r.get(7)?,
        records: r.get(8)?,
        exported_by: r.get(9)?,
        exported_at: r.get(10)?,
    })
}

/// The newest export of exactly these bytes.
pub(crate) fn by_file(conn: &Connection, sha256: &str) -> CoreResult<Option<StoredExport>> {
    let sql =
        format!("SELECT {COLUMNS} FROM document_export WHERE file_sha256 = ?1 ORDER BY exported_at DESC, id DESC");
    Ok(conn.cached_row(&sql, [sha256], row).optional()?)
}

/// The newest export that carried this fingerprint.
pub(crate) fn by_fingerprint(conn: &Connection, fingerprint: &str) -> CoreResult<Option<StoredExport>> {
    let sql =
        format!("SELECT {COLUMNS} FROM document_export WHERE fingerprint = ?1 ORDER BY exported_at DESC, id DESC");
    Ok(conn.cached_row(&sql, [fingerprint], row).optional()?)
}

/// Every export, newest first, without the per-record hashes.
pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<StoredExport>> {
    let sql = format!(
        "SELECT {} FROM document_export ORDER BY exported_at DESC, id DESC",
        COLUMNS.replace("records", "'' AS records")
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Every audit record, in order, without row images (a few hundred bytes each).
pub(crate) fn audit_lines(conn: &Connection) -> CoreResult<Vec<AuditLine>> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, operation, entity_kind, entity_id, subject, hash FROM audit
         WHERE entity_kind <> 'id_sequence' ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(AuditLine {
                seq: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                operation: r.get(4)?,
                entity_kind: r.get(5)?,
                entity_id: r.get(6)?,
                subject: r.get(7)?,
                hash: r.get(8)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}
