//! Rows added in bulk, recorded as one `batch` record per subject and table instead of one
//! record per row. A metrics import adds tens of thousands of months; a hashed, indexed record
//! for each was most of the import's time. The rows are inserted with this connection's capture
//! triggers off, then their images — taken with the very SQL expression the triggers and
//! `audit verify` use, or written by the caller as it adds them, character for character the
//! same (`image_text`) — are chained as records whose `after` maps each row's key to its image
//! (rows written by the caller: to the columns that differ from the record's shared row, see
//! `RenderedBatch`). `images::divergences` expands them, so a batched row is checked like any
//! other, and a later change to it is an ordinary record.
//!
//! Only insertion is batched: a plain INSERT cannot change a row already there (it fails, and the
//! transaction with it), so nothing existing can change unrecorded while the triggers are off.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::config::DbConfig;
use rusqlite::Connection;

use super::audit_append::{append_all, append_sealed, head, seal_all, Draft};
use super::image_text::{push_cell, push_string, Cell};
use super::images::{self, TableImage};
use super::Tx;
use crate::audit::AuditMeta;
use crate::error::{CoreError, CoreResult};

/// The operation of a batch record.
pub(crate) const BATCH: &str = "batch";

/// This connection's triggers, off until `restore` (or the drop, on an early return).
struct TriggersOff<'c> {
    conn: &'c Connection,
    restored: bool,
}

impl<'c> TriggersOff<'c> {
    fn new(conn: &'c Connection) -> CoreResult<Self> {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        Ok(TriggersOff { conn, restored: false })
    }

    fn restore(mut self) -> CoreResult<()> {
        self.restored = true;
        if !self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)? {
            return Err(CoreError::Conflict("the audit triggers could not be turned back on".to_owned()));
        }
        Ok(())
    }
}

impl Drop for TriggersOff<'_> {
    fn drop(&mut self) {
        if !self.restored {
            // The transaction is being abandoned; the connection must still capture what follows.
            let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
        }
    }
}

/// One table's rows before the insert: the keys already there for the subjects named.
struct Before {
    table: TableImage,
    subject_column: String,
    keys: HashSet<String>,
}

fn before(conn: &Connection, table: &str, subjects: &BTreeSet<String>) -> CoreResult<Before> {
    let image = images::describe(conn, table.to_owned())?;
    let subject_column = image
        .subject_column()
        .ok_or_else(|| CoreError::Conflict(format!("{table} rows name no record to batch them by")))?
        .to_owned();
    let present: HashSet<String> = conn
        .prepare(&format!("SELECT DISTINCT {subject_column} FROM {table}"))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut keys = HashSet::new();
    let mut stmt =
        conn.prepare(&format!("SELECT {} FROM {table} t WHERE {subject_column} = ?1", image.key_expr("t")))?;
    for subject in subjects.iter().filter(|s| present.contains(*s)) {
        for key in stmt.query_map([subject], |r| r.get::<_, String>(0))? {
            keys.insert(key?);
        }
    }
    Ok(Before { table: image, subject_column, keys })
}

