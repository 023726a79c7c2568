//! A use case's architecture blueprint: four owned parts, each reviewed by someone other than
//! its owner once complete; any change to a part clears its review.

mod support;

use steerco_core::pilots::blueprint::{
    BlueprintPart, DriftDirection, MonitoringPart, PartContent, PoliciesPart, RegistryPart,
};
use steerco_core::services::pilots::blueprint::{self, BlueprintPartUpdate, BlueprintReview};
use steerco_core::CoreError;
use support::registry::Registry;
use support::*;

fn monitoring(threshold: f64) -> PartContent {
    PartContent::Monitoring(MonitoringPart {
        traced_what: "prompts, completions, latency".into(),
        traced_where: "OpenTelemetry to Tempo".into(),
        drift_metric: "escalation_rate".into(),
        drift_baseline: Some(0.12),
        drift_threshold: Some(threshold),
        drift_direction: Some(DriftDirection::Above),
        drift_check_frequency: "daily".into(),
        feedback_channel: "thumbs in the claims tool".into(),
        feedback_owner: CONSULTANT.into(),
        feedback_review_frequency: "weekly".into(),
    })
}

#[test]
fn a_change_clears_the_review_and_an_unchanged_save_keeps_it() {
    let reg = Registry::new();
    let db = &reg.p.db;
    let uc = reg.p.ids[0].clone();
    let set = |content: PartContent| {
        let req = BlueprintPartUpdate { use_case_id: uc.clone(), owner: CONSULTANT.into(), content };
        blueprint::set_part(db, &caller(CONSULTANT), &req)
    };
    let review = |who: &str| {
        blueprint::review(
            db,
            &caller(who),
            &BlueprintReview { use_case_id: uc.clone(), part: BlueprintPart::Monitoring },
        )
    };
    let fresh = blueprint::get(db, &uc).unwrap();
    assert_eq!(fresh.parts.len(), 4);
    assert!(fresh.parts.iter().all(|p| p.updated_by.is_none() && !p.missing.is_empty()));
    // Half-done is saved, but cannot be reviewed.
    let half = PartContent::Monitoring(MonitoringPart { traced_what: "prompts".into(), ..Default::default() });
    set(half).unwrap();
    let err = review(OFFICER).unwrap_err().to_string();
    assert!(err.contains("not complete") && err.contains("drift detection"), "{err}");
    set(monitoring(0.2)).unwrap();
    let err = review(CONSULTANT).unwrap_err().to_string();
    assert!(err.contains("someone else reviews it"), "the owner does not review their own part: {err}");
    let reviewed = review(OFFICER).unwrap();
    assert_eq!(reviewed.part(BlueprintPart::Monitoring).reviewed_by.as_deref(), Some(OFFICER));
    // Saving the same content keeps the stamp; a changed threshold clears it.
    let same = set(monitoring(0.2)).unwrap();
    assert!(same.part(BlueprintPart::Monitoring).reviewed());
    let changed = set(monitoring(0.25)).unwrap();
    assert!(!changed.part(BlueprintPart::Monitoring).reviewed(), "a change clears the review");
    assert!(!changed.complete_and_reviewed());
}

#[test]
fn links_must_hold_and_fields_are_refused_by_name() {
    let reg = Registry::new();
    let db = &reg.p.db;
    let uc = reg.p.ids[0].clone();
    let set = |owner: &str, content: PartContent| {
        let req = BlueprintPartUpdate { use_case_id: uc.clone(), owner: owner.into(), content };
        blueprint::set_part(db, &caller(CONSULTANT), &req)
    };
    let field_of = |e: CoreError| match e {
        CoreError::Invalid { field, .. } => field,
        other => panic!("{other}"),
    };
    let policies = PartContent::Policies(PoliciesPart { policy_ids: vec!["POL-999".into()] });
    assert_eq!(field_of(set(CONSULTANT, policies).unwrap_err()), "policy_ids");
    let registry = PartContent::Registry(RegistryPart { adapter_version_id: Some("AV-404".into()) });
    assert_eq!(field_of(set(CONSULTANT, registry).unwrap_err()), "adapter_version_id");
    assert_eq!(field_of(set("  ", monitoring(0.2)).unwrap_err()), "owner");
    let unknown_case =
        BlueprintPartUpdate { use_case_id: "UC-404".into(), owner: "x".into(), content: monitoring(0.2) };
    assert_eq!(field_of(blueprint::set_part(db, &caller(CONSULTANT), &unknown_case).unwrap_err()), "use_case_id");
    // A version of this case's adapter is accepted.
    let v = reg.import("claims-triage", "1.0.0", &[]).unwrap();
    let ok = set(CONSULTANT, PartContent::Registry(RegistryPart { adapter_version_id: Some(v.clone()) })).unwrap();
    assert!(ok.part(BlueprintPart::Registry).missing.is_empty());
}
