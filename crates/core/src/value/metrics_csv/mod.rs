//! The metrics file product owners send each month: `use_case_id,month,benefit,cost,kpi,
//! kpi_value,highlight`, several rows per use case and month (one per KPI). A month's benefit and
//! cost are given once, on one of its rows, as a pair; its highlight at most once. Read
//! all-or-nothing: every problem is named as `row N, column C: reason`.

mod gathering;

use std::sync::Arc;

use gathering::{Months, COLUMNS};

use super::{KpiValue, Month};
use crate::csv_io::{Records, Stopped};
use crate::error::CoreResult;
use crate::money::Money;

/// One use case's month as the file gives it, with the rows it came from (for messages about
/// the use case, which only the store can check).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthEntry {
    /// The first row of the month in the file.
    pub row: usize,
    /// Shared by the case's months (a large file names a case in every one of its rows).
    pub use_case_id: Arc<str>,
    pub month: Month,
    pub benefit: Money,
    pub cost: Money,
    pub highlight: String,
    pub kpis: Vec<KpiValue>,
}

/// Files from this size on are read in two halves, one on another thread.
const READ_IN_HALVES_FROM: usize = 256 * 1024;

/// Reads the file. `latest` is the last month a value may be recorded for (the current one):
/// a later month is a typing mistake.
pub fn parse(bytes: &[u8], latest: Month) -> CoreResult<Vec<MonthEntry>> {
    parse_in_halves(bytes, latest, (bytes.len() >= READ_IN_HALVES_FROM).then_some(bytes.len() / 2))
}

/// `parse`, the file read in two halves on two threads when `middle` is given: the second from
/// the first line beginning at or after it. What the halves find is what reading the file in one
/// go finds; when that cannot be seen cheaply (a quoted field goes on across the middle, or
/// either half has a problem, whose message may name a row of the other) it is read again in one
/// go.
pub fn parse_in_halves(bytes: &[u8], latest: Month, middle: Option<usize>) -> CoreResult<Vec<MonthEntry>> {
    if let Some(months) = middle.map(|middle| halves(bytes, latest, middle)).transpose()?.flatten() {
        return months.finish();
    }
    let records = Records::open(bytes, &COLUMNS[..4], &COLUMNS[4..])?;
    let mut months = Months::new(COLUMNS.map(|c| records.index(c)), latest, bytes.len());
    records.each(|row, record| months.add(row, record))?;
    months.finish()
}

/// The months of the file read in two halves, or None when it must be read in one go.
fn halves(bytes: &[u8], latest: Month, middle: usize) -> CoreResult<Option<Months>> {
    let mut records = Records::open(bytes, &COLUMNS[..4], &COLUMNS[4..])?;
    let columns = COLUMNS.map(|c| records.index(c));
    let Some(second_half) = records.line_after(middle) else { return Ok(None) };
    let mut rest = records.rest_from(second_half);
    let mut months = Months::new(columns, latest, second_half);
    months.make_room(bytes.len() - second_half);
    let joined = std::thread::scope(|scope| {
        let later = scope.spawn(|| {
            let mut later = Months::new(columns, latest, bytes.len() - second_half);
            rest.each_before(usize::MAX, |row, record| later.add(row, record)).ok().map(|_| later)
        });
        let stopped = records.each_before(second_half, |row, record| months.add(row, record));
        let later = later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match (stopped, later) {
            (Ok(Stopped::At { row }), Some(later)) => months.absorb(later, row),
            _ => false,
        }
    });
    Ok(joined.then_some(months))
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
    use crate::error::CoreError;

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
        assert_eq!((&*first.use_case_id, first.month.to_string()), ("UC-001", "2026-10".to_owned()));
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

    /// Files whose halves meet in every way: a month's KPI rows on both sides, a quoted highlight
    /// with a line break, blank lines, CRLF line ends, a problem on either side.
    const SPLIT_FILES: [&str; 6] = [
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-09,1,2,,,\nuc-001,2026-10,3,4,k,1,\nUC-002,2026-10,5,6,,,\nUC-001,2026-10,,,j,2,later\nUC-002,2026-09,7,8,,,\n",
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\r\nUC-001,2026-09,1,2,,,\r\n\r\nUC-001,2026-10,3,4,,,\r\nUC-003,2026-10,5,6,,,\r\n",
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-09,1,2,,,\"two\nlines, \"\"quoted\"\"\"\n\n\nUC-001,2026-10,3,4,,,\nUC-004,2026-10,5,6,,,x\n",
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-09,1,2,,,\nUC-002,2026-09,1,2,,,\nUC-001,2026-09,3,4,,,\nUC-002,2026-09,,,k,1,\n",
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-09,1,2,k,1,a\nUC-001,2026-09,,,K,2,\nUC-001,2026-08,,,,,b\nUC-002,2026-13,1,1,,,\n",
        "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\nUC-001,2026-09,1,2,,,\nUC-001,2026-10,1,2,,\nUC-001,2026-11,1,2,,,\u{1b}[31m\n",
    ];

    #[test]
    fn reading_in_halves_finds_what_reading_in_one_go_finds() {
        for file in SPLIT_FILES {
            let whole = format!("{:?}", parse_in_halves(file.as_bytes(), latest(), None));
            for middle in 0..=file.len() + 1 {
                let halves = format!("{:?}", parse_in_halves(file.as_bytes(), latest(), Some(middle)));
                assert_eq!(halves, whole, "{file:?} from byte {middle}");
            }
        }
    }

    #[test]
    fn clean_files_are_read_in_halves_without_a_second_reading() {
        // The halves were joined (not read again) for a middle in each of the first file's
        // lines, line ends LF or CRLF alike.
        let lf = SPLIT_FILES[0];
        let crlf = lf.replace('\n', "\r\n");
        for file in [lf, crlf.as_str()] {
            let header = file.find('\n').unwrap() + 1;
            let last_line = file.trim_end().rfind('\n').unwrap() + 1;
            for middle in header..last_line {
                let joined = halves(file.as_bytes(), latest(), middle).unwrap();
                assert!(joined.is_some(), "{file:?} from byte {middle}");
            }
        }
        // A quoted field going on across the middle: read again in one go.
        let quoted = SPLIT_FILES[2];
        let inside = quoted.find("lines").unwrap() - 3;
        assert!(halves(quoted.as_bytes(), latest(), inside).unwrap().is_none());
    }
}
