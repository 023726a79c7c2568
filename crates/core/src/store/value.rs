//! Reads and writes of `value_month` and `value_kpi`.

use rusqlite::{params, Connection, OptionalExtension};

use super::Tx;
use crate::error::CoreResult;
use crate::money::Money;
use crate::value::{KpiValue, Month, MonthAmounts, ValueMonth};

/// A month to store: the use case, the month, the amounts, the highlight and the KPI values.
pub(crate) struct NewMonth<'a> {
    pub use_case_id: &'a str,
    pub month: Month,
    pub benefit: Money,
    pub cost: Money,
    pub highlight: &'a str,
    pub kpis: &'a [KpiValue],
    /// Who records it (and wrote its highlight).
    pub by: &'a str,
}

/// Stores the month, replacing what was stored for it (its KPI values included). An update of
/// the row, not a delete and insert, so the trail shows the month's before and after.
pub(crate) fn put_month(tx: &Tx, m: &NewMonth<'_>) -> CoreResult<()> {
    let by = m.by;
    let highlight_by = if m.highlight.is_empty() { "" } else { by };
    tx.execute(
        "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (use_case_id, month) DO UPDATE SET benefit_cents = excluded.benefit_cents,
             cost_cents = excluded.cost_cents,
             highlight = excluded.highlight, highlight_by = excluded.highlight_by,
             recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
        params![
            m.use_case_id,
            m.month.to_string(),
            m.benefit.cents(),
            m.cost.cents(),
            m.highlight,
            highlight_by,
            by,
            tx.now().to_rfc3339()
        ],
    )?;
    let month = m.month.to_string();
    let mut stored = kpis(tx, m.use_case_id, &month)?;
    for old in &stored {
        if !m.kpis.iter().any(|k| k.kpi == old.kpi) {
            tx.execute(
                "DELETE FROM value_kpi WHERE use_case_id = ?1 AND month = ?2 AND kpi = ?3",
                params![m.use_case_id, month, old.kpi],
            )?;
        }
    }
    stored.retain(|old| m.kpis.contains(old));
    for k in m.kpis.iter().filter(|k| !stored.contains(k)) {
        tx.execute(
            "INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (use_case_id, month, kpi) DO UPDATE SET value = excluded.value",
            params![m.use_case_id, month, k.kpi, k.value],
        )?;
    }
    Ok(())
}

/// Stores a month not stored before (an import's usual case: no lookups).
pub(crate) fn insert_month(tx: &Tx, m: &NewMonth<'_>) -> CoreResult<()> {
    let highlight_by = if m.highlight.is_empty() { "" } else { m.by };
    let month = m.month.to_string();
    tx.prepare_cached(
        "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by,
             recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        m.use_case_id,
        month,
        m.benefit.cents(),
        m.cost.cents(),
        m.highlight,
        highlight_by,
        m.by,
        tx.now().to_rfc3339()
    ])?;
    for k in m.kpis {
        tx.prepare_cached("INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![m.use_case_id, month, k.kpi, k.value])?;
    }
    Ok(())
}

/// The ids of the use cases in the portfolio (withdrawn ones left out).
pub(crate) fn use_case_ids(conn: &Connection) -> CoreResult<std::collections::HashSet<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM use_case WHERE withdrawn_at IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

fn kpis(conn: &Connection, use_case_id: &str, month: &str) -> CoreResult<Vec<KpiValue>> {
    Ok(conn
        .prepare_cached("SELECT kpi, value FROM value_kpi WHERE use_case_id = ?1 AND month = ?2 ORDER BY kpi")?
        .query_map(params![use_case_id, month], |r| Ok(KpiValue { kpi: r.get(0)?, value: r.get(1)? }))?
        .collect::<Result<_, _>>()?)
}

const MONTH_COLUMNS: &str =
    "use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by, recorded_at FROM value_month";

fn month_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ValueMonth> {
    Ok(ValueMonth {
        use_case_id: r.get(0)?,
        month: r.get(1)?,
        benefit: Money::from_cents(r.get(2)?),
        cost: Money::from_cents(r.get(3)?),
        highlight: r.get(4)?,
        highlight_by: r.get(5)?,
        recorded_by: r.get(6)?,
        recorded_at: r.get(7)?,
        kpis: Vec::new(),
    })
}

