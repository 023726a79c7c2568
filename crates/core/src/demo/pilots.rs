//! The demo's pilots: the wealth case scaled after two phases (KPIs, an incident, a drift series
//! with one crossing and its open alert, weekly feedback), the KYC case ready to launch, the
//! claims case ready but for its lineage gap, the protocol co-pilot blocked on named items. Each is written as its owner would; phases run only
//! for a case the stage gate let into pilot or scaled (`roll_out`, after the moves).

use serde::Deserialize;

use crate::error::CoreResult;
use crate::pilots::monitoring::{FeedbackEntry, MonitoringPoint};
use crate::pilots::operations::{IncidentInput, KpiInput, Severity};
use crate::pilots::pilot::{PhaseInput, PhaseStatus, Protocols};
use crate::services::compliance::stage_gate;
use crate::services::pilots::monitoring::{drift_settings, monitoring_part, open_alerts};
use crate::store::{monitoring, pilot, pilot_operations, use_case, Tx};

#[derive(Debug, Clone, Deserialize)]
pub struct DemoPilot {
    /// The use case, by title.
    pub use_case: String,
    pub workflow: String,
    pub created_by: String,
    #[serde(default)]
    pub protocols: Option<Protocols>,
    #[serde(default)]
    pub phases: Vec<DemoPhase>,
    #[serde(default)]
    pub kpis: Vec<DemoKpi>,
    #[serde(default)]
    pub incidents: Vec<DemoIncident>,
    #[serde(default)]
    pub monitoring: Option<DemoSeries>,
    #[serde(default)]
    pub feedback: Vec<FeedbackEntry>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoPhase {
    pub name: String,
    pub audience: String,
    pub planned_start: String,
    pub planned_end: String,
    #[serde(default)]
    pub oversight_note: String,
    /// What the phase reached once the case is in pilot.
    pub status: PhaseStatus,
    #[serde(default)]
    pub actual_start: Option<String>,
    #[serde(default)]
    pub actual_end: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoKpi {
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub higher_is_better: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoIncident {
    pub occurred_on: String,
    pub severity: Severity,
    pub compliance: bool,
    pub description: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub resolved_on: Option<String>,
    pub recorded_by: String,
}

/// One metric's daily values from `start`.
#[derive(Debug, Clone, Deserialize)]
pub struct DemoSeries {
    pub metric: String,
    pub start: String,
    pub values: Vec<f64>,
}

pub(super) fn install(tx: &Tx, pilots: &[DemoPilot], id_of: impl Fn(&str) -> CoreResult<String>) -> CoreResult<()> {
    for d in pilots {
        let use_case_id = id_of(&d.use_case)?;
        let pilot_id = pilot::insert(tx, &use_case_id, &d.workflow, &d.created_by)?;
        if let Some(p) = &d.protocols {
            pilot::set_protocols(tx, &pilot_id, &p.validated()?)?;
        }
        for ph in &d.phases {
            let input = PhaseInput {
                pilot_id: pilot_id.clone(),
                name: ph.name.clone(),
                audience: ph.audience.clone(),
                planned_start: ph.planned_start.clone(),
                planned_end: ph.planned_end.clone(),
                oversight_note: ph.oversight_note.clone(),
            };
            pilot::insert_phase(tx, &input.validated()?)?;
        }
        for k in &d.kpis {
            let input = KpiInput {
                pilot_id: pilot_id.clone(),
                name: k.name.clone(),
                unit: k.unit.clone(),
                baseline: k.baseline,
                target: k.target,
                higher_is_better: k.higher_is_better,
            };
            pilot_operations::insert_kpi(tx, &pilot_id, &input.validated()?)?;
        }
        for i in &d.incidents {
            let input = IncidentInput {
                pilot_id: pilot_id.clone(),
                occurred_on: i.occurred_on.clone(),
                severity: i.severity,
                compliance: i.compliance,
                description: i.description.clone(),
                resolution: i.resolution.clone(),
                resolved_on: i.resolved_on.clone(),
            };
            pilot_operations::insert_incident(tx, &pilot_id, &input.validated()?, &i.recorded_by)?;
        }
        if let Some(series) = &d.monitoring {
            let start = chrono::NaiveDate::parse_from_str(&series.start, "%Y-%m-%d").map_err(|_| {
                crate::error::CoreError::Conflict(format!("the demo's series start {:?}", series.start))
            })?;
            let points: Vec<MonitoringPoint> = series
                .values
                .iter()
                .enumerate()
                .map(|(day, value)| MonitoringPoint {
                    observed_on: (start + chrono::Duration::days(day as i64)).format("%Y-%m-%d").to_string(),
                    metric: series.metric.clone(),
                    value: *value,
                })
                .collect();
            for p in &points {
                monitoring::insert_point(tx, &pilot_id, p)?;
            }
            // The alerts open as an import would open them.
            if let Some(settings) = drift_settings(&monitoring_part(tx, &use_case_id)?) {
                open_alerts(tx, &pilot_id, &points.iter().collect::<Vec<_>>(), settings)?;
            }
        }
        for f in &d.feedback {
            monitoring::insert_feedback(tx, &pilot_id, f)?;
        }
    }
    Ok(())
}

/// Runs the phases of each pilot whose case the stage gate let into pilot or scaled.
pub(super) fn roll_out(tx: &Tx, pilots: &[DemoPilot], id_of: impl Fn(&str) -> CoreResult<String>) -> CoreResult<()> {
    for d in pilots {
        let use_case_id = id_of(&d.use_case)?;
        if !stage_gate::gated(use_case::require(tx, &use_case_id)?.dossier.stage) {
            continue;
        }
        let Some(pilot_id) = pilot::id_for_use_case(tx, &use_case_id)? else { continue };
        let Some(stored) = pilot::get(tx, &pilot_id)? else { continue };
        for (phase, wanted) in stored.phases.iter().zip(&d.phases) {
            if wanted.status != PhaseStatus::Planned {
                pilot::set_phase_status(
                    tx,
                    &phase.id,
                    wanted.status,
                    wanted.actual_start.as_deref(),
                    wanted.actual_end.as_deref(),
                    None,
                )?;
            }
        }
    }
    Ok(())
}
