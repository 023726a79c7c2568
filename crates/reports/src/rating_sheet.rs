//! Workshop rating sheets as XLSX: the same rows as the CSV sheet, with a 1–5 drop-down on every
//! rating cell, and a filled sheet read back into the CSV rows core validates (so both formats
//! obey one set of rules). Reading is bounded by the caller and never trusts the file: anything
//! calamine cannot read is refused with the reason.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};
use steerco_core::caller::Caller;
use steerco_core::csv_io::rating_sheet::COLUMNS;
use steerco_core::error::CoreError;
use steerco_core::files::{limits, read_bounded};
use steerco_core::services::discovery::workshops::{self, SheetExportRequest, SheetImportRequest, WorkshopDetail};
use steerco_core::services::portfolio::exports::{export_document, ExportOutcome};
use steerco_core::store::Db;

/// What a rating sheet may hold once inflated: a workshop's sheet is a few hundred rows.
const INFLATED_LIMIT: u64 = 64 * limits::MIB;

/// Saves the rating sheet as XLSX when the destination names an `.xlsx` file, else as CSV.
pub fn export(db: &Db, caller: &Caller, req: &SheetExportRequest) -> Result<ExportOutcome, CoreError> {
    let xlsx = Path::new(req.destination.trim()).extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return workshops::export_sheet(db, caller, req);
    }
    let (csv, rows) = workshops::sheet_csv(db, req)?;
    export_document(db, caller, &req.destination, "workshop rating sheet (XLSX)", &from_csv(&csv)?, rows)
}

/// Reads a filled sheet, XLSX or CSV by its content, through core's one set of rules.
pub fn import(db: &Db, caller: &Caller, req: &SheetImportRequest) -> Result<WorkshopDetail, CoreError> {
    let bytes = read_bounded("path", Path::new(req.path.trim()), limits::RATING_SHEET)?;
    let csv = if is_xlsx(&bytes) { to_csv(&bytes)? } else { bytes };
    workshops::import_sheet_bytes(db, caller, &req.workshop_id, &csv)
}

/// Whether `bytes` look like an XLSX file (a zip archive) rather than CSV text.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A spreadsheet's way of keeping formula-looking text as text in CSV (a leading `'`) is not
/// needed in XLSX, where every text cell is a string.
fn unquote(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}

/// The CSV sheet's rows laid out as XLSX.
pub fn from_csv(csv_bytes: &[u8]) -> Result<Vec<u8>, CoreError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_bytes);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| CoreError::invalid("sheet", format!("the sheet could not be laid out: {e}")))?;
    write(&rows).map_err(|e| CoreError::invalid("sheet", format!("the sheet could not be written: {e}")))
}

fn write(rows: &[csv::StringRecord]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Ratings")?;
    let header = Format::new().set_bold().set_background_color("#E8E8E8");
    let rating_col = COLUMNS.iter().position(|c| *c == "rating").unwrap_or(COLUMNS.len() - 1) as u16;
    let widths = [12.0, 20.0, 11.0, 42.0, 12.0, 26.0, 8.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, field) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r == 0 {
                ws.write_string_with_format(r, c, field, &header)?;
            } else if c == rating_col && !field.trim().is_empty() {
                match field.trim().parse::<f64>() {
                    Ok(n) => ws.write_number(r, c, n)?,
                    Err(_) => ws.write_string(r, c, field)?,
                };
            } else {
                ws.write_string(r, c, unquote(field))?;
            }
        }
    }
    if rows.len() > 1 {
        // A list, not a whole-number rule: only a list gives the cell its drop-down arrow.
        let choices = DataValidation::new()
            .allow_list_strings(&["1", "2", "3", "4", "5"])?
            .set_input_title("Rating")?
            .set_input_message("Pick 1 (lowest) to 5 (highest); leave empty to skip")?
            .set_error_title("A rating is 1 to 5")?
            .set_error_message("Pick a rating from 1 to 5 in the list, or leave the cell empty.")?;
        ws.add_data_validation(1, rating_col, rows.len() as u32 - 1, rating_col, &choices)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len().saturating_sub(1) as u32, COLUMNS.len() as u16 - 1)?;
    book.save_to_buffer()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A filled XLSX sheet as the CSV rows core's rating-sheet parser reads (first worksheet only).
