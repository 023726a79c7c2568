//! Recording value: the metrics file imported all-or-nothing (a month already recorded is
//! replaced only when asked, and the trail shows before and after), one month entered by hand,
//! and a use case's months with their returns.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::{required_text, Stage, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded};
use crate::money::Money;
use crate::services::discovery::read;
use crate::store::value::{self as store, NewMonth};
use crate::store::value_bulk;
use crate::store::{Db, Tx};
use crate::value::metrics_csv::{self, MonthEntry};
use crate::value::returns::{returns, BusinessCase, Returns};
use crate::value::{KpiValue, Month, ValueMonth};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsImport {
    pub path: String,
    /// Replace months already recorded with the file's (each replacement is in the audit trail).
    #[serde(default)]
    pub replace: bool,
    /// Check everything and say what would change, storing nothing.
    #[serde(default)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsImported {
    /// Months recorded for the first time.
    pub added: u32,
    /// Months recorded before and replaced by the file's.
    pub replaced: u32,
    /// Months the file gives exactly as stored.
    pub unchanged: u32,
    /// The use cases the file is about.
    pub use_cases: Vec<String>,
    pub kpi_values: u32,
    /// True when nothing was stored (a dry run).
    pub dry_run: bool,
}

/// One month entered by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonthInput {
    pub use_case_id: String,
    /// YYYY-MM
    pub month: String,
    pub benefit: Money,
    pub cost: Money,
    #[serde(default)]
    pub highlight: String,
    #[serde(default)]
    pub kpis: Vec<KpiValue>,
    /// Replace the month when it is already recorded.
    #[serde(default)]
    pub replace: bool,
}

/// A use case's value: its months and what they add up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseValue {
    pub use_case_id: String,
    pub title: String,
    pub annual_value: Money,
    pub one_time_cost: Money,
    pub monthly_run_cost: Money,
    /// When benefits were planned to start (the pilot's start month), if the case has one.
    pub benefits_from: Option<String>,
    pub months: Vec<ValueMonth>,
    pub returns: Returns,
    /// KPI names with values, for the KPI chart.
    pub kpis: Vec<String>,
}

/// When a case was planned to start earning: its pilot's start; for a case live (or retired)
/// without a pilot on record, its first recorded month; before launch, not yet.
pub(crate) fn benefits_from(u: &UseCase, pilot_start: Option<Month>, first: Option<Month>) -> Option<Month> {
    pilot_start.or(match u.stage {
        Stage::Pilot | Stage::Scaled | Stage::Retired => first,
        Stage::Discovery | Stage::Architecture | Stage::Data => None,
    })
}

pub(crate) fn business_case(u: &UseCase) -> BusinessCase {
    BusinessCase { annual_value: u.annual_value, one_time_cost: u.one_time_cost, monthly_run_cost: u.monthly_run_cost }
}

/// The current month: value for a later one is a typing mistake.
fn current_month(caller: &Caller) -> Month {
    Month::of(caller.now.date_naive())
}

fn same(stored: &ValueMonth, e: &MonthEntry) -> bool {
    let mut kpis = e.kpis.clone();
    kpis.sort_by(|a, b| a.kpi.cmp(&b.kpi));
    stored.benefit == e.benefit && stored.cost == e.cost && stored.highlight == e.highlight && stored.kpis == kpis
}

