//! The metrics file product owners send each month: `use_case_id,month,benefit,cost,kpi,
//! kpi_value,highlight`, several rows per use case and month (one per KPI). A month's benefit and
//! cost are given once, on one of its rows, as a pair; its highlight at most once. Read
//! all-or-nothing: every problem is named as `row N, column C: reason`.

use std::collections::HashMap;

use super::{KpiValue, Month};
use crate::csv_io::{number, reason_of, Table};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;

const KPI_MAX: usize = 120;
const HIGHLIGHT_MAX: usize = 2000;
const ID_MAX: usize = 40;

/// One use case's month as the file gives it, with the rows it came from (for messages about
/// the use case, which only the store can check).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthEntry {
    /// The first row of the month in the file.
    pub row: usize,
    pub use_case_id: String,
    pub month: Month,
    pub benefit: Money,
    pub cost: Money,
    pub highlight: String,
    pub kpis: Vec<KpiValue>,
}

#[derive(Default)]
struct Gathering {
    row: usize,
    amounts: Option<(usize, Money, Money)>,
    highlight: Option<(usize, String)>,
    kpis: Vec<(usize, KpiValue)>,
}

fn amount(text: &str) -> Result<Option<Money>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let m = Money::parse("amount", text).map_err(|e| reason_of(&e))?;
    if m < Money::ZERO {
        return Err(format!("must be 0 or more, not {text}"));
    }
    Ok(Some(m))
}

