//! CSV files people exchange with spreadsheets: the portfolio (dossiers in, ranked dossiers out)
//! and workshop rating sheets. Reading is all-or-nothing and reports every problem as
//! `row N, column C: reason`, where row 1 is the header, as a spreadsheet numbers rows.
//! Quoted fields, commas and newlines in text, CRLF and Excel's UTF-8 BOM are all read.

pub mod dossiers;
pub mod rating_sheet;

use std::collections::HashMap;

use crate::error::{CoreError, CoreResult};
use crate::files::safe_text::{first_forbidden, for_terminal, spreadsheet_cell};

/// A parsed file: the header's column positions and the data records with their row numbers.
pub(crate) struct Table {
    columns: HashMap<String, usize>,
    pub(crate) rows: Vec<(usize, csv::StringRecord)>,
}

/// A file whose header has been checked, read record by record: a file of tens of thousands of
/// rows is not held as tens of thousands of records.
pub(crate) struct Records<'t> {
    text: &'t str,
    reader: csv::Reader<&'t [u8]>,
    /// Where in `text` the reader began (a reader of the rest of a file begins past the header).
    begins_at: usize,
    /// The row of the record read last (the header's is 1); for the rest of a file, counted
    /// from where it begins.
    previous_row: usize,
    header: csv::StringRecord,
    columns: HashMap<String, usize>,
}

/// How `Records::each_before` stopped.
pub(crate) enum Stopped {
    /// At the end of the file.
    AtEnd,
    /// At a record beginning exactly at the byte asked for; `row` is the last one before it.
    At { row: usize },
    /// At a record that began before the byte asked for and goes on past it.
    Across,
}

