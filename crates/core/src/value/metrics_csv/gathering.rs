//! The months of a metrics file gathered row by row: each row checked, a month's rows brought
//! together (its amounts and highlight once, each KPI once), and the months of a file read in
//! two halves joined again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::{row_number, MonthEntry};
use crate::csv_io::{number, reason_of, Table};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::value::{KpiValue, Month};

const KPI_MAX: usize = 120;
const HIGHLIGHT_MAX: usize = 2000;
const ID_MAX: usize = 40;

pub(super) const COLUMNS: [&str; 7] = ["use_case_id", "month", "benefit", "cost", "kpi", "kpi_value", "highlight"];

#[derive(Default)]
struct Gathering {
    row: usize,
    amounts: Option<(usize, Money, Money)>,
    highlight: Option<(usize, String)>,
    kpis: Vec<(usize, KpiValue)>,
}

impl Gathering {
    /// Rows counted from `row` on, as the file counts them.
    fn shift_rows(&mut self, row: usize) {
        self.row += row;
        if let Some(amounts) = &mut self.amounts {
            amounts.0 += row;
        }
        if let Some(highlight) = &mut self.highlight {
            highlight.0 += row;
        }
        for kpi in &mut self.kpis {
            kpi.0 += row;
        }
    }
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

/// Hashes a month's key (its use case's place and the month) with one multiply per number, as
/// rustc's own maps do. SipHash, which guards a map whose keys an attacker picks, was a tenth of
/// reading a file; here the places are assigned by the reader and a month is one of 12 × 8,100,
/// so equal hashes cannot be lined up.
#[derive(Default)]
struct MonthKeyHasher(u64);

impl Hasher for MonthKeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n as u32));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type MonthIndex = HashMap<(usize, Month), usize, BuildHasherDefault<MonthKeyHasher>>;

/// Months made room for up front, from the bytes a reader has before it: a row of a metrics file
/// is some 30 bytes, and growing the index as it fills was another tenth of reading.
fn expected_months(bytes: usize) -> usize {
    (bytes / 32).min(250_000)
}

/// The file's months gathered row by row, and the problems found so far.
pub(super) struct Months {
    /// Where each of `COLUMNS` is in a record.
    columns: [Option<usize>; 7],
    latest: Month,
    problems: Vec<String>,
    /// Use case ids as the file names them (upper case), each once; months refer to them by place.
    case_ids: Vec<String>,
    case_at: HashMap<String, usize>,
    /// The previous row's use case: a file lists a case's months together, and most rows are
    /// found without building or hashing their id.
    previous_case: Option<usize>,
    /// Months in the order the file first names them (so no sort afterwards), found by key.
    months: Vec<(usize, Month, Gathering)>,
    month_at: MonthIndex,
}

impl Months {
    /// Months for a reader of `bytes` bytes of the file.
    pub(super) fn new(columns: [Option<usize>; 7], latest: Month, bytes: usize) -> Self {
        let expected = expected_months(bytes);
        Months {
            columns,
            latest,
            problems: Vec::new(),
            case_ids: Vec::new(),
            case_at: HashMap::new(),
            previous_case: None,
            months: Vec::with_capacity(expected),
            month_at: MonthIndex::with_capacity_and_hasher(expected, BuildHasherDefault::default()),
        }
    }

    /// Room in the list for the months of `bytes` more of the file, which `absorb` takes in:
    /// made while the list is empty, it saves copying the first half's months then.
    pub(super) fn make_room(&mut self, bytes: usize) {
        self.months.reserve(expected_months(bytes));
    }

    /// The place of the row's use case, or the reason it names none.
    fn case(&mut self, text: &str) -> Result<usize, String> {
        if let Some(case) = self.previous_case.filter(|&case| self.case_ids[case].eq_ignore_ascii_case(text)) {
            return Ok(case);
        }
        if text.is_empty() {
            return Err("is required".to_owned());
        }
        if longer_than(text, ID_MAX) {
            let n = text.chars().count();
            return Err(format!("is {n} characters long; a use case id is at most {ID_MAX}"));
        }
        let (case, _) = self.file_case(text.to_ascii_uppercase());
        self.previous_case = Some(case);
        Ok(case)
    }

    /// The place of use case `id` (upper case), filed now if it is new; whether it was filed before.
    fn file_case(&mut self, id: String) -> (usize, bool) {
        match self.case_at.get(&id) {
            Some(&case) => (case, true),
            None => {
                self.case_ids.push(id.clone());
                self.case_at.insert(id, self.case_ids.len() - 1);
                (self.case_ids.len() - 1, false)
            }
        }
    }

