//! The programme workbook for people who live in Excel: the ranked portfolio, value by month, the
//! risk register and the decisions log, each a sheet with real number and date cells, a frozen
//! header row and filters. Text is always written as text, so a title such as `=1+1` stays
//! exactly that and is never evaluated as a formula.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};
use steerco_core::caller::Caller;
use steerco_core::error::CoreError;
use steerco_core::money::Money;
use steerco_core::services::compliance::risk_controls::{self, UseCaseFilter};
use steerco_core::services::discovery::programme;
use steerco_core::services::discovery::scoring::{self, RankRequest};
use steerco_core::services::portfolio::exports::{export_document, ExportOutcome};
use steerco_core::services::steering::meetings::{self, MeetingRef};
use steerco_core::services::value::tracking::{self, UseCaseValue};
use steerco_core::store::Db;
use ts_rs::TS;

use crate::text::words;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkbookExport {
    /// Where the XLSX goes.
    pub destination: String,
}

/// One sheet's worth of cells, kept typed until written.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Money(Money),
    Percent(Option<f64>),
    /// YYYY-MM-DD (or YYYY-MM, the month's first day); text when it does not parse.
    Date(String),
    Empty,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: &'static str,
    pub headers: Vec<&'static str>,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, |s| Cell::Text(s.to_owned()))
}

/// The four sheets, read through the services.
pub fn sheets(db: &Db) -> Result<Vec<Sheet>, CoreError> {
    let ranking = scoring::rank(db, &RankRequest { weights: None })?;
    let mut portfolio = Sheet {
        name: "Ranked portfolio",
        headers: vec![
            "Rank",
            "Use case",
            "Title",
            "Business unit",
            "Stage",
            "Lane",
            "Score",
            "Annual value",
            "One-time cost",
            "Monthly run cost",
            "Payback (months)",
            "Executive sponsor",
            "Product owner",
            "Risk class",
        ],
        widths: vec![7.0, 10.0, 40.0, 28.0, 12.0, 11.0, 8.0, 15.0, 15.0, 15.0, 11.0, 20.0, 20.0, 11.0],
        rows: Vec::new(),
    };
    let mut valued: Vec<UseCaseValue> = Vec::new();
    for r in &ranking.use_cases {
        let u = &r.use_case;
        portfolio.rows.push(vec![
            Cell::Number(f64::from(r.rank)),
            text(&u.id),
            text(&u.title),
            text(&u.business_unit),
            text(words(&u.stage)),
            text(words(&u.lane)),
            Cell::Number((r.score * 10.0).round() / 10.0),
            Cell::Money(u.annual_value),
            Cell::Money(u.one_time_cost),
            Cell::Money(u.monthly_run_cost),
            u.payback_months.map_or(Cell::Empty, |m| Cell::Number((m * 10.0).round() / 10.0)),
            opt_text(u.executive_sponsor.as_deref()),
            opt_text(u.product_owner.as_deref()),
            u.risk_class.as_ref().map_or(Cell::Empty, |c| text(words(c))),
        ]);
        let value = tracking::view(db, &u.id)?;
        if !value.months.is_empty() {
            valued.push(value);
        }
    }
    valued.sort_by(|a, b| a.use_case_id.cmp(&b.use_case_id));
    let mut value = Sheet {
        name: "Value by month",
        headers: vec![
            "Use case",
            "Title",
            "Month",
            "Benefit",
            "Cost",
            "Cumulative benefit",
            "Cumulative cost",
            "ROI",
            "Planned benefit",
            "Highlight",
            "Highlight by",
        ],
        widths: vec![10.0, 34.0, 11.0, 14.0, 14.0, 16.0, 16.0, 9.0, 15.0, 50.0, 18.0],
        rows: Vec::new(),
    };
    for v in &valued {
        for m in v.returns.months.iter().filter(|m| m.recorded) {
            let entry = v.months.iter().find(|e| e.month == m.month);
            value.rows.push(vec![
                text(&v.use_case_id),
                text(&v.title),
                Cell::Date(m.month.clone()),
                Cell::Money(m.benefit),
                Cell::Money(m.cost),
                Cell::Money(m.cumulative_benefit),
                Cell::Money(m.cumulative_cost),
                Cell::Percent(m.roi),
                Cell::Money(m.planned_benefit),
                entry.map_or(Cell::Empty, |e| text(&e.highlight)),
                entry.map_or(Cell::Empty, |e| text(&e.highlight_by)),
            ]);
        }
    }
    let mut risks = Sheet {
        name: "Risk register",
        headers: vec![
            "Risk",
            "Use case",
            "Title",
            "Likelihood",
            "Impact",
            "Score",
            "Status",
            "Owner",
            "Mitigation",
            "Updated",
        ],
        widths: vec![10.0, 10.0, 44.0, 10.0, 8.0, 7.0, 11.0, 20.0, 50.0, 11.0],
        rows: Vec::new(),
    };
    for r in risk_controls::risk_list(db, &UseCaseFilter { use_case_id: None })? {
        risks.rows.push(vec![
            text(&r.id),
            text(&r.use_case_id),
            text(&r.title),
            Cell::Number(f64::from(r.likelihood)),
            Cell::Number(f64::from(r.impact)),
            Cell::Number(f64::from(r.likelihood) * f64::from(r.impact)),
            text(words(&r.status)),
            text(&r.owner),
            text(&r.mitigation),
            Cell::Date(r.updated_at.format("%Y-%m-%d").to_string()),
        ]);
    }
    let mut decisions = Sheet {
        name: "Decisions",
        headers: vec![
            "Meeting",
            "Held on",
            "Decision",
            "Item",
            "Title",
            "Choice",
            "Rationale",
            "Decided by",
            "Decided on",
            "Outcome",
        ],
        widths: vec![10.0, 11.0, 10.0, 18.0, 40.0, 11.0, 50.0, 18.0, 11.0, 50.0],
        rows: Vec::new(),
    };
    let mut meeting_list = meetings::list(db)?;
    meeting_list.sort_by(|a, b| (&a.held_on, &a.id).cmp(&(&b.held_on, &b.id)));
    for summary in meeting_list {
        let meeting = meetings::minutes(db, &MeetingRef { id: summary.id.clone() })?;
        for d in &meeting.decisions {
            decisions.rows.push(vec![
                text(&meeting.id),
                Cell::Date(meeting.held_on.clone()),
                text(&d.id),
                text(&d.item),
                text(&d.title),
                text(words(&d.decision)),
                text(&d.rationale),
                text(&d.decided_by),
                Cell::Date(d.decided_at.chars().take(10).collect()),
                text(&d.outcome),
            ]);
        }
    }
    Ok(vec![portfolio, value, risks, decisions])
}

