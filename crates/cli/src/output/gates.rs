//! Output for the gates that guard an expansion: the regression gate's metric-by-metric check
//! and the tolerances a use case allows.

use steerco_api::types::{RegressionCheck, Tolerance};
use steerco_core::registry::regression::{MetricVerdict, RegressionReference};

use super::{emit, json, table, Printed};

pub fn regression(c: &RegressionCheck, as_json: bool) -> Printed {
    if as_json {
        return json(c);
    }
    let use_case = c.use_case_id.as_deref().unwrap_or("no use case");
    let mut text = format!("Regression gate for {} ({}, {use_case})\n", c.adapter_version_id, c.label);
    match &c.reference {
        RegressionReference::Nothing => {
            text.push_str("Nothing to compare with: no version was deployed before and no baseline is recorded.\n")
        }
        RegressionReference::AlreadyDeployed => {
            text.push_str("Already the version deployed last for its use case: nothing new goes out.\n")
        }
        RegressionReference::Deployed { adapter_version_id, label } => {
            text.push_str(&format!("Compared with {adapter_version_id} ({label}), the version deployed before it.\n"))
        }
        RegressionReference::Baseline { evaluation_id } => {
            text.push_str(&format!("Compared with the baseline evaluation {evaluation_id} (nothing deployed yet).\n"))
        }
    }
    if !c.comparisons.is_empty() {
        let rows: Vec<Vec<String>> = c
            .comparisons
            .iter()
            .map(|m| {
                vec![
                    m.suite.clone(),
                    m.metric.clone(),
                    m.before.to_string(),
                    m.after.map_or("—".into(), |a| a.to_string()),
                    m.difference.map_or("—".into(), |d| format!("{d:+.4}")),
                    m.tolerance.to_string(),
                    match m.higher_is_better {
                        Some(true) => "higher".into(),
                        Some(false) => "lower".into(),
                        None => "unknown".into(),
                    },
                    match m.verdict {
                        MetricVerdict::Holds => "holds",
                        MetricVerdict::Worse => "WORSE",
                        MetricVerdict::NotMeasured => "NOT MEASURED",
                        MetricVerdict::DirectionUnknown => "DIRECTION UNKNOWN",
                    }
                    .into(),
                ]
            })
            .collect();
        text.push_str(&table(&["SUITE", "METRIC", "BEFORE", "NOW", "CHANGE", "TOLERANCE", "BETTER", "VERDICT"], &rows));
    }
    match c.refusal() {
        None => text.push_str("Passes.\n"),
        Some(refusal) => text.push_str(&format!("Fails: {refusal}.\n")),
    }
    for d in &c.decisions {
        text.push_str(&format!(
            "Let through by {} ({}, {}): {}\n",
            d.decided_by,
            d.id,
            d.decided_at.format("%Y-%m-%d"),
            d.rationale
        ));
    }
    emit(&text)
}

pub fn tolerances(t: &[Tolerance], as_json: bool) -> Printed {
    if as_json {
        return json(t);
    }
    if t.is_empty() {
        return emit("No tolerance set: no metric may get worse than the version deployed before.\n");
    }
    let rows: Vec<Vec<String>> =
        t.iter().map(|t| vec![t.suite.clone(), t.metric.clone(), t.tolerance.to_string(), t.set_by.clone()]).collect();
    emit(&table(&["SUITE", "METRIC", "TOLERANCE", "SET BY"], &rows))
}