/// More than `max` characters; counted only when the bytes could be (most fields are short).
fn longer_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// Reads the file. `latest` is the last month a value may be recorded for (the current one):
/// a later month is a typing mistake.
pub fn parse(bytes: &[u8], latest: Month) -> CoreResult<Vec<MonthEntry>> {
    let table = Table::read(bytes, &["use_case_id", "month", "benefit", "cost"], &["kpi", "kpi_value", "highlight"])?;
    let mut problems = Vec::new();
    // Months in the order the file first names them (so no sort afterwards), found by key.
    let mut months: Vec<(String, Month, Gathering)> = Vec::with_capacity(table.rows.len());
    let mut month_at: HashMap<(String, Month), usize> = HashMap::with_capacity(table.rows.len());
    // Each column found once, not once per row: a file has tens of thousands of rows.
    let [c_id, c_month, c_benefit, c_cost, c_kpi, c_kpi_value, c_highlight] =
        ["use_case_id", "month", "benefit", "cost", "kpi", "kpi_value", "highlight"].map(|c| table.index(c));
    for (row, record) in &table.rows {
        let row = *row;
        let field = |column: Option<usize>| Table::at(record, column);
        let mut at = |column: &str, reason: String| problems.push(format!("row {row}, column {column}: {reason}"));
        let id = field(c_id).to_ascii_uppercase();
        let id = if id.is_empty() {
            at("use_case_id", "is required".to_owned());
            None
        } else if longer_than(&id, ID_MAX) {
            let n = id.chars().count();
            at("use_case_id", format!("is {n} characters long; a use case id is at most {ID_MAX}"));
            None
        } else {
            Some(id)
        };
        let month = match Month::parse(field(c_month)) {
            Ok(m) if m > latest => {
                at("month", format!("{m} has not begun; value is recorded for {latest} or earlier"));
                None
            }
            Ok(m) => Some(m),
            Err(_) if field(c_month).is_empty() => {
                at("month", "is required".to_owned());
                None
            }
            Err(reason) => {
                at("month", reason);
                None
            }
        };
        let benefit = amount(field(c_benefit)).map_err(|r| at("benefit", r)).ok();
        let cost = amount(field(c_cost)).map_err(|r| at("cost", r)).ok();
        let amounts = match (benefit, cost) {
            (Some(Some(b)), Some(Some(c))) => Some(Some((b, c))),
            (Some(None), Some(None)) => Some(None),
            (Some(Some(_)), Some(None)) => {
                at("cost", "is required when the row gives a benefit (0 for none)".to_owned());
                None
            }
            (Some(None), Some(Some(_))) => {
                at("benefit", "is required when the row gives a cost (0 for none)".to_owned());
                None
            }
            _ => None,
        };
        let kpi_name = field(c_kpi);
        let kpi_value = field(c_kpi_value);
        let kpi = match (kpi_name.is_empty(), kpi_value.is_empty()) {
            (true, true) => Some(None),
            (true, false) => {
                at("kpi", "is required when the row gives a kpi_value".to_owned());
                None
            }
            (false, _) if longer_than(kpi_name, KPI_MAX) => {
                at("kpi", format!("is longer than {KPI_MAX} characters"));
                None
            }
            (false, true) => {
                at("kpi_value", format!("is required for the KPI {kpi_name:?}"));
                None
            }
            (false, false) => match number(kpi_value) {
                Ok(value) => Some(Some(KpiValue { kpi: kpi_name.to_owned(), value })),
                Err(reason) => {
                    at("kpi_value", reason);
                    None
                }
            },
        };
        let highlight = field(c_highlight);
        if longer_than(highlight, HIGHLIGHT_MAX) {
            at("highlight", format!("is longer than {HIGHLIGHT_MAX} characters"));
            continue;
        }
        let (Some(id), Some(month), Some(amounts), Some(kpi)) = (id, month, amounts, kpi) else { continue };
        if amounts.is_none() && kpi.is_none() && highlight.is_empty() {
            problems.push(format!("row {row}: gives no amount, KPI or highlight"));
            continue;
        }
        let at_index = *month_at.entry((id.clone(), month)).or_insert_with(|| {
            months.push((id.clone(), month, Gathering { row, ..Gathering::default() }));
            months.len() - 1
        });
        let gathering = &mut months[at_index].2;
        let mut at = |column: &str, reason: String| problems.push(format!("row {row}, column {column}: {reason}"));
        if let Some((benefit, cost)) = amounts {
            match gathering.amounts {
                Some((first, _, _)) => at(
                    "benefit",
                    format!("{id} {month} has its benefit and cost on row {first} already; give them once per month"),
                ),
                None => gathering.amounts = Some((row, benefit, cost)),
            }
        }
        if let Some(kpi) = kpi {
            match gathering.kpis.iter().find(|(_, k)| k.kpi.eq_ignore_ascii_case(&kpi.kpi)) {
                Some((first, _)) => {
                    at("kpi", format!("{id} {month} has a value for {:?} on row {first} already", kpi.kpi))
                }
                None => gathering.kpis.push((row, kpi)),
            }
        }
        if !highlight.is_empty() {
            match &gathering.highlight {
                Some((first, _)) => at("highlight", format!("{id} {month} has its highlight on row {first} already")),
                None => gathering.highlight = Some((row, highlight.to_owned())),
            }
        }
    }
    let mut entries = Vec::new();
    for (use_case_id, month, g) in months {
        let Some((_, benefit, cost)) = g.amounts else {
            problems.push(format!(
                "row {}, column benefit: no row gives {use_case_id} {month}'s benefit and cost (0 for none)",
                g.row
            ));
            continue;
        };
        entries.push(MonthEntry {
            row: g.row,
            use_case_id,
            month,
            benefit,
            cost,
            highlight: g.highlight.map(|(_, h)| h).unwrap_or_default(),
            kpis: g.kpis.into_iter().map(|(_, k)| k).collect(),
        });
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| row_number(p));
        return Err(CoreError::InvalidRows(problems));
    }
    if entries.is_empty() {
        return Err(CoreError::InvalidRows(vec!["the file has a header but no months".to_owned()]));
    }
    Ok(entries)
}

