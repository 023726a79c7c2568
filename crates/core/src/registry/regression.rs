//! The regression gate's comparison, pure: a candidate adapter version's metrics against a
//! reference (the version deployed before it for the same use case, or the use case's recorded
//! baseline). Each metric of the reference must be measured for the candidate on the same suite
//! and be no worse than the reference by more than its tolerance, in the metric's direction.
//! Of several evaluations of one version on one suite, the latest counts.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Evaluation, Metric};

/// The regression gate's verdict on deploying (or expanding with) one adapter version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegressionCheck {
    pub adapter_version_id: String,
    /// "claims-triage 2.1.0"
    pub label: String,
    pub use_case_id: Option<String>,
    pub reference: RegressionReference,
    /// One row per metric of the reference.
    pub comparisons: Vec<MetricComparison>,
    /// Every metric holds (or there is nothing to compare with).
    pub passes: bool,
    /// Executives' recorded decisions that let this version through despite the gate.
    pub decisions: Vec<GateDecision>,
}

impl RegressionCheck {
    /// Why the gate refuses, metric by metric; `None` when it passes.
    pub fn refusal(&self) -> Option<String> {
        if self.passes {
            return None;
        }
        let against = match &self.reference {
            RegressionReference::Deployed { adapter_version_id, label } => format!(
                "against {adapter_version_id} ({label}), the version deployed before it for {}",
                self.use_case_id.as_deref().unwrap_or("its use case")
            ),
            RegressionReference::Baseline { evaluation_id } => format!(
                "against the baseline evaluation {evaluation_id} of {}",
                self.use_case_id.as_deref().unwrap_or("its use case")
            ),
            RegressionReference::Nothing | RegressionReference::AlreadyDeployed => String::new(),
        };
        let failing: Vec<String> = self
            .comparisons
            .iter()
            .filter(|c| c.verdict != MetricVerdict::Holds)
            .map(MetricComparison::describe)
            .collect();
        Some(format!(
            "{} ({}) fails the regression gate {against}: {}. Evaluate it on the same suite, set a tolerance for the \
             metric, or have an executive record a decision with a rationale",
            self.adapter_version_id,
            self.label,
            failing.join("; ")
        ))
    }
}

/// How much worse one metric may get for a use case and still pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Tolerance {
    pub use_case_id: String,
    pub suite: String,
    pub metric: String,
    pub tolerance: f64,
    pub set_by: String,
    pub set_at: DateTime<Utc>,
}

/// An executive's recorded decision to let something through a gate that refused it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GateDecision {
    /// GD-001
    pub id: String,
    pub gate: String,
    pub use_case_id: Option<String>,
    /// What the decision let through (an adapter version id).
    pub subject_id: String,
    pub decided_by: String,
    pub decided_at: DateTime<Utc>,
    pub rationale: String,
    /// The gate's refusal, as it read when the decision was taken.
    pub refusal: String,
}

