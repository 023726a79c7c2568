//! The `steerco` command. Parsing lives in `args`, printing in `output`; every subcommand is one
//! call to a steerco-api handler, so the CLI and the desktop app cannot disagree.
//!
//! Exit status: 0 on success, 2 when the input is refused (the message names the field, row or
//! file and the reason), 1 for any other failure.

mod args;
mod compliance;
mod documents;
mod dossier_edit;
mod output;
mod pilots;
mod registry;
mod steering;
mod workshop_args;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use steerco_api::portfolio::Opening;
use steerco_api::use_case::UseCaseRef;
use steerco_api::{ApiError, ApiResult, Ctx, ErrorCode, Paths};
use steerco_core::domain::{CriterionKey, ProgrammeField};
use steerco_core::services::discovery::exchange::{DuplicateAction, ExportRequest, ImportRequest};
use steerco_core::services::discovery::programme::ProgrammeChange;
use steerco_core::services::discovery::scoring::{RankRequest, Weight, WeightsUpdate};
use steerco_core::services::discovery::use_cases::{OverrideRequest, RevokeOverrideRequest, UseCaseUpdate};
use steerco_core::services::discovery::withdrawal::WithdrawRequest;
use steerco_core::services::discovery::workshops::{RateRequest, SheetExportRequest, SheetImportRequest, WorkshopRef};
use steerco_core::services::portfolio::{DemoRequest, SaveCopyRequest};
use steerco_core::store::WaitObserver;
use steerco_core::workshop::{NewWorkshop, RatingEntry};

use args::{BackupCommand, Cli, Command, ProgrammeCommand, UsecaseCommand, WeightsCommand, WorkshopCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("steerco: {}", steerco_core::files::safe_text::for_terminal(&e.message, true));
            ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
    }
}

/// Tells the person at the terminal that a write is waiting for another Steerco, once.
struct StderrWaiting;

impl WaitObserver for StderrWaiting {
    fn waiting(&self, path: &Path) {
        eprintln!("steerco: waiting for another Steerco to finish writing to {}…", path.display());
    }

    fn done_waiting(&self) {
        eprintln!("steerco: … done waiting; carrying on.");
    }
}

