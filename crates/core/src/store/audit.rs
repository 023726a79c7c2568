//! Appending to and reading the audit trail. Every table except the trail's own is watched by
//! generated triggers that copy each row change (before and after, as JSON) into
//! `change_buffer`; `Db::write` drains that buffer into hashed, chained `audit` records before
//! it commits, so no change can be stored without its record, whichever code path made it.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::audit::{Action, AuditMeta, AuditRecord, ChainChecker, RecordView, VerifyReport, GENESIS};
use crate::error::{CoreError, CoreResult};

/// Tables the triggers do not watch: the trail itself and the id counters (implied by inserts).
const UNWATCHED: &[&str] = &["audit", "audit_anchor", "change_buffer", "id_sequence"];

/// Columns naming the record a row belongs to, in order of preference, for `--entity` filters.
const SUBJECT_COLUMNS: &[&str] =
    &["use_case_id", "adapter_version_id", "evaluation_id", "data_pack_id", "adapter_id", "workshop_id", "entity_id"];

/// (Re)creates the watching triggers for every table; run inside the migration transaction.
pub(crate) fn install_triggers(tx: &Transaction) -> CoreResult<()> {
    for table in watched_tables(tx)? {
        for (name, sql) in expected_triggers(tx, &table)? {
            tx.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}; {sql};"))?;
        }
    }
    Ok(())
}

fn watched_tables(conn: &Connection) -> CoreResult<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(tables.into_iter().filter(|t| !UNWATCHED.contains(&t.as_str())).collect())
}

/// The three triggers that capture `table`'s row changes, as (name, CREATE TRIGGER statement).
/// `verify` compares the file's triggers with these, so a trigger replaced by one that captures
/// nothing is noticed.
fn expected_triggers(conn: &Connection, table: &str) -> CoreResult<Vec<(String, String)>> {
    let columns: Vec<(String, i64)> = conn
        .prepare(&format!("PRAGMA table_info({table})"))?
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?
        .collect::<Result<_, _>>()?;
    let mut key: Vec<&(String, i64)> = columns.iter().filter(|(_, pk)| *pk > 0).collect();
    key.sort_by_key(|(_, pk)| *pk);
    let key_expr = |row: &str| -> String {
        if key.is_empty() {
            format!("CAST({row}.rowid AS TEXT)")
        } else {
            key.iter().map(|(c, _)| format!("CAST({row}.{c} AS TEXT)")).collect::<Vec<_>>().join(" || '/' || ")
        }
    };
    let subject_expr = |row: &str| -> String {
        SUBJECT_COLUMNS
            .iter()
            .find(|s| columns.iter().any(|(c, _)| c == *s))
            .map_or_else(|| key_expr(row), |s| format!("COALESCE(CAST({row}.{s} AS TEXT), {})", key_expr(row)))
    };
    let json = |row: &str| -> String {
        let pairs: Vec<String> = columns.iter().map(|(c, _)| format!("'{c}', {row}.{c}")).collect();
        format!("json_object({})", pairs.join(", "))
    };
    let changed: Vec<String> = columns.iter().map(|(c, _)| format!("OLD.{c} IS NOT NEW.{c}")).collect();
    let capture = |operation: &str, key: String, subject: String, before: &str, after: &str| {
        format!(
            "INSERT INTO change_buffer (entity_kind, entity_id, subject, operation, before, after) \
             VALUES ('{table}', {key}, {subject}, '{operation}', {before}, {after});"
        )
    };
    Ok(vec![
        (
            format!("audit_{table}_insert"),
            format!(
                "CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN {} END",
                capture("insert", key_expr("NEW"), subject_expr("NEW"), "NULL", &json("NEW"))
            ),
        ),
        (
            format!("audit_{table}_update"),
            format!(
                "CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} WHEN {} BEGIN {} END",
                changed.join(" OR "),
                capture("update", key_expr("NEW"), subject_expr("NEW"), &json("OLD"), &json("NEW"))
            ),
        ),
        (
            format!("audit_{table}_delete"),
            format!(
                "CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN {} END",
                capture("delete", key_expr("OLD"), subject_expr("OLD"), &json("OLD"), "NULL")
            ),
        ),
    ])
}

/// A record not yet chained.
#[derive(Debug, Clone)]
pub struct Draft {
    pub operation: String,
    pub entity_kind: String,
    pub entity_id: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Chains `draft` onto the trail.
pub fn append(tx: &Transaction, meta: &AuditMeta, draft: Draft) -> CoreResult<AuditRecord> {
    let head: Option<(i64, String)> = tx
        .query_row("SELECT seq, hash FROM audit_anchor WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if head.is_none() && tx.query_row("SELECT EXISTS (SELECT 1 FROM audit)", [], |r| r.get::<_, bool>(0))? {
        // Continuing a trail whose head was removed would hide that; refuse until someone looks.
        return Err(CoreError::Conflict(
            "the audit trail's head anchor is missing: the file was altered outside Steerco; run `steerco audit verify` \
             and restore the file from a copy before making changes"
                .to_owned(),
        ));
    }
    let (last_seq, prev_hash) = head.unwrap_or((0, GENESIS.to_owned()));
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
    tx.prepare_cached(
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
    tx.prepare_cached(
        "INSERT INTO audit_anchor (id, seq, hash) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
    )?
    .execute(params![record.seq, record.hash])?;
    Ok(record)
}

/// Records something that changes no row (an export, a copy) in the current transaction; it is
/// chained with the transaction's actor and action like any row change.
pub fn record_event(
    tx: &Transaction,
    entity_kind: &str,
    entity_id: &str,
    detail: &serde_json::Value,
) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO change_buffer (entity_kind, entity_id, subject, operation, before, after)
         VALUES (?1, ?2, ?2, 'event', NULL, ?3)",
        params![entity_kind, entity_id, detail.to_string()],
    )?;
    Ok(())
}

