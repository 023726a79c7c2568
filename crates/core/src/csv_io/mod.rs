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

impl Table {
    /// Reads `bytes`, checking that the header holds every `required` column and nothing
    /// outside `required` and `allowed`.
    pub(crate) fn read(bytes: &[u8], required: &[&str], allowed: &[&str]) -> CoreResult<Table> {
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
        // Spreadsheet rows: the csv reader skips blank lines, but a spreadsheet shows each as a
        // row (a quoted field with line breaks stays in one row). A record's position is where
        // reading resumed, before any blank lines it skipped, so count those.
        let mut rows = Vec::new();
        let mut previous_row = 1;
        for record in reader.records() {
            let record = record
                .map_err(|e| CoreError::InvalidRows(vec![format!("row {}: cannot be read ({e})", previous_row + 1)]))?;
            let resumed_at = record.position().map_or(0, |p| p.byte() as usize);
            let row = previous_row + 1 + text.get(resumed_at..).map_or(0, leading_blank_lines);
            previous_row = row;
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() != header.len() {
                problems.push(format!("row {row}: has {} fields, the header has {}", record.len(), header.len()));
                continue;
            }
            // No cell of a file people exchange needs a control character or a text-direction
            // override, and every one would later reach a terminal or a screen.
            let hazards: Vec<String> = record
                .iter()
                .zip(header.iter())
                .filter_map(|(cell, column)| {
                    first_forbidden(cell).map(|c| {
                        format!(
                            "row {row}, column {}: contains {} (a control or text-direction character)",
                            for_terminal(column.trim(), false),
                            c.escape_unicode()
                        )
                    })
                })
                .collect();
            if !hazards.is_empty() {
                problems.extend(hazards);
                continue;
            }
            rows.push((row, record));
        }
        if !problems.is_empty() {
            return Err(CoreError::InvalidRows(problems));
        }
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