fn date(s: &str) -> Option<ExcelDateTime> {
    let mut parts = s.split('-');
    let y: u16 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next().map_or(Some(1), |d| d.get(..2).and_then(|d| d.parse().ok()))?;
    ExcelDateTime::from_ymd(y, m, d).ok()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, currency: &str) -> Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    let header = Format::new().set_bold().set_background_color("#E8E8E8").set_align(FormatAlign::Top).set_text_wrap();
    let money = Format::new().set_num_format(format!("\"{currency}\" #,##0.00"));
    let percent = Format::new().set_num_format("0.0%");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let number = Format::new().set_num_format("General");
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
        ws.set_column_width(c as u16, sheet.widths.get(c).copied().unwrap_or(12.0))?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                // Always a string cell: never a formula, whatever the text starts with.
                Cell::Text(t) => {
                    ws.write_string(r, c, t.as_str())?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, c, *n, &number)?;
                }
                Cell::Money(m) => {
                    ws.write_number_with_format(r, c, m.cents() as f64 / 100.0, &money)?;
                }
                Cell::Percent(Some(p)) => {
                    ws.write_number_with_format(r, c, *p, &percent)?;
                }
                Cell::Date(d) => match date(d) {
                    Some(when) => {
                        ws.write_date_with_format(r, c, &when, &day)?;
                    }
                    None => {
                        ws.write_string(r, c, d.as_str())?;
                    }
                },
                Cell::Percent(None) | Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = sheet.headers.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
    Ok(())
}

/// The workbook's bytes.
pub fn render(sheets: &[Sheet], currency: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    for sheet in sheets {
        write_sheet(book.add_worksheet(), sheet, currency)?;
    }
    book.save_to_buffer()
}

/// Writes the workbook through the shared writer and records it on the audit trail.
pub fn export(db: &Db, caller: &Caller, req: &WorkbookExport) -> Result<ExportOutcome, crate::ReportError> {
    let currency = programme::get(db)?.ok_or(CoreError::NoProgramme)?.currency;
    let sheets = sheets(db)?;
    let rows: usize = sheets.iter().map(|s| s.rows.len()).sum();
    let bytes = render(&sheets, &currency).map_err(|e| crate::ReportError::Workbook(e.to_string()))?;
    Ok(export_document(db, caller, &req.destination, "programme workbook XLSX", &bytes, rows as u32)?)
}
