//! How the CLI prints: JSON for scripts (`--json`), aligned plain-text tables for people. A
//! closed pipe (`steerco usecase list | head`) ends output quietly instead of panicking.

use std::io::{self, Write};

use serde::Serialize;

mod adoption;
mod compliance;
mod gates;
mod operations;
mod pilots;
mod portfolio;
mod registry;
mod steering;
mod value;
mod workshop;

pub use adoption::{signoff_review, stage_options, update_preview, withdrawn};
pub use compliance::{
    audit_log, audit_verify, bias_checks, coverage, evidence_mapping, oversight, people, risks, signoff_queue, signoffs,
};
pub use gates::{regression, tolerances};
pub use operations::{alerts, board, exported, feedback_imported, monitoring_imported, monitoring_view};
pub use pilots::{blueprint, pilots, readiness};
pub use portfolio::{backups, criteria, demo, imported, info, overview, programme, ranking, use_case, use_cases};
pub use registry::{
    adapters, diff, evaluation, lineage, lineage_check, mlflow, packs, policies, sources, version_detail, versions,
};
pub use steering::{agenda, backlog, cadence, checklist, decision, meetings, minutes};
pub use value::{dashboard, metrics_imported, use_case_value};
pub use workshop::{workshop_detail, workshops};

#[derive(Debug)]
pub struct PrintError(pub String);

pub(crate) type Printed = Result<(), PrintError>;

/// One line for people.
pub fn line(text: &str) -> Printed {
    emit(&format!("{text}\n"))
}

/// 1234567 → "1,234,567": amounts read at a glance (whole units; cents where there are some).
pub(crate) fn money(amount: steerco_core::Money) -> String {
    amount.grouped()
}

/// Writes plain text for people. Anything that came from a file (a name, a title, a config
/// value) is escaped so it cannot drive the terminal: control characters and escape sequences
/// are shown as `\u{1b}`, never sent.
pub(crate) fn emit(text: &str) -> Printed {
    let text = steerco_core::files::safe_text::for_terminal(text, true);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(PrintError(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

/// Text as it is (e.g. DOT), with a final newline.
pub fn emit_text(text: &str) -> Printed {
    if text.ends_with('\n') {
        emit(text)
    } else {
        emit(&format!("{text}\n"))
    }
}

pub fn json_value<T: Serialize + ?Sized>(value: &T) -> Printed {
    json(value)
}

pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> Printed {
    // JSON escapes control characters itself; it is written as it is.
    let text = serde_json::to_string_pretty(value).map_err(|e| PrintError(e.to_string()))?;
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(PrintError(format!("cannot write output: {e}"))),
        _ => Ok(()),
    }
}

/// Left-aligned columns, each as wide as its widest cell, separated by two spaces.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
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

#[cfg(test)]
mod tests {
    use super::{money, table};

    #[test]
    fn money_groups_thousands() {
        use steerco_core::Money;
        assert_eq!(money(Money::units(1_234_567)), "1,234,567");
        assert_eq!(money(Money::from_cents(99_950)), "999.50");
        assert_eq!(money(Money::ZERO), "0");
    }

    #[test]
    fn columns_align_on_the_widest_cell_including_multibyte_text() {
        let t = table(&["A", "B"], &[vec!["Café".into(), "x".into()], vec!["—".into(), "yy".into()]]);
        assert_eq!(t, "A     B\nCafé  x\n—     yy\n");
    }
}
