//! A pilot in operation, pure: the KPIs it is judged by (baseline, target, direction) and the
//! incidents met on the way (severity, compliance or not, resolution).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{optional_text, required_text};
use crate::error::{CoreError, CoreResult};
use crate::registry::iso_date;
use crate::text_enum::text_enum;

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 4000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiInput {
    /// PIL-001, or the use case's id.
    pub pilot_id: String,
    pub name: String,
    /// "minutes", "%", "EUR per claim".
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub higher_is_better: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kpi {
    /// KPI-001
    pub id: String,
    pub pilot_id: String,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub higher_is_better: bool,
}

impl KpiInput {
    pub fn validated(&self) -> CoreResult<KpiInput> {
        for (field, value) in [("baseline", self.baseline), ("target", self.target)] {
            if !value.is_finite() {
                return Err(CoreError::invalid(field, "must be a finite number"));
            }
        }
        let moves_the_right_way =
            if self.higher_is_better { self.target > self.baseline } else { self.target < self.baseline };
        if !moves_the_right_way {
            return Err(CoreError::invalid(
                "target",
                format!(
                    "{} does not improve on the baseline {} when {} is better",
                    self.target,
                    self.baseline,
                    if self.higher_is_better { "higher" } else { "lower" }
                ),
            ));
        }
        Ok(KpiInput {
            pilot_id: required_text("pilot_id", &self.pilot_id, 40)?,
            name: required_text("name", &self.name, NAME_MAX)?,
            unit: required_text("unit", &self.unit, 40)?,
            ..self.clone()
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

text_enum!(Severity, "severity", { Low => "low", Medium => "medium", High => "high", Critical => "critical" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IncidentInput {
    /// PIL-001, or the use case's id.
    pub pilot_id: String,
    pub occurred_on: String,
    pub severity: Severity,
    /// A compliance incident (a breach of policy or regulation), not only an operational one.
    pub compliance: bool,
    pub description: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub resolved_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Incident {
    /// INC-001
    pub id: String,
    pub pilot_id: String,
    pub occurred_on: String,
    pub severity: Severity,
    pub compliance: bool,
    pub description: String,
    pub resolution: String,
    pub resolved_on: Option<String>,
    pub recorded_by: String,
}

impl Incident {
    pub fn open(&self) -> bool {
        self.resolved_on.is_none()
    }
}

impl IncidentInput {
    pub fn validated(&self) -> CoreResult<IncidentInput> {
        let occurred_on = iso_date("occurred_on", &self.occurred_on)?;
        let resolution = optional_text("resolution", Some(&self.resolution), TEXT_MAX)?.unwrap_or_default();
        let resolved_on = self
            .resolved_on
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| iso_date("resolved_on", d))
            .transpose()?;
        if let Some(resolved) = &resolved_on {
            if *resolved < occurred_on {
                return Err(CoreError::invalid(
                    "resolved_on",
                    format!("{resolved} is before the incident occurred ({occurred_on})"),
                ));
            }
            if resolution.is_empty() {
                return Err(CoreError::invalid("resolution", "say how it was resolved"));
            }
        }
        Ok(IncidentInput {
            pilot_id: required_text("pilot_id", &self.pilot_id, 40)?,
            occurred_on,
            severity: self.severity,
            compliance: self.compliance,
            description: required_text("description", &self.description, TEXT_MAX)?,
            resolution,
            resolved_on,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(baseline: f64, target: f64, higher_is_better: bool) -> KpiInput {
        KpiInput {
            pilot_id: "PIL-001".into(),
            name: "Handling time".into(),
            unit: "minutes".into(),
            baseline,
            target,
            higher_is_better,
        }
    }

    #[test]
    fn a_target_must_improve_on_the_baseline_in_the_kpis_direction() {
        assert!(kpi(30.0, 20.0, false).validated().is_ok());
        assert!(kpi(30.0, 40.0, false).validated().is_err());
        assert!(kpi(0.7, 0.9, true).validated().is_ok());
        assert!(kpi(0.7, 0.7, true).validated().is_err());
        assert!(kpi(f64::NAN, 1.0, true).validated().is_err());
    }

    #[test]
    fn a_resolved_incident_says_how_and_not_before_it_occurred() {
        let base = IncidentInput {
            pilot_id: "PIL-001".into(),
            occurred_on: "2026-10-02".into(),
            severity: Severity::High,
            compliance: true,
            description: "An answer quoted a withdrawn product sheet".into(),
            resolution: String::new(),
            resolved_on: None,
        };
        assert!(base.validated().is_ok());
        let unexplained = IncidentInput { resolved_on: Some("2026-10-03".into()), ..base.clone() };
        assert!(matches!(unexplained.validated(), Err(CoreError::Invalid { ref field, .. }) if field == "resolution"));
        let early = IncidentInput {
            resolved_on: Some("2026-10-01".into()),
            resolution: "Sheet removed from the index".into(),
            ..base
        };
        assert!(matches!(early.validated(), Err(CoreError::Invalid { ref field, .. }) if field == "resolved_on"));
    }
}
