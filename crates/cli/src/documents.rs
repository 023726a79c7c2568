//! `steerco export pack` and `steerco verify-pack`: the regulator pack out, and a file that comes
//! back checked against the portfolio it claims to come from.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Subcommand;
use steerco_api::report::{DeckExport, DocumentVerification, PackExport, VerifyRequest, WorkbookExport};
use steerco_api::{ApiResult, Ctx};

use crate::output;

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The regulator pack: one EU AI Act Annex IV dossier per use case, as PDF
    Pack {
        /// Where the PDF goes.
        #[arg(long)]
        out: PathBuf,
        /// A use case to include (repeat for several); every use case in the pilot stage or
        /// later when none is named.
        #[arg(long = "use-case")]
        use_cases: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// The monthly steering deck: landscape slides, as PDF
    Deck {
        /// The month it reports on (YYYY-MM).
        #[arg(long)]
        month: String,
        /// Where the PDF goes.
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The programme workbook (XLSX): ranked portfolio, value by month, risk register, decisions
    Workbook {
        /// Where the XLSX goes.
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn export(ctx: &Ctx, command: ExportCommand) -> ApiResult<()> {
    match command {
        ExportCommand::Pack { out, use_cases, json } => {
            let req = PackExport { destination: out.display().to_string(), use_cases };
            // A person at a terminal sees where a long export is, at most a second apart.
            let show = std::io::stderr().is_terminal();
            let mut last = Instant::now();
            let exported = steerco_api::report::export_pack_with(ctx, req, &mut |p| {
                if show && last.elapsed() >= Duration::from_millis(500) {
                    eprint!(
                        "\rsteerco: {}/{} {}\x1b[K",
                        p.done,
                        p.total,
                        steerco_core::files::safe_text::for_terminal(&p.step, false)
                    );
                    last = Instant::now();
                }
                true
            })?;
            if show {
                eprint!("\r\x1b[K");
            }
            if json {
                output::json_value(&exported)?;
            } else {
                output::line(&format!(
                    "Exported the regulator pack to {} ({} pages, {} bytes).\nFile SHA-256:  {}\nFingerprint:   {} (over {} records)\nRecorded as {}; `steerco verify-pack` checks it.",
                    exported.path, exported.pages, exported.bytes, exported.sha256, exported.fingerprint, exported.records, exported.export_id
                ))?;
            }
        }
        ExportCommand::Deck { month, out, json } => {
            let req = DeckExport { destination: out.display().to_string(), month };
            let exported = steerco_api::report::export_deck_with(ctx, req, &mut |_| true)?;
            if json {
                output::json_value(&exported)?;
            } else {
                output::line(&format!(
                    "Exported the steering deck to {} ({} slides, {} bytes).\nFile SHA-256:  {}\nFingerprint:   {}\nRecorded as {}.",
                    exported.path, exported.pages, exported.bytes, exported.sha256, exported.fingerprint, exported.export_id
                ))?;
            }
        }
        ExportCommand::Workbook { out } => {
            let req = WorkbookExport { destination: out.display().to_string() };
            let written = steerco_api::report::export_workbook(ctx, req)?;
            output::line(&format!(
                "Exported the workbook to {} ({} rows in 4 sheets, {} bytes, sha256 {}).",
                written.path, written.items, written.bytes, written.sha256
            ))?;
        }
    }
    Ok(())
}

/// Exit 0 only when the file is exactly a recorded export.
pub fn verify(ctx: &Ctx, file: PathBuf, json: bool) -> ApiResult<ExitCode> {
    let v = steerco_api::report::verify(ctx, VerifyRequest { path: file.display().to_string() })?;
    if json {
        output::json_value(&v)?;
    } else {
        output::line(&describe(&v))?;
    }
    Ok(if v.matches { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn describe(v: &DocumentVerification) -> String {
    let mut out = Vec::new();
    match (&v.export, v.matches) {
        (Some(e), true) => {
            out.push(format!(
                "MATCHES: {} is exactly {} ({}), exported on {} by {}.",
                v.path,
                e.id,
                e.kind.as_str(),
                e.exported_at,
                e.exported_by
            ));
            out.push(format!("File SHA-256: {}", v.sha256));
            out.push(format!("Fingerprint:  {}", e.fingerprint));
        }
        _ => {
            out.push(format!("DOES NOT MATCH: {}", v.path));
            out.push(format!(
                "Reason: {}",
                v.reason.as_deref().unwrap_or("not a document exported from this portfolio")
            ));
            out.push(format!("File SHA-256: {}", v.sha256));
        }
    }
    if let Some(d) = &v.data {
        if d.none() {
            out.push("The data it was built from has not changed since.".into());
        } else {
            out.push("The data has changed since it was exported:".into());
            for (label, ids) in [("changed", &d.changed), ("added", &d.added), ("removed", &d.removed)] {
                if !ids.is_empty() {
                    out.push(format!("  {label}: {}", ids.join(", ")));
                }
            }
        }
    }
    out.join("\n")
}
