//! Months added in bulk (a metrics import, the demo): inserted with the capture triggers off and
//! recorded as one batch record per use case, each month's image written as it is inserted
//! rather than read back, then the totals the triggers would have kept brought up to date. The
//! table's CHECK constraints are proven here, on the typed months, and not again by SQLite.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection, Statement};

use super::audit_batch::RenderedBatch;
use super::image_text::Cell;
use super::images::{self, TableImage};
use super::value::{refresh_totals, NewMonth};
use super::Tx;
use crate::error::{CoreError, CoreResult};
use crate::money::Money;

/// Stores months not stored before. A month already there fails the insert, and the transaction
/// with it: nothing stored is ever overwritten here. `had_months`: the use cases with months
/// before (their totals are computed again from the table).
pub(crate) fn add_months(tx: &Tx, months: &[NewMonth<'_>], had_months: &HashSet<String>) -> CoreResult<()> {
    if months.is_empty() {
        return Ok(());
    }
    checks_hold(months)?;
    let cases: BTreeSet<&str> = months.iter().map(|m| m.use_case_id).collect();
    let cases: BTreeSet<String> = cases.into_iter().map(str::to_owned).collect();
    let recorded_at = tx.now().to_rfc3339();
    let table = images::describe(tx, "value_month".to_owned())?;
    let render = || Ok(vec![month_images(&table, months, &recorded_at)?]);
    tx.insert_in_batches(render, &["value_kpi"], &cases, || {
        let checks_off = ChecksOff::new(tx)?;
        insert(tx, months, &recorded_at)?;
        checks_off.restore()
    })?;
    refresh_totals(tx, months, had_months)
}

/// What the CHECK constraints of `value_month` and `value_kpi` require, proven on the typed
/// months: a `Month` always reads as YYYY-MM, so only the amounts and KPI names are looked at.
/// SQLite's own checks took a fifth of a 60,000-month insert (the month's GLOB above all).
fn checks_hold(months: &[NewMonth<'_>]) -> CoreResult<()> {
    for m in months {
        let field = if m.benefit < Money::ZERO {
            "benefit"
        } else if m.cost < Money::ZERO {
            "cost"
        } else if m.kpis.iter().any(|k| k.kpi.trim().is_empty()) {
            "kpi"
        } else {
            continue;
        };
        return Err(CoreError::invalid(field, format!("{} {} breaks the value table's rules", m.use_case_id, m.month)));
    }
    Ok(())
}

/// The connection's CHECK constraints, off until `restore` (or the drop, on an early return).
/// SQLite compiles the checks into a statement when it prepares it, and turning them back on
/// expires every prepared statement, so none prepared meanwhile runs without them later.
struct ChecksOff<'c> {
    conn: &'c Connection,
    restored: bool,
}

impl<'c> ChecksOff<'c> {
    fn new(conn: &'c Connection) -> CoreResult<Self> {
        conn.pragma_update(None, "ignore_check_constraints", true)?;
        Ok(ChecksOff { conn, restored: false })
    }

    fn restore(mut self) -> CoreResult<()> {
        self.restored = true;
        Ok(self.conn.pragma_update(None, "ignore_check_constraints", false)?)
    }
}

impl Drop for ChecksOff<'_> {
    fn drop(&mut self) {
        if !self.restored {
            let _ = self.conn.pragma_update(None, "ignore_check_constraints", false);
        }
    }
}

/// Months per INSERT statement at most. With one month per statement, starting and finishing
/// statements (each with its own statement journal, as the foreign key could abort it) took
/// most of the time.
const MONTHS_PER_STATEMENT: usize = 64;
/// The parameters of one month in the statement; its use case, recorder and recording time
/// are shared by the statement's months (bound once, not copied for each).
const MONTH_PARAMETERS: usize = 5;
/// The same without a highlight and its author, which are then written into the statement.
const PLAIN_MONTH_PARAMETERS: usize = 3;
const SHARED_PARAMETERS: usize = 3;