    pub(super) fn add(&mut self, row: usize, record: &csv::StringRecord) {
        let [c_id, c_month, c_benefit, c_cost, c_kpi, c_kpi_value, c_highlight] = self.columns;
        let field = |column: Option<usize>| Table::at(record, column);
        let mut problems = Vec::new();
        let mut at = |column: &str, reason: String| problems.push(format!("row {row}, column {column}: {reason}"));
        let case = self.case(field(c_id)).map_err(|reason| at("use_case_id", reason)).ok();
        let month = match Month::parse(field(c_month)) {
            Ok(m) if m > self.latest => {
                at("month", format!("{m} has not begun; value is recorded for {} or earlier", self.latest));
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
        let highlight_fits = !longer_than(highlight, HIGHLIGHT_MAX);
        if !highlight_fits {
            at("highlight", format!("is longer than {HIGHLIGHT_MAX} characters"));
        }
        self.problems.append(&mut problems);
        let (true, Some(case), Some(month), Some(amounts), Some(kpi)) = (highlight_fits, case, month, amounts, kpi)
        else {
            return;
        };
        if amounts.is_none() && kpi.is_none() && highlight.is_empty() {
            self.problems.push(format!("row {row}: gives no amount, KPI or highlight"));
            return;
        }
        let index = *self.month_at.entry((case, month)).or_insert_with(|| {
            self.months.push((case, month, Gathering { row, ..Gathering::default() }));
            self.months.len() - 1
        });
        let gathering = &mut self.months[index].2;
        let id = &self.case_ids[case];
        let mut at = |column: &str, reason: String| self.problems.push(format!("row {row}, column {column}: {reason}"));
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

    /// Takes in the months `later` gathered from the rest of the file, whose rows are counted
    /// from `row`. False when either has a problem or a month of both has its amounts, its
    /// highlight or a KPI twice (then only reading the file in one go names the rows exactly).
    pub(super) fn absorb(&mut self, later: Months, row: usize) -> bool {
        if !self.problems.is_empty() || !later.problems.is_empty() {
            return false;
        }
        // Each of the later use cases found here once, not once per month, with whether this
        // half names it too (only then can a month be in both; a file lists a case's months
        // together, so that is the case at the middle, if any).
        let cases: Vec<(usize, bool)> = later.case_ids.into_iter().map(|id| self.file_case(id)).collect();
        // Nothing looks a month up after this: the later months are not filed in `month_at`.
        self.months.reserve(later.months.len());
        for (case, month, mut gathering) in later.months {
            let (case, named_here) = cases[case];
            gathering.shift_rows(row);
            let found = if named_here { self.month_at.get(&(case, month)).copied() } else { None };
            let Some(index) = found else {
                self.months.push((case, month, gathering));
                continue;
            };
            let earlier = &mut self.months[index].2;
            if (gathering.amounts.is_some() && earlier.amounts.is_some())
                || (gathering.highlight.is_some() && earlier.highlight.is_some())
                || gathering
                    .kpis
                    .iter()
                    .any(|(_, k)| earlier.kpis.iter().any(|(_, e)| e.kpi.eq_ignore_ascii_case(&k.kpi)))
            {
                return false;
            }
            earlier.amounts = earlier.amounts.or(gathering.amounts);
            earlier.highlight = earlier.highlight.take().or(gathering.highlight);
            earlier.kpis.append(&mut gathering.kpis);
        }
        true
    }

    pub(super) fn finish(mut self) -> CoreResult<Vec<MonthEntry>> {
        let mut entries = Vec::with_capacity(self.months.len());
        let shared: Vec<Arc<str>> = self.case_ids.iter().map(|id| Arc::from(id.as_str())).collect();
        for (case, month, g) in self.months {
            let use_case_id = &shared[case];
            let Some((_, benefit, cost)) = g.amounts else {
                self.problems.push(format!(
                    "row {}, column benefit: no row gives {use_case_id} {month}'s benefit and cost (0 for none)",
                    g.row
                ));
                continue;
            };
            entries.push(MonthEntry {
                row: g.row,
                use_case_id: use_case_id.clone(),
                month,
                benefit,
                cost,
                highlight: g.highlight.map(|(_, h)| h).unwrap_or_default(),
                kpis: g.kpis.into_iter().map(|(_, k)| k).collect(),
            });
        }
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| row_number(p));
            return Err(CoreError::InvalidRows(self.problems));
        }
        if entries.is_empty() {
            return Err(CoreError::InvalidRows(vec!["the file has a header but no months".to_owned()]));
        }
        Ok(entries)
    }
}