/// Moves every buffered row change into the trail under `meta`. Returns how many were recorded.
pub(crate) fn drain(tx: &Transaction, meta: &AuditMeta) -> CoreResult<usize> {
    let drafts: Vec<Draft> = tx
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
    let n = drafts.len();
    for draft in drafts {
        append(tx, meta, draft)?;
    }
    tx.execute("DELETE FROM change_buffer", [])?;
    Ok(n)
}

/// Changes some other program made to the file since Steerco last wrote: recorded as
/// `unaudited` before anything else, so they are visible rather than silently adopted.
pub(crate) fn adopt_outside_changes(tx: &Transaction, at: &AuditMeta) -> CoreResult<usize> {
    let meta = AuditMeta { actor: "(outside Steerco)".to_owned(), action: Action::Unaudited, at: at.at };
    drain(tx, &meta)
}

/// Filters for reading the trail.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    /// An entity id (e.g. UC-005): its own records and those of rows belonging to it.
    pub entity: Option<String>,
    pub action: Option<Action>,
    pub actor: Option<String>,
    pub newest_first: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

pub fn log(conn: &Connection, f: &LogFilter) -> CoreResult<Vec<AuditRecord>> {
    let sql = format!(
        "SELECT seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash
         FROM audit
         WHERE (?1 IS NULL OR entity_id = ?1 OR subject = ?1 OR entity_id LIKE ?1 || '/%')
           AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR actor = ?3)
         ORDER BY seq {} LIMIT ?4 OFFSET ?5",
        if f.newest_first { "DESC" } else { "ASC" }
    );
    let entity = f.entity.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let rows = conn
        .prepare(&sql)?
        .query_map(
            params![entity, f.action.map(Action::as_str), f.actor.as_deref(), f.limit.map_or(-1, i64::from), f.offset],
            record_from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))?)
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

/// Walks the whole trail in storage order (rowid, not seq, so reordered rows are seen as such)
/// and checks every link and hash, then the head against the anchor.
pub fn verify(conn: &Connection) -> CoreResult<VerifyReport> {
    let mut checker = ChainChecker::default();
    check_rows(conn, "", &mut checker)?;
    finish(conn, checker)
}

/// As `verify`, reading the file at `path` on two connections at once (first and second half of
/// the trail), so hashing uses both cores of a laptop. The halves are joined link to link.
pub fn verify_file(path: &std::path::Path) -> CoreResult<VerifyReport> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let open = || -> CoreResult<Connection> {
        let c = Connection::open_with_flags(path, flags)?;
        c.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(c)
    };
    let conn = open()?;
    // One read transaction per connection would not share a snapshot; a write in between is
    // caught as a seam or head mismatch and the caller may run verify again.
    let (low, high): (Option<i64>, Option<i64>) =
        conn.query_row("SELECT min(id), max(id) FROM audit", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let (Some(low), Some(high)) = (low, high) else {
        return verify(&conn);
    };
    let middle = low + (high - low) / 2;
    let (first, second) = std::thread::scope(|scope| {
        let later = scope.spawn(|| -> CoreResult<ChainChecker> {
            let other = open()?;
            let mut checker = ChainChecker::for_segment();
            check_rows(&other, &format!("WHERE id > {middle}"), &mut checker)?;
            Ok(checker)
        });
        let mut checker = ChainChecker::default();
        let first = check_rows(&conn, &format!("WHERE id <= {middle}"), &mut checker).map(|()| checker);
        (first, later.join())
    });
    let second = second.map_err(|_| crate::error::CoreError::Conflict("verifying the trail failed".into()))??;
    finish(&conn, first?.join(second))
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
        .query_row("SELECT seq, hash FROM audit_anchor WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let mut report = checker.finish(anchor);
    report.outside_changes = outside_changes(conn)?;
    Ok(report)
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
    let normalise = |sql: &str| sql.split_whitespace().collect::<Vec<_>>().join(" ");
    for table in watched_tables(conn)? {
        for (name, expected) in expected_triggers(conn, &table)? {
            let stored: Option<String> = conn
                .query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [&name], |r| r.get(0))
                .optional()?;
            match stored {
                None => found.push(format!("changes to {table} are no longer captured: trigger {name} was removed")),
                Some(sql) if normalise(&sql) != normalise(&expected) => {
                    found.push(format!("changes to {table} may not be captured: trigger {name} was replaced"))
                }
                Some(_) => {}
            }
        }
    }
    Ok(found)
}
