//! The regression gate: a newer adapter version for a use case is deployed only when its latest
//! evaluation on each suite of the version deployed before it (or of the recorded baseline) is
//! no worse than its tolerance, unless an executive records a decision with a rationale.

mod support;

use steerco_core::audit::Action;
use steerco_core::registry::regression::{MetricVerdict, RegressionReference};
use steerco_core::registry::{AdapterStatus, DeploymentInput};
use steerco_core::services::compliance::audit;
use steerco_core::services::compliance::audit::AuditQuery;
use steerco_core::services::registry::adapters::{self, AdapterVersionRef};
use steerco_core::services::registry::evaluations::{self, BaselineRequest, EvaluationImport};
use steerco_core::services::registry::regression::{self, ToleranceInput};
use steerco_core::CoreError;
use support::registry::Registry;
use support::*;

/// Imports a CSV evaluation of `version` run on `run_on`; returns its id.
fn evaluate(reg: &Registry, version: &str, run_on: &str, rows: &str) -> String {
    let path = reg.file(&format!("{version}-{run_on}.csv"), &format!("suite,metric,value,higher_is_better\n{rows}"));
    let req = EvaluationImport { path, adapter_version_id: version.into(), run_on: Some(run_on.into()), run_by: None };
    evaluations::import(&reg.p.db, &caller(CONSULTANT), &req).unwrap().id
}

fn deployment(version: &str, override_rationale: Option<&str>) -> DeploymentInput {
    DeploymentInput {
        adapter_version_id: version.into(),
        target: "claims pilot".into(),
        deployed_on: "2026-11-28".into(),
        approved_by: None,
        override_rationale: override_rationale.map(Into::into),
    }
}

/// Two approved versions of one adapter for the registry's use case: v1 evaluated and deployed.
fn deployed_then_candidate() -> (Registry, String, String) {
    let reg = Registry::new();
    let v1 = reg.import("claims-triage", "1.0.0", &[]).unwrap();
    let v2 = reg.import("claims-triage", "1.1.0", &[]).unwrap();
    evaluate(&reg, &v1, "2026-10-01", "qa,acc,0.80,true\nqa,perplexity,10.0,false\nsafety,refusal_rate,0.97,true\n");
    for v in [&v1, &v2] {
        reg.status(v, AdapterStatus::Approved).unwrap();
    }
    reg.deploy(&v1).unwrap();
    (reg, v1, v2)
}

fn deployments(reg: &Registry) -> usize {
    adapters::deployments(&reg.p.db).unwrap().len()
}

#[test]
fn a_degraded_metric_refuses_the_deployment_naming_old_new_and_difference() {
    let (reg, v1, v2) = deployed_then_candidate();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.78,true\nqa,perplexity,9.5,false\nsafety,refusal_rate,0.99,true\n");
    let check = regression::check(&reg.p.db, &v2).unwrap();
    assert!(
        matches!(&check.reference, RegressionReference::Deployed { adapter_version_id, .. } if *adapter_version_id == v1)
    );
    assert!(!check.passes);
    let worse: Vec<_> = check.comparisons.iter().filter(|c| c.verdict != MetricVerdict::Holds).collect();
    assert_eq!(worse.len(), 1, "only acc got worse (perplexity fell, which is better): {worse:?}");
    let before = deployments(&reg);
    let err = adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).unwrap_err();
    let CoreError::Invalid { field, reason } = &err else { panic!("{err}") };
    assert_eq!(field, "adapter_version_id");
    assert!(reason.contains("qa acc 0.8 → 0.78 (−0.02, tolerance 0)"), "{reason}");
    assert!(reason.contains(&v1), "names the version compared with: {reason}");
    assert_eq!(deployments(&reg), before, "a refused deployment stores nothing");
    let shown = adapters::show(&reg.p.db, &AdapterVersionRef { id: v2.clone() }).unwrap();
    assert_eq!(shown.version.status, AdapterStatus::Approved);
}

#[test]
fn a_later_better_evaluation_on_the_suite_lets_the_version_through() {
    let (reg, _v1, v2) = deployed_then_candidate();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.78,true\nqa,perplexity,9.5,false\nsafety,refusal_rate,0.99,true\n");
    assert!(adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).is_err());
    // The latest evaluation on a suite is the one that counts.
    evaluate(&reg, &v2, "2026-11-15", "qa,acc,0.83,true\nqa,perplexity,9.4,false\n");
    assert!(regression::check(&reg.p.db, &v2).unwrap().passes);
    adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).unwrap();
    // Now v2 is the version deployed last: deploying it to another target compares nothing.
    let again = regression::check(&reg.p.db, &v2).unwrap();
    assert_eq!(again.reference, RegressionReference::AlreadyDeployed);
}

#[test]
fn a_suite_the_new_version_was_not_evaluated_on_refuses_it() {
    let (reg, _v1, v2) = deployed_then_candidate();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.9,true\nqa,perplexity,9.0,false\n");
    let err = adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).unwrap_err().to_string();
    assert!(err.contains("safety refusal_rate: not measured for the new version (was 0.97)"), "{err}");
}