/// The row a problem names, so problems read top to bottom as the file does.
fn row_number(problem: &str) -> usize {
    problem
        .strip_prefix("row ")
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latest() -> Month {
        Month::parse("2026-11").unwrap()
    }

    fn problems(csv: &str) -> Vec<String> {
        match parse(csv.as_bytes(), latest()) {
            Err(CoreError::InvalidRows(p)) => p,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn a_month_gathers_its_rows_amounts_once_kpis_each() {
        let csv = "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n\
                   uc-001,2026-10,12000.50,3000,handling_minutes,11.5,Claims team at full speed\n\
                   UC-001,2026-10,,,first_contact_resolution,0.82,\n\
                   UC-002,2026-10,0,4500,,,\n";
        let entries = parse(csv.as_bytes(), latest()).unwrap();
        assert_eq!(entries.len(), 2);
        let first = &entries[0];
        assert_eq!((first.use_case_id.as_str(), first.month.to_string()), ("UC-001", "2026-10".to_owned()));
        assert_eq!((first.benefit, first.cost), (Money::from_cents(1_200_050), Money::units(3000)));
        assert_eq!(first.kpis.len(), 2);
        assert_eq!(first.highlight, "Claims team at full speed");
        assert_eq!((entries[1].benefit, entries[1].cost, entries[1].row), (Money::ZERO, Money::units(4500), 4));
    }

    #[test]
    fn every_problem_is_named_by_row_and_column() {
        let csv = "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n\
                   UC-001,2026-13,1,1,,,\n\
                   UC-001,2026-10,1,,,,\n\
                   ,2026-10,1,1,,,\n\
                   UC-001,2026-09,-5,1,,,\n\
                   UC-001,2026-09,1,1,k,abc,\n\
                   UC-001,2027-01,1,1,,,\n\
                   UC-003,2026-08,1,1,,,\n\
                   UC-003,2026-08,2,2,,,\n\
                   UC-004,2026-08,,,k,1,\n";
        let p = problems(csv);
        assert!(p.contains(&"row 2, column month: \"2026-13\" is not a month like 2026-11".to_owned()), "{p:?}");
        assert!(p.iter().any(|x| x.starts_with("row 3, column cost: is required")), "{p:?}");
        assert!(p.iter().any(|x| x.starts_with("row 4, column use_case_id: is required")), "{p:?}");
        assert!(p.iter().any(|x| x.starts_with("row 5, column benefit: must be 0 or more")), "{p:?}");
        assert!(p.iter().any(|x| x.starts_with("row 6, column kpi_value:")), "{p:?}");
        assert!(p.iter().any(|x| x.starts_with("row 7, column month: 2027-01 has not begun")), "{p:?}");
        assert!(p
            .iter()
            .any(|x| x.starts_with("row 9, column benefit: UC-003 2026-08 has its benefit and cost on row 8")));
        assert!(p.iter().any(|x| x.starts_with("row 10, column benefit: no row gives UC-004 2026-08")), "{p:?}");
        let rows: Vec<usize> = p.iter().map(|x| row_number(x)).collect();
        assert!(rows.windows(2).all(|w| w[0] <= w[1]), "top to bottom: {p:?}");
    }

    #[test]
    fn a_kpi_or_a_highlight_twice_in_a_month_is_refused() {
        let csv = "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n\
                   UC-001,2026-10,1,1,k,1,one\n\
                   UC-001,2026-10,,,K,2,two\n";
        let p = problems(csv);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("\"K\" on row 2") && p[1].contains("highlight on row 2"), "{p:?}");
    }

    #[test]
    fn empty_rows_files_and_unknown_columns_are_refused() {
        assert!(problems("use_case_id,month,benefit,cost\n")[0].contains("no months"));
        assert!(problems("use_case_id,month,benefit,cost,colour\nUC-001,2026-10,1,1,red\n")[0].contains("colour"));
        assert!(problems("use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-10,,,,,\n")[0]
            .contains("gives no amount"));
    }
}