fn store_entries(tx: &Tx, entries: &[MonthEntry], replace: bool, dry_run: bool) -> CoreResult<MetricsImported> {
    let mut problems = Vec::new();
    let mut outcome =
        MetricsImported { added: 0, replaced: 0, unchanged: 0, use_cases: Vec::new(), kpi_values: 0, dry_run };
    // What is stored is read once per use case, not once per row: a file carries thousands.
    let known = store::use_case_ids(tx)?;
    let mut named: BTreeSet<&str> = BTreeSet::new();
    let mut stored: HashMap<(String, String), ValueMonth> = HashMap::new();
    let valued = store::use_cases_with_months(tx)?;
    // A case's months come together in a file: each case is looked up once per run of them.
    let runs = || entries.chunk_by(|a, b| a.use_case_id == b.use_case_id);
    for run in runs() {
        let id: &str = &run[0].use_case_id;
        if known.contains(id) && named.insert(id) && valued.contains(id) {
            for m in store::months(tx, id)? {
                stored.insert((m.use_case_id.clone(), m.month.clone()), m);
            }
        }
    }
    // Per entry: None when stored as it is (nothing to write), Some(true) when new.
    let mut check = |e: &MonthEntry, is_known: bool, is_valued: bool| -> Option<bool> {
        if !is_known {
            problems.push(format!("row {}, column use_case_id: {} is not a use case", e.row, e.use_case_id));
            return None;
        }
        // Most cases of a large file have nothing stored yet: no key is built for them.
        let found = if is_valued { stored.get(&(e.use_case_id.to_string(), e.month.to_string())) } else { None };
        match found {
            Some(s) if same(s, e) => {
                outcome.unchanged += 1;
                None
            }
            Some(_) if !replace => {
                problems.push(format!(
                    "row {}, column month: {} {} is already recorded; import with --replace to replace it",
                    e.row, e.use_case_id, e.month
                ));
                None
            }
            Some(_) => {
                outcome.replaced += 1;
                Some(false)
            }
            None => {
                outcome.added += 1;
                Some(true)
            }
        }
    };
    let mut writes: Vec<Option<bool>> = Vec::with_capacity(entries.len());
    for run in runs() {
        let id: &str = &run[0].use_case_id;
        let (is_known, is_valued) = (known.contains(id), valued.contains(id));
        writes.extend(run.iter().map(|e| check(e, is_known, is_valued)));
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    let by = tx.actor().name.clone();
    fn month<'a>(e: &'a MonthEntry, by: &'a str) -> NewMonth<'a> {
        NewMonth {
            use_case_id: &e.use_case_id,
            month: e.month,
            benefit: e.benefit,
            cost: e.cost,
            highlight: &e.highlight,
            kpis: &e.kpis,
            by,
        }
    }
    // Replacements one by one, each recorded with its before and after; months new to the file
    // in one batch record per use case (a file of 60,000 months would otherwise chain 60,000).
    let mut added = Vec::new();
    for (e, write) in entries.iter().zip(writes) {
        outcome.kpi_values += u32::try_from(e.kpis.len()).unwrap_or(u32::MAX);
        match write {
            Some(false) => store::put_month(tx, &month(e, &by))?,
            Some(true) => added.push(e),
            None => {}
        }
    }
    let added: Vec<NewMonth<'_>> = added.into_iter().map(|e| month(e, &by)).collect();
    value_bulk::add_months(tx, &added, &valued)?;
    outcome.use_cases = named.into_iter().map(str::to_owned).collect();
    Ok(outcome)
}

/// Imports `use_case_id,month,benefit,cost,kpi,kpi_value,highlight`: all of it or nothing.
pub fn import_metrics(db: &Db, caller: &Caller, req: &MetricsImport) -> CoreResult<MetricsImported> {
    let bytes = read_bounded("path", Path::new(req.path.trim()), limits::CSV)?;
    let entries = metrics_csv::parse(&bytes, current_month(caller))?;
    if req.dry_run {
        db.rehearse(caller, |tx| store_entries(tx, &entries, req.replace, true))
    } else {
        db.write(caller, Action::Import, |tx| store_entries(tx, &entries, req.replace, false))
    }
}

/// Records one month entered by hand.
pub fn record_month(db: &Db, caller: &Caller, req: &MonthInput) -> CoreResult<UseCaseValue> {
    let month = Month::parse(&req.month).map_err(|reason| CoreError::invalid("month", reason))?;
    if month > current_month(caller) {
        return Err(CoreError::invalid("month", format!("{month} has not begun")));
    }
    let benefit = req.benefit.non_negative("benefit")?;
    let cost = req.cost.non_negative("cost")?;
    let highlight = req.highlight.trim();
    if highlight.chars().count() > 2000 {
        return Err(CoreError::invalid("highlight", "is longer than 2000 characters"));
    }
    let mut kpis: Vec<KpiValue> = Vec::new();
    for (i, k) in req.kpis.iter().enumerate() {
        let name = required_text(&format!("kpis[{i}].kpi"), &k.kpi, 120)?;
        if !k.value.is_finite() {
            return Err(CoreError::invalid(format!("kpis[{i}].value"), "must be a number"));
        }
        if kpis.iter().any(|seen| seen.kpi.eq_ignore_ascii_case(&name)) {
            return Err(CoreError::invalid(format!("kpis[{i}].kpi"), format!("{name:?} is given twice")));
        }
        kpis.push(KpiValue { kpi: name, value: k.value });
    }
    db.write(caller, Action::Update, |tx| {
        let case = read::require_for(tx, "use_case_id", &req.use_case_id)?;
        if store::month(tx, &case.id, month)?.is_some() && !req.replace {
            return Err(CoreError::invalid(
                "month",
                format!("{} {month} is already recorded; replace it to change it", case.id),
            ));
        }
        let by = tx.actor().name.clone();
        store::put_month(
            tx,
            &NewMonth { use_case_id: &case.id, month, benefit, cost, highlight, kpis: &kpis, by: &by },
        )?;
        view_in(tx, &case)
    })
}

pub(crate) fn view_in(conn: &rusqlite::Connection, case: &UseCase) -> CoreResult<UseCaseValue> {
    let months = store::months(conn, &case.id)?;
    let amounts: Vec<(Month, Money, Money)> =
        months.iter().filter_map(|m| Month::parse(&m.month).ok().map(|mo| (mo, m.benefit, m.cost))).collect();
    let first = amounts.iter().map(|a| a.0).min();
    let benefits_from = benefits_from(case, store::pilot_starts(conn)?.remove(&case.id), first);
    Ok(UseCaseValue {
        use_case_id: case.id.clone(),
        title: case.title.clone(),
        annual_value: case.annual_value,
        one_time_cost: case.one_time_cost,
        monthly_run_cost: case.monthly_run_cost,
        benefits_from: benefits_from.map(|m| m.to_string()),
        returns: returns(&amounts, &business_case(case), benefits_from),
        kpis: store::kpi_names(conn, &case.id)?,
        months,
    })
}

/// A use case's months and returns.
pub fn view(db: &Db, use_case_id: &str) -> CoreResult<UseCaseValue> {
    db.read(|c| view_in(c, &read::require_for(c, "use_case_id", use_case_id)?))
}
