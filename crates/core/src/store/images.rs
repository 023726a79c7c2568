//! Row images: every watched table's rows as JSON objects, written by the same SQL expression in
//! the capture triggers (which copy each change into `change_buffer`) and in `audit verify`
//! (which compares each current row with the last image the trail recorded for it). Keeping the
//! one expression here is what makes that comparison exact.

use rusqlite::{Connection, OptionalExtension};

use super::CachedQuery;
use crate::error::CoreResult;

/// Tables the triggers do not watch: the trail itself and its working buffer, and the value
/// totals derived from the (watched) months, which `audit verify` checks against them.
const UNWATCHED: &[&str] = &["audit", "audit_anchor", "change_buffer", "value_portfolio_month", "value_total"];

/// Columns naming the record a row belongs to, in order of preference, for `--entity` filters.
const SUBJECT_COLUMNS: &[&str] =
    &["use_case_id", "adapter_version_id", "evaluation_id", "data_pack_id", "adapter_id", "workshop_id", "entity_id"];

/// How one table's rows are keyed and imaged.
pub(crate) struct TableImage {
    pub table: String,
    columns: Vec<String>,
    key_columns: Vec<String>,
    subject_column: Option<String>,
}

impl TableImage {
    /// The row's key as text (`id`, or `a/b` for a composite key, or the rowid).
    pub fn key_expr(&self, row: &str) -> String {
        if self.key_columns.is_empty() {
            format!("CAST({row}.rowid AS TEXT)")
        } else {
            self.key_columns.iter().map(|c| format!("CAST({row}.{c} AS TEXT)")).collect::<Vec<_>>().join(" || '/' || ")
        }
    }

    /// The table's columns, in table order (the order of every image's keys).
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The column naming the record a row belongs to (`use_case_id`, …), if the table has one.
    pub fn subject_column(&self) -> Option<&str> {
        self.subject_column.as_deref()
    }

    fn subject_expr(&self, row: &str) -> String {
        match &self.subject_column {
            Some(s) => format!("COALESCE(CAST({row}.{s} AS TEXT), {})", self.key_expr(row)),
            None => self.key_expr(row),
        }
    }

    /// The row as a JSON object of every column.
    pub fn json_expr(&self, row: &str) -> String {
        let pairs: Vec<String> = self.columns.iter().map(|c| format!("'{c}', {row}.{c}")).collect();
        format!("json_object({})", pairs.join(", "))
    }

    /// The three triggers that capture this table's row changes, as (name, CREATE TRIGGER).
    /// `verify` compares the file's triggers with these, so a trigger replaced by one that
    /// captures nothing is noticed.
    pub fn triggers(&self) -> Vec<(String, String)> {
        let table = &self.table;
        let changed: Vec<String> = self.columns.iter().map(|c| format!("OLD.{c} IS NOT NEW.{c}")).collect();
        let capture = |operation: &str, key: String, subject: String, before: &str, after: &str| {
            format!(
                "INSERT INTO change_buffer (entity_kind, entity_id, subject, operation, before, after) \
                 VALUES ('{table}', {key}, {subject}, '{operation}', {before}, {after});"
            )
        };
        vec![
            (
                format!("audit_{table}_insert"),
                format!(
                    "CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN {} END",
                    capture("insert", self.key_expr("NEW"), self.subject_expr("NEW"), "NULL", &self.json_expr("NEW"))
                ),
            ),
            (
                format!("audit_{table}_update"),
                format!(
                    "CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} WHEN {} BEGIN {} END",
                    changed.join(" OR "),
                    capture(
                        "update",
                        self.key_expr("NEW"),
                        self.subject_expr("NEW"),
                        &self.json_expr("OLD"),
                        &self.json_expr("NEW")
                    )
                ),
            ),
            (
                format!("audit_{table}_delete"),
                format!(
                    "CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN {} END",
                    capture("delete", self.key_expr("OLD"), self.subject_expr("OLD"), &self.json_expr("OLD"), "NULL")
                ),
            ),
        ]
    }
}

/// Every watched table, in name order.
pub(crate) fn watched(conn: &Connection) -> CoreResult<Vec<TableImage>> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    tables.into_iter().filter(|t| !UNWATCHED.contains(&t.as_str())).map(|t| describe(conn, t)).collect()
}

/// How `table`'s rows are keyed and imaged.
pub(crate) fn describe(conn: &Connection, table: String) -> CoreResult<TableImage> {
    let info: Vec<(String, i64)> = conn
        .prepare(&format!("PRAGMA table_info({table})"))?
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?
        .collect::<Result<_, _>>()?;
    let mut key: Vec<&(String, i64)> = info.iter().filter(|(_, pk)| *pk > 0).collect();
    key.sort_by_key(|(_, pk)| *pk);
    let key_columns = key.into_iter().map(|(c, _)| c.clone()).collect();
    let columns: Vec<String> = info.iter().map(|(c, _)| c.clone()).collect();
    let subject_column = SUBJECT_COLUMNS.iter().find(|s| columns.iter().any(|c| c == *s)).map(|s| (*s).to_owned());
    Ok(TableImage { table, columns, key_columns, subject_column })
}

/// (Re)creates the capture triggers of every watched table.
pub(crate) fn install_triggers(conn: &Connection) -> CoreResult<()> {
    for table in watched(conn)? {
        for (name, sql) in table.triggers() {
            conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}; {sql};"))?;
        }
    }
    Ok(())
}

/// Drops every capture trigger (a migration rewrites tables; its changes are recorded as one
/// upgrade, not row by row).
pub(crate) fn drop_triggers(conn: &Connection) -> CoreResult<()> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{name}\""))?;
    }
    Ok(())
}