fn run(cli: Cli) -> ApiResult<ExitCode> {
    let paths = Paths::platform();
    let db_path = cli.db.clone().unwrap_or_else(|| paths.default_portfolio());
    let as_person = cli.as_person.clone();
    let read_only = cli.read_only;
    let open = |create: bool| {
        let opening = match (create, read_only) {
            (_, true) => Opening::ReadOnly,
            (true, false) => Opening::CreateIfMissing,
            (false, false) => Opening::Existing,
        };
        steerco_api::portfolio::open_file(&paths, &db_path, opening).map(|mut ctx| {
            ctx.user = as_person.clone().filter(|n| !n.trim().is_empty());
            ctx.db.set_wait_observer(std::sync::Arc::new(StderrWaiting));
            ctx
        })
    };
    match cli.command {
        Command::Init { name, currency } => {
            let programme = steerco_api::portfolio::new_programme(&name, &currency)?;
            let outcome = steerco_api::portfolio::init(&open(true)?, programme)?;
            let verb =
                if outcome.created { "Created portfolio" } else { "Already a Steerco portfolio; nothing changed:" };
            output::line(&format!("{verb} {} ({:?}).", db_path.display(), outcome.programme.name))?;
        }
        Command::Demo { force, scale } => {
            let req = DemoRequest { force, scale };
            req.validated()?;
            let created = !db_path.exists();
            let loaded = open(true).and_then(|ctx| steerco_api::portfolio::load_demo(&ctx, req));
            match loaded {
                Ok(outcome) => output::demo(&outcome, &db_path)?,
                Err(e) => {
                    if created {
                        // Leave no half-made portfolio behind for the app's first run to trip on.
                        steerco_api::portfolio::discard_new_file(&db_path);
                    }
                    return Err(e);
                }
            }
        }
        Command::Info { json } => output::info(&steerco_api::portfolio::info(&open(false)?, ())?, json)?,
        Command::Overview { json } => output::overview(&steerco_api::programme::overview(&open(false)?, ())?, json)?,
        Command::Copy { destination } => {
            let req = SaveCopyRequest { destination: destination.display().to_string() };
            let saved = steerco_api::portfolio::save_copy(&open(false)?, req)?;
            output::line(&format!("Saved a copy to {} ({} bytes, sha256 {}).", saved.path, saved.bytes, saved.sha256))?;
        }
        Command::Backup(command) => backup(&open(false)?, command)?,
        Command::Programme(ProgrammeCommand::Show { json }) => {
            output::programme(&steerco_api::programme::get(&open(false)?, ())?, json)?
        }
        Command::Programme(ProgrammeCommand::Set { name, currency, horizon, backups_kept, research_review_months }) => {
            let changes: Vec<ProgrammeField> = [
                name.map(ProgrammeField::Name),
                currency.map(ProgrammeField::Currency),
                horizon.map(ProgrammeField::PaybackHorizonMonths),
                backups_kept.map(ProgrammeField::BackupsKept),
                research_review_months.map(ProgrammeField::ResearchReviewMonths),
            ]
            .into_iter()
            .flatten()
            .collect();
            let updated = steerco_api::programme::update(&open(false)?, ProgrammeChange { changes, loaded: None })?;
            output::programme(&updated, false)?
        }
        Command::Usecase(command) => usecase(&open(false)?, command)?,
        Command::Weights(WeightsCommand::Show { json }) => {
            output::criteria(&steerco_api::scoring::criteria(&open(false)?, ())?, json)?
        }
        Command::Weights(WeightsCommand::Set { weights }) => {
            let weights = weights.iter().map(|w| parse_weight(w)).collect::<ApiResult<Vec<_>>>()?;
            let req = WeightsUpdate { weights, loaded: None };
            output::criteria(&steerco_api::scoring::set_weights(&open(false)?, req)?, false)?
        }
        Command::Rank { json } => {
            output::ranking(&steerco_api::scoring::rank(&open(false)?, RankRequest::default())?, json)?
        }
        Command::Matrix { destination } => {
            let req = ExportRequest { destination: destination.display().to_string() };
            let written = steerco_api::scoring::export_matrix(&open(false)?, req)?;
            output::line(&format!("Wrote the scoring matrix to {}.", written.path))?;
        }
        Command::Workshop(command) => workshop(&open(false)?, command)?,
        Command::Policy(command) => registry::policy(&open(false)?, command)?,
        Command::Source(command) => registry::source(&open(false)?, command)?,
        Command::Pack(command) => registry::pack(&open(false)?, command)?,
        Command::Adapter(command) => return registry::adapter(&open(false)?, command),
        Command::Eval(command) => registry::eval(&open(false)?, command)?,
        Command::Mlflow(command) => registry::mlflow(&open(false)?, command)?,
        Command::Lineage(args) => return registry::lineage(&open(false)?, args),
        Command::Person(command) => compliance::person(&open(false)?, command)?,
        Command::Signoff(args) => compliance::signoff(&open(false)?, args)?,
        Command::Audit(command) => return compliance::audit(&open(false)?, command),
        Command::Oversight(command) => compliance::oversight(&open(false)?, command)?,
        Command::Bias(command) => compliance::bias(&open(false)?, command)?,
        Command::Risk(command) => compliance::risk(&open(false)?, command)?,
        Command::Framework(command) => compliance::framework(&open(false)?, command)?,
        Command::Blueprint(command) => pilots::blueprint(&open(false)?, command)?,
        Command::Pilot(command) => pilots::pilot(&open(false)?, command)?,
        Command::Readiness { use_case, json } => return pilots::readiness(&open(false)?, use_case, json),
        Command::Board { json } => pilots::operations::board(&open(false)?, json)?,
        Command::Monitoring(command) => pilots::operations::monitoring(&open(false)?, command)?,
        Command::Feedback(command) => pilots::operations::feedback(&open(false)?, command)?,
        Command::Alerts { use_case, all, json } => pilots::operations::alerts(&open(false)?, use_case, all, json)?,
        Command::Alert(command) => pilots::operations::alert(&open(false)?, command)?,
        Command::Metrics(command) => steering::metrics(&open(false)?, command)?,
        Command::Value(command) => steering::value_command(&open(false)?, command)?,
        Command::Dashboard { json } => steering::dashboard(&open(false)?, json)?,
        Command::Export(command) => documents::export(&open(false)?, command)?,
        Command::VerifyPack { file, json } => return documents::verify(&open(false)?, file, json),
        Command::Chart(command) => steering::chart(&open(false)?, command)?,
        Command::Meeting(command) => steering::meeting_command(&open(false)?, command)?,
        Command::Backlog(command) => steering::backlog(&open(false)?, command)?,
        Command::Checklist { json } => steering::checklist(&open(false)?, json)?,
        Command::Cadence(command) => steering::cadence(&open(false)?, command)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn usecase(ctx: &Ctx, command: UsecaseCommand) -> ApiResult<()> {
    match command {
        UsecaseCommand::List { json } => output::use_cases(&steerco_api::use_case::list(ctx, ())?, json)?,
        UsecaseCommand::Show { id, json } => {
            output::use_case(&steerco_api::use_case::get(ctx, UseCaseRef { id })?, json)?
        }
        UsecaseCommand::Import { file, dry_run, on_duplicate } => {
            let on_duplicate = on_duplicate.map(|d| match d.as_str() {
                "skip" => DuplicateAction::Skip,
                "update" => DuplicateAction::Update,
                _ => DuplicateAction::Add,
            });
            let req = ImportRequest { path: file.display().to_string(), dry_run, on_duplicate };
            output::imported(&steerco_api::use_case::import_csv(ctx, req)?)?;
        }
        UsecaseCommand::Export { file } => {
            let outcome =
                steerco_api::use_case::export_csv(ctx, ExportRequest { destination: file.display().to_string() })?;
            output::line(&format!("Exported {} use cases to {}.", outcome.items, outcome.path))?;
        }
        UsecaseCommand::Set { id, assignments, dry_run, json } => {
            let changes = assignments.iter().map(|a| dossier_edit::parse(a)).collect::<ApiResult<Vec<_>>>()?;
            let req = UseCaseUpdate { id, changes, loaded: None };
            if dry_run {
                output::update_preview(&steerco_api::use_case::preview_update(ctx, req)?, json)?
            } else {
                output::use_case(&steerco_api::use_case::update(ctx, req)?, json)?
            }
        }
        UsecaseCommand::Stages { id, json } => {
            output::stage_options(&steerco_api::use_case::stage_options(ctx, UseCaseRef { id })?, json)?
        }
        UsecaseCommand::Withdraw { id, reason } => {
            let w = steerco_api::use_case::withdraw(ctx, WithdrawRequest { id, reason })?;
            output::line(&format!(
                "{} {} withdrawn by {}; `steerco usecase restore {}` puts it back.",
                w.id, w.title, w.withdrawn_by, w.id
            ))?
        }
        UsecaseCommand::Restore { id } => {
            let case = steerco_api::use_case::restore(ctx, UseCaseRef { id })?;
            output::line(&format!("{} {} is back in the portfolio.", case.id, case.title))?
        }
        UsecaseCommand::Withdrawn { json } => output::withdrawn(&steerco_api::use_case::withdrawn(ctx, ())?, json)?,
        UsecaseCommand::Override { id, by, reason, revoke } => {
            let case = if revoke {
                steerco_api::use_case::revoke_override(ctx, RevokeOverrideRequest { id, revoked_by: by })?
            } else {
                let reason = reason.unwrap_or_default();
                steerco_api::use_case::override_gate(ctx, OverrideRequest { id, decided_by: by, reason })?
            };
            output::line(&format!("{} is now in the {} lane.", case.id, case.lane))?;
        }
    }
    Ok(())
}

fn workshop(ctx: &Ctx, command: WorkshopCommand) -> ApiResult<()> {
    use steerco_api::workshop as handlers;
    match command {
        WorkshopCommand::Create { title, date, facilitator, participants, use_cases, json } => {
            let new = NewWorkshop { title, held_on: date, facilitator, participants, use_case_ids: use_cases };
            output::workshops(&[handlers::create(ctx, new)?], json)?
        }
        WorkshopCommand::List { json } => output::workshops(&handlers::list(ctx, ())?, json)?,
        WorkshopCommand::Show { id, json } => output::workshop_detail(&handlers::get(ctx, WorkshopRef { id })?, json)?,
        WorkshopCommand::Rate { id, participant, use_case, criterion, rating } => {
            let criterion = CriterionKey::parse_for("--criterion", &criterion)?;
            let entry = RatingEntry { participant, use_case_id: use_case, criterion, rating: Some(rating) };
            let detail = handlers::rate(ctx, RateRequest { workshop_id: id, entries: vec![entry] })?;
            output::workshop_detail(&detail, false)?
        }
        WorkshopCommand::SheetExport { id, participant, file } => {
            let req = SheetExportRequest { workshop_id: id, participant, destination: file.display().to_string() };
            output::line(&format!("Wrote the rating sheet to {}.", handlers::export_sheet(ctx, req)?.path))?
        }
        WorkshopCommand::SheetImport { id, file } => {
            let req = SheetImportRequest { workshop_id: id, path: file.display().to_string() };
            output::workshop_detail(&handlers::import_sheet(ctx, req)?, false)?
        }
    }
    Ok(())
}

/// `value=40` → (value, 40), naming the argument when it is malformed.
fn parse_weight(arg: &str) -> ApiResult<Weight> {
    let (name, weight) =
        arg.split_once('=').ok_or_else(|| ApiError::invalid("weights", format!("{arg:?} is not CRITERION=WEIGHT")))?;
    let criterion = CriterionKey::parse_for("weights", name)?;
    let weight = weight
        .trim()
        .parse::<u32>()
        .map_err(|_| ApiError::invalid(&format!("weights.{criterion}"), format!("{weight:?} is not a whole number")))?;
    Ok(Weight { criterion, weight })
}

fn backup(ctx: &Ctx, command: BackupCommand) -> ApiResult<()> {
    use steerco_core::services::portfolio::backup::RestoreRequest;
    match command {
        BackupCommand::List { json } => output::backups(&steerco_api::backup::list(ctx, ())?, json)?,
        BackupCommand::Create => {
            let b = steerco_api::backup::create(ctx, ())?;
            output::line(&format!("Backed up to {} ({} bytes).", b.path, b.bytes))?
        }
        BackupCommand::Restore { backup } => {
            let outcome = steerco_api::backup::restore(ctx, RestoreRequest { backup })?;
            output::line(&format!(
                "Restored {} (taken {}). The portfolio as it was is saved as {}.",
                outcome.restored.file_name,
                outcome.restored.taken_at.format("%Y-%m-%d %H:%M UTC"),
                outcome.previous.file_name
            ))?
        }
    }
    Ok(())
}

impl From<output::PrintError> for ApiError {
    fn from(e: output::PrintError) -> Self {
        ApiError::new(ErrorCode::Io, e.0)
    }
}
