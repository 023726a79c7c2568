//! `steerco workshop …` as clap parses it: discovery workshops, ratings and rating sheets.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum WorkshopCommand {
    /// Set up a workshop.
    Create {
        #[arg(long)]
        title: String,
        /// ISO date, e.g. 2026-11-30.
        #[arg(long)]
        date: String,
        #[arg(long)]
        facilitator: String,
        /// A participant (repeat for each).
        #[arg(long = "participant", value_name = "NAME", required = true)]
        participants: Vec<String>,
        /// A use case on the agenda (repeat); default: every use case in discovery.
        #[arg(long = "use-case", value_name = "ID")]
        use_cases: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// The workshop's consensus: medians, spreads and "discuss" flags.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Record one rating from the facilitator's screen.
    Rate {
        id: String,
        #[arg(long)]
        participant: String,
        #[arg(long = "use-case", value_name = "ID")]
        use_case: String,
        #[arg(long)]
        criterion: String,
        /// 1–5.
        #[arg(long)]
        rating: u8,
    },
    /// Write a participant's rating sheet to fill in offline: XLSX (with a 1–5 drop-down per
    /// rating) when the file name ends in .xlsx, else CSV.
    SheetExport {
        id: String,
        #[arg(long)]
        participant: String,
        #[arg(value_name = "FILE.csv|FILE.xlsx")]
        file: PathBuf,
    },
    /// Read a filled rating sheet back (CSV or XLSX); all-or-nothing.
    SheetImport {
        id: String,
        #[arg(value_name = "FILE.csv|FILE.xlsx")]
        file: PathBuf,
    },
}
