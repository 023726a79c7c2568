//! Months added in bulk (a metrics import, the demo): inserted with the capture triggers off and
//! recorded as one batch record per use case, each month's image written as it is inserted
//! rather than read back, then the totals the triggers would have kept brought up to date.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Statement};

use super::audit_batch::RenderedBatch;
use super::image_text::Cell;
use super::images::{self, TableImage};
use super::value::{refresh_totals, NewMonth};
use super::Tx;
use crate::error::CoreResult;

/// Stores months not stored before. A month already there fails the insert, and the transaction
/// with it: nothing stored is ever overwritten here. `had_months`: the use cases with months
/// before (their totals are computed again from the table).
pub(crate) fn add_months(tx: &Tx, months: &[NewMonth<'_>], had_months: &HashSet<String>) -> CoreResult<()> {
    if months.is_empty() {
        return Ok(());
    }
    let cases: BTreeSet<&str> = months.iter().map(|m| m.use_case_id).collect();
    let cases: BTreeSet<String> = cases.into_iter().map(str::to_owned).collect();
    let recorded_at = tx.now().to_rfc3339();
    let table = images::describe(tx, "value_month".to_owned())?;
    let render = || Ok(vec![month_images(&table, months, &recorded_at)?]);
    tx.insert_in_batches(render, &["value_kpi"], &cases, || insert(tx, months, &recorded_at))?;
    refresh_totals(tx, months, had_months)
}

/// Months per INSERT statement at most. With one month per statement, starting and finishing
/// statements (each with its own statement journal, as the foreign key could abort it) took
/// most of the time.
const MONTHS_PER_STATEMENT: usize = 64;
/// The parameters of one month in the statement; its use case, recorder and recording time
/// are shared by the statement's months (bound once, not copied for each).
const MONTH_PARAMETERS: usize = 5;
const SHARED_PARAMETERS: usize = 3;

/// `months` months of one use case, recorded by one person at one time.
fn insert_months_sql(months: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by,
             recorded_at) VALUES ",
    );
    for month in 0..months {
        let p = SHARED_PARAMETERS + month * MONTH_PARAMETERS;
        let comma = if month == 0 { "" } else { "," };
        sql.push_str(&format!("{comma}(?1,?{},?{},?{},?{},?{},?2,?3)", p + 1, p + 2, p + 3, p + 4, p + 5));
    }
    sql
}

fn insert(tx: &Tx, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<()> {
    let mut kpi_row = tx.prepare("INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)")?;
    // A statement per number of months, prepared once: most runs are as long as each other.
    let mut statements: HashMap<usize, Statement<'_>> = HashMap::new();
    // The statement's months as text, one after another (each ends at its `month_ends`).
    let (mut month_texts, mut month_ends) = (String::new(), Vec::with_capacity(MONTHS_PER_STATEMENT));
    let runs = months.chunk_by(|a, b| a.use_case_id == b.use_case_id && a.by == b.by);
    for chunk in runs.flat_map(|run| run.chunks(MONTHS_PER_STATEMENT)) {
        let statement = match statements.entry(chunk.len()) {
            Entry::Occupied(prepared) => prepared.into_mut(),
            Entry::Vacant(slot) => slot.insert(tx.prepare(&insert_months_sql(chunk.len()))?),
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
            let p = SHARED_PARAMETERS + i * MONTH_PARAMETERS;
            statement.raw_bind_parameter(p + 1, month_text(i))?;
            statement.raw_bind_parameter(p + 2, m.benefit.cents())?;
            statement.raw_bind_parameter(p + 3, m.cost.cents())?;
            statement.raw_bind_parameter(p + 4, m.highlight)?;
            statement.raw_bind_parameter(p + 5, m.highlight_by())?;
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

/// The `value_month` rows `insert` adds, imaged as the capture trigger images them.
fn month_images(table: &TableImage, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<RenderedBatch> {
    let mut batch = RenderedBatch::new(table);
    let (mut month_text, mut key) = (String::with_capacity(7), String::with_capacity(24));
    for m in months {
        month_text.clear();
        m.month.push_to(&mut month_text);
        key.clear();
        key.push_str(m.use_case_id);
        key.push('/');
        key.push_str(&month_text);
        let cells = table.cells(|column| match column {
            "use_case_id" => Some(Cell::Text(m.use_case_id)),
            "month" => Some(Cell::Text(&month_text)),
            "benefit_cents" => Some(Cell::Int(m.benefit.cents())),
            "cost_cents" => Some(Cell::Int(m.cost.cents())),
            "highlight" => Some(Cell::Text(m.highlight)),
            "highlight_by" => Some(Cell::Text(m.highlight_by())),
            "recorded_by" => Some(Cell::Text(m.by)),
            "recorded_at" => Some(Cell::Text(recorded_at)),
            _ => None,
        })?;
        batch.push(m.use_case_id, &key, &cells);
    }
    Ok(batch)
}
