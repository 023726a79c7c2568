//! Use cases: creating and editing dossiers (dual ownership past discovery, the stage gate into
//! pilot and scaled) and the payback-gate override, a steering decision only an executive takes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::caller::Permission;
use crate::domain::{required_text, DossierField, DossierInput, Lane, UseCase};
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::gate;
use crate::money::Money;
use crate::services::compliance::stage_gate;
use crate::store::{lane_override, use_case, Db, Tx};

/// Every use case, in the order they were created.
pub fn list(db: &Db) -> CoreResult<Vec<UseCase>> {
    db.read(|s| read::list(s))
}

pub fn get(db: &Db, id: &str) -> CoreResult<UseCase> {
    db.read(|s| read::require(s, id))
}

/// Adds a use case. A new case cannot start in pilot or scaled: nothing has been signed yet.
/// Figures typed into a dossier editor, not yet saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GatePreviewRequest {
    pub annual_value: Money,
    pub one_time_cost: Money,
    pub monthly_run_cost: Money,
}

/// What the payback gate would say of those figures under the programme's horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GatePreview {
    pub payback_months: Option<f64>,
    pub horizon_months: u32,
    /// Why the gate would park the case in research, or `None` when it pays back in time.
    pub failure: Option<String>,
}

/// The gate's verdict on unsaved figures, so an editor can show it while someone types.
pub fn preview_gate(db: &Db, req: &GatePreviewRequest) -> CoreResult<GatePreview> {
    let horizon_months = db.read(|s| read::horizon(s))?;
    let payback_months = gate::payback_months(req.annual_value, req.one_time_cost, req.monthly_run_cost);
    Ok(GatePreview { payback_months, horizon_months, failure: gate::failure(payback_months, horizon_months) })
}

pub fn create(db: &Db, caller: &Caller, input: &DossierInput) -> CoreResult<UseCase> {
    let input = input.validated()?;
    stage_gate::refuse_new_in_gated_stage(&input)?;
    db.write(caller, Action::Create, |tx| {
        let id = use_case::insert(tx, &input)?;
        read::require(tx, &id)
    })
}

/// Changes to one dossier: the fields set, and (from an editor) the dossier as it was loaded, so
/// a field someone else changed meanwhile is refused as a conflict instead of overwritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseUpdate {
    pub id: String,
    pub changes: Vec<DossierField>,
    /// The dossier the editor showed; `None` sets the fields whatever they hold now.
    pub loaded: Option<DossierInput>,
}

/// Applies `req.changes` to the dossier as stored, inside the write transaction. Entering pilot
/// or scaled needs a current compliance sign-off of the content as it stands after the change.
pub fn update(db: &Db, caller: &Caller, req: &UseCaseUpdate) -> CoreResult<UseCase> {
    db.write(caller, Action::Update, |tx| {
        apply_update(tx, req)?;
        read::require(tx, &req.id)
    })
}

/// The edit itself, inside a write transaction (a save, or a rehearsal of one).
pub(crate) fn apply_update(tx: &Tx, req: &UseCaseUpdate) -> CoreResult<()> {
    let before = use_case::require(tx, &req.id)?;
    if before.withdrawal.is_some() {
        return Err(CoreError::Conflict(format!("{} is withdrawn; restore it before editing it", before.id)));
    }
    let edited = edits::apply(&before.id, &before.dossier, req.loaded.as_ref(), &req.changes)?.validated()?;
    use_case::update(tx, &before.id, &edited)?;
    // After the change, so what the sign-off must cover is the dossier as it now stands; a
    // refusal rolls the change back with the transaction.
    let other_changes = DossierInput { stage: before.dossier.stage, ..edited.clone() } != before.dossier;
    stage_gate::check_move(tx, &before.id, before.dossier.stage, edited.stage, other_changes)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverrideRequest {
    pub id: String,
    /// The person taking the decision, by name (the person working).
    pub decided_by: String,
    pub reason: String,
}

/// Keeps a use case in the portfolio lane although it fails the payback gate.
pub fn grant_override(db: &Db, caller: &Caller, req: &OverrideRequest) -> CoreResult<UseCase> {
    let decided_by = required_text("decided_by", &req.decided_by, 120)?;
    let reason = required_text("reason", &req.reason, 2_000)?;
    db.write(caller, Action::Decide, |tx| {
        tx.actor().may(Permission::DecideGate)?;
        tx.actor().check_named("decided_by", &decided_by)?;
        let case = read::require(tx, &req.id)?;
        if case.lane_override.is_some() {
            return Err(CoreError::Conflict(format!(
                "{} already has an active override; revoke it before recording another",
                case.id
            )));
        }
        // An override only lifts the payback gate for a case meant for the portfolio lane;
        // anywhere else it would be recorded yet change nothing.
        if case.requested_lane != Lane::Portfolio {
            return Err(CoreError::Conflict(format!(
                "{} is in the {} lane by decision, not by the payback gate; there is nothing to override",
                case.id, case.requested_lane
            )));
        }
        if case.lane_reason.is_none() {
            return Err(CoreError::Conflict(format!(
                "{} passes the payback gate; there is nothing to override",
                case.id
            )));
        }
        lane_override::insert(tx, &case.id, &decided_by, &reason)?;
        read::require(tx, &case.id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RevokeOverrideRequest {
    pub id: String,
    pub revoked_by: String,
}

pub fn revoke_override(db: &Db, caller: &Caller, req: &RevokeOverrideRequest) -> CoreResult<UseCase> {
    let revoked_by = required_text("revoked_by", &req.revoked_by, 120)?;
    db.write(caller, Action::Decide, |tx| {
        tx.actor().may(Permission::DecideGate)?;
        tx.actor().check_named("revoked_by", &revoked_by)?;
        let case = read::require(tx, &req.id)?;
        if lane_override::revoke(tx, &case.id, &revoked_by)? == 0 {
            return Err(CoreError::Conflict(format!("{} has no active override to revoke", case.id)));
        }
        read::require(tx, &case.id)
    })
}
