//! The registry subcommands, each one call to a steerco-api handler.

pub mod args;

use std::process::ExitCode;

use steerco_api::use_case::UseCaseRef;
use steerco_api::{
    adapter, adapter_version, deployment, evaluation, lineage, pack, policy, regression, source, ApiResult, Ctx,
};
use steerco_core::registry::{
    AdapterStatus, Classification, DataPackInput, DataSourceInput, DeploymentInput, PackApproval, PersonalData,
    PolicyCategory, PolicyInput,
};
use steerco_core::services::registry::adapters::{
    AdapterImport, AdapterRef, AdapterStatusChange, AdapterVersionDiffRequest, AdapterVersionRef, BaseModelChange,
};
use steerco_core::services::registry::evaluations::{BaselineRequest, EvaluationImport, EvaluationRef, MlflowImport};
use steerco_core::services::registry::governance::DataPackCreate;
use steerco_core::services::registry::lineage::OpenLineageExportRequest;
use steerco_core::services::registry::regression::ToleranceInput;

use crate::output;
use args::{
    AdapterCommand, EvalCommand, LineageArgs, LineageExport, MlflowCommand, PackCommand, PolicyCommand, SourceCommand,
};

fn today() -> String {
    chrono::Local::now().format("%Y-%m-%d").to_string()
}

pub fn policy(ctx: &Ctx, command: PolicyCommand) -> ApiResult<()> {
    match command {
        PolicyCommand::List { json } => output::policies(&policy::list(ctx, ())?, json)?,
        PolicyCommand::Add { title, category, owner, effective_on, version, text, json } => {
            let category = PolicyCategory::parse_for("--category", &category)?;
            let input = PolicyInput { title, body: text, category, owner, effective_on, version };
            output::policies(&[policy::create(ctx, input)?], json)?
        }
    }
    Ok(())
}

pub fn source(ctx: &Ctx, command: SourceCommand) -> ApiResult<()> {
    match command {
        SourceCommand::List { json } => output::sources(&source::list(ctx, ())?, json)?,
        SourceCommand::Add { name, system, owner, classification, policy, json } => {
            let classification = Classification::parse_for("--classification", &classification)?;
            let input = DataSourceInput { name, system, owner, classification, policy_id: policy };
            output::sources(&[source::create(ctx, input)?], json)?
        }
    }
    Ok(())
}

pub fn pack(ctx: &Ctx, command: PackCommand) -> ApiResult<()> {
    match command {
        PackCommand::List { json } => output::packs(&pack::list(ctx, ())?, json)?,
        PackCommand::Add { name, version, sources, curated_by, record_count, personal_data, file, json } => {
            let personal_data = PersonalData::parse_for("--personal-data", &personal_data)?;
            let pack_input =
                DataPackInput { name, version, source_ids: sources, curated_by, record_count, personal_data };
            let req = DataPackCreate { pack: pack_input, file_path: file.map(|f| f.display().to_string()) };
            output::packs(&[pack::create(ctx, req)?], json)?
        }
        PackCommand::Approve { id, by, on } => {
            let approval = PackApproval { data_pack_id: id, approved_by: by, approved_on: on.unwrap_or_else(today) };
            let p = pack::approve(ctx, approval)?;
            output::line(&format!(
                "{} {} {} approved by {} on {}.",
                p.id,
                p.name,
                p.version,
                p.approved_by.unwrap_or_default(),
                p.approved_on.unwrap_or_default()
            ))?
        }
    }
    Ok(())
}

