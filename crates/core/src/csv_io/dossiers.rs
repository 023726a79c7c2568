//! The portfolio as CSV. Import reads the thirteen dossier columns (and ignores the four that
//! export adds, so an export can be imported again); export writes the dossiers in rank order
//! with their score, rank, lane and payback.

use super::{number, reason_of, write, Table};
use crate::domain::{rating, DossierInput, Lane, Ratings, RiskClass, Stage};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;

pub const COLUMNS: [&str; 13] = [
    "title",
    "business_unit",
    "executive_sponsor",
    "product_owner",
    "annual_value",
    "one_time_cost",
    "monthly_run_cost",
    "value_rating",
    "criticality_rating",
    "guardrail_rating",
    "data_readiness",
    "risk_class",
    "description",
];

pub const EXPORT_COLUMNS: [&str; 4] = ["score", "rank", "lane", "payback_months"];

/// A dossier read from a row; `lane` carries the file's `lane` column when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDossier {
    pub row: usize,
    pub input: DossierInput,
}

/// Parses a whole file; any problem anywhere fails the whole file, listing every problem.
pub fn parse(bytes: &[u8]) -> CoreResult<Vec<ImportedDossier>> {
    let table = Table::read(bytes, &COLUMNS, &EXPORT_COLUMNS)?;
    let mut problems = Vec::new();
    let mut dossiers = Vec::new();
    for (row, record) in &table.rows {
        let mut errors = Vec::new();
        let cell = |column: &str| table.field(record, column).to_owned();
        // A row is named by its title as well as its number, as a person scanning the sheet
        // looks for it.
        let title = cell("title");
        let row = if title.is_empty() { row.to_string() } else { format!("{row} ({})", shorten(&title)) };
        let row = row.as_str();
        let mut money = |column: &str| -> Money {
            let text = cell(column);
            let parsed = if text.is_empty() {
                Err("is required".to_owned())
            } else {
                Money::parse(column, &text).map_err(|e| reason_of(&e)).and_then(|m| {
                    if m < Money::ZERO {
                        Err(format!("must be 0 or more, not {text}"))
                    } else {
                        Ok(m)
                    }
                })
            };
            parsed.unwrap_or_else(|reason| {
                errors.push(format!("row {row}, column {column}: {reason}"));
                Money::ZERO
            })
        };
        let annual_value = money("annual_value");
        let one_time_cost = money("one_time_cost");
        let monthly_run_cost = money("monthly_run_cost");
        let mut check = |column: &str, result: Result<f64, String>| -> f64 {
            result.unwrap_or_else(|reason| {
                errors.push(format!("row {row}, column {column}: {reason}"));
                0.0
            })
        };
        let one_to_five =
            |column: &str, text: String| number(&text).and_then(|n| rating(column, n).map_err(|e| reason_of(&e)));
        let ratings = Ratings {
            value: check("value_rating", one_to_five("value_rating", cell("value_rating"))),
            criticality: check("criticality_rating", one_to_five("criticality_rating", cell("criticality_rating"))),
            guardrail: check("guardrail_rating", one_to_five("guardrail_rating", cell("guardrail_rating"))),
        };
        let data_readiness = match cell("data_readiness").as_str() {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(n) if (1..=5).contains(&n) => Some(n),
                _ => {
                    errors.push(format!(
                        "row {row}, column data_readiness: must be a whole number from 1 to 5, not {text:?}"
                    ));
                    None
                }
            },
        };
        let risk_class = match cell("risk_class").as_str() {
            "" => None,
            text => RiskClass::parse_for("risk_class", text)
                .map_err(|e| errors.push(format!("row {row}, column risk_class: {}", reason_of(&e))))
                .ok(),
        };
        let lane = match (table.has("lane"), cell("lane").as_str()) {
            (false, _) | (true, "") => Lane::Portfolio,
            (true, text) => Lane::parse_for("lane", text)
                .map_err(|e| errors.push(format!("row {row}, column lane: {}", reason_of(&e))))
                .unwrap_or(Lane::Portfolio),
        };
        let input = DossierInput {
            title: cell("title"),
            business_unit: cell("business_unit"),
            description: cell("description"),
            workflow: String::new(),
            executive_sponsor: Some(cell("executive_sponsor")),
            product_owner: Some(cell("product_owner")),
            annual_value,
            one_time_cost,
            monthly_run_cost,
            ratings,
            data_readiness,
            data_readiness_notes: String::new(),
            risk_class,
            risk_notes: String::new(),
            stage: Stage::Discovery,
            lane,
        };
        if errors.is_empty() {
            match input.validated() {
                Ok(input) => dossiers.push(ImportedDossier { row: row_number(row), input }),
                Err(CoreError::Invalid { field, reason }) => {
                    errors.push(format!("row {row}, column {field}: {reason}"))
                }
                Err(other) => errors.push(format!("row {row}: {other}")),
            }
        }
        problems.extend(errors);
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    Ok(dossiers)
}

