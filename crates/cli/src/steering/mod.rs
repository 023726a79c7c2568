//! The steering subcommands (metrics, value, dashboard, chart, meeting, backlog, checklist,
//! cadence), each one call to a steerco-api handler.

pub mod args;

use steerco_api::types::{
    ActionInput, BacklogInput, CadenceInput, DecisionInput, MeetingInput, MeetingRef, MetricsImport, MonthInput,
    ValueChart, ValueChartExport,
};
use steerco_api::use_case::UseCaseRef;
use steerco_api::{meeting, steering, value, ApiResult, Ctx};
use steerco_core::error::CoreError;
use steerco_core::steering::{BacklogEstimate, CadenceKind, DecisionChoice};
use steerco_core::value::KpiValue;
use steerco_core::Money;

use crate::output;
use args::{BacklogCommand, CadenceCommand, ChartCommand, MeetingCommand, MetricsCommand, ValueCommand};

fn path_text(path: &std::path::Path) -> String {
    path.to_string_lossy().into_owned()
}

fn amount(flag: &str, text: Option<String>) -> Result<Option<Money>, CoreError> {
    text.map(|t| Money::parse(flag, &t)).transpose()
}

pub fn metrics(ctx: &Ctx, command: MetricsCommand) -> ApiResult<()> {
    let MetricsCommand::Import { file, replace, dry_run, json } = command;
    let req = MetricsImport { path: path_text(&file), replace, dry_run };
    output::metrics_imported(&value::import(ctx, req)?, json)?;
    Ok(())
}

pub fn value_command(ctx: &Ctx, command: ValueCommand) -> ApiResult<()> {
    match command {
        ValueCommand::Show { use_case, json } => {
            output::use_case_value(&value::get(ctx, UseCaseRef { id: use_case })?, json)?
        }
        ValueCommand::Record { use_case, month, benefit, cost, highlight, kpis, replace, json } => {
            let kpis = kpis
                .iter()
                .map(|k| {
                    let (name, v) = k
                        .split_once('=')
                        .ok_or_else(|| CoreError::invalid("--kpi", format!("{k:?} is not NAME=VALUE")))?;
                    let value = v
                        .trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .ok_or_else(|| CoreError::invalid("--kpi", format!("{v:?} is not a number")))?;
                    Ok(KpiValue { kpi: name.trim().to_owned(), value })
                })
                .collect::<Result<Vec<_>, CoreError>>()?;
            let req = MonthInput {
                use_case_id: use_case,
                month,
                benefit: Money::parse("--benefit", &benefit)?,
                cost: Money::parse("--cost", &cost)?,
                highlight,
                kpis,
                replace,
            };
            output::use_case_value(&value::record_month(ctx, req)?, json)?
        }
    }
    Ok(())
}

pub fn dashboard(ctx: &Ctx, json: bool) -> ApiResult<()> {
    output::dashboard(&steering::dashboard(ctx, ())?, json)?;
    Ok(())
}

pub fn chart(ctx: &Ctx, command: ChartCommand) -> ApiResult<()> {
    let (chart, out) = match command {
        ChartCommand::Roi { use_case, out } => (ValueChart::Roi { use_case_id: use_case }, out),
        ChartCommand::PortfolioRoi { out } => (ValueChart::PortfolioRoi, out),
        ChartCommand::Kpi { use_case, kpi, out } => (ValueChart::Kpi { use_case_id: use_case, kpi }, out),
    };
    let saved = value::export_chart(ctx, ValueChartExport { chart, destination: path_text(&out) })?;
    output::exported(&saved, false)?;
    Ok(())
}

pub fn meeting_command(ctx: &Ctx, command: MeetingCommand) -> ApiResult<()> {
    match command {
        MeetingCommand::New { date, attendees, json } => {
            output::agenda(&meeting::create(ctx, MeetingInput { held_on: date, attendees })?, json)?
        }
        MeetingCommand::List { json } => output::meetings(&meeting::list(ctx, ())?, json)?,
        MeetingCommand::Agenda { id, json } => output::agenda(&meeting::agenda(ctx, MeetingRef { id })?, json)?,
        MeetingCommand::Decide { id, item, decision, rationale, json } => {
            let decision = DecisionChoice::parse_for("--decision", &decision)?;
            let req = DecisionInput { meeting_id: id, item, decision, rationale };
            output::decision(&meeting::decide(ctx, req)?, json)?
        }
        MeetingCommand::Action { id, owner, due, description, json } => {
            let req = ActionInput { meeting_id: id, description, owner, due_on: due };
            output::minutes(&meeting::add_action(ctx, req)?, json)?
        }
        MeetingCommand::Close { id, json } => output::minutes(&meeting::close(ctx, MeetingRef { id })?, json)?,
        MeetingCommand::Minutes { id, json } => output::minutes(&meeting::minutes(ctx, MeetingRef { id })?, json)?,
    }
    Ok(())
}

pub fn backlog(ctx: &Ctx, command: BacklogCommand) -> ApiResult<()> {
    match command {
        BacklogCommand::Add {
            title,
            rationale,
            proposer,
            sponsor,
            business_unit,
            annual_value,
            one_time_cost,
            monthly_run_cost,
            json,
        } => {
            let estimate = BacklogEstimate {
                business_unit,
                annual_value: amount("--annual-value", annual_value)?,
                one_time_cost: amount("--one-time-cost", one_time_cost)?,
                monthly_run_cost: amount("--monthly-run-cost", monthly_run_cost)?,
            };
            let item = meeting::propose(ctx, BacklogInput { title, proposer, rationale, sponsor, estimate })?;
            output::backlog(&[item], json)?
        }
        BacklogCommand::List { json } => output::backlog(&meeting::backlog(ctx, ())?, json)?,
    }
    Ok(())
}

pub fn checklist(ctx: &Ctx, json: bool) -> ApiResult<()> {
    output::checklist(&steering::checklist(ctx, ())?, json)?;
    Ok(())
}

pub fn cadence(ctx: &Ctx, command: CadenceCommand) -> ApiResult<()> {
    match command {
        CadenceCommand::Add { kind, date, audience, attendance, outcomes, json } => {
            let input = CadenceInput {
                kind: CadenceKind::parse_for("--kind", &kind)?,
                held_on: date,
                audience,
                attendance,
                outcomes,
            };
            output::cadence(&steering::add_cadence(ctx, input)?, json)?
        }
        CadenceCommand::List { json } => output::cadence(&steering::cadence(ctx, ())?, json)?,
    }
    Ok(())
}
