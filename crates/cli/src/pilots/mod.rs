//! The pilots subcommands (blueprint, pilot, readiness), each one call to a steerco-api handler (the blueprint's `set` reads
//! the stored part first, so flags not given keep their value).

pub mod args;
pub mod operations;

use std::process::ExitCode;

use steerco_api::use_case::UseCaseRef;
use steerco_api::{blueprint, pilot, ApiResult, Ctx};
use steerco_core::pilots::blueprint::{BlueprintPart, DriftDirection, PartContent, ServiceAccount};
use steerco_core::pilots::pilot::{AcceptanceMetric, PhaseInput, Protocols};
use steerco_core::services::pilots::blueprint::{BlueprintPartUpdate, BlueprintReview};
use steerco_core::services::pilots::rollout::{
    PhaseAdvance, PhaseStop, PilotCreate, PilotRef, PilotStart, ProtocolsUpdate,
};
use steerco_core::CoreError;

use crate::output;
use args::{BlueprintCommand, PartFields, PhaseCommand, PilotCommand, ProtocolFields};

pub fn blueprint(ctx: &Ctx, command: BlueprintCommand) -> ApiResult<()> {
    match command {
        BlueprintCommand::Show { use_case, json } => {
            output::blueprint(&blueprint::get(ctx, UseCaseRef { id: use_case })?, json)?
        }
        BlueprintCommand::Set { use_case, part, owner, fields, json } => {
            let part = BlueprintPart::parse_for("PART", &part)?;
            let stored = blueprint::get(ctx, UseCaseRef { id: use_case.clone() })?;
            let current = stored.part(part);
            let content = apply(current.content.clone(), *fields)?;
            let owner = owner.unwrap_or_else(|| current.owner.clone());
            let saved = blueprint::set_part(ctx, BlueprintPartUpdate { use_case_id: use_case, owner, content })?;
            output::blueprint(&saved, json)?
        }
        BlueprintCommand::Review { use_case, part, json } => {
            let part = BlueprintPart::parse_for("PART", &part)?;
            output::blueprint(&blueprint::review(ctx, BlueprintReview { use_case_id: use_case, part })?, json)?
        }
    }
    Ok(())
}

/// The stored content with the flags given laid over it. A flag for another part is refused,
/// naming each such flag, so a mistyped part never silently drops what was typed.
fn apply(content: PartContent, f: PartFields) -> Result<PartContent, CoreError> {
    let set = |slot: &mut String, value: Option<String>| {
        if let Some(v) = value {
            *slot = v;
        }
    };
    let part = match &content {
        PartContent::Policies(_) => BlueprintPart::Policies,
        PartContent::Registry(_) => BlueprintPart::Registry,
        PartContent::Security(_) => BlueprintPart::Security,
        PartContent::Monitoring(_) => BlueprintPart::Monitoring,
    };
    let foreign: Vec<(&str, BlueprintPart)> = f.given().into_iter().filter(|(_, of)| *of != part).collect();
    if let Some(((first, first_part), rest)) = foreign.split_first() {
        let also: Vec<String> = rest.iter().map(|(flag, of)| format!("{flag} ({})", of.as_str())).collect();
        let also = if also.is_empty() { String::new() } else { format!("; so do {}", also.join(", ")) };
        return Err(CoreError::invalid(
            *first,
            format!(
                "belongs to the {} part, not {}{also}; give each flag with its own part",
                first_part.as_str(),
                part.as_str()
            ),
        ));
    }
    Ok(match content {
        PartContent::Policies(mut p) => {
            if !f.policies.is_empty() {
                p.policy_ids = f.policies;
            }
            PartContent::Policies(p)
        }
        PartContent::Registry(mut r) => {
            if f.launch_version.is_some() {
                r.adapter_version_id = f.launch_version;
            }
            PartContent::Registry(r)
        }
        PartContent::Security(mut s) => {
            set(&mut s.access_what, f.access_what);
            set(&mut s.access_where, f.access_where);
            set(&mut s.secrets_store, f.secrets_store);
            if !f.secrets.is_empty() {
                s.secrets = f.secrets;
            }
            if !f.service_accounts.is_empty() {
                s.service_accounts = f
                    .service_accounts
                    .iter()
                    .map(|typed| {
                        let (name, scopes) = typed.split_once(':').ok_or_else(|| {
                            CoreError::invalid("--service-account", format!("{typed:?} is not NAME:SCOPE,SCOPE"))
                        })?;
                        Ok(ServiceAccount {
                            name: name.to_owned(),
                            scopes: scopes.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
                        })
                    })
                    .collect::<Result<_, CoreError>>()?;
            }
            set(&mut s.least_privilege_reviewed_by, f.reviewed_by);
            if f.reviewed_on.is_some() {
                s.least_privilege_reviewed_on = f.reviewed_on;
            }
            set(&mut s.least_privilege_findings, f.findings);
            PartContent::Security(s)
        }
        PartContent::Monitoring(mut m) => {
            set(&mut m.traced_what, f.traced_what);
            set(&mut m.traced_where, f.traced_where);
            set(&mut m.drift_metric, f.drift_metric);
            if f.drift_baseline.is_some() {
                m.drift_baseline = f.drift_baseline;
            }
            if f.drift_threshold.is_some() {
                m.drift_threshold = f.drift_threshold;
            }
            if let Some(d) = f.drift_direction {
                m.drift_direction = Some(DriftDirection::parse_for("--drift-direction", &d)?);
            }
            set(&mut m.drift_check_frequency, f.drift_frequency);
            set(&mut m.feedback_channel, f.feedback_channel);
            set(&mut m.feedback_owner, f.feedback_owner);
            set(&mut m.feedback_review_frequency, f.feedback_frequency);
            PartContent::Monitoring(m)
        }
    })
}

