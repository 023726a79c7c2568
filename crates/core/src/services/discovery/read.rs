//! Use cases as people see them: the stored dossier with what follows from it under the
//! programme's payback horizon (payback months, the lane after the gate and why). Every other
//! area reads use cases through here, so they all agree.

use rusqlite::Connection;

use crate::domain::UseCase;
use crate::error::{CoreError, CoreResult};
use crate::gate;
use crate::store::programme;
use crate::store::use_case::{self, StoredUseCase};

/// The stored row completed with the gate's verdict under `horizon_months`.
pub(crate) fn complete(stored: StoredUseCase, horizon_months: u32) -> UseCase {
    let d = stored.dossier;
    let payback_months = gate::payback_months(d.annual_value, d.one_time_cost, d.monthly_run_cost);
    let (lane, lane_reason) =
        gate::effective_lane(d.lane, payback_months, horizon_months, stored.lane_override.is_some());
    UseCase {
        id: stored.id,
        title: d.title,
        business_unit: d.business_unit,
        description: d.description,
        workflow: d.workflow,
        executive_sponsor: d.executive_sponsor,
        product_owner: d.product_owner,
        annual_value: d.annual_value,
        one_time_cost: d.one_time_cost,
        monthly_run_cost: d.monthly_run_cost,
        ratings: d.ratings,
        data_readiness: d.data_readiness,
        data_readiness_notes: d.data_readiness_notes,
        risk_class: d.risk_class,
        risk_notes: d.risk_notes,
        stage: d.stage,
        lane,
        requested_lane: d.lane,
        lane_reason,
        payback_months,
        lane_override: stored.lane_override,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    }
}

pub(crate) fn horizon(conn: &Connection) -> CoreResult<u32> {
    Ok(programme::settings(conn)?.payback_horizon_months)
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<UseCase>> {
    let horizon = horizon(conn)?;
    Ok(use_case::list(conn)?.into_iter().map(|s| complete(s, horizon)).collect())
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<UseCase>> {
    let horizon = horizon(conn)?;
    Ok(use_case::get(conn, id)?.map(|s| complete(s, horizon)))
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<UseCase> {
    get(conn, id)?.ok_or_else(|| CoreError::NotFound { entity: "use case", id: id.trim().to_owned() })
}

/// A use case named in a request field: an unknown id is bad input for that field.
pub(crate) fn require_for(conn: &Connection, field: &str, id: &str) -> CoreResult<UseCase> {
    get(conn, id)?.ok_or_else(|| CoreError::invalid(field, format!("{} is not a use case", id.trim())))
}