/// The statement for `months` months of one use case, recorded by one person at one time.
/// `plain`: none of them has a highlight (most months), so the empty highlight and author are
/// literals rather than parameters. Bound, an empty text is passed at a placeholder address
/// (rusqlite's `""`), and the partial index's `highlight <> ''` compared zero bytes there with a
/// masked vector load that stalls: 140 ns a month, a tenth of the insert. The literals also save
/// two binds per month.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct InsertShape {
    months: usize,
    plain: bool,
}

impl InsertShape {
    fn of(chunk: &[NewMonth<'_>]) -> Self {
        InsertShape { months: chunk.len(), plain: chunk.iter().all(|m| m.highlight.is_empty()) }
    }

    fn parameters_per_month(self) -> usize {
        if self.plain {
            PLAIN_MONTH_PARAMETERS
        } else {
            MONTH_PARAMETERS
        }
    }

    fn sql(self) -> String {
        let mut sql = String::from(
            "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, \
             recorded_by, recorded_at) VALUES ",
        );
        for month in 0..self.months {
            let p = SHARED_PARAMETERS + month * self.parameters_per_month();
            let comma = if month == 0 { "" } else { "," };
            let (month_text, benefit, cost) = (p + 1, p + 2, p + 3);
            let highlight = if self.plain { "'',''".to_owned() } else { format!("?{},?{}", p + 4, p + 5) };
            sql.push_str(&format!("{comma}(?1,?{month_text},?{benefit},?{cost},{highlight},?2,?3)"));
        }
        sql
    }
}

fn insert(tx: &Tx, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<()> {
    let mut kpi_row = tx.prepare("INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)")?;
    // A statement per shape, prepared once: most runs are as long as each other.
    let mut statements: HashMap<InsertShape, Statement<'_>> = HashMap::new();
    // The statement's months as text, one after another (each ends at its `month_ends`).
    let (mut month_texts, mut month_ends) = (String::new(), Vec::with_capacity(MONTHS_PER_STATEMENT));
    let runs = months.chunk_by(|a, b| a.use_case_id == b.use_case_id && a.by == b.by);
    for chunk in runs.flat_map(|run| run.chunks(MONTHS_PER_STATEMENT)) {
        let shape = InsertShape::of(chunk);
        let statement = match statements.entry(shape) {
            Entry::Occupied(prepared) => prepared.into_mut(),
            Entry::Vacant(slot) => slot.insert(tx.prepare(&shape.sql())?),
        };
        month_texts.clear();
        month_ends.clear();
        for m in chunk {
            m.month.push_to(&mut month_texts);
            month_ends.push(month_texts.len());
        }
        let month_text = |i: usize| &month_texts[if i == 0 { 0 } else { month_ends[i - 1] }..month_ends[i]];
        statement.raw_bind_parameter(1, chunk[0].use_case_id)?;
        statement.raw_bind_parameter(2, chunk[0].by)?;
        statement.raw_bind_parameter(3, recorded_at)?;
        for (i, m) in chunk.iter().enumerate() {
            let p = SHARED_PARAMETERS + i * shape.parameters_per_month();
            statement.raw_bind_parameter(p + 1, month_text(i))?;
            statement.raw_bind_parameter(p + 2, m.benefit.cents())?;
            statement.raw_bind_parameter(p + 3, m.cost.cents())?;
            if !shape.plain {
                statement.raw_bind_parameter(p + 4, m.highlight)?;
                statement.raw_bind_parameter(p + 5, m.highlight_by())?;
            }
        }
        statement.raw_execute()?;
        for (i, m) in chunk.iter().enumerate() {
            for k in m.kpis {
                kpi_row.execute(params![m.use_case_id, month_text(i), k.kpi, k.value])?;
            }
        }
    }
    Ok(())
}

/// The columns of `value_month`, resolved once per batch (matching every row's columns by name
/// was a fifth of imaging an import).
#[derive(Clone, Copy)]
enum MonthColumn {
    UseCase,
    Month,
    Benefit,
    Cost,
    Highlight,
    HighlightBy,
    RecordedBy,
    RecordedAt,
}

/// The `value_month` rows `insert` adds, imaged as the capture trigger images them.
fn month_images(table: &TableImage, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<RenderedBatch> {
    let layout = table.layout(|column| match column {
        "use_case_id" => Some(MonthColumn::UseCase),
        "month" => Some(MonthColumn::Month),
        "benefit_cents" => Some(MonthColumn::Benefit),
        "cost_cents" => Some(MonthColumn::Cost),
        "highlight" => Some(MonthColumn::Highlight),
        "highlight_by" => Some(MonthColumn::HighlightBy),
        "recorded_by" => Some(MonthColumn::RecordedBy),
        "recorded_at" => Some(MonthColumn::RecordedAt),
        _ => None,
    })?;
    let mut batch = RenderedBatch::new(table);
    let (mut month_text, mut key) = (String::with_capacity(7), String::with_capacity(24));
    for m in months {
        month_text.clear();
        m.month.push_to(&mut month_text);
        key.clear();
        key.push_str(m.use_case_id);
        key.push('/');
        key.push_str(&month_text);
        let cells = layout.iter().map(|column| match column {
            MonthColumn::UseCase => Cell::Text(m.use_case_id),
            MonthColumn::Month => Cell::Text(&month_text),
            MonthColumn::Benefit => Cell::Int(m.benefit.cents()),
            MonthColumn::Cost => Cell::Int(m.cost.cents()),
            MonthColumn::Highlight => Cell::Text(m.highlight),
            MonthColumn::HighlightBy => Cell::Text(m.highlight_by()),
            MonthColumn::RecordedBy => Cell::Text(m.by),
            MonthColumn::RecordedAt => Cell::Text(recorded_at),
        });
        batch.push(m.use_case_id, &key, cells);
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::Utc;

    use super::add_months;
    use crate::audit::Action;
    use crate::caller::Caller;
    use crate::error::CoreError;
    use crate::money::Money;
    use crate::services::portfolio::{load_demo, DemoRequest};
    use crate::store::value::{put_month, NewMonth};
    use crate::store::{Db, OpenMode};
    use crate::value::Month;

    fn month<'a>(case: &'a str, month: Month, cost: i64) -> NewMonth<'a> {
        let (benefit, cost) = (Money::from_cents(100), Money::from_cents(cost));
        NewMonth { use_case_id: case, month, benefit, cost, highlight: "", kpis: &[], by: "Carla Mendes" }
    }

    #[test]
    fn the_checks_skipped_for_typed_months_are_back_for_whatever_follows() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("checks.steerco"), OpenMode::CreateIfMissing).unwrap();
        let caller = Caller::system("test", Utc::now());
        load_demo(&db, &caller, &DemoRequest { force: false, scale: 0 }).unwrap();
        let case: String = db.read(|s| Ok(s.query_row("SELECT min(id) FROM use_case", [], |r| r.get(0))?)).unwrap();
        let first = Month::new(1990, 1).unwrap();
        let stored = || -> i64 {
            db.read(|s| Ok(s.query_row("SELECT count(*) FROM value_month WHERE month < '2000'", [], |r| r.get(0))?))
                .unwrap()
        };

        // A negative amount is refused before anything is inserted.
        let refused = db.write(&caller, Action::Import, |tx| {
            add_months(tx, &[month(&case, first, 5), month(&case, first.plus(1), -5)], &HashSet::new())
        });
        assert!(matches!(refused, Err(CoreError::Invalid { ref field, .. }) if field == "cost"), "{refused:?}");
        assert_eq!(stored(), 0);

        // After a bulk insert, the same transaction's statements check again, prepared or cached.
        let after = db.write(&caller, Action::Import, |tx| {
            add_months(tx, &[month(&case, first, 5), month(&case, first.plus(1), 7)], &HashSet::new())?;
            let raw = tx.execute(
                "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, recorded_by, recorded_at)
                 VALUES (?1, '1990-13x', 1, 1, 'x', 'x')",
                [&case],
            );
            let refused_by_check = |e: String| e.contains("CHECK constraint failed");
            assert!(raw.is_err_and(|e| refused_by_check(e.to_string())), "a month not like YYYY-MM is refused again");
            let negative = put_month(tx, &month(&case, first.plus(2), -1));
            assert!(negative.is_err_and(|e| refused_by_check(e.to_string())), "a negative cost is refused again");
            Ok(())
        });
        after.unwrap();
        assert_eq!(stored(), 2);
    }
}