pub(crate) fn month(conn: &Connection, use_case_id: &str, month: Month) -> CoreResult<Option<ValueMonth>> {
    let month = month.to_string();
    let found = conn
        .prepare_cached(&format!("SELECT {MONTH_COLUMNS} WHERE use_case_id = ?1 AND month = ?2"))?
        .query_row(params![use_case_id, month], month_from)
        .optional()?;
    found
        .map(|mut m| {
            m.kpis = kpis(conn, use_case_id, &m.month)?;
            Ok(m)
        })
        .transpose()
}

/// A use case's months, oldest first, with their KPI values.
pub(crate) fn months(conn: &Connection, use_case_id: &str) -> CoreResult<Vec<ValueMonth>> {
    let mut months: Vec<ValueMonth> = conn
        .prepare_cached(&format!("SELECT {MONTH_COLUMNS} WHERE use_case_id = ?1 ORDER BY month"))?
        .query_map([use_case_id], month_from)?
        .collect::<Result<_, _>>()?;
    let mut all: Vec<(String, KpiValue)> = conn
        .prepare_cached("SELECT month, kpi, value FROM value_kpi WHERE use_case_id = ?1 ORDER BY month, kpi")?
        .query_map([use_case_id], |r| Ok((r.get(0)?, KpiValue { kpi: r.get(1)?, value: r.get(2)? })))?
        .collect::<Result<_, _>>()?;
    for m in &mut months {
        let split = all.partition_point(|(month, _)| month <= &m.month);
        m.kpis = all.drain(..split).map(|(_, k)| k).collect();
    }
    Ok(months)
}

/// Every use case's months (month, benefit, cost), oldest first, grouped by use case: one pass
/// for the dashboard.
pub(crate) fn all_amounts(conn: &Connection) -> CoreResult<Vec<(String, Vec<MonthAmounts>)>> {
    let mut out: Vec<(String, Vec<MonthAmounts>)> = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT use_case_id, month, benefit_cents, cost_cents FROM value_month ORDER BY use_case_id, month",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Ok(month) = Month::parse(r.get_ref(1)?.as_str().unwrap_or_default()) else { continue };
        let amounts = (month, Money::from_cents(r.get(2)?), Money::from_cents(r.get(3)?));
        let id = r.get_ref(0)?.as_str().unwrap_or_default();
        match out.last_mut() {
            Some((last, months)) if last == id => months.push(amounts),
            _ => out.push((id.to_owned(), vec![amounts])),
        }
    }
    Ok(out)
}

/// The latest non-empty highlights across the portfolio, newest month first.
pub(crate) fn latest_highlights(conn: &Connection, limit: u32) -> CoreResult<Vec<ValueMonth>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {MONTH_COLUMNS} WHERE highlight <> '' ORDER BY month DESC, use_case_id LIMIT ?1"
        ))?
        .query_map([limit], month_from)?
        .collect::<Result<_, _>>()?)
}

/// One KPI's values of a use case by month (names compared without case).
pub(crate) fn kpi_series(conn: &Connection, use_case_id: &str, kpi: &str) -> CoreResult<Vec<(String, f64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT month, value FROM value_kpi WHERE use_case_id = ?1 AND lower(kpi) = lower(?2) ORDER BY month",
        )?
        .query_map(params![use_case_id, kpi], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

/// The KPI names a use case has values for.
pub(crate) fn kpi_names(conn: &Connection, use_case_id: &str) -> CoreResult<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT DISTINCT kpi FROM value_kpi WHERE use_case_id = ?1 ORDER BY kpi")?
        .query_map([use_case_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// The month each use case's pilot started (its first phase's actual start), by use case.
pub(crate) fn pilot_starts(conn: &Connection) -> CoreResult<std::collections::HashMap<String, Month>> {
    let mut out = std::collections::HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT p.use_case_id, MIN(ph.actual_start) FROM pilot p JOIN pilot_phase ph ON ph.pilot_id = p.id
         WHERE ph.actual_start IS NOT NULL GROUP BY p.use_case_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let started: String = r.get(1)?;
        if let Ok(date) = chrono::NaiveDate::parse_from_str(&started, "%Y-%m-%d") {
            out.insert(r.get(0)?, Month::of(date));
        }
    }
    Ok(out)
}