impl<'t> Records<'t> {
    /// Opens `bytes`, checking that the header holds every `required` column and nothing
    /// outside `required` and `allowed`.
    pub(crate) fn open(bytes: &'t [u8], required: &[&str], allowed: &[&str]) -> CoreResult<Records<'t>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            CoreError::InvalidRows(vec![format!("the file is not UTF-8 text (byte {})", e.valid_up_to())])
        })?;
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| CoreError::InvalidRows(vec![format!("row 1: the header cannot be read ({e})")]))?
            .clone();
        let mut problems = Vec::new();
        let mut columns = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim();
            if !required.contains(&name) && !allowed.contains(&name) {
                problems.push(format!("row 1, column {}: {name:?} is not a known column", i + 1));
            } else if columns.insert(name.to_owned(), i).is_some() {
                problems.push(format!("row 1, column {name}: appears twice"));
            }
        }
        for name in required {
            if !columns.contains_key(*name) {
                problems.push(format!("row 1, column {name}: is missing from the header"));
            }
        }
        if !problems.is_empty() {
            if header.len() == 1 && header.get(0).is_some_and(|h| h.contains(';')) {
                problems.insert(
                    0,
                    "row 1: the columns are separated by semicolons; save the file as comma-separated CSV".to_owned(),
                );
            }
            return Err(CoreError::InvalidRows(problems));
        }
        Ok(Records { text, reader, begins_at: 0, previous_row: 1, header, columns })
    }

    /// Where `column` is in each record.
    pub(crate) fn index(&self, column: &str) -> Option<usize> {
        self.columns.get(column).copied()
    }

    /// Calls `each` with every record that is not blank, has the header's number of fields and
    /// no control character, and its spreadsheet row. The problems of the other records are
    /// the error, after all are read (`each` has then seen only the good ones).
    pub(crate) fn each(mut self, each: impl FnMut(usize, &csv::StringRecord)) -> CoreResult<()> {
        self.each_before(usize::MAX, each).map(|_| ())
    }

    /// Where the rest of the file could be read by another reader: the first line's beginning
    /// at or after `near`, if any line begins there. Whether a record begins there (not a line
    /// inside a quoted field) is known only once this reader gets there (`each_before`).
    pub(crate) fn line_after(&self, near: usize) -> Option<usize> {
        let at = near.max(self.begins_at);
        let line_break = self.text.as_bytes().get(at..)?.iter().position(|b| *b == b'\n')?;
        Some(at + line_break + 1).filter(|start| *start < self.text.len())
    }

    /// A reader of the file from byte `at` (a line's beginning, from `line_after`) to its end,
    /// rows counted from there.
    pub(crate) fn rest_from(&self, at: usize) -> Records<'t> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes().get(at..).unwrap_or_default());
        Records {
            text: self.text,
            reader,
            begins_at: at,
            previous_row: 0,
            header: self.header.clone(),
            columns: self.columns.clone(),
        }
    }

    /// `each` for the records that begin before byte `end`; the record there is read but not
    /// given to `each`.
    pub(crate) fn each_before(
        &mut self,
        end: usize,
        mut each: impl FnMut(usize, &csv::StringRecord),
    ) -> CoreResult<Stopped> {
        // Spreadsheet rows: the csv reader skips blank lines, but a spreadsheet shows each as a
        // row (a quoted field with line breaks stays in one row). A record's position is where
        // reading resumed, before any blank lines it skipped, so count those.
        let mut problems = Vec::new();
        let mut record = csv::StringRecord::new();
        let stopped = loop {
            match self.reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break Stopped::AtEnd,
                Err(e) => {
                    return Err(CoreError::InvalidRows(vec![format!(
                        "row {}: cannot be read ({e})",
                        self.previous_row + 1
                    )]))
                }
            }
            let mut resumed_at = self.begins_at + record.position().map_or(0, |p| p.byte() as usize);
            // After a CRLF line end the reader resumes at its LF, which is no blank line.
            if resumed_at > 0 && self.text.get(resumed_at - 1..=resumed_at) == Some("\r\n") {
                resumed_at += 1;
            }
            if resumed_at >= end {
                break if resumed_at == end { Stopped::At { row: self.previous_row } } else { Stopped::Across };
            }
            let row = self.previous_row + 1 + self.text.get(resumed_at..).map_or(0, leading_blank_lines);
            self.previous_row = row;
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() != self.header.len() {
                problems.push(format!("row {row}: has {} fields, the header has {}", record.len(), self.header.len()));
                continue;
            }
            // No cell of a file people exchange needs a control character or a text-direction
            // override, and every one would later reach a terminal or a screen.
            let before = problems.len();
            for (cell, column) in record.iter().zip(self.header.iter()) {
                if let Some(c) = first_forbidden(cell) {
                    problems.push(format!(
                        "row {row}, column {}: contains {} (a control or text-direction character)",
                        for_terminal(column.trim(), false),
                        c.escape_unicode()
                    ));
                }
            }
            if problems.len() == before {
                each(row, &record);
            }
        };
        if !problems.is_empty() {
            return Err(CoreError::InvalidRows(problems));
        }
        Ok(stopped)
    }
}

impl Table {
    /// Reads `bytes` whole, its header checked as `Records::open` checks it.
    pub(crate) fn read(bytes: &[u8], required: &[&str], allowed: &[&str]) -> CoreResult<Table> {
        let records = Records::open(bytes, required, allowed)?;
        let columns = records.columns.clone();
        let mut rows = Vec::new();
        records.each(|row, record| rows.push((row, record.clone())))?;
        Ok(Table { columns, rows })
    }

    /// The trimmed field of `column` in `record` ("" when the column is absent), with the `'`
    /// our exports put before a formula-like cell taken off again, so an export imports as it
    /// was.
    pub(crate) fn field<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        Table::at(record, self.index(column))
    }

    /// Where `column` is in each record, for a reader of many rows to look it up once.
    pub(crate) fn index(&self, column: &str) -> Option<usize> {
        self.columns.get(column).copied()
    }

    /// The field at `index` (from `index`) as `field` gives it.
    pub(crate) fn at(record: &csv::StringRecord, index: Option<usize>) -> &str {
        let text = index.and_then(|i| record.get(i)).map_or("", str::trim);
        match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
            _ => text,
        }
    }

    pub(crate) fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }
}

