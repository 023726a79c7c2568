//! Handlers for compliance sign-offs: sign a record (compliance officers only), list sign-offs
//! with their staleness, and the queue of what awaits a compliance officer, with what changed
//! since each stale sign-off as a field-by-field diff.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::signoff::changes;
use steerco_core::compliance::{Role, SignoffKind, SignoffStatus};
use steerco_core::domain::Stage;
use steerco_core::registry::diff::FieldChange;
use steerco_core::registry::AdapterStatus;
use steerco_core::store::{adapter, signoff, use_case};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignRequest {
    /// UC-…, AV-… or EV-….
    pub entity_id: String,
    pub comment: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffFilter {
    pub entity_id: Option<String>,
    /// Only sign-offs whose content has changed since.
    pub stale_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AwaitingSignoff {
    pub entity_id: String,
    pub kind: SignoffKind,
    pub title: String,
    /// Why it needs a sign-off now.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StaleSignoff {
    pub status: SignoffStatus,
    /// What changed between the signed content and the content now.
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffQueue {
    pub awaiting: Vec<AwaitingSignoff>,
    pub stale: Vec<StaleSignoff>,
    pub current: Vec<SignoffStatus>,
}

pub fn sign(ctx: &Ctx, req: SignRequest) -> ApiResult<SignoffStatus> {
    let person = ctx.require_role(Role::ComplianceOfficer, "sign off")?;
    let now = ctx.clock.now();
    ctx.write(Action::Sign, |tx| signoff::sign(tx, &req.entity_id, &person, &req.comment, now))
}

pub fn list(ctx: &Ctx, req: SignoffFilter) -> ApiResult<Vec<SignoffStatus>> {
    let all = ctx.db.read(|c| signoff::statuses(c, req.entity_id.as_deref()))?;
    // A stale sign-off that has been superseded by a newer one no longer needs attention.
    Ok(all.into_iter().filter(|s| !req.stale_only || (s.stale && !s.superseded)).collect())
}

/// The newest sign-off of `entity_id` with whether it is stale; `None` when never signed.
pub fn latest(ctx: &Ctx, entity_id: &str) -> ApiResult<Option<SignoffStatus>> {
    Ok(ctx.db.read(|c| signoff::statuses(c, Some(entity_id)))?.into_iter().next())
}

pub fn queue(ctx: &Ctx, _req: ()) -> ApiResult<SignoffQueue> {
    Ok(ctx.db.read(|c| {
        let all = signoff::statuses(c, None)?;
        let newest: Vec<&SignoffStatus> = all.iter().filter(|s| !s.superseded).collect();
        let mut stale = Vec::new();
        for s in newest.iter().filter(|s| s.stale) {
            let signed: serde_json::Value = serde_json::from_str(&s.signoff.content_json)?;
            let now = match signoff::content(c, &s.signoff.entity_id) {
                Ok((_, value, _)) => value,
                Err(steerco_core::CoreError::NotFound { .. }) => serde_json::Value::Null,
                Err(e) => return Err(e),
            };
            stale.push(StaleSignoff { status: (*s).clone(), changes: changes(&signed, &now) });
        }
        let signed = |id: &str| newest.iter().any(|s| s.signoff.entity_id == id);
        let mut awaiting = Vec::new();
        for case in use_case::list(c)? {
            let reason = match case.stage {
                Stage::Data => "heading for pilot: the pilot stage needs a current compliance sign-off",
                Stage::Pilot | Stage::Scaled => "in pilot or scaled without a compliance sign-off",
                _ => continue,
            };
            if !signed(&case.id) {
                awaiting.push(AwaitingSignoff {
                    title: format!("{} {}", case.id, case.title),
                    entity_id: case.id,
                    kind: SignoffKind::UseCase,
                    reason: reason.to_owned(),
                });
            }
        }
        for v in adapter::all_versions(c)? {
            if matches!(v.status, AdapterStatus::Approved | AdapterStatus::Deployed) && !signed(&v.id) {
                awaiting.push(AwaitingSignoff {
                    title: format!("{} {} {}", v.id, v.adapter_name, v.version),
                    entity_id: v.id,
                    kind: SignoffKind::AdapterVersion,
                    reason: format!("{} without a compliance sign-off", v.status),
                });
            }
        }
        let current = newest.into_iter().filter(|s| !s.stale).cloned().collect();
        Ok(SignoffQueue { awaiting, stale, current })
    })?)
}
