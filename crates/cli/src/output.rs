//! How the CLI prints: JSON for scripts (`--json`), aligned plain-text tables for people. A
//! closed pipe (`steerco usecase list | head`) ends output quietly instead of panicking.

use std::io::{self, Write};

use serde::Serialize;
use steerco_api::portfolio::PortfolioInfo;
use steerco_core::domain::UseCase;
use steerco_core::overview::ProgrammeOverview;

#[derive(Debug)]
pub struct PrintError(pub String);

type Printed = Result<(), PrintError>;

fn emit(text: &str) -> Printed {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(PrintError(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

fn json<T: Serialize + ?Sized>(value: &T) -> Printed {
    let text = serde_json::to_string_pretty(value).map_err(|e| PrintError(e.to_string()))?;
    emit(&(text + "\n"))
}

/// Left-aligned columns, each as wide as its widest cell, separated by two spaces.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> =
            cells.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count()))).collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut text = line(header.to_vec());
    for row in rows {
        text += &line(row.iter().map(String::as_str).collect());
    }
    text
}

pub fn use_cases(cases: &[UseCase], as_json: bool) -> Printed {
    if as_json {
        return json(cases);
    }
    let rows: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.title.clone(),
                c.business_unit.clone(),
                c.lane.to_string(),
                c.stage.to_string(),
                c.executive_sponsor.clone().unwrap_or_else(|| "—".into()),
                c.product_owner.clone().unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    let header = ["ID", "TITLE", "BUSINESS UNIT", "LANE", "STAGE", "SPONSOR", "PRODUCT OWNER"];
    emit(&(table(&header, &rows) + &format!("{} use cases\n", cases.len())))
}

pub fn overview(o: &ProgrammeOverview, as_json: bool) -> Printed {
    if as_json {
        return json(o);
    }
    let mut text = format!("{} ({}) — {} use cases\n\n", o.programme.name, o.programme.currency, o.total);
    let lanes: Vec<Vec<String>> = o.by_lane.iter().map(|c| vec![c.lane.to_string(), c.count.to_string()]).collect();
    text += &table(&["LANE", "USE CASES"], &lanes);
    text += "\n";
    let stages: Vec<Vec<String>> = o.by_stage.iter().map(|c| vec![c.stage.to_string(), c.count.to_string()]).collect();
    text += &table(&["STAGE", "USE CASES"], &stages);
    emit(&text)
}

pub fn info(i: &PortfolioInfo, as_json: bool) -> Printed {
    if as_json {
        return json(i);
    }
    let programme =
        i.programme.as_ref().map_or("(not initialised)".to_owned(), |p| format!("{} ({})", p.name, p.currency));
    emit(&format!(
        "File:       {}\nSchema:     version {}\nProgramme:  {}\nUse cases:  {}\n",
        i.path.as_deref().unwrap_or("(in memory)"),
        i.schema_version,
        programme,
        i.use_case_count
    ))
}

#[cfg(test)]
mod tests {
    use super::table;

    #[test]
    fn columns_align_on_the_widest_cell_including_multibyte_text() {
        let t = table(&["A", "B"], &[vec!["Café".into(), "x".into()], vec!["—".into(), "yy".into()]]);
        assert_eq!(t, "A     B\nCafé  x\n—     yy\n");
    }
}