fn leading_blank_lines(mut rest: &str) -> usize {
    let mut count = 0;
    while let Some(after) =
        rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).or_else(|| rest.strip_prefix('\r'))
    {
        count += 1;
        rest = after;
    }
    count
}

/// A plain decimal number: digits with at most one point. Spreadsheet exports write numbers so;
/// anything else (currency signs, thousands separators, exponents) is refused, not guessed at.
/// The reason of a refusal, without its field (a row problem names its column itself).
pub(crate) fn reason_of(e: &CoreError) -> String {
    match e {
        CoreError::Invalid { reason, .. } => reason.clone(),
        other => other.to_string(),
    }
}

pub(crate) fn number(text: &str) -> Result<f64, String> {
    let plain = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && text.chars().filter(|c| *c == '.').count() <= 1
        && text.chars().skip(1).all(|c| c != '-');
    match text.parse::<f64>() {
        Ok(n) if plain && n.is_finite() => Ok(n),
        _ if text.is_empty() => Err("is required".to_owned()),
        _ => Err(format!("{text:?} is not a number like 1250000 or 1250000.50 (no currency signs or separators)")),
    }
}

/// Writes `rows` under `header` as RFC 4180 CSV (quoted where needed, LF line ends). Every cell
/// that is not a plain number and would start a formula in a spreadsheet is written inert.
pub(crate) fn write(header: &[&str], rows: &[Vec<String>]) -> CoreResult<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| CoreError::io("writing CSV", std::io::Error::other(e.to_string()));
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        let cells = row.iter().map(|cell| if number(cell).is_ok() { cell.into() } else { spreadsheet_cell(cell) });
        writer.write_record(cells.map(|c| c.into_owned())).map_err(fail)?;
    }
    writer.into_inner().map_err(|e| CoreError::io("writing CSV", std::io::Error::other(e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::{number, write, Table};

    #[test]
    fn formula_cells_are_written_inert_and_read_back_as_they_were() {
        let hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(1)", "-12.5"];
        let row: Vec<String> = hostile.iter().map(|s| s.to_string()).collect();
        let bytes = write(&["a", "b", "c", "d", "e"], &[row]).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let data = text.lines().nth(1).unwrap();
        assert!(data.starts_with("\"'=HYPERLINK"), "{data}");
        assert!(data.contains(",'+1,'-1+2,'@SUM(1),-12.5"), "a plain number stays a number: {data}");
        let table = Table::read(&bytes, &["a", "b", "c", "d", "e"], &[]).unwrap();
        let (_, record) = &table.rows[0];
        for (column, expected) in ["a", "b", "c", "d", "e"].iter().zip(hostile) {
            assert_eq!(table.field(record, column), expected);
        }
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them_whatever_the_line_ends() {
        for file in ["a,b\n1,2\n\n3,4\n", "a,b\r\n1,2\r\n\r\n3,4\r\n", "a,b\r1,2\r\r3,4\r"] {
            let table = Table::read(file.as_bytes(), &["a", "b"], &[]).unwrap();
            let rows: Vec<usize> = table.rows.iter().map(|(row, _)| *row).collect();
            assert_eq!(rows, [2, 4], "{file:?}");
        }
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number("1250000"), Ok(1_250_000.0));
        assert_eq!(number("0.5"), Ok(0.5));
        assert_eq!(number("-3"), Ok(-3.0), "the sign is parsed; the range check names the rule");
        for bad in ["1,250,000", "€100", "1e6", "inf", "NaN", "1.2.3", "12-3"] {
            assert!(number(bad).is_err(), "{bad} must be refused");
        }
        assert_eq!(number(""), Err("is required".to_owned()));
    }
}