pub fn to_csv(xlsx: &[u8]) -> Result<Vec<u8>, CoreError> {
    let unreadable = |e: String| CoreError::invalid("path", format!("the XLSX file cannot be read ({e})"));
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).map_err(|e| unreadable(e.to_string()))?;
    let mut inflated = 0u64;
    for i in 0..archive.len() {
        inflated += archive.by_index_raw(i).map_err(|e| unreadable(e.to_string()))?.size();
    }
    if inflated > INFLATED_LIMIT {
        return Err(CoreError::invalid(
            "path",
            format!("the XLSX file would inflate to {} MiB; a rating sheet holds far less", inflated / limits::MIB),
        ));
    }
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).map_err(|e| unreadable(e.to_string()))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| unreadable(e.to_string()))?,
        None => return Err(CoreError::invalid("path", "the XLSX file has no worksheet")),
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        let fields: Vec<String> = row.iter().map(cell_text).collect();
        out.write_record(&fields).map_err(|e| unreadable(e.to_string()))?;
    }
    out.into_inner().map_err(|e| unreadable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_round_trips_with_numbers_for_ratings_and_text_kept_as_text() {
        let csv = "workshop_id,participant,use_case_id,use_case_title,criterion,criterion_name,rating\n\
                   WS-001,Aisha Rahman,UC-001,'=HYPERLINK(\"x\"),value,Annualised value,4\n\
                   WS-001,Aisha Rahman,UC-002,Claims triage,value,Annualised value,\n";
        let xlsx = from_csv(csv.as_bytes()).unwrap();
        assert!(is_xlsx(&xlsx));
        let back = String::from_utf8(to_csv(&xlsx).unwrap()).unwrap();
        let lines: Vec<&str> = back.lines().collect();
        assert_eq!(lines[0], csv.lines().next().unwrap());
        assert!(
            lines[1].contains("\"=HYPERLINK(\"\"x\"\")\""),
            "formula-looking text comes back as that text: {}",
            lines[1]
        );
        assert!(lines[1].ends_with(",4"), "a rating is a number cell: {}", lines[1]);
        assert!(lines[2].ends_with(','), "an empty rating stays empty: {}", lines[2]);
    }

    #[test]
    fn every_rating_cell_has_a_one_to_five_drop_down() {
        use std::io::Read as _;
        let csv = "workshop_id,participant,use_case_id,use_case_title,criterion,criterion_name,rating\n\
                   WS-001,Aisha Rahman,UC-001,Claims triage,value,Annualised value,\n\
                   WS-001,Aisha Rahman,UC-002,Claims triage,risk,Guardrail complexity,3\n";
        let xlsx = from_csv(csv.as_bytes()).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
        let mut sheet = String::new();
        archive.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
        let validation = sheet
            .split("<dataValidation ")
            .nth(1)
            .expect("a data validation")
            .split("</dataValidation>")
            .next()
            .unwrap();
        assert!(validation.contains(r#"type="list""#), "a list shows a drop-down: {validation}");
        assert!(validation.contains(r#"sqref="G2:G3""#), "on every rating cell: {validation}");
        assert!(validation.contains(r#"<formula1>"1,2,3,4,5"</formula1>"#), "offering 1 to 5: {validation}");
        assert!(!validation.contains("showDropDown"), "Excel hides the arrow when showDropDown is set: {validation}");
    }

    #[test]
    fn garbage_is_refused_with_a_reason_not_a_panic() {
        for bytes in [&b"PK\x03\x04garbage"[..], b"", b"not a zip"] {
            let err = to_csv(bytes).unwrap_err();
            assert!(err.to_string().contains("XLSX"), "{err}");
        }
    }
}
