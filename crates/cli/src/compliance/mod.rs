//! The compliance subcommands, each one call to a steerco-api handler. Edits name only the
//! fields given on the command line, applied to the record as stored when the change is made.

pub mod args;

use std::process::ExitCode;

use steerco_api::use_case::UseCaseRef;
use steerco_api::{audit, bias, framework, oversight, person, risk, signoff, ApiError, ApiResult, Ctx};
use steerco_core::audit::Action;
use steerco_core::compliance::{
    BiasKind, OversightField, PersonField, PersonInput, RiskField, RiskInput, RiskStatus, Role,
};
use steerco_core::services::compliance::audit::{AuditAcknowledge, AuditQuery};
use steerco_core::services::compliance::people::PersonUpdate;
use steerco_core::services::compliance::review::{DeclineRequest, ReviewRequest};
use steerco_core::services::compliance::risk_controls::{BiasImport, OversightUpdate, RiskUpdate, UseCaseFilter};
use steerco_core::services::compliance::signoffs::{SignRequest, SignoffFilter};

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
        PersonCommand::List { json } => output::people(&person::list(ctx, ())?, json)?,
        PersonCommand::Add { name, roles: given, json } => {
            let input = PersonInput { name, roles: roles(&given)?, active: true };
            output::people(&[person::create(ctx, input)?], json)?
        }
        PersonCommand::Update { id, name, roles: given, inactive, active } => {
            let id = person::list(ctx, ())?
                .into_iter()
                .find(|p| p.id == id.trim() || p.name.eq_ignore_ascii_case(id.trim()))
                .ok_or_else(|| ApiError::invalid("id", format!("{id} is not a person on this portfolio")))?
                .id;
            let mut changes = Vec::new();
            if let Some(name) = name {
                changes.push(PersonField::Name(name));
            }
            if !given.is_empty() {
                changes.push(PersonField::Roles(roles(&given)?));
            }
            if inactive || active {
                changes.push(PersonField::Active(active));
            }
            output::people(&[person::update(ctx, PersonUpdate { id, changes, loaded: None })?], false)?
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
        Some(SignoffCommand::Review { entity_id, json }) => {
            output::signoff_review(&signoff::review(ctx, ReviewRequest { entity_id })?, json)?
        }
        Some(SignoffCommand::Decline { entity_id, reason }) => {
            let d = signoff::decline(ctx, DeclineRequest { entity_id, reason })?;
            output::line(&format!("{} declined to sign {} ({}): {}", d.declined_by, d.entity_id, d.id, d.reason))?
        }
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

/// Returns a failing exit code when `verify` finds the trail not holding (after saying why).
pub fn audit(ctx: &Ctx, command: AuditCommand) -> ApiResult<ExitCode> {
    match command {
        AuditCommand::Log { entity, action, actor, all, json } => {
            let action = action.map(|a| a.parse::<Action>()).transpose()?;
            let query = AuditQuery {
                entity,
                action,
                actor,
                include_internal: all,
                newest_first: false,
                limit: None,
                offset: 0,
            };
            output::audit_log(&audit::log(ctx, query)?.records, json)?;
        }
        AuditCommand::Verify { json } => {
            let report = audit::verify(ctx, ())?;
            output::audit_verify(&report, json)?;
            if !report.holds() {
                return Ok(ExitCode::from(1));
            }
        }
        AuditCommand::Acknowledge { seq, comment } => {
            let report = audit::acknowledge(ctx, AuditAcknowledge { seq, comment })?;
            output::line(&format!("Record {seq} acknowledged."))?;
            output::audit_verify(&report, false)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn oversight(ctx: &Ctx, command: OversightCommand) -> ApiResult<()> {
    match command {
        OversightCommand::List { json } => output::oversight(&oversight::list(ctx, ())?, json)?,
        OversightCommand::Set { use_case, accountable, procedure, fallback, max_minutes } => {
            let changes: Vec<OversightField> = [
                accountable.map(OversightField::AccountablePerson),
                procedure.map(OversightField::InterventionProcedure),
                fallback.map(OversightField::FallbackOwner),
                max_minutes.map(|m| OversightField::MaxInterventionMinutes(Some(m))),
            ]
            .into_iter()
            .flatten()
            .collect();
            let req = OversightUpdate { use_case_id: use_case, changes, loaded: None };
            output::oversight(&[oversight::set(ctx, req)?], false)?
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
            let req = BiasImport {
                kind,
                path: file.display().to_string(),
                use_case_id: use_case,
                adapter_version_id: adapter_version,
                title,
                threshold,
                rationale,
            };
            output::bias_checks(&[bias::import(ctx, req)?], json)?
        }
        BiasCommand::List { use_case, json } => {
            output::bias_checks(&bias::list(ctx, UseCaseFilter { use_case_id: use_case })?, json)?
        }
    }
    Ok(())
}

pub fn risk(ctx: &Ctx, command: RiskCommand) -> ApiResult<()> {
    match command {
        RiskCommand::Add { use_case, title, likelihood, impact, owner, mitigation, status, json } => {
            let status = RiskStatus::parse_for("--status", &status)?;
            let input = RiskInput { use_case_id: use_case, title, likelihood, impact, owner, mitigation, status };
            output::risks(&[risk::create(ctx, input)?], json)?
        }
        RiskCommand::Update { id, title, likelihood, impact, owner, mitigation, status } => {
            let status = status.map(|s| RiskStatus::parse_for("--status", &s)).transpose()?;
            let changes: Vec<RiskField> = [
                title.map(RiskField::Title),
                likelihood.map(RiskField::Likelihood),
                impact.map(RiskField::Impact),
                owner.map(RiskField::Owner),
                mitigation.map(RiskField::Mitigation),
                status.map(RiskField::Status),
            ]
            .into_iter()
            .flatten()
            .collect();
            output::risks(&[risk::update(ctx, RiskUpdate { id, changes, loaded: None })?], false)?
        }
        RiskCommand::List { use_case, json } => {
            output::risks(&risk::list(ctx, UseCaseFilter { use_case_id: use_case })?, json)?
        }
    }
    Ok(())
}

pub fn framework(ctx: &Ctx, command: FrameworkCommand) -> ApiResult<()> {
    match command {
        FrameworkCommand::Coverage { use_case, json } => {
            output::coverage(&framework::coverage(ctx, UseCaseRef { id: use_case })?, json)?
        }
        FrameworkCommand::Map { json } => output::evidence_mapping(&framework::mapping(ctx, ())?, json)?,
    }
    Ok(())
}
