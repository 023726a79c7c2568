//! A pilot, pure: the constrained workflow, its protocols (training, fallback, evaluation with
//! acceptance thresholds) and its phases, each planned → running → done, or stopped with a reason.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{optional_text, required_text};
use crate::error::{CoreError, CoreResult};
use crate::pilots::operations::{Incident, Kpi};
use crate::registry::iso_date;
use crate::text_enum::text_enum;

const TEXT_MAX: usize = 2000;
const NAME_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PhaseStatus {
    Planned,
    Running,
    Done,
    Stopped,
}

text_enum!(PhaseStatus, "status", { Planned => "planned", Running => "running", Done => "done", Stopped => "stopped" });

/// A metric the evaluation protocol requires, with the threshold to reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AcceptanceMetric {
    pub metric: String,
    pub threshold: f64,
    pub higher_is_better: bool,
}

/// Training, fallback and evaluation protocols, defined before the pilot starts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Protocols {
    pub training_audience: String,
    pub training_materials: String,
    pub training_delivered_on: Option<String>,
    /// The manual process people fall back to.
    pub fallback_process: String,
    /// What triggers the fallback.
    pub fallback_trigger: String,
    pub fallback_owner: String,
    pub evaluation_suite: String,
    pub acceptance: Vec<AcceptanceMetric>,
}

impl Protocols {
    pub fn validated(&self) -> CoreResult<Protocols> {
        let text = |field: &str, v: &str, max: usize| optional_text(field, Some(v), max).map(Option::unwrap_or_default);
        let mut acceptance: Vec<AcceptanceMetric> = Vec::new();
        for a in &self.acceptance {
            let metric = required_text("acceptance", &a.metric, NAME_MAX)?;
            if !a.threshold.is_finite() {
                return Err(CoreError::invalid(
                    "acceptance",
                    format!("{metric}: the threshold must be a finite number"),
                ));
            }
            if acceptance.iter().any(|m| m.metric == metric) {
                return Err(CoreError::invalid("acceptance", format!("{metric} is listed twice")));
            }
            acceptance.push(AcceptanceMetric { metric, threshold: a.threshold, higher_is_better: a.higher_is_better });
        }
        Ok(Protocols {
            training_audience: text("training_audience", &self.training_audience, TEXT_MAX)?,
            training_materials: text("training_materials", &self.training_materials, TEXT_MAX)?,
            training_delivered_on: self
                .training_delivered_on
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| iso_date("training_delivered_on", d))
                .transpose()?,
            fallback_process: text("fallback_process", &self.fallback_process, TEXT_MAX)?,
            fallback_trigger: text("fallback_trigger", &self.fallback_trigger, TEXT_MAX)?,
            fallback_owner: text("fallback_owner", &self.fallback_owner, NAME_MAX)?,
            evaluation_suite: text("evaluation_suite", &self.evaluation_suite, NAME_MAX)?,
            acceptance,
        })
    }

    /// Which protocols are not yet defined, in words; empty when all three are.
    pub fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        if self.training_audience.is_empty() || self.training_materials.is_empty() {
            missing.push("training (audience, materials)".to_owned());
        }
        if self.fallback_process.is_empty() || self.fallback_trigger.is_empty() || self.fallback_owner.is_empty() {
            missing.push("fallback (manual process, trigger, owner)".to_owned());
        }
        if self.evaluation_suite.is_empty() || self.acceptance.is_empty() {
            missing.push("evaluation (suite, metrics with acceptance thresholds)".to_owned());
        }
        missing
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Phase {
    /// PH-001
    pub id: String,
    pub position: u32,
    pub name: String,
    /// Who uses it in this phase ("two regional claims teams").
    pub audience: String,
    pub planned_start: String,
    pub planned_end: String,
    pub actual_start: Option<String>,
    pub actual_end: Option<String>,
    pub status: PhaseStatus,
    pub stop_reason: Option<String>,
    /// Oversight for this audience where it differs from the use case's plan.
    pub oversight_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhaseInput {
    pub pilot_id: String,
    pub name: String,
    pub audience: String,
    pub planned_start: String,
    pub planned_end: String,
    #[serde(default)]
    pub oversight_note: String,
}

impl PhaseInput {
    pub fn validated(&self) -> CoreResult<PhaseInput> {
        let planned_start = iso_date("planned_start", &self.planned_start)?;
        let planned_end = iso_date("planned_end", &self.planned_end)?;
        if planned_end < planned_start {
            return Err(CoreError::invalid(
                "planned_end",
                format!("{planned_end} is before the start {planned_start}"),
            ));
        }
        Ok(PhaseInput {
            pilot_id: required_text("pilot_id", &self.pilot_id, 40)?,
            name: required_text("name", &self.name, NAME_MAX)?,
            audience: required_text("audience", &self.audience, TEXT_MAX)?,
            planned_start,
            planned_end,
            oversight_note: optional_text("oversight_note", Some(&self.oversight_note), TEXT_MAX)?.unwrap_or_default(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Pilot {
    /// PIL-001
    pub id: String,
    pub use_case_id: String,
    pub use_case_title: String,
    /// The constrained workflow in scope.
    pub workflow: String,
    pub protocols: Protocols,
    /// Protocols not yet defined; empty when all three are.
    pub missing_protocols: Vec<String>,
    pub phases: Vec<Phase>,
    pub kpis: Vec<Kpi>,
    /// Newest first.
    pub incidents: Vec<Incident>,
    pub created_by: String,
}

impl Pilot {
    /// The phase running now, if any.
    pub fn running(&self) -> Option<&Phase> {
        self.phases.iter().find(|p| p.status == PhaseStatus::Running)
    }

    /// Whether the pilot has started (a phase ran or runs).
    pub fn started(&self) -> bool {
        self.phases.iter().any(|p| p.status != PhaseStatus::Planned)
    }

    /// Whether every phase is done: the pilot has rolled out to its last audience.
    pub fn completed(&self) -> bool {
        !self.phases.is_empty() && self.phases.iter().all(|p| p.status == PhaseStatus::Done)
    }
}
