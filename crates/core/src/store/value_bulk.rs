//! Months added in bulk (a metrics import, the demo): inserted with the capture triggers off and
//! recorded as one batch record per use case, each month's image written as it is inserted
//! rather than read back, then the totals the triggers would have kept brought up to date.

use std::collections::{BTreeSet, HashSet};

use rusqlite::params;

use super::audit_batch::RenderedBatch;
use super::image_text::Cell;
use super::images;
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
    let rendered = vec![month_images(tx, months, &recorded_at)?];
    tx.insert_in_batches(rendered, &["value_kpi"], &cases, || insert(tx, months, &recorded_at))?;
    refresh_totals(tx, months, had_months)
}

fn insert(tx: &Tx, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<()> {
    let mut month_row = tx.prepare(
        "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by,
             recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut kpi_row = tx.prepare("INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)")?;
    let mut month_text = String::with_capacity(7);
    for m in months {
        month_text.clear();
        m.month.push_to(&mut month_text);
        month_row.execute(params![
            m.use_case_id,
            month_text,
            m.benefit.cents(),
            m.cost.cents(),
            m.highlight,
            m.highlight_by(),
            m.by,
            recorded_at
        ])?;
        for k in m.kpis {
            kpi_row.execute(params![m.use_case_id, month_text, k.kpi, k.value])?;
        }
    }
    Ok(())
}

/// The `value_month` rows `insert` adds, imaged as the capture trigger images them.
fn month_images(tx: &Tx, months: &[NewMonth<'_>], recorded_at: &str) -> CoreResult<RenderedBatch> {
    let table = images::describe(tx, "value_month".to_owned())?;
    let mut batch = RenderedBatch::new("value_month");
    let (mut month_text, mut key) = (String::with_capacity(7), String::with_capacity(24));
    for m in months {
        month_text.clear();
        m.month.push_to(&mut month_text);
        key.clear();
        key.push_str(m.use_case_id);
        key.push('/');
        key.push_str(&month_text);
        batch.push(m.use_case_id, &key, |out| {
            table.push_row(out, |column| match column {
                "use_case_id" => Some(Cell::Text(m.use_case_id)),
                "month" => Some(Cell::Text(&month_text)),
                "benefit_cents" => Some(Cell::Int(m.benefit.cents())),
                "cost_cents" => Some(Cell::Int(m.cost.cents())),
                "highlight" => Some(Cell::Text(m.highlight)),
                "highlight_by" => Some(Cell::Text(m.highlight_by())),
                "recorded_by" => Some(Cell::Text(m.by)),
                "recorded_at" => Some(Cell::Text(recorded_at)),
                _ => None,
            })
        })?;
    }
    Ok(batch)
}
