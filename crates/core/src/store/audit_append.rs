//! Appending to the audit trail: row changes drained from `change_buffer` (or events, or a
//! migration's images) chained as hashed records after the trail's head, the anchor moved once.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::images;
use super::CachedQuery;
use crate::audit::{Action, AuditMeta, AuditRecord, GENESIS};
use crate::error::{CoreError, CoreResult};

/// A record not yet chained.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub operation: String,
    pub entity_kind: String,
    pub entity_id: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The trail's last record (number and hash), or the genesis before the first one.
pub(crate) fn head(conn: &Connection) -> CoreResult<(i64, String)> {
    let head: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM audit_anchor WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if head.is_none() && conn.cached_row("SELECT EXISTS (SELECT 1 FROM audit)", [], |r| r.get::<_, bool>(0))? {
        // Continuing a trail whose head was removed would hide that; refuse until someone looks.
        return Err(CoreError::Conflict(
            "the audit trail's head anchor is missing: the file was altered outside Steerco; run `steerco audit verify` \
             and restore the file from a backup (`steerco backup list`) before making changes"
                .to_owned(),
        ));
    }
    Ok(head.unwrap_or((0, GENESIS.to_owned())))
}

/// `draft` as the record after (`last_seq`, `prev_hash`), its hash computed; nothing is written.
fn seal(meta: &AuditMeta, draft: Draft, last_seq: i64, prev_hash: String) -> AuditRecord {
    let mut record = AuditRecord {
        seq: last_seq + 1,
        at: meta.at_text(),
        actor: meta.actor.clone(),
        action: meta.action.as_str().to_owned(),
        operation: draft.operation,
        entity_kind: draft.entity_kind,
        entity_id: draft.entity_id,
        subject: draft.subject,
        before: draft.before,
        after: draft.after,
        prev_hash,
        hash: String::new(),
    };
    record.hash = record.compute_hash();
    record
}

/// `drafts` chained in order after (`last_seq`, `prev_hash`), hashed but not written: pure, so
/// a large batch can be hashed on another thread while its rows are inserted.
pub(crate) fn seal_all(meta: &AuditMeta, drafts: Vec<Draft>, last_seq: i64, prev_hash: String) -> Vec<AuditRecord> {
    let mut sealed: Vec<AuditRecord> = Vec::with_capacity(drafts.len());
    let (mut seq, mut hash) = (last_seq, prev_hash);
    for draft in drafts {
        let record = seal(meta, draft, seq, hash);
        (seq, hash) = (record.seq, record.hash.clone());
        sealed.push(record);
    }
    sealed
}

fn insert_record(conn: &Connection, record: &AuditRecord) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO audit (seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        record.seq,
        record.at,
        record.actor,
        record.action,
        record.operation,
        record.entity_kind,
        record.entity_id,
        record.subject,
        record.before,
        record.after,
        record.prev_hash,
        record.hash
    ])?;
    Ok(())
}

/// Writes records `seal_all` chained and moves the anchor to the last. They must follow the
/// trail's head as it is now: a record chained after another head is refused, not written.
pub(crate) fn append_sealed(conn: &Connection, sealed: &[AuditRecord]) -> CoreResult<()> {
    let Some(last) = sealed.last() else { return Ok(()) };
    let (head_seq, head_hash) = head(conn)?;
    if sealed[0].seq != head_seq + 1 || sealed[0].prev_hash != head_hash {
        return Err(CoreError::Conflict("the trail moved while a batch was being chained".to_owned()));
    }
    for record in sealed {
        insert_record(conn, record)?;
    }
    set_anchor(conn, last.seq, &last.hash)
}

/// Chains `draft` after the record (`last_seq`, `prev_hash`); the anchor is moved by the caller.
fn chain(
    conn: &Connection,
    meta: &AuditMeta,
    draft: Draft,
    last_seq: i64,
    prev_hash: String,
) -> CoreResult<AuditRecord> {
    let record = seal(meta, draft, last_seq, prev_hash);
    insert_record(conn, &record)?;
    Ok(record)
}