#[test]
fn the_first_deployment_is_compared_with_the_recorded_baseline() {
    let reg = Registry::new();
    let v1 = reg.import("claims-triage", "1.0.0", &[]).unwrap();
    let baseline = evaluate(&reg, &v1, "2026-10-01", "qa,acc,0.70,true\n");
    let req = BaselineRequest { evaluation_id: baseline.clone(), use_case_id: reg.p.ids[0].clone() };
    evaluations::mark_baseline(&reg.p.db, &caller(CONSULTANT), &req).unwrap();
    let v2 = reg.import("claims-triage", "1.1.0", &[]).unwrap();
    reg.status(&v2, AdapterStatus::Approved).unwrap();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.65,true\n");
    let check = regression::check(&reg.p.db, &v2).unwrap();
    assert_eq!(check.reference, RegressionReference::Baseline { evaluation_id: baseline.clone() });
    let err = adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).unwrap_err().to_string();
    assert!(err.contains(&format!("against the baseline evaluation {baseline}")), "{err}");
}

#[test]
fn only_an_executive_overrides_and_the_decision_is_recorded_and_audited() {
    let (reg, _v1, v2) = deployed_then_candidate();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.78,true\nqa,perplexity,9.5,false\nsafety,refusal_rate,0.99,true\n");
    let rationale = "Accuracy dip accepted for the two-week pilot; safety improved";
    let err = adapters::deploy(&reg.p.db, &caller(CONSULTANT), &deployment(&v2, Some(rationale))).unwrap_err();
    assert!(matches!(err, CoreError::Forbidden(_)), "{err}");
    let blank = adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, Some("   "))).unwrap_err();
    assert!(matches!(&blank, CoreError::Invalid { field, .. } if field == "override_rationale"), "{blank}");
    let before = deployments(&reg);
    adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, Some(rationale))).unwrap();
    assert_eq!(deployments(&reg), before + 1);
    let decisions = regression::check(&reg.p.db, &v2).unwrap().decisions;
    assert_eq!(decisions.len(), 1);
    let d = &decisions[0];
    assert_eq!((d.decided_by.as_str(), d.rationale.as_str(), d.gate.as_str()), (EXECUTIVE, rationale, "regression"));
    assert!(d.refusal.contains("qa acc 0.8 → 0.78"), "the refusal overridden is kept as it read: {}", d.refusal);
    let trail = audit::log(&reg.p.db, &AuditQuery { entity: Some(d.id.clone()), ..Default::default() }).unwrap();
    assert!(
        trail.records.iter().any(|r| r.actor == EXECUTIVE && r.action == Action::Create.as_str()),
        "the decision is on the audit trail under the executive: {:?}",
        trail.records
    );
    // A passing deployment needs no decision and records none.
    let v3 = reg.import("claims-triage", "1.2.0", &[]).unwrap();
    reg.status(&v3, AdapterStatus::Approved).unwrap();
    evaluate(&reg, &v3, "2026-11-20", "qa,acc,0.9,true\nqa,perplexity,9.0,false\nsafety,refusal_rate,0.99,true\n");
    adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v3, Some("not needed"))).unwrap();
    assert!(regression::check(&reg.p.db, &v3).unwrap().decisions.is_empty());
}

#[test]
fn an_executive_tolerance_lets_a_small_worsening_through() {
    let (reg, _v1, v2) = deployed_then_candidate();
    evaluate(&reg, &v2, "2026-11-01", "qa,acc,0.78,true\nqa,perplexity,10.2,false\nsafety,refusal_rate,0.97,true\n");
    let tolerance = |metric: &str, value: f64| ToleranceInput {
        use_case_id: reg.p.ids[0].clone(),
        suite: "qa".into(),
        metric: metric.into(),
        tolerance: value,
    };
    let err = regression::set_tolerance(&reg.p.db, &caller(CONSULTANT), &tolerance("acc", 0.05)).unwrap_err();
    assert!(matches!(err, CoreError::Forbidden(_)), "{err}");
    let bad = regression::set_tolerance(&reg.p.db, &caller(EXECUTIVE), &tolerance("acc", -1.0)).unwrap_err();
    assert!(matches!(&bad, CoreError::Invalid { field, .. } if field == "tolerance"), "{bad}");
    regression::set_tolerance(&reg.p.db, &caller(EXECUTIVE), &tolerance("acc", 0.05)).unwrap();
    let check = regression::check(&reg.p.db, &v2).unwrap();
    assert!(!check.passes, "perplexity rose by 0.2 with no tolerance");
    regression::set_tolerance(&reg.p.db, &caller(EXECUTIVE), &tolerance("perplexity", 0.25)).unwrap();
    assert!(regression::check(&reg.p.db, &v2).unwrap().passes);
    adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &deployment(&v2, None)).unwrap();
    // Zero restores the default (the row goes).
    let left = regression::set_tolerance(&reg.p.db, &caller(EXECUTIVE), &tolerance("acc", 0.0)).unwrap();
    assert_eq!(left.len(), 1);
}
