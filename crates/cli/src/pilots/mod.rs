//! The pilots subcommands, each one call to a steerco-api handler (the blueprint's `set` reads
//! the stored part first, so flags not given keep their value).

pub mod args;

use steerco_api::use_case::UseCaseRef;
use steerco_api::{blueprint, ApiResult, Ctx};
use steerco_core::pilots::blueprint::{BlueprintPart, DriftDirection, PartContent, ServiceAccount};
use steerco_core::services::pilots::blueprint::{BlueprintPartUpdate, BlueprintReview};
use steerco_core::CoreError;

use crate::output;
use args::{BlueprintCommand, PartFields};

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
/// so a mistyped part never silently drops what was typed.
fn apply(content: PartContent, f: PartFields) -> Result<PartContent, CoreError> {
    let set = |slot: &mut String, value: Option<String>| {
        if let Some(v) = value {
            *slot = v;
        }
    };
    let foreign = |flag: &str, part: &str| {
        CoreError::invalid(flag, format!("belongs to another part than {part}; give it with that part"))
    };
    Ok(match content {
        PartContent::Policies(mut p) => {
            if f.launch_version.is_some() || f.access_what.is_some() || f.drift_metric.is_some() {
                return Err(foreign("--version/--access-what/--drift-metric", "policies"));
            }
            if !f.policies.is_empty() {
                p.policy_ids = f.policies;
            }
            PartContent::Policies(p)
        }
        PartContent::Registry(mut r) => {
            if !f.policies.is_empty() || f.access_what.is_some() || f.drift_metric.is_some() {
                return Err(foreign("--policy/--access-what/--drift-metric", "registry"));
            }
            if f.launch_version.is_some() {
                r.adapter_version_id = f.launch_version;
            }
            PartContent::Registry(r)
        }
        PartContent::Security(mut s) => {
            if !f.policies.is_empty() || f.launch_version.is_some() || f.drift_metric.is_some() {
                return Err(foreign("--policy/--version/--drift-metric", "security"));
            }
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
            if !f.policies.is_empty() || f.launch_version.is_some() || f.access_what.is_some() {
                return Err(foreign("--policy/--version/--access-what", "monitoring"));
            }
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