fn set_anchor(conn: &Connection, seq: i64, hash: &str) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO audit_anchor (id, seq, hash) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
    )?
    .execute(params![seq, hash])?;
    Ok(())
}

/// Chains `draft` onto the trail.
pub(crate) fn append(conn: &Connection, meta: &AuditMeta, draft: Draft) -> CoreResult<AuditRecord> {
    let (last_seq, prev_hash) = head(conn)?;
    let record = chain(conn, meta, draft, last_seq, prev_hash)?;
    set_anchor(conn, record.seq, &record.hash)?;
    Ok(record)
}

/// Records something that changes no row (an export, a copy) in the current transaction; it is
/// chained with the transaction's actor and action like any row change.
pub(crate) fn record_event(
    conn: &Connection,
    entity_kind: &str,
    entity_id: &str,
    detail: &serde_json::Value,
) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO change_buffer (entity_kind, entity_id, subject, operation, before, after)
         VALUES (?1, ?2, ?2, 'event', NULL, ?3)",
        params![entity_kind, entity_id, detail.to_string()],
    )?;
    Ok(())
}

/// Moves every buffered row change into the trail under `meta`. Returns how many were recorded.
pub(crate) fn drain(conn: &Connection, meta: &AuditMeta) -> CoreResult<usize> {
    let drafts: Vec<Draft> = conn
        .prepare_cached(
            "SELECT operation, entity_kind, entity_id, subject, before, after FROM change_buffer ORDER BY id",
        )?
        .query_map([], |r| {
            Ok(Draft {
                operation: r.get(0)?,
                entity_kind: r.get(1)?,
                entity_id: r.get(2)?,
                subject: r.get(3)?,
                before: r.get(4)?,
                after: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    if drafts.is_empty() {
        return Ok(0);
    }
    let n = append_all(conn, meta, drafts)?;
    conn.execute("DELETE FROM change_buffer", [])?;
    Ok(n)
}

/// Chains `drafts` in order onto the trail. The head is read once and the anchor moved once: a
/// large import chains its thousands of records in one pass.
pub(crate) fn append_all(conn: &Connection, meta: &AuditMeta, drafts: Vec<Draft>) -> CoreResult<usize> {
    let n = drafts.len();
    if n == 0 {
        return Ok(0);
    }
    let (mut seq, mut hash) = head(conn)?;
    for draft in drafts {
        let record = chain(conn, meta, draft, seq, hash)?;
        (seq, hash) = (record.seq, record.hash);
    }
    set_anchor(conn, seq, &hash)?;
    Ok(n)
}

/// Changes some other program made to the file since Steerco last wrote: recorded as
/// `unaudited` before anything else, so they are visible rather than silently adopted (and they
/// keep `verify` failing until acknowledged).
pub(crate) fn adopt_outside_changes(conn: &Connection, at: DateTime<Utc>) -> CoreResult<usize> {
    drain(conn, &AuditMeta { actor: "(outside Steerco)".to_owned(), action: Action::Unaudited, at })
}

/// After a migration: every row whose image the upgrade changed (or that the trail never saw,
/// such as rows a migration inserted) is recorded under `meta`, so verify compares against it.
pub(crate) fn record_current_images(conn: &Connection, meta: &AuditMeta) -> CoreResult<usize> {
    let changed = images::divergences(conn)?;
    let n = changed.len();
    for d in changed {
        let operation = match (&d.recorded, &d.current) {
            (None, Some(_)) => "insert",
            (_, None) => "delete",
            _ => "update",
        };
        let draft = Draft {
            operation: operation.to_owned(),
            entity_kind: d.table,
            entity_id: d.key,
            subject: d.subject,
            before: d.recorded,
            after: d.current,
        };
        append(conn, meta, draft)?;
    }
    Ok(n)
}