pub fn adapter(ctx: &Ctx, command: AdapterCommand) -> ApiResult<ExitCode> {
    match command {
        AdapterCommand::Import { dir, name, version, use_case, data_packs, base_model, json } => {
            let req = AdapterImport {
                path: dir.display().to_string(),
                name,
                version,
                use_case_id: use_case,
                data_pack_ids: data_packs,
                base_model,
            };
            let imported = adapter::import(ctx, req)?;
            if json {
                output::json_value(&imported)?
            } else {
                output::version_detail(&adapter_version::get(ctx, AdapterVersionRef { id: imported.id })?, false)?
            }
        }
        AdapterCommand::BaseModel { id, model } => {
            let v = adapter_version::set_base_model(ctx, BaseModelChange { id, base_model: model })?;
            output::line(&format!(
                "{} ({} {}) adapts {}.",
                v.id,
                v.adapter_name,
                v.version,
                v.base_model.unwrap_or_default()
            ))?
        }
        AdapterCommand::List { json } => output::adapters(&adapter::list(ctx, ())?, json)?,
        AdapterCommand::Versions { adapter: name, json } => {
            output::versions(&adapter::versions(ctx, AdapterRef { adapter: name })?, json)?
        }
        AdapterCommand::Show { id, json } => {
            output::version_detail(&adapter_version::get(ctx, AdapterVersionRef { id })?, json)?
        }
        AdapterCommand::Diff { a, b, json } => {
            output::diff(&adapter_version::diff(ctx, AdapterVersionDiffRequest { from: a, to: b })?, json)?
        }
        AdapterCommand::Status { id, status } => {
            let status = AdapterStatus::parse_for("STATUS", &status)?;
            let v = adapter_version::set_status(ctx, AdapterStatusChange { id, status })?;
            output::line(&format!("{} ({} {}) is now {}.", v.id, v.adapter_name, v.version, v.status))?
        }
        AdapterCommand::Deploy { id, target, approved_by, on, override_rationale, json } => {
            let input = DeploymentInput {
                adapter_version_id: id,
                target,
                deployed_on: on.unwrap_or_else(today),
                approved_by,
                override_rationale,
            };
            let d = deployment::create(ctx, input)?;
            if json {
                output::json_value(&d)?
            } else {
                output::line(&format!(
                    "{}: {} deployed to {} on {} (approved by {}).",
                    d.id, d.adapter_version_id, d.target, d.deployed_on, d.approved_by
                ))?
            }
        }
        AdapterCommand::Regression { id, json } => {
            let check = regression::check(ctx, AdapterVersionRef { id })?;
            output::regression(&check, json)?;
            // A check that finds a regression exits 1, as `lineage --check` does with a gap.
            return Ok(if check.passes { ExitCode::SUCCESS } else { ExitCode::from(1) });
        }
        AdapterCommand::Tolerance { use_case, suite, metric, tolerance, json } => {
            let tolerances = match (suite, metric, tolerance) {
                (Some(suite), Some(metric), Some(tolerance)) => {
                    regression::set_tolerance(ctx, ToleranceInput { use_case_id: use_case, suite, metric, tolerance })?
                }
                _ => regression::tolerances(ctx, UseCaseRef { id: use_case })?,
            };
            output::tolerances(&tolerances, json)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(ctx: &Ctx, command: EvalCommand) -> ApiResult<()> {
    match command {
        EvalCommand::Import { file, adapter_version, run_by, run_on, json } => {
            let req = EvaluationImport {
                path: file.display().to_string(),
                adapter_version_id: adapter_version,
                run_on,
                run_by,
            };
            output::evaluation(&evaluation::import(ctx, req)?, json)?
        }
        EvalCommand::Show { id, json } => output::evaluation(&evaluation::get(ctx, EvaluationRef { id })?, json)?,
        EvalCommand::Baseline { id, use_case } => {
            let e =
                evaluation::mark_baseline(ctx, BaselineRequest { evaluation_id: id, use_case_id: use_case.clone() })?;
            output::line(&format!("{} is now the baseline of {use_case}.", e.id))?
        }
    }
    Ok(())
}

pub fn mlflow(ctx: &Ctx, command: MlflowCommand) -> ApiResult<()> {
    let MlflowCommand::Import { mlruns, run, adapter_version, json } = command;
    let req =
        MlflowImport { mlruns_dir: mlruns.display().to_string(), run_id: run, adapter_version_id: adapter_version };
    output::mlflow(&evaluation::import_mlflow(ctx, req)?, json)?;
    Ok(())
}

/// Returns a failing exit code when `--check` finds gaps (after printing them).
pub fn lineage(ctx: &Ctx, a: LineageArgs) -> ApiResult<ExitCode> {
    if let Some(LineageExport::Export { openlineage }) = a.export {
        let req = OpenLineageExportRequest { destination: openlineage.display().to_string() };
        let written = lineage::export_openlineage(ctx, req)?;
        output::line(&format!("Wrote {} OpenLineage run events to {}.", written.items, written.path))?;
        return Ok(ExitCode::SUCCESS);
    }
    if a.check {
        let result = lineage::check(ctx, ())?;
        output::lineage_check(&result, a.json)?;
        return Ok(if result.gaps.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let id = a.id.unwrap_or_default();
    if a.dot {
        output::emit_text(&lineage::graph_dot(ctx, AdapterVersionRef { id })?)?;
    } else {
        output::lineage(&lineage::graph(ctx, AdapterVersionRef { id })?, a.json)?;
    }
    Ok(ExitCode::SUCCESS)
}
