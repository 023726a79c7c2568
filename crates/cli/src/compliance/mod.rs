//! The compliance subcommands, each one call to a steerco-api handler.

pub mod args;

use std::process::ExitCode;

use steerco_api::adapter::VersionRef;
use steerco_api::audit::AuditQuery;
use steerco_api::people::PersonUpdate;
use steerco_api::risk_controls::{BiasImportRequest, RiskUpdate, UseCaseFilter};
use steerco_api::signoff::{SignRequest, SignoffFilter};
use steerco_api::{audit, frameworks, people, risk_controls, signoff, ApiError, ApiResult, Ctx};
use steerco_core::audit::Action;
use steerco_core::compliance::{BiasKind, OversightInput, PersonInput, RiskInput, RiskStatus, Role};

use crate::output;
use args::{
    AuditCommand, BiasCommand, FrameworkCommand, OversightCommand, PersonCommand, RiskCommand, SignoffArgs,
    SignoffCommand,
};

fn roles(given: &[String]) -> ApiResult<Vec<Role>> {
    given.iter().map(|r| Ok(Role::parse_for("--role", r)?)).collect()
}

pub fn person(ctx: &Ctx, command: PersonCommand) -> ApiResult<()> {
    match command {
        PersonCommand::List { json } => output::people(&people::list(ctx, ())?, json)?,
        PersonCommand::Add { name, roles: given, json } => {
            let input = PersonInput { name, roles: roles(&given)?, active: true };
            output::people(&[people::create(ctx, input)?], json)?
        }
        PersonCommand::Update { id, name, roles: given, inactive, active } => {
            let current = people::list(ctx, ())?
                .into_iter()
                .find(|p| p.id == id.trim() || p.name.eq_ignore_ascii_case(id.trim()))
                .ok_or_else(|| ApiError::invalid("id", format!("{id} is not a person on this portfolio")))?;
            let input = PersonInput {
                name: name.unwrap_or(current.name),
                roles: if given.is_empty() { current.roles } else { roles(&given)? },
                active: if inactive { false } else { active || current.active },
            };
            output::people(&[people::update(ctx, PersonUpdate { id: current.id, person: input })?], false)?
        }
    }
    Ok(())
}

pub fn signoff(ctx: &Ctx, a: SignoffArgs) -> ApiResult<()> {
    match a.command {
        Some(SignoffCommand::List { stale, entity, json }) => {
            output::signoffs(&signoff::list(ctx, SignoffFilter { entity_id: entity, stale_only: stale })?, json)?
        }
        Some(SignoffCommand::Queue { json }) => output::signoff_queue(&signoff::queue(ctx, ())?, json)?,
        None => {
            let req = SignRequest { entity_id: a.entity_id.unwrap_or_default(), comment: a.comment };
            let signed = signoff::sign(ctx, req)?;
            if a.json {
                output::json_value(&signed)?
            } else {
                output::line(&format!(
                    "{} signed off {} as {} (content sha256 {}).",
                    signed.signoff.signed_by, signed.entity_title, signed.signoff.id, signed.signoff.content_sha256
                ))?
            }
        }
    }
    Ok(())
}