pub fn pilot(ctx: &Ctx, command: PilotCommand) -> ApiResult<()> {
    match command {
        PilotCommand::Create { use_case, workflow, json } => {
            output::pilots(&[pilot::create(ctx, PilotCreate { use_case_id: use_case, workflow })?], json)?
        }
        PilotCommand::Show { id, json } => output::pilots(&[pilot::get(ctx, PilotRef { id })?], json)?,
        PilotCommand::List { json } => output::pilots(&pilot::list(ctx, ())?, json)?,
        PilotCommand::Phase(PhaseCommand::Add { pilot: id, name, audience, start, end, oversight, json }) => {
            let input = PhaseInput {
                pilot_id: id,
                name,
                audience,
                planned_start: start,
                planned_end: end,
                oversight_note: oversight,
            };
            output::pilots(&[pilot::add_phase(ctx, input)?], json)?
        }
        PilotCommand::Protocol { id, fields, json } => {
            let stored = pilot::get(ctx, PilotRef { id: id.clone() })?;
            let protocols = lay_over(stored.protocols, *fields)?;
            output::pilots(&[pilot::set_protocols(ctx, ProtocolsUpdate { pilot_id: stored.id, protocols })?], json)?
        }
        PilotCommand::Start { id, on, json } => {
            output::pilots(&[pilot::start(ctx, PilotStart { pilot_id: id, on })?], json)?
        }
        PilotCommand::Advance { id, on, override_rationale, json } => {
            output::pilots(&[pilot::advance(ctx, PhaseAdvance { pilot_id: id, on, override_rationale })?], json)?
        }
        PilotCommand::Kpi(command) => operations::kpi(ctx, command)?,
        PilotCommand::Incident(command) => operations::incident(ctx, command)?,
        PilotCommand::Stop { id, reason, on, json } => {
            output::pilots(&[pilot::stop(ctx, PhaseStop { pilot_id: id, reason, on })?], json)?
        }
    }
    Ok(())
}

/// `steerco readiness UC`: every item, met or not; exit 0 only when all hold.
pub fn readiness(ctx: &Ctx, use_case: String, json: bool) -> ApiResult<ExitCode> {
    let r = pilot::readiness(ctx, UseCaseRef { id: use_case })?;
    output::readiness(&r, json)?;
    Ok(if r.ready { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn lay_over(mut p: Protocols, f: ProtocolFields) -> Result<Protocols, CoreError> {
    let set = |slot: &mut String, value: Option<String>| {
        if let Some(v) = value {
            *slot = v;
        }
    };
    set(&mut p.training_audience, f.training_audience);
    set(&mut p.training_materials, f.training_materials);
    if f.training_delivered_on.is_some() {
        p.training_delivered_on = f.training_delivered_on;
    }
    set(&mut p.fallback_process, f.fallback_process);
    set(&mut p.fallback_trigger, f.fallback_trigger);
    set(&mut p.fallback_owner, f.fallback_owner);
    set(&mut p.evaluation_suite, f.evaluation_suite);
    if !f.acceptance.is_empty() {
        p.acceptance = f
            .acceptance
            .iter()
            .map(|typed| {
                let bad =
                    || CoreError::invalid("--acceptance", format!("{typed:?} is not METRIC:THRESHOLD:higher|lower"));
                let mut parts = typed.rsplitn(3, ':');
                let direction = parts.next().ok_or_else(bad)?;
                let threshold: f64 = parts.next().ok_or_else(bad)?.trim().parse().map_err(|_| bad())?;
                let metric = parts.next().ok_or_else(bad)?;
                let higher_is_better = match direction.trim().to_ascii_lowercase().as_str() {
                    "higher" => true,
                    "lower" => false,
                    _ => return Err(bad()),
                };
                Ok(AcceptanceMetric { metric: metric.to_owned(), threshold, higher_is_better })
            })
            .collect::<Result<_, CoreError>>()?;
    }
    Ok(p)
}