fn row_number(label: &str) -> usize {
    label.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// A title short enough to name a row in a message.
fn shorten(title: &str) -> String {
    const MAX: usize = 40;
    if title.chars().count() <= MAX {
        title.to_owned()
    } else {
        format!("{}…", title.chars().take(MAX - 1).collect::<String>())
    }
}

/// One exported row: a dossier with its ranking facts.
pub struct ExportRow<'a> {
    pub input: &'a DossierInput,
    pub score: f64,
    pub rank: u32,
    pub lane: Lane,
    pub payback_months: Option<f64>,
}

pub fn export(rows: &[ExportRow<'_>]) -> CoreResult<Vec<u8>> {
    let header: Vec<&str> = COLUMNS.iter().chain(EXPORT_COLUMNS.iter()).copied().collect();
    let records: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let d = r.input;
            vec![
                d.title.clone(),
                d.business_unit.clone(),
                d.executive_sponsor.clone().unwrap_or_default(),
                d.product_owner.clone().unwrap_or_default(),
                d.annual_value.to_string(),
                d.one_time_cost.to_string(),
                d.monthly_run_cost.to_string(),
                d.ratings.value.to_string(),
                d.ratings.criticality.to_string(),
                d.ratings.guardrail.to_string(),
                d.data_readiness.map(|n| n.to_string()).unwrap_or_default(),
                d.risk_class.map(|c| c.to_string()).unwrap_or_default(),
                d.description.clone(),
                format!("{:.1}", r.score),
                r.rank.to_string(),
                r.lane.to_string(),
                r.payback_months.map(|m| format!("{m:.1}")).unwrap_or_default(),
            ]
        })
        .collect();
    write(&header, &records)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description";

    #[test]
    fn reads_quotes_commas_newlines_crlf_and_the_bom() {
        let csv = format!(
            "\u{feff}{HEADER}\r\n\"Claims triage, phase 2\",Insurance,Henrik,Aisha,1200000,400000,20000,4,3,2,3,limited,\"Line one\r\nline \"\"two\"\"\"\r\n\r\n"
        );
        let rows = parse(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        let d = &rows[0].input;
        assert_eq!(d.title, "Claims triage, phase 2");
        assert_eq!(d.description, "Line one\r\nline \"two\"");
        assert_eq!((d.annual_value, d.ratings.guardrail, d.data_readiness), (Money::units(1_200_000), 2.0, Some(3)));
        assert_eq!(d.risk_class, Some(RiskClass::Limited));
        assert_eq!(d.stage, Stage::Discovery);
    }

    #[test]
    fn every_problem_is_listed_by_row_and_column() {
        let csv = format!(
            "{HEADER}\nGood,Unit,,,100,10,1,3,3,3,,,\n,Unit,,,abc,10,1,7,3,3,9,severe,\nAlso good,Unit,,,100,10,1,3,3,3,,minimal,\n"
        );
        let err = parse(csv.as_bytes()).unwrap_err();
        let CoreError::InvalidRows(problems) = err else { panic!("expected row problems, got {err}") };
        assert_eq!(
            problems,
            [
                "row 3, column annual_value: \"abc\" is not an amount (digits with at most two decimals, e.g. 1250000.50)",
                "row 3, column value_rating: must be a rating from 1 to 5, not 7",
                "row 3, column data_readiness: must be a whole number from 1 to 5, not \"9\"",
                "row 3, column risk_class: \"severe\" is not one of minimal, limited, high, prohibited",
            ]
        );
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        // Row 2 spans two lines (a quoted line break); row 3 is blank; row 4 is the bad one.
        let csv = format!("{HEADER}\nGood,Unit,,,1,1,0,3,3,3,,,\"two\nlines\"\n\nBad,Unit,,,x,1,0,3,3,3,,,\n");
        let CoreError::InvalidRows(problems) = parse(csv.as_bytes()).unwrap_err() else { panic!() };
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("row 4 (Bad), column annual_value:"), "{problems:?}");
    }

    #[test]
    fn a_missing_title_is_reported_after_the_field_checks_pass() {
        let csv = format!("{HEADER}\n  ,Unit,,,100,10,1,3,3,3,,,\n");
        let CoreError::InvalidRows(problems) = parse(csv.as_bytes()).unwrap_err() else { panic!() };
        assert_eq!(problems, ["row 2, column title: is required"]);
    }

    #[test]
    fn header_problems_are_reported_before_any_row() {
        let csv = "title,business_unit,colour\nx,y,z\n";
        let CoreError::InvalidRows(problems) = parse(csv.as_bytes()).unwrap_err() else { panic!() };
        assert_eq!(problems[0], "row 1, column 3: \"colour\" is not a known column");
        assert!(problems.iter().any(|p| p == "row 1, column annual_value: is missing from the header"));
    }

    #[test]
    fn a_semicolon_separated_file_gets_a_hint() {
        let csv = HEADER.replace(',', ";") + "\n";
        let CoreError::InvalidRows(problems) = parse(csv.as_bytes()).unwrap_err() else { panic!() };
        assert_eq!(problems[0], "row 1: the columns are separated by semicolons; save the file as comma-separated CSV");
    }

    #[test]
    fn a_short_row_is_refused() {
        let csv = format!("{HEADER}\nOnly,two\n");
        let CoreError::InvalidRows(problems) = parse(csv.as_bytes()).unwrap_err() else { panic!() };
        assert_eq!(problems, ["row 2: has 2 fields, the header has 13"]);
        let long = format!("{HEADER}\n{},U,,,-1,0,0,3,3,3,,,\n", "T".repeat(60));
        let CoreError::InvalidRows(problems) = parse(long.as_bytes()).unwrap_err() else { panic!() };
        assert!(
            problems[0].starts_with(&format!("row 2 ({}…), column annual_value: must be 0 or more", "T".repeat(39)))
        );
    }

    #[test]
    fn export_then_parse_gives_the_same_dossiers() {
        let csv = format!("{HEADER}\n\"A, with comma\",U,S,P,1200000.5,400000,20000,2.5,3,2,,high,\"multi\nline\"\n");
        let parsed = parse(csv.as_bytes()).unwrap();
        let input = &parsed[0].input;
        let exported =
            export(&[ExportRow { input, score: 50.0, rank: 1, lane: Lane::Portfolio, payback_months: Some(4.25) }])
                .unwrap();
        let text = String::from_utf8(exported.clone()).unwrap();
        assert!(text.lines().next().unwrap().ends_with("description,score,rank,lane,payback_months"));
        assert!(text.contains(",50.0,1,portfolio,4.2") || text.contains(",50.0,1,portfolio,4.3"));
        let again = parse(&exported).unwrap();
        assert_eq!(&again[0].input, input);
    }
}
