//! Reading and checking the audit trail (appending to it is `audit_append`, re-exported here).
//! Every table except the trail's own is watched by generated triggers (`images`) that copy each
//! row change (before and after, as JSON) into `change_buffer`; `Db::write` drains that buffer
//! into hashed, chained `audit` records before it commits, so no change can be stored without its
//! record, whichever code path made it.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::images;
use super::CachedQuery;
use crate::audit::{Action, AuditRecord, ChainChecker, RecordView, UnauditedChange, VerifyReport};
use crate::error::{CoreError, CoreResult};

pub(crate) use super::audit_append::{
    adopt_outside_changes, append, drain, record_current_images, record_event, Draft,
};

/// Filters for reading the trail.
#[derive(Debug, Clone, Default)]
pub(crate) struct LogFilter {
    /// An entity id (e.g. UC-005): its own records and those of rows belonging to it. Matched
    /// exactly (no wildcards): `%` is a character like any other here.
    pub entity: Option<String>,
    pub action: Option<Action>,
    pub actor: Option<String>,
    /// Leave out the bookkeeping of id counters.
    pub hide_internal: bool,
    pub newest_first: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

pub(crate) fn log(conn: &Connection, f: &LogFilter) -> CoreResult<(Vec<AuditRecord>, u64)> {
    let filter =
        "WHERE (?1 IS NULL OR entity_id = ?1 OR subject = ?1 OR substr(entity_id, 1, length(?1) + 1) = ?1 || '/')
           AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR actor = ?3)
           AND (?4 = 0 OR entity_kind <> 'id_sequence')";
    let sql = format!(
        "SELECT seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash
         FROM audit {filter} ORDER BY seq {} LIMIT ?5 OFFSET ?6",
        if f.newest_first { "DESC" } else { "ASC" }
    );
    let entity = f.entity.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let action = f.action.map(Action::as_str);
    let actor = f.actor.as_deref();
    let rows = conn
        .prepare(&sql)?
        .query_map(
            params![entity, action, actor, f.hide_internal, f.limit.map_or(-1, i64::from), f.offset],
            record_from_row,
        )?
        .collect::<Result<_, _>>()?;
    let matching: i64 = conn.cached_row(
        &format!("SELECT count(*) FROM audit {filter}"),
        params![entity, action, actor, f.hide_internal],
        |r| r.get(0),
    )?;
    Ok((rows, matching as u64))
}

/// Whether any record names `entity` as `log`'s entity filter would find it (its id, its subject,
/// or a part of it, `entity/…`) — by the indexes, where `log` scans the whole trail (and counts
/// it): coverage asks this of every use case, a thousand times for a large pack.
pub(crate) fn names(conn: &Connection, entity: &str) -> CoreResult<bool> {
    Ok(conn.cached_row(
        "SELECT EXISTS(SELECT 1 FROM audit WHERE entity_id = ?1)
             OR EXISTS(SELECT 1 FROM audit WHERE subject = ?1)
             OR EXISTS(SELECT 1 FROM audit WHERE entity_id >= ?1 || '/' AND entity_id < ?1 || '0')",
        [entity],
        |r| r.get(0),
    )?)
}

pub(crate) fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.cached_row("SELECT count(*) FROM audit", [], |r| r.get(0))?)
}

pub(crate) fn record(conn: &Connection, seq: i64) -> CoreResult<Option<AuditRecord>> {
    Ok(conn
        .cached_row(
            "SELECT seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash
             FROM audit WHERE seq = ?1",
            [seq],
            record_from_row,
        )
        .optional()?)
}

fn record_from_row(r: &rusqlite::Row) -> rusqlite::Result<AuditRecord> {
    Ok(AuditRecord {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        operation: r.get(4)?,
        entity_kind: r.get(5)?,
        entity_id: r.get(6)?,
        subject: r.get(7)?,
        before: r.get(8)?,
        after: r.get(9)?,
        prev_hash: r.get(10)?,
        hash: r.get(11)?,
    })
}

/// Walks the whole trail in storage order (rowid, not seq, so reordered rows are seen as such),
/// checks every link and hash and the head against the anchor, then everything else `verify`
/// looks at — all on `conn`, which the caller holds in one read transaction.
pub(crate) fn verify(conn: &Connection) -> CoreResult<VerifyReport> {
    let mut checker = ChainChecker::default();
    check_rows(conn, "", &mut checker)?;
    finish(conn, checker)
}

/// As `verify`, reading the file at `path` on two connections (first and second half of the
/// trail) so hashing uses both cores of a laptop. Both halves come from one state of the trail:
/// the first connection's read transaction fixes the last record and the anchor, and the second
/// reads only records up to that one, which an append-only trail never changes. So a verify
/// running while someone else writes never reports a false break.
pub(crate) fn verify_file(path: &std::path::Path) -> CoreResult<VerifyReport> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let open = || -> CoreResult<Connection> {
        let c = Connection::open_with_flags(path, flags)?;
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(c)
    };
    let conn = open()?;
    conn.execute_batch("BEGIN")?;
    let outcome = (|| {
        let (low, high): (Option<i64>, Option<i64>) =
            conn.cached_row("SELECT min(id), max(id) FROM audit", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let (Some(low), Some(high)) = (low, high) else {
            return verify(&conn);
        };
        let middle = low + (high - low) / 2;
        let (first, second) = std::thread::scope(|scope| {
            let later = scope.spawn(|| -> CoreResult<ChainChecker> {
                let other = open()?;
                let mut checker = ChainChecker::for_segment();
                check_rows(&other, &format!("WHERE id > {middle} AND id <= {high}"), &mut checker)?;
                Ok(checker)
            });
            let mut checker = ChainChecker::default();
            let first = check_rows(&conn, &format!("WHERE id <= {middle}"), &mut checker).map(|()| checker);
            (first, later.join())
        });
        let second = second.map_err(|_| CoreError::Conflict("verifying the trail failed".into()))??;
        finish(&conn, first?.join(second))
    })();
    let _ = conn.execute_batch("COMMIT");
    outcome
}