/// What is wrong with the triggers: one line per table whose capture is missing or replaced.
pub(crate) fn trigger_problems(conn: &Connection) -> CoreResult<Vec<String>> {
    let normalise = |sql: &str| sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found = Vec::new();
    for table in watched(conn)? {
        for (name, expected) in table.triggers() {
            let stored: Option<String> = conn
                .cached_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [&name], |r| r.get(0))
                .optional()?;
            match stored {
                None => {
                    found.push(format!("changes to {} are no longer captured: trigger {name} was removed", table.table))
                }
                Some(sql) if normalise(&sql) != normalise(&expected) => {
                    found.push(format!("changes to {} may not be captured: trigger {name} was replaced", table.table))
                }
                Some(_) => {}
            }
        }
    }
    Ok(found)
}

/// A row whose current image differs from the last one the trail recorded for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Divergence {
    pub table: String,
    pub key: String,
    pub subject: String,
    /// The last recorded image (`None`: the trail has no record of this row).
    pub recorded: Option<String>,
    /// The row now (`None`: the row is gone although the trail last recorded it present).
    pub current: Option<String>,
}

/// Each entity of kind ?1 (`ids`) and its newest record (`tail`), found by seeking the
/// (entity_kind, entity_id, id) index once per entity (a loose index scan) rather than reading
/// every record of the kind: a trail of a million edits to a few hundred records costs a few
/// hundred seeks.
const NEWEST: &str = "ids(e) AS (
        SELECT min(entity_id) FROM audit WHERE entity_kind = ?1
        UNION ALL
        SELECT (SELECT min(entity_id) FROM audit WHERE entity_kind = ?1 AND entity_id > ids.e)
        FROM ids WHERE ids.e IS NOT NULL),
    tail(id) AS (
        SELECT (SELECT id FROM audit WHERE entity_kind = ?1 AND entity_id = ids.e ORDER BY id DESC LIMIT 1)
        FROM ids WHERE ids.e IS NOT NULL)";

/// Every row of every watched table whose current image is not the trail's last after-image,
/// and every row the trail last recorded as present that is gone.
pub(crate) fn divergences(conn: &Connection) -> CoreResult<Vec<Divergence>> {
    let mut out = Vec::new();
    for t in watched(conn)? {
        let key = t.key_expr("t");
        let json = t.json_expr("t");
        let subject = t.subject_expr("t");
        // A table with rows added in bulk: each batch record's rows count as records of their own,
        // and the latest record of a row wins, whichever kind it is. A batch keeps a row either
        // as its whole image, or (written since 2 Dec 2026) as the columns that differ from the
        // record's shared row, kept under the empty key (`audit_batch::RenderedBatch`): then the
        // image is the shared row patched with them, in the shared row's column order. An image
        // inside a batch is rendered again by SQLite's JSON reader, so the current row is
        // compared in that same rendering (json()) rather than as the trigger's text.
        let has_batches: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM audit WHERE entity_kind = ?1 AND operation = 'batch')")?
            .query_row([&t.table], |r| r.get(0))?;
        let last = if has_batches {
            format!(
                "WITH RECURSIVE {NEWEST},
                 batch(id, after, shared) AS (
                    SELECT id, after, json_extract(after, '$.\"\"') FROM audit
                    WHERE entity_kind = ?1 AND operation = 'batch'),
                 every(id, entity_id, operation, after, batched) AS (
                    SELECT a.id, a.entity_id, a.operation, a.after, 0 FROM tail JOIN audit a ON a.id = tail.id
                    WHERE a.operation <> 'batch'
                    UNION ALL
                    SELECT b.id, j.key, CASE WHEN j.type = 'null' THEN 'delete' ELSE 'insert' END,
                           CASE WHEN b.shared IS NULL OR j.type = 'null' THEN j.value ELSE json_patch(b.shared, j.value) END, 1
                    FROM batch b, json_each(b.after) j
                    WHERE j.key <> '')
                 SELECT entity_id, operation, after, batched, max(id) FROM every GROUP BY entity_id"
            )
        } else {
            format!(
                "WITH RECURSIVE {NEWEST}
                 SELECT a.entity_id, a.operation, a.after, 0 AS batched FROM tail JOIN audit a ON a.id = tail.id"
            )
        };
        let sql = format!(
            "WITH last AS ({last}), cur AS (SELECT {key} AS k, {subject} AS s, {json} AS img FROM {table} t)
             SELECT cur.k, cur.s, last.after, cur.img FROM cur LEFT JOIN last ON last.entity_id = cur.k
             WHERE last.after IS NULL OR last.after IS NOT CASE WHEN last.batched THEN json(cur.img) ELSE cur.img END",
            table = t.table
        );
        let rows = conn
            .prepare(&sql)?
            .query_map([&t.table], |r| {
                Ok(Divergence {
                    table: t.table.clone(),
                    key: r.get(0)?,
                    subject: r.get(1)?,
                    recorded: r.get(2)?,
                    current: r.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        out.extend(rows);
        let gone_sql = format!(
            "WITH last AS ({last})
             SELECT last.entity_id, last.after FROM last
             WHERE last.operation <> 'delete' AND last.entity_id NOT IN (SELECT {key} FROM {table} t)",
            table = t.table
        );
        let gone = conn
            .prepare(&gone_sql)?
            .query_map([&t.table], |r| {
                let key: String = r.get(0)?;
                Ok(Divergence { table: t.table.clone(), subject: key.clone(), key, recorded: r.get(1)?, current: None })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        out.extend(gone);
    }
    Ok(out)
}
