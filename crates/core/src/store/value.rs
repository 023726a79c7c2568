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

impl<'a> NewMonth<'a> {
    /// Who wrote the highlight: the recorder, or no one when there is none.
    pub(crate) fn highlight_by(&self) -> &'a str {
        if self.highlight.is_empty() {
            ""
        } else {
            self.by
        }
    }
}

/// Stores the month, replacing what was stored for it (its KPI values included). An update of
/// the row, not a delete and insert, so the trail shows the month's before and after.
pub(crate) fn put_month(tx: &Tx, m: &NewMonth<'_>) -> CoreResult<()> {
    // Cached: an import replacing months runs these once per month.
    tx.prepare_cached(
        "INSERT INTO value_month (use_case_id, month, benefit_cents, cost_cents, highlight, highlight_by, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (use_case_id, month) DO UPDATE SET benefit_cents = excluded.benefit_cents,
             cost_cents = excluded.cost_cents,
             highlight = excluded.highlight, highlight_by = excluded.highlight_by,
             recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
    )?
    .execute(params![
        m.use_case_id,
        m.month.to_string(),
        m.benefit.cents(),
        m.cost.cents(),
        m.highlight,
        m.highlight_by(),
        m.by,
        tx.now().to_rfc3339()
    ])?;
    let month = m.month.to_string();
    let mut stored = kpis(tx, m.use_case_id, &month)?;
    for old in &stored {
        if !m.kpis.iter().any(|k| k.kpi == old.kpi) {
            tx.prepare_cached("DELETE FROM value_kpi WHERE use_case_id = ?1 AND month = ?2 AND kpi = ?3")?
                .execute(params![m.use_case_id, month, old.kpi])?;
        }
    }
    stored.retain(|old| m.kpis.contains(old));
    for k in m.kpis.iter().filter(|k| !stored.contains(k)) {
        tx.prepare_cached(
            "INSERT INTO value_kpi (use_case_id, month, kpi, value) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (use_case_id, month, kpi) DO UPDATE SET value = excluded.value",
        )?
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

/// The use cases with any month recorded.
pub(crate) fn use_cases_with_months(conn: &Connection) -> CoreResult<std::collections::HashSet<String>> {
    Ok(conn
        .prepare_cached("SELECT DISTINCT use_case_id FROM value_month")?
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

/// A use case's months as `value_total` keeps them: how many, and what they add up to.
pub(crate) struct StoredTotals {
    pub use_case_id: String,
    pub months: u32,
    pub totals: crate::value::returns::Totals,
}

/// Every use case's totals (one row per case with value), by use case.
pub(crate) fn totals(conn: &Connection) -> CoreResult<Vec<StoredTotals>> {
    let mut stmt = conn.prepare_cached(
        "SELECT use_case_id, months, first_month, last_month, benefit_cents, cost_cents, payback_month
         FROM value_total ORDER BY use_case_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let month = |i: usize| -> CoreResult<Option<Month>> {
            Ok(r.get::<_, Option<String>>(i)?.and_then(|t| Month::parse(&t).ok()))
        };
        let (Some(first), Some(last)) = (month(2)?, month(3)?) else { continue };
        out.push(StoredTotals {
            use_case_id: r.get(0)?,
            months: r.get(1)?,
            totals: crate::value::returns::Totals {
                first,
                last,
                benefit: Money::from_cents(r.get(4)?),
                cost: Money::from_cents(r.get(5)?),
                payback: month(6)?.map(|m| (m, m.since(first) + 1)),
            },
        });
    }
    Ok(out)
}

/// The portfolio's realised benefit and cost per month (every use case's months summed).
pub(crate) fn portfolio_months(conn: &Connection) -> CoreResult<Vec<MonthAmounts>> {
    let mut stmt =
        conn.prepare_cached("SELECT month, benefit_cents, cost_cents FROM value_portfolio_month ORDER BY month")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let Ok(month) = Month::parse(r.get_ref(0)?.as_str().unwrap_or_default()) else { continue };
        out.push((month, Money::from_cents(r.get(1)?), Money::from_cents(r.get(2)?)));
    }
    Ok(out)
}

/// One use case's months (month, benefit, cost), oldest first.
pub(crate) fn amounts(conn: &Connection, use_case_id: &str) -> CoreResult<Vec<MonthAmounts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT month, benefit_cents, cost_cents FROM value_month WHERE use_case_id = ?1 ORDER BY month",
    )?;
    let mut rows = stmt.query([use_case_id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let Ok(month) = Month::parse(r.get_ref(0)?.as_str().unwrap_or_default()) else { continue };
        out.push((month, Money::from_cents(r.get(1)?), Money::from_cents(r.get(2)?)));
    }
    Ok(out)
}

/// Brings the derived totals up to date after `added` were inserted by a batch, which runs with
/// the triggers that keep them off: a case that had months before is recomputed from all of them
/// (as the triggers do); a case whose months are all in `added` is summed from them here, which
/// is most of an import; the portfolio's months move by what was added.
pub(crate) fn refresh_totals(
    tx: &Tx,
    added: &[NewMonth<'_>],
    had_months: &std::collections::HashSet<String>,
) -> CoreResult<()> {
    let mut clear = tx.prepare_cached("DELETE FROM value_total WHERE use_case_id = ?1")?;
    let mut recompute = tx.prepare_cached(
        "INSERT INTO value_total
             SELECT ?1, count(*), min(month), max(month), sum(benefit_cents), sum(cost_cents),
                    min(CASE WHEN running_cost > 0 AND running_benefit >= running_cost THEN month END)
             FROM (SELECT month, benefit_cents, cost_cents,
                          sum(benefit_cents) OVER w AS running_benefit, sum(cost_cents) OVER w AS running_cost
                   FROM value_month WHERE use_case_id = ?1 WINDOW w AS (ORDER BY month))
             HAVING count(*) > 0",
    )?;
    // A case without months has no totals; REPLACE all the same, in case the file was edited.
    let mut insert = tx.prepare_cached("INSERT OR REPLACE INTO value_total VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut by_case: std::collections::BTreeMap<&str, Vec<(Month, i64, i64)>> = std::collections::BTreeMap::new();
    // A case's months come together: each run of them is filed at once.
    for run in added.chunk_by(|a, b| a.use_case_id == b.use_case_id) {
        let amounts = run.iter().map(|m| (m.month, m.benefit.cents(), m.cost.cents()));
        by_case.entry(run[0].use_case_id).or_default().extend(amounts);
    }
    for (case, mut months) in by_case {
        if had_months.contains(case) {
            clear.execute([case])?;
            recompute.execute([case])?;
            continue;
        }
        months.sort_unstable_by_key(|m| m.0);
        let (mut benefit, mut cost, mut payback) = (0i64, 0i64, None);
        for &(month, b, c) in &months {
            (benefit, cost) = (benefit + b, cost + c);
            if payback.is_none() && cost > 0 && benefit >= cost {
                payback = Some(month.to_string());
            }
        }
        insert.execute(params![
            case,
            months.len() as i64,
            months[0].0.to_string(),
            months[months.len() - 1].0.to_string(),
            benefit,
            cost,
            payback
        ])?;
    }
    let mut by_month: std::collections::BTreeMap<Month, (i64, i64)> = std::collections::BTreeMap::new();
    for m in added {
        let sums = by_month.entry(m.month).or_default();
        sums.0 += m.benefit.cents();
        sums.1 += m.cost.cents();
    }
    let mut add = tx.prepare_cached(
        "INSERT INTO value_portfolio_month (month, benefit_cents, cost_cents) VALUES (?1, ?2, ?3)
         ON CONFLICT (month) DO UPDATE SET benefit_cents = benefit_cents + excluded.benefit_cents,
                                           cost_cents = cost_cents + excluded.cost_cents",
    )?;
    for (month, (benefit, cost)) in by_month {
        add.execute(params![month.to_string(), benefit, cost])?;
    }
    Ok(())
}

/// What is wrong with the derived totals: a line per use case or month whose stored totals
/// disagree with its months (the dashboard would show them), for `audit verify`.
pub(crate) fn totals_problems(conn: &Connection) -> CoreResult<Vec<String>> {
    let cases: Vec<String> = conn
        .prepare(
            "SELECT use_case_id FROM (SELECT * FROM value_total EXCEPT SELECT * FROM value_total_computed)
             UNION SELECT use_case_id FROM (SELECT * FROM value_total_computed EXCEPT SELECT * FROM value_total)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let months: Vec<String> = conn
        .prepare(
            "SELECT month FROM (SELECT * FROM value_portfolio_month EXCEPT SELECT * FROM value_portfolio_month_computed)
             UNION SELECT month FROM (SELECT * FROM value_portfolio_month_computed EXCEPT SELECT * FROM value_portfolio_month)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut found: Vec<String> = cases
        .into_iter()
        .map(|id| format!("the value totals kept for {id} disagree with its months (the dashboard would show them)"))
        .collect();
    found.extend(months.into_iter().map(|m| format!("the portfolio's value totals for {m} disagree with the months")));
    Ok(found)
}
