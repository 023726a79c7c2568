//! `steerco pilot kpi|incident`, `board`, `monitoring`, `feedback`, `alerts` and `alert`: a
//! pilot in operation, each subcommand one handler.

use steerco_api::types::{ExportOutcome, IncidentInput, KpiInput};
use steerco_api::use_case::UseCaseRef;
use steerco_api::{monitoring, pilot, ApiResult, Ctx};
use steerco_core::error::CoreError;
use steerco_core::pilots::operations::Severity;
use steerco_core::services::pilots::monitoring::{
    AlertAcknowledge, AlertQuery, ChartExport, MonitoringChart, MonitoringImport,
};
use steerco_core::services::pilots::operations::IncidentResolve;

use super::args::{AlertCommand, FeedbackCommand, IncidentCommand, KpiCommand, MonitoringCommand};
use crate::output;

fn better(typed: &str) -> Result<bool, CoreError> {
    match typed.trim().to_ascii_lowercase().as_str() {
        "higher" => Ok(true),
        "lower" => Ok(false),
        _ => Err(CoreError::invalid("--better", format!("{typed:?} is not higher or lower"))),
    }
}

pub fn kpi(ctx: &Ctx, command: KpiCommand) -> ApiResult<()> {
    let KpiCommand::Add { pilot: pilot_id, name, unit, baseline, target, better: typed, json } = command;
    let input = KpiInput { pilot_id, name, unit, baseline, target, higher_is_better: better(&typed)? };
    output::pilots(&[pilot::add_kpi(ctx, input)?], json)?;
    Ok(())
}

pub fn incident(ctx: &Ctx, command: IncidentCommand) -> ApiResult<()> {
    match command {
        IncidentCommand::Add {
            pilot: pilot_id,
            on,
            severity,
            compliance,
            description,
            resolution,
            resolved_on,
            json,
        } => {
            let input = IncidentInput {
                pilot_id,
                occurred_on: on,
                severity: Severity::parse_for("--severity", &severity)?,
                compliance,
                description,
                resolution,
                resolved_on,
            };
            output::pilots(&[pilot::add_incident(ctx, input)?], json)?
        }
        IncidentCommand::Resolve { id, resolution, on, json } => {
            output::pilots(&[pilot::resolve_incident(ctx, IncidentResolve { id, resolution, resolved_on: on })?], json)?
        }
    }
    Ok(())
}

pub fn board(ctx: &Ctx, json: bool) -> ApiResult<()> {
    output::board(&pilot::board(ctx, ())?, json)?;
    Ok(())
}

fn path_text(path: &std::path::Path) -> String {
    path.to_string_lossy().into_owned()
}

pub fn monitoring(ctx: &Ctx, command: MonitoringCommand) -> ApiResult<()> {
    match command {
        MonitoringCommand::Import { file, use_case, json } => {
            let req = MonitoringImport { use_case_id: use_case, path: path_text(&file) };
            output::monitoring_imported(&monitoring::import(ctx, req)?, json)?
        }
        MonitoringCommand::Show { use_case, json } => {
            output::monitoring_view(&monitoring::view(ctx, UseCaseRef { id: use_case })?, json)?
        }
        MonitoringCommand::Chart { use_case, feedback, out, json } => {
            let chart = if feedback { MonitoringChart::Feedback } else { MonitoringChart::Drift };
            let req = ChartExport { use_case_id: use_case, chart, destination: path_text(&out) };
            let saved: ExportOutcome = monitoring::export_chart(ctx, req)?;
            output::exported(&saved, json)?
        }
    }
    Ok(())
}

pub fn feedback(ctx: &Ctx, command: FeedbackCommand) -> ApiResult<()> {
    let FeedbackCommand::Import { file, use_case, json } = command;
    let req = MonitoringImport { use_case_id: use_case, path: path_text(&file) };
    output::feedback_imported(&monitoring::import_feedback(ctx, req)?, json)?;
    Ok(())
}

pub fn alerts(ctx: &Ctx, use_case: Option<String>, all: bool, json: bool) -> ApiResult<()> {
    output::alerts(&monitoring::alerts(ctx, AlertQuery { use_case_id: use_case, all })?, json)?;
    Ok(())
}

pub fn alert(ctx: &Ctx, command: AlertCommand) -> ApiResult<()> {
    let AlertCommand::Acknowledge { id, note, json } = command;
    output::alerts(&[monitoring::acknowledge(ctx, AlertAcknowledge { id, note })?], json)?;
    Ok(())
}
