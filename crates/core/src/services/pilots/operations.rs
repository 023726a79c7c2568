//! A pilot's KPIs and incidents: recorded against the pilot of a use case, an incident resolved
//! later with how and when.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rollout::require_in;
use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::pilots::operations::{IncidentInput, KpiInput};
use crate::pilots::pilot::Pilot;
use crate::registry::iso_date;
use crate::store::{pilot_operations, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IncidentResolve {
    /// INC-001
    pub id: String,
    pub resolution: String,
    /// ISO date; default today.
    pub resolved_on: Option<String>,
}

pub fn add_kpi(db: &Db, caller: &Caller, req: &KpiInput) -> CoreResult<Pilot> {
    let input = req.validated()?;
    db.write(caller, Action::Create, |tx| {
        let p = require_in(tx, "pilot_id", &input.pilot_id)?;
        if pilot_operations::kpi_named(tx, &p.id, &input.name)? {
            return Err(CoreError::invalid("name", format!("{} already has a KPI named {:?}", p.id, input.name)));
        }
        pilot_operations::insert_kpi(tx, &p.id, &input)?;
        require_in(tx, "pilot_id", &p.id)
    })
}

pub fn add_incident(db: &Db, caller: &Caller, req: &IncidentInput) -> CoreResult<Pilot> {
    let input = req.validated()?;
    db.write(caller, Action::Create, |tx| {
        let p = require_in(tx, "pilot_id", &input.pilot_id)?;
        let today = tx.now().format("%Y-%m-%d").to_string();
        if input.occurred_on > today {
            return Err(CoreError::invalid("occurred_on", format!("{} is in the future", input.occurred_on)));
        }
        let by = tx.actor().name.clone();
        pilot_operations::insert_incident(tx, &p.id, &input, &by)?;
        require_in(tx, "pilot_id", &p.id)
    })
}

pub fn resolve_incident(db: &Db, caller: &Caller, req: &IncidentResolve) -> CoreResult<Pilot> {
    let resolution = required_text("resolution", &req.resolution, 4000)?;
    let on = req.resolved_on.as_deref().map(|d| iso_date("resolved_on", d)).transpose()?;
    db.write(caller, Action::Update, |tx| {
        let id = req.id.trim();
        let pilot_id = pilot_operations::incident_pilot(tx, id)?
            .ok_or_else(|| CoreError::invalid("id", format!("{id} is not an incident (INC-…)")))?;
        let p = require_in(tx, "pilot_id", &pilot_id)?;
        let incident = p
            .incidents
            .iter()
            .find(|i| i.id == id)
            .cloned()
            .ok_or_else(|| CoreError::Conflict(format!("{id} belongs to {pilot_id} but was not read with it")))?;
        if let Some(resolved) = &incident.resolved_on {
            return Err(CoreError::invalid("id", format!("{id} was already resolved on {resolved}")));
        }
        let on = on.clone().unwrap_or_else(|| tx.now().format("%Y-%m-%d").to_string());
        if on < incident.occurred_on {
            return Err(CoreError::invalid(
                "resolved_on",
                format!("{on} is before the incident occurred ({})", incident.occurred_on),
            ));
        }
        pilot_operations::resolve_incident(tx, id, &resolution, &on)?;
        require_in(tx, "pilot_id", &p.id)
    })
}