/// The batch records of the rows added to one table: one per subject that gained any, built in
/// one grouped query (each image embedded as JSON, keyed by the row's key).
fn drafts(conn: &Connection, before: &Before, subjects: &BTreeSet<String>) -> CoreResult<Vec<Draft>> {
    let t = &before.table;
    let sql = format!(
        "SELECT t.{subject}, json_group_object({key}, {image}) FROM {table} t
         WHERE t.{subject} IN (SELECT value FROM json_each(?1)) AND {key} NOT IN (SELECT value FROM json_each(?2))
         GROUP BY t.{subject} ORDER BY t.{subject}",
        subject = before.subject_column,
        key = t.key_expr("t"),
        image = t.json_expr("t"),
        table = t.table,
    );
    let subjects = serde_json::to_string(subjects)?;
    let existing = serde_json::to_string(&before.keys)?;
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([subjects, existing], |r| {
        let subject: String = r.get(0)?;
        Ok(Draft {
            operation: BATCH.to_owned(),
            entity_kind: t.table.clone(),
            entity_id: subject.clone(),
            subject,
            before: None,
            after: Some(r.get(1)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The key under which a rendered batch record keeps its subject's shared row (no row's key is
/// empty: a key joins a row's key columns with `/`, and the tables batched have two).
pub(crate) const SHARED_ROW_KEY: &str = "";

/// The images of the rows a caller adds to one table, rendered as it adds them rather than read
/// back: per subject, the batch's `after`. A subject's rows share most of their values (its id,
/// who recorded them, when), so the first row's image is kept once, under `SHARED_ROW_KEY`, and
/// each row, under its key, lists only the columns whose values differ from it: the row's image
/// is the shared one with those replaced (SQLite's `json_patch`, in the shared image's column
/// order). That halves what an import of 60,000 months writes to the trail.
pub(crate) struct RenderedBatch {
    table: String,
    columns: Vec<String>,
    /// Each subject's rows, in the order first pushed; `subject_at` finds them by subject.
    subjects: Vec<SubjectRows>,
    subject_at: HashMap<String, usize>,
    /// The previous row's subject: a caller adds a subject's rows together, so most rows find
    /// theirs with one comparison.
    previous: Option<usize>,
}

struct SubjectRows {
    subject: String,
    /// The shared row's values, which each later row's cells are compared with before anything
    /// is written (equal cells render as equal text, so only the differing ones are rendered).
    shared: Vec<SharedCell>,
    /// `{"":{shared image},"key":{differences},…` without the closing brace.
    after: String,
}

impl SubjectRows {
    /// Takes the subject's first row, `cells` (one per column), as its shared row.
    fn share<'c>(&mut self, columns: &[String], cells: impl Iterator<Item = Cell<'c>>) {
        self.after.push('{');
        push_string(&mut self.after, SHARED_ROW_KEY);
        self.after.push_str(":{");
        for (i, (column, cell)) in columns.iter().zip(cells).enumerate() {
            if i > 0 {
                self.after.push(',');
            }
            push_string(&mut self.after, column);
            self.after.push(':');
            push_cell(&mut self.after, cell);
            self.shared.push(SharedCell::new(cell));
        }
        self.after.push('}');
        debug_assert_eq!(self.shared.len(), columns.len(), "a cell per column");
    }

    /// Adds the row keyed `key`: the columns whose `cells` (one per column) differ from the
    /// shared row's.
    fn add<'c>(&mut self, columns: &[String], key: &str, cells: impl Iterator<Item = Cell<'c>>) {
        self.after.push(',');
        push_string(&mut self.after, key);
        self.after.push_str(":{");
        let mut first = true;
        for ((column, shared), cell) in columns.iter().zip(&self.shared).zip(cells) {
            if !shared.holds(cell) {
                if !first {
                    self.after.push(',');
                }
                first = false;
                push_string(&mut self.after, column);
                self.after.push(':');
                push_cell(&mut self.after, cell);
            }
        }
        self.after.push('}');
    }
}

/// A value of a subject's shared row.
enum SharedCell {
    Int(i64),
    Text(String),
}

impl SharedCell {
    fn new(cell: Cell<'_>) -> Self {
        match cell {
            Cell::Int(n) => SharedCell::Int(n),
            Cell::Text(s) => SharedCell::Text(s.to_owned()),
        }
    }

    fn holds(&self, cell: Cell<'_>) -> bool {
        match (self, cell) {
            (SharedCell::Int(shared), Cell::Int(n)) => *shared == n,
            // An empty text is told by its length, not by comparing zero bytes: its address may
            // be a placeholder, and a zero-length compare there costs the CPU a slow assist.
            (SharedCell::Text(shared), Cell::Text("")) => shared.is_empty(),
            (SharedCell::Text(shared), Cell::Text(s)) => shared == s,
            _ => false,
        }
    }
}

impl RenderedBatch {
    pub(crate) fn new(table: &TableImage) -> Self {
        RenderedBatch {
            table: table.table.clone(),
            columns: table.columns().to_vec(),
            subjects: Vec::new(),
            subject_at: HashMap::new(),
            previous: None,
        }
    }

    /// Adds the row keyed `key` of `subject`, its values `cells` in column order (one per
    /// column, `TableImage::layout`).
    pub(crate) fn push<'c>(&mut self, subject: &str, key: &str, cells: impl IntoIterator<Item = Cell<'c>>) {
        let found = match self.previous.filter(|&i| self.subjects[i].subject == subject) {
            Some(index) => Some(index),
            None => self.subject_at.get(subject).copied(),
        };
        let index = match found {
            Some(index) => {
                self.subjects[index].add(&self.columns, key, cells.into_iter());
                index
            }
            None => {
                let index = self.subjects.len();
                let mut rows = SubjectRows { subject: subject.to_owned(), shared: Vec::new(), after: String::new() };
                rows.share(&self.columns, cells.into_iter());
                // The shared row is this row: it differs from it in nothing.
                rows.add(&self.columns, key, std::iter::empty());
                self.subjects.push(rows);
                self.subject_at.insert(subject.to_owned(), index);
                index
            }
        };
        self.previous = Some(index);
    }

    /// One record per subject, in subject order (as the records read back from a table come).
    fn drafts(self) -> Vec<Draft> {
        let table = self.table;
        let mut subjects = self.subjects;
        subjects.sort_unstable_by(|a, b| a.subject.cmp(&b.subject));
        subjects
            .into_iter()
            .map(|rows| {
                let mut after = rows.after;
                after.push('}');
                Draft {
                    operation: BATCH.to_owned(),
                    entity_kind: table.clone(),
                    entity_id: rows.subject.clone(),
                    subject: rows.subject,
                    before: None,
                    after: Some(after),
                }
            })
            .collect()
    }
}

impl Tx<'_> {
    /// Runs `insert`, which may only INSERT rows into the tables `render` images and `tables` for
    /// `subjects`, with the capture triggers off; then records what it added as batch records (per
    /// table, per subject), after everything this transaction changed before. `render` writes
    /// the images of the rows `insert` adds to its tables, without reading them back (it runs on
    /// another thread, beside the insert); the rows of `tables` are read back.
    pub(crate) fn insert_in_batches<T>(
        &self,
        render: impl FnOnce() -> CoreResult<Vec<RenderedBatch>> + Send,
        tables: &[&str],
        subjects: &BTreeSet<String>,
        insert: impl FnOnce() -> CoreResult<T>,
    ) -> CoreResult<T> {
        self.record_so_far()?;
        let before: Vec<Before> = tables.iter().map(|t| before(self, t, subjects)).collect::<CoreResult<_>>()?;
        let meta = AuditMeta::new(self.actor().name.clone(), self.action(), self.now());
        // The rendered records do not depend on the insert and nothing joins the trail while the
        // triggers are off, so they are written and hashed on another thread meanwhile (a
        // 60,000-month import chains about 11 MB of images).
        let (head_seq, head_hash) = head(self)?;
        let (value, sealed) = std::thread::scope(|scope| {
            let sealing = scope.spawn(|| {
                let drafts: Vec<Draft> = render()?.into_iter().flat_map(RenderedBatch::drafts).collect();
                CoreResult::Ok(seal_all(&meta, drafts, head_seq, head_hash))
            });
            let inserted = TriggersOff::new(self).and_then(|off| {
                let value = insert()?;
                off.restore()?;
                Ok(value)
            });
            let sealed = sealing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            inserted.and_then(|value| Ok((value, sealed?)))
        })?;
        append_sealed(self, &sealed)?;
        let mut records = Vec::new();
        for b in &before {
            records.extend(drafts(self, b, subjects)?);
        }
        append_all(self, &meta, records)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn a_batch_keeps_its_subjects_shared_row_once_and_each_row_only_what_differs() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE t (id TEXT NOT NULL, month TEXT NOT NULL, cents INTEGER NOT NULL, note TEXT NOT NULL,
                 PRIMARY KEY (id, month)) STRICT, WITHOUT ROWID;",
        )
        .unwrap();
        let table = images::describe(&conn, "t".to_owned()).unwrap();
        let row = |id: &'static str, month: &'static str, cents: i64, note: &'static str| {
            [Cell::Text(id), Cell::Text(month), Cell::Int(cents), Cell::Text(note)]
        };
        let mut batch = RenderedBatch::new(&table);
        batch.push("B", "B/2026-01", row("B", "2026-01", 5, ""));
        batch.push("B", "B/2026-02", row("B", "2026-02", 5, "x\"y"));
        batch.push("A", "A/2026-01", row("A", "2026-01", 7, ""));
        // Back to a subject after another: found again, not begun twice.
        batch.push("B", "B/2026-03", row("B", "2026-03", 6, ""));
        let drafts = batch.drafts();
        let records: Vec<(&str, &str)> =
            drafts.iter().map(|d| (d.subject.as_str(), d.after.as_deref().unwrap())).collect();
        assert_eq!(
            records,
            [
                ("A", r#"{"":{"id":"A","month":"2026-01","cents":7,"note":""},"A/2026-01":{}}"#),
                (
                    "B",
                    concat!(
                        r#"{"":{"id":"B","month":"2026-01","cents":5,"note":""},"B/2026-01":{},"#,
                        r#""B/2026-02":{"month":"2026-02","note":"x\"y"},"B/2026-03":{"month":"2026-03","cents":6}}"#
                    )
                ),
            ]
        );
    }
}