/// Returns a failing exit code when `verify` finds the chain broken (after saying where).
pub fn audit(ctx: &Ctx, command: AuditCommand) -> ApiResult<ExitCode> {
    match command {
        AuditCommand::Log { entity, action, actor, json } => {
            let action = action.map(|a| a.parse::<Action>()).transpose()?;
            let page =
                audit::log(ctx, AuditQuery { entity, action, actor, newest_first: false, limit: None, offset: 0 })?;
            output::audit_log(&page.records, json)?;
        }
        AuditCommand::Verify { json } => {
            let report = audit::verify(ctx, ())?;
            output::audit_verify(&report, json)?;
            if !report.holds() {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn oversight(ctx: &Ctx, command: OversightCommand) -> ApiResult<()> {
    match command {
        OversightCommand::List { json } => output::oversight(&risk_controls::oversight_list(ctx, ())?, json)?,
        OversightCommand::Set { use_case, accountable, procedure, fallback, max_minutes } => {
            let current = risk_controls::oversight_list(ctx, ())?
                .into_iter()
                .find(|o| o.use_case_id == use_case.trim())
                .ok_or_else(|| ApiError::invalid("use_case_id", format!("{use_case} is not a use case")))?;
            let input = OversightInput {
                use_case_id: current.use_case_id,
                accountable_person: accountable.unwrap_or(current.accountable_person),
                intervention_procedure: procedure.unwrap_or(current.intervention_procedure),
                fallback_owner: fallback.unwrap_or(current.fallback_owner),
                max_intervention_minutes: max_minutes.or(current.max_intervention_minutes),
            };
            output::oversight(&[risk_controls::oversight_set(ctx, input)?], false)?
        }
    }
    Ok(())
}

pub fn bias(ctx: &Ctx, command: BiasCommand) -> ApiResult<()> {
    match command {
        BiasCommand::Import { kind, file, use_case, adapter_version, threshold, rationale, title, json } => {
            let kind = match kind.trim().to_ascii_lowercase().as_str() {
                "parity" | "demographic_parity" | "demographic-parity" => BiasKind::DemographicParity,
                "adversarial" | "adversarial_prompts" | "adversarial-prompts" => BiasKind::AdversarialPrompts,
                other => return Err(ApiError::invalid("KIND", format!("{other:?} is not parity or adversarial"))),
            };
            let req = BiasImportRequest {
                kind,
                path: file.display().to_string(),
                use_case_id: use_case,
                adapter_version_id: adapter_version,
                title,
                threshold,
                rationale,
            };
            output::bias_checks(&[risk_controls::bias_import(ctx, req)?], json)?
        }
        BiasCommand::List { use_case, json } => {
            output::bias_checks(&risk_controls::bias_list(ctx, UseCaseFilter { use_case_id: use_case })?, json)?
        }
    }
    Ok(())
}

pub fn risk(ctx: &Ctx, command: RiskCommand) -> ApiResult<()> {
    match command {
        RiskCommand::Add { use_case, title, likelihood, impact, owner, mitigation, status, json } => {
            let status = RiskStatus::parse_for("--status", &status)?;
            let input = RiskInput { use_case_id: use_case, title, likelihood, impact, owner, mitigation, status };
            output::risks(&[risk_controls::risk_create(ctx, input)?], json)?
        }
        RiskCommand::Update { id, title, likelihood, impact, owner, mitigation, status } => {
            let current = risk_controls::risk_list(ctx, UseCaseFilter { use_case_id: None })?
                .into_iter()
                .find(|r| r.id == id.trim())
                .ok_or_else(|| ApiError::invalid("id", format!("{id} is not a risk")))?;
            let input = RiskInput {
                use_case_id: current.use_case_id,
                title: title.unwrap_or(current.title),
                likelihood: likelihood.unwrap_or(current.likelihood),
                impact: impact.unwrap_or(current.impact),
                owner: owner.unwrap_or(current.owner),
                mitigation: mitigation.unwrap_or(current.mitigation),
                status: status.map(|s| RiskStatus::parse_for("--status", &s)).transpose()?.unwrap_or(current.status),
            };
            output::risks(&[risk_controls::risk_update(ctx, RiskUpdate { id: current.id, risk: input })?], false)?
        }
        RiskCommand::List { use_case, json } => {
            output::risks(&risk_controls::risk_list(ctx, UseCaseFilter { use_case_id: use_case })?, json)?
        }
    }
    Ok(())
}

pub fn framework(ctx: &Ctx, command: FrameworkCommand) -> ApiResult<()> {
    match command {
        FrameworkCommand::Coverage { use_case, json } => {
            output::coverage(&frameworks::coverage_of(ctx, VersionRef { id: use_case })?, json)?
        }
        FrameworkCommand::Map { json } => output::evidence_mapping(&frameworks::mapping(ctx, ())?, json)?,
    }
    Ok(())
}