fn check_rows(conn: &Connection, filter: &str, checker: &mut ChainChecker) -> CoreResult<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash
         FROM audit {filter} ORDER BY id"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(row.get_ref(i)?.as_str()?) };
        let optional = |i: usize| -> rusqlite::Result<Option<&str>> { Ok(row.get_ref(i)?.as_str_or_null()?) };
        let view = RecordView {
            seq: row.get(0)?,
            at: text(1)?,
            actor: text(2)?,
            action: text(3)?,
            operation: text(4)?,
            entity_kind: text(5)?,
            entity_id: text(6)?,
            subject: text(7)?,
            before: optional(8)?,
            after: optional(9)?,
            prev_hash: text(10)?,
            hash: text(11)?,
        };
        if !checker.feed_view(&view) {
            break;
        }
    }
    Ok(())
}

fn finish(conn: &Connection, checker: ChainChecker) -> CoreResult<VerifyReport> {
    let anchor: Option<(i64, String)> = conn
        .cached_row("SELECT seq, hash FROM audit_anchor WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let mut report = checker.finish(anchor);
    report.outside_changes = outside_changes(conn)?;
    let (acknowledged, unacknowledged): (Vec<_>, Vec<_>) =
        unaudited_changes(conn)?.into_iter().partition(|c| c.acknowledged_by.is_some());
    report.acknowledged = acknowledged;
    report.unacknowledged = unacknowledged;
    report.holds = report.holds();
    Ok(report)
}

/// Every `unaudited` record with its acknowledgement, if any.
pub(crate) fn unaudited_changes(conn: &Connection) -> CoreResult<Vec<UnauditedChange>> {
    let rows = conn
        .prepare(
            "SELECT a.seq, a.at, a.operation, a.entity_kind, a.entity_id, k.acknowledged_by, k.acknowledged_at, k.comment
             FROM audit a LEFT JOIN audit_acknowledgement k ON k.seq = a.seq
             WHERE a.action = 'unaudited' ORDER BY a.seq",
        )?
        .query_map([], |r| {
            Ok(UnauditedChange {
                seq: r.get(0)?,
                at: r.get(1)?,
                operation: r.get(2)?,
                entity_kind: r.get(3)?,
                entity_id: r.get(4)?,
                acknowledged_by: r.get(5)?,
                acknowledged_at: r.get(6)?,
                comment: r.get(7)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

fn outside_changes(conn: &Connection) -> CoreResult<Vec<String>> {
    let mut found = Vec::new();
    let pending: Vec<(String, String, String)> = conn
        .prepare("SELECT entity_kind, entity_id, operation FROM change_buffer ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    if let Some((kind, id, op)) = pending.first() {
        found.push(format!(
            "{} row change(s) were made outside Steerco and not yet recorded (first: {op} of {kind} {id})",
            pending.len()
        ));
    }
    found.extend(images::trigger_problems(conn)?);
    for d in images::divergences(conn)? {
        found.push(match (&d.recorded, &d.current) {
            (None, Some(_)) => format!(
                "{} {} has no record on the trail: it was added outside Steerco, or the records of it were deleted",
                d.table, d.key
            ),
            (Some(_), None) => {
                format!("{} {} was deleted outside Steerco: the trail last recorded it present", d.table, d.key)
            }
            _ => format!(
                "{} {} was changed outside Steerco: it differs from the last image the trail recorded",
                d.table, d.key
            ),
        });
    }
    // The dashboard reads derived totals that are not on the trail; an edit to them (or to the
    // triggers that keep them) shows as totals that disagree with the audited months.
    found.extend(super::value::totals_problems(conn)?);
    // A sign-off binds the hash of the content it holds; an edited hash (or content) shows here
    // even where the edit also slipped past the capture triggers.
    let signoffs: Vec<(String, String, String)> = conn
        .prepare("SELECT id, content_sha256, content_json FROM signoff ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (id, sha, content) in signoffs {
        if crate::hashing::hash_bytes(content.as_bytes()) != sha {
            found.push(format!("sign-off {id}: its content hash does not match the content it holds (one was edited)"));
        }
    }
    Ok(found)
}

/// Records a compliance officer's acknowledgement of the unaudited record `seq`.
pub(crate) fn acknowledge(conn: &Connection, seq: i64, by: &str, at: DateTime<Utc>, comment: &str) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO audit_acknowledgement (seq, acknowledged_by, acknowledged_at, comment) VALUES (?1, ?2, ?3, ?4)",
        params![seq, by, at, comment],
    )?;
    Ok(())
}