/// What the candidate is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RegressionReference {
    /// The version of the use case's adapters deployed before (the latest deployment).
    Deployed { adapter_version_id: String, label: String },
    /// No version was deployed yet: the use case's recorded baseline evaluation.
    Baseline { evaluation_id: String },
    /// Nothing to compare with: no earlier deployment and no baseline (or no use case).
    Nothing,
    /// The version is already the one deployed last for its use case: nothing new goes out.
    AlreadyDeployed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricVerdict {
    /// No worse than the reference beyond the tolerance.
    Holds,
    /// Worse than the reference beyond the tolerance.
    Worse,
    /// The candidate has no evaluation of this metric on this suite.
    NotMeasured,
    /// Neither evaluation says whether higher is better, so "worse" cannot be told.
    DirectionUnknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricComparison {
    pub suite: String,
    pub metric: String,
    /// The reference's value.
    pub before: f64,
    /// The candidate's value, when measured.
    pub after: Option<f64>,
    /// after − before.
    pub difference: Option<f64>,
    /// How much worse the metric may get and still pass (0 unless set for the use case).
    pub tolerance: f64,
    pub higher_is_better: Option<bool>,
    pub verdict: MetricVerdict,
}

impl MetricComparison {
    /// "mmlu acc 0.8120 → 0.7800 (−0.0320, tolerance 0)" or why it could not be compared.
    pub fn describe(&self) -> String {
        let name = format!("{} {}", self.suite, self.metric);
        match (self.verdict, self.after, self.difference) {
            (MetricVerdict::NotMeasured, _, _) => {
                format!("{name}: not measured for the new version (was {})", figure(self.before))
            }
            (MetricVerdict::DirectionUnknown, Some(after), _) => format!(
                "{name}: {} → {}, but no evaluation says whether higher is better (import it with higher_is_better)",
                figure(self.before),
                figure(after)
            ),
            (_, Some(after), Some(difference)) => format!(
                "{name} {} → {} ({}{}, tolerance {})",
                figure(self.before),
                figure(after),
                if difference < 0.0 { "−" } else { "+" },
                figure(difference.abs()),
                figure(self.tolerance)
            ),
            _ => name,
        }
    }
}

/// A figure as people read it: up to four decimals, no trailing zeros.
fn figure(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// The metrics that count for a version: per (suite, metric), the value from the latest
/// evaluation measuring that suite. `evaluations` are in run order (run date, then id).
pub fn latest_metrics(evaluations: &[Evaluation]) -> BTreeMap<(String, String), Metric> {
    let mut latest_on_suite: BTreeMap<String, &Evaluation> = BTreeMap::new();
    for evaluation in evaluations {
        for metric in &evaluation.metrics {
            latest_on_suite.insert(metric.suite.clone(), evaluation);
        }
    }
    let mut metrics = BTreeMap::new();
    for (suite, evaluation) in latest_on_suite {
        for metric in evaluation.metrics.iter().filter(|m| m.suite == suite) {
            metrics.insert((metric.suite.clone(), metric.metric.clone()), metric.clone());
        }
    }
    metrics
}

/// Compares every metric of `reference` with the candidate's. `tolerance` gives a metric's
/// allowed worsening (absolute, in the metric's unit).
pub fn compare(
    reference: &BTreeMap<(String, String), Metric>,
    candidate: &BTreeMap<(String, String), Metric>,
    tolerance: impl Fn(&str, &str) -> f64,
) -> Vec<MetricComparison> {
    reference
        .iter()
        .map(|((suite, metric), before)| {
            let tolerance = tolerance(suite, metric);
            let after = candidate.get(&(suite.clone(), metric.clone()));
            let higher_is_better = after.and_then(|a| a.higher_is_better).or(before.higher_is_better);
            let verdict = match (after, higher_is_better) {
                (None, _) => MetricVerdict::NotMeasured,
                (Some(_), None) => MetricVerdict::DirectionUnknown,
                (Some(a), Some(higher)) => {
                    let worsening = if higher { before.value - a.value } else { a.value - before.value };
                    // A hair of float noise is not a regression: values come from files with
                    // a handful of digits.
                    if worsening > tolerance + 1e-12 {
                        MetricVerdict::Worse
                    } else {
                        MetricVerdict::Holds
                    }
                }
            };
            MetricComparison {
                suite: suite.clone(),
                metric: metric.clone(),
                before: before.value,
                after: after.map(|a| a.value),
                difference: after.map(|a| a.value - before.value),
                tolerance,
                higher_is_better,
                verdict,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(suite: &str, name: &str, value: f64, higher: Option<bool>) -> Metric {
        Metric { suite: suite.into(), metric: name.into(), value, stderr: None, higher_is_better: higher }
    }

    fn map(metrics: &[Metric]) -> BTreeMap<(String, String), Metric> {
        metrics.iter().map(|m| ((m.suite.clone(), m.metric.clone()), m.clone())).collect()
    }

    #[test]
    fn a_worse_metric_beyond_its_tolerance_fails_in_either_direction() {
        let before = map(&[metric("qa", "acc", 0.80, Some(true)), metric("qa", "ppl", 10.0, Some(false))]);
        let after = map(&[metric("qa", "acc", 0.78, Some(true)), metric("qa", "ppl", 10.5, Some(false))]);
        let result = compare(&before, &after, |_, _| 0.0);
        assert!(result.iter().all(|c| c.verdict == MetricVerdict::Worse), "{result:?}");
        assert_eq!(result[0].describe(), "qa acc 0.8 → 0.78 (−0.02, tolerance 0)");
        // Within tolerance it holds; better always holds.
        let result = compare(&before, &after, |_, m| if m == "acc" { 0.02 } else { 1.0 });
        assert!(result.iter().all(|c| c.verdict == MetricVerdict::Holds), "{result:?}");
        let better = map(&[metric("qa", "acc", 0.9, Some(true)), metric("qa", "ppl", 9.0, Some(false))]);
        assert!(compare(&before, &better, |_, _| 0.0).iter().all(|c| c.verdict == MetricVerdict::Holds));
    }

    #[test]
    fn a_metric_not_measured_or_without_direction_cannot_pass() {
        let before = map(&[metric("qa", "acc", 0.8, Some(true)), metric("qa", "f1", 0.7, None)]);
        let after = map(&[metric("qa", "f1", 0.9, None), metric("other", "acc", 0.99, Some(true))]);
        let result = compare(&before, &after, |_, _| 0.0);
        assert_eq!(result[0].verdict, MetricVerdict::NotMeasured);
        assert_eq!(result[1].verdict, MetricVerdict::DirectionUnknown);
        assert!(result[0].describe().contains("not measured"));
    }

    #[test]
    fn the_latest_evaluation_on_a_suite_counts() {
        let evaluation = |id: &str, metrics: Vec<Metric>| Evaluation {
            id: id.into(),
            adapter_version_id: "AV-1".into(),
            format: super::super::EvaluationFormat::Csv,
            title: id.into(),
            file_name: "e.csv".into(),
            sha256: "0".repeat(64),
            run_on: "2026-01-01".into(),
            run_by: "x".into(),
            imported_at: chrono::Utc::now(),
            metrics,
            baseline_for: vec![],
        };
        let older = evaluation("EV-1", vec![metric("qa", "acc", 0.7, Some(true)), metric("qa", "f1", 0.5, Some(true))]);
        let newer = evaluation("EV-2", vec![metric("qa", "acc", 0.9, Some(true))]);
        let latest = latest_metrics(&[older, newer]);
        assert_eq!(latest[&("qa".into(), "acc".into())].value, 0.9);
        // The newer run on the suite replaces the older one whole: f1 is no longer measured.
        assert!(!latest.contains_key(&("qa".into(), "f1".into())));
    }
}
