//! The `steerco` command. Parsing and printing live here; every subcommand is one call to a
//! steerco-api handler, so the CLI and the desktop app cannot disagree.
//!
//! Exit status: 0 on success, 2 when the input is refused (the message names the field or file
//! and the reason), 1 for any other failure.

mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use steerco_api::portfolio::{DemoRequest, InitRequest, SaveCopyRequest};
use steerco_api::{ApiError, ApiResult, Ctx, Paths};

#[derive(Parser)]
#[command(name = "steerco", version, about = "Steerco: run an enterprise LoRA programme from one portfolio file.")]
struct Cli {
    /// Portfolio file. Defaults to the file the desktop app opens.
    #[arg(long, global = true, env = "STEERCO_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an empty portfolio file (refuses a file that is not a Steerco portfolio).
    Init {
        /// Programme name.
        #[arg(long, default_value = "New programme")]
        name: String,
        /// ISO 4217 currency code for every amount in the portfolio.
        #[arg(long, default_value = "EUR")]
        currency: String,
    },
    /// Load the demo portfolio (refuses a portfolio with use cases unless --force).
    Demo {
        /// Replace the use cases already in the portfolio.
        #[arg(long)]
        force: bool,
        /// Also add N synthetic use cases, for scale tests.
        #[arg(long, value_name = "N", default_value_t = 0)]
        scale: u32,
    },
    /// Describe the open portfolio: file, schema version, programme, size.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Use cases by lane and stage.
    Overview {
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the portfolio to DEST (SQLite online backup).
    Copy {
        #[arg(value_name = "DEST")]
        destination: PathBuf,
    },
    /// Use cases.
    #[command(subcommand)]
    Usecase(UsecaseCommand),
}

#[derive(Subcommand)]
enum UsecaseCommand {
    /// List every use case.
    List {
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("steerco: {}", e.message);
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> ApiResult<()> {
    let paths = Paths::platform();
    let db_path = cli.db.clone().unwrap_or_else(|| paths.default_portfolio());
    let open = |create: bool| steerco_api::portfolio::open(&paths, &db_path, create);
    match cli.command {
        Command::Init { name, currency } => {
            let req = InitRequest { name, currency };
            req.validated()?;
            let ctx = open(true)?;
            let outcome = steerco_api::portfolio::init(&ctx, req)?;
            if outcome.created {
                println!("Created portfolio {} for {:?}.", db_path.display(), outcome.programme.name);
            } else {
                println!(
                    "{} is already a Steerco portfolio ({:?}); nothing changed.",
                    db_path.display(),
                    outcome.programme.name
                );
            }
        }
        Command::Demo { force, scale } => {
            let ctx = open(true)?;
            let outcome = steerco_api::portfolio::load_demo(&ctx, DemoRequest { force, scale })?;
            println!(
                "Loaded the demo portfolio {:?} into {}: {} use cases{}{}.",
                outcome.programme.name,
                db_path.display(),
                outcome.demo_use_cases,
                plural_suffix(" and {} synthetic", outcome.synthetic_use_cases),
                plural_suffix(", replacing {} existing", outcome.replaced_use_cases),
            );
        }
        Command::Info { json } => output::info(&steerco_api::portfolio::info(&open(false)?, ())?, json)?,
        Command::Overview { json } => output::overview(&steerco_api::programme::overview(&open(false)?, ())?, json)?,
        Command::Copy { destination } => {
            let ctx: Ctx = open(false)?;
            let req = SaveCopyRequest { destination: destination.display().to_string() };
            let saved = steerco_api::portfolio::save_copy(&ctx, req)?;
            println!("Saved a copy to {} ({} bytes).", saved.path, saved.bytes);
        }
        Command::Usecase(UsecaseCommand::List { json }) => {
            output::use_cases(&steerco_api::use_case::list(&open(false)?, ())?, json)?
        }
    }
    Ok(())
}

fn plural_suffix(template: &str, n: u32) -> String {
    if n == 0 {
        String::new()
    } else {
        template.replace("{}", &n.to_string())
    }
}

impl From<output::PrintError> for ApiError {
    fn from(e: output::PrintError) -> Self {
        ApiError::new(steerco_api::ErrorCode::Io, e.0)
    }
}
