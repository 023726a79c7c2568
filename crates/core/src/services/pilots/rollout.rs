//! Pilots: one per use case, created with its constrained workflow; protocols defined before
//! launch; phases added in order. A pilot starts (its first phase runs, and its use case enters
//! the pilot stage) only past the launch readiness gate, which refuses naming every unmet item.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{blueprint, readiness};
use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::{required_text, DossierInput, Stage};
use crate::error::{CoreError, CoreResult};
use crate::pilots::pilot::{PhaseInput, PhaseStatus, Pilot, Protocols};
use crate::registry::iso_date;
use crate::services::discovery::read::require_for as use_case_for;
use crate::services::registry::regression;
use crate::store::{pilot, use_case, Db, Tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PilotCreate {
    pub use_case_id: String,
    /// The constrained workflow in scope ("first-notice-of-loss emails, motor claims only").
    pub workflow: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PilotRef {
    /// PIL-001, or the use case's id.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProtocolsUpdate {
    pub pilot_id: String,
    pub protocols: Protocols,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PilotStart {
    pub pilot_id: String,
    /// ISO date the first phase started; default today.
    pub on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhaseAdvance {
    pub pilot_id: String,
    /// ISO date the running phase ended and the next started; default today.
    pub on: Option<String>,
    /// An executive's rationale for starting the next phase despite the regression gate.
    #[serde(default)]
    pub override_rationale: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhaseStop {
    pub pilot_id: String,
    pub reason: String,
    /// ISO date; default today.
    pub on: Option<String>,
}

/// A pilot named by its id or its use case's id; unknown ids are bad input for `field`.
pub(crate) fn require_in(conn: &rusqlite::Connection, field: &str, id: &str) -> CoreResult<Pilot> {
    let id = id.trim();
    let pilot_id = if id.starts_with("PIL-") { Some(id.to_owned()) } else { pilot::id_for_use_case(conn, id)? };
    pilot_id
        .map(|p| pilot::get(conn, &p))
        .transpose()?
        .flatten()
        .ok_or_else(|| CoreError::invalid(field, format!("{id} is not a pilot (PIL-…) or a use case with one")))
}

pub fn create(db: &Db, caller: &Caller, req: &PilotCreate) -> CoreResult<Pilot> {
    let workflow = required_text("workflow", &req.workflow, 2000)?;
    db.write(caller, Action::Create, |tx| {
        let use_case = use_case_for(tx, "use_case_id", &req.use_case_id)?;
        if let Some(existing) = pilot::id_for_use_case(tx, &use_case.id)? {
            return Err(CoreError::invalid("use_case_id", format!("{} already has a pilot ({existing})", use_case.id)));
        }
        let by = tx.actor().name.clone();
        let id = pilot::insert(tx, &use_case.id, &workflow, &by)?;
        require_in(tx, "pilot_id", &id)
    })
}

pub fn get(db: &Db, req: &PilotRef) -> CoreResult<Pilot> {
    db.read(|c| require_in(c, "id", &req.id))
}

pub fn list(db: &Db) -> CoreResult<Vec<Pilot>> {
    db.read(|c| pilot::ids(c)?.iter().map(|id| require_in(c, "id", id)).collect())
}

pub fn set_protocols(db: &Db, caller: &Caller, req: &ProtocolsUpdate) -> CoreResult<Pilot> {
    let protocols = req.protocols.validated()?;
    db.write(caller, Action::Update, |tx| {
        let p = require_in(tx, "pilot_id", &req.pilot_id)?;
        pilot::set_protocols(tx, &p.id, &protocols)?;
        require_in(tx, "pilot_id", &p.id)
    })
}

pub fn add_phase(db: &Db, caller: &Caller, req: &PhaseInput) -> CoreResult<Pilot> {
    let input = req.validated()?;
    db.write(caller, Action::Create, |tx| {
        let p = require_in(tx, "pilot_id", &input.pilot_id)?;
        if let Some(last) = p.phases.last() {
            if input.planned_start < last.planned_start {
                return Err(CoreError::invalid(
                    "planned_start",
                    format!(
                        "{} is before the previous phase {} starts ({})",
                        input.planned_start, last.name, last.planned_start
                    ),
                ));
            }
        }
        pilot::insert_phase(tx, &PhaseInput { pilot_id: p.id.clone(), ..input.clone() })?;
        require_in(tx, "pilot_id", &p.id)
    })
}

/// Starts the pilot: its first phase runs. Refused, naming every unmet readiness item, until the
/// use case is ready to launch.
pub fn start(db: &Db, caller: &Caller, req: &PilotStart) -> CoreResult<Pilot> {
    let on = req.on.as_deref().map(|d| iso_date("on", d)).transpose()?;
    db.write(caller, Action::Update, |tx| {
        let p = require_in(tx, "pilot_id", &req.pilot_id)?;
        if p.started() {
            return Err(CoreError::invalid("pilot_id", format!("{} has already started", p.id)));
        }
        let first = p.phases.first().ok_or_else(|| {
            CoreError::invalid(
                "pilot_id",
                format!("{} has no phase yet; add one first (`steerco pilot phase add`)", p.id),
            )
        })?;
        if let Some(refusal) = readiness::check_in(tx, &p.use_case_id)?.refusal() {
            return Err(CoreError::invalid("pilot_id", refusal));
        }
        let case = use_case::require(tx, &p.use_case_id)?;
        match case.dossier.stage {
            Stage::Retired => {
                return Err(CoreError::invalid(
                    "pilot_id",
                    format!("{} is retired; a retired case runs no pilot", case.id),
                ))
            }
            // Starting the pilot is the case's entry into the pilot stage.
            Stage::Discovery | Stage::Architecture | Stage::Data => {
                use_case::update(tx, &case.id, &DossierInput { stage: Stage::Pilot, ..case.dossier.clone() })?;
            }
            Stage::Pilot | Stage::Scaled => {}
        }
        let on = on.clone().unwrap_or_else(|| tx.now().format("%Y-%m-%d").to_string());
        pilot::set_phase_status(tx, &first.id, PhaseStatus::Running, Some(&on), None, None)?;
        require_in(tx, "pilot_id", &p.id)
    })
}

/// The blueprint's launch version of `use_case_id`, if one is set.
fn launch_version(conn: &rusqlite::Connection, use_case_id: &str) -> CoreResult<Option<String>> {
    Ok(blueprint::read_in(conn, use_case_id)?.launch_version().map(str::to_owned))
}

/// Ends the running phase and starts the next (or, after the last, ends the pilot's rollout).
/// Starting the next phase is an expansion: the launch version must pass the regression gate
/// against the version deployed before it, unless an executive records a decision.
pub fn advance(db: &Db, caller: &Caller, req: &PhaseAdvance) -> CoreResult<Pilot> {
    db.write(caller, Action::Update, |tx| advance_in(tx, req))
}

/// `advance` inside the caller's write (a steering decision approving the move).
pub(crate) fn advance_in(tx: &Tx, req: &PhaseAdvance) -> CoreResult<Pilot> {
    let on = req.on.as_deref().map(|d| iso_date("on", d)).transpose()?;
    {
        let p = require_in(tx, "pilot_id", &req.pilot_id)?;
        let running = p.running().cloned().ok_or_else(|| {
            CoreError::invalid(
                "pilot_id",
                format!("{} has no running phase; start it first (`steerco pilot start`)", p.id),
            )
        })?;
        let on = on.clone().unwrap_or_else(|| tx.now().format("%Y-%m-%d").to_string());
        if running.actual_start.as_deref().is_some_and(|started| on.as_str() < started) {
            return Err(CoreError::invalid("on", format!("{on} is before {} started", running.name)));
        }
        let next = p.phases.iter().find(|ph| ph.position > running.position && ph.status == PhaseStatus::Planned);
        if let (Some(next), Some(version)) = (next, launch_version(tx, &p.use_case_id)?) {
            let doing = format!("{} ({}) cannot start: ", next.id, next.name);
            regression::enforce_for(tx, &version, &next.id, &doing, req.override_rationale.as_deref())?;
        }
        pilot::set_phase_status(tx, &running.id, PhaseStatus::Done, None, Some(&on), None)?;
        if let Some(next) = next {
            pilot::set_phase_status(tx, &next.id, PhaseStatus::Running, Some(&on), None, None)?;
        }
        require_in(tx, "pilot_id", &p.id)
    }
}

/// Stops the running phase with a reason (the fallback protocol takes over).
pub fn stop(db: &Db, caller: &Caller, req: &PhaseStop) -> CoreResult<Pilot> {
    db.write(caller, Action::Update, |tx| stop_in(tx, req))
}

/// `stop` inside the caller's write (a steering decision to stop).
pub(crate) fn stop_in(tx: &Tx, req: &PhaseStop) -> CoreResult<Pilot> {
    let reason = required_text("reason", &req.reason, 2000)?;
    let on = req.on.as_deref().map(|d| iso_date("on", d)).transpose()?;
    {
        let p = require_in(tx, "pilot_id", &req.pilot_id)?;
        let running = p
            .running()
            .cloned()
            .ok_or_else(|| CoreError::invalid("pilot_id", format!("{} has no running phase to stop", p.id)))?;
        let on = on.clone().unwrap_or_else(|| tx.now().format("%Y-%m-%d").to_string());
        pilot::set_phase_status(tx, &running.id, PhaseStatus::Stopped, None, Some(&on), Some(&reason))?;
        require_in(tx, "pilot_id", &p.id)
    }
}
