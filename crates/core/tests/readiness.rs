//! The launch readiness gate: a use case made ready item by item, then each item taken away on
//! its own — `pilot start` is refused naming exactly that item, and starts once all hold.

mod support;

use steerco_core::pilots::blueprint::{PartContent, RegistryPart};
use steerco_core::pilots::pilot::{PhaseInput, PhaseStatus};
use steerco_core::services::pilots::blueprint::{self, BlueprintPartUpdate};
use steerco_core::services::pilots::readiness;
use steerco_core::services::pilots::rollout::{self as pilots, PilotStart};
use steerco_core::services::registry::evaluations::{self, EvaluationImport};
use support::launch::{ready_case as case, Case, Leave};
use support::*;

const ITEMS: [&str; 7] = ["blueprint", "signoff", "protocols", "oversight", "baseline", "lineage", "monitoring"];

fn start(c: &Case) -> steerco_core::CoreResult<steerco_core::pilots::pilot::Pilot> {
    let req = PilotStart { pilot_id: c.pilot.clone(), on: Some("2026-12-01".into()) };
    pilots::start(&c.reg.p.db, &caller(CONSULTANT), &req)
}

#[test]
fn each_missing_item_alone_refuses_the_start_by_name() {
    for key in ITEMS {
        let c = case(Leave::Out(key));
        let r = readiness::check(&c.reg.p.db, &c.uc).unwrap();
        let unmet: Vec<&str> = r.items.iter().filter(|i| !i.met).map(|i| i.key.as_str()).collect();
        let expected: &[&str] = if key == "monitoring" { &["blueprint", "monitoring"] } else { &[key] };
        assert_eq!(unmet, expected, "leaving out {key}: {:#?}", r.items);
        assert!(!r.ready);
        let err = start(&c).unwrap_err().to_string();
        let title = &r.items.iter().find(|i| i.key == key).unwrap().title;
        assert!(err.contains(title.as_str()), "the refusal names {title:?}: {err}");
        let pilot =
            pilots::get(&c.reg.p.db, &steerco_core::services::pilots::rollout::PilotRef { id: c.pilot.clone() });
        assert_eq!(pilot.unwrap().phases[0].status, PhaseStatus::Planned, "a refused start changes nothing");
    }
}

#[test]
fn a_ready_case_starts_its_first_phase_once() {
    let c = case(Leave::Nothing);
    let r = readiness::check(&c.reg.p.db, &c.uc).unwrap();
    assert!(r.ready, "{:#?}", r.items);
    assert_eq!(r.items.iter().map(|i| i.key.as_str()).collect::<Vec<_>>(), ITEMS);
    let started = start(&c).unwrap();
    assert_eq!(started.phases[0].status, PhaseStatus::Running);
    assert_eq!(started.phases[0].actual_start.as_deref(), Some("2026-12-01"));
    assert!(start(&c).unwrap_err().to_string().contains("already started"));
}

/// A started pilot with a second phase planned, whose launch version is now a newer version
/// evaluated worse than the baseline on its suite (qa acc 0.8 → 0.7). Returns that version.
fn worse_launch_version(c: &Case) -> String {
    let db = &c.reg.p.db;
    start(c).unwrap();
    let second = PhaseInput {
        pilot_id: c.pilot.clone(),
        name: "All claims teams".into(),
        audience: "every regional claims team".into(),
        planned_start: "2027-02-01".into(),
        planned_end: "2027-04-30".into(),
        oversight_note: String::new(),
    };
    pilots::add_phase(db, &caller(CONSULTANT), &second).unwrap();
    let v2 = c.reg.import("claims-triage", "1.1.0", &[]).unwrap();
    let eval = c.reg.file("v2.csv", "suite,metric,value,higher_is_better\nqa,acc,0.7,true\n");
    let req = EvaluationImport {
        path: eval,
        adapter_version_id: v2.clone(),
        run_on: Some("2027-01-20".into()),
        run_by: None,
    };
    evaluations::import(db, &caller(CONSULTANT), &req).unwrap();
    let registry = PartContent::Registry(RegistryPart { adapter_version_id: Some(v2.clone()) });
    let req = BlueprintPartUpdate { use_case_id: c.uc.clone(), owner: CONSULTANT.into(), content: registry };
    blueprint::set_part(db, &caller(CONSULTANT), &req).unwrap();
    v2
}

fn advance(
    c: &Case,
    who: &str,
    rationale: Option<&str>,
) -> steerco_core::CoreResult<steerco_core::pilots::pilot::Pilot> {
    let req = steerco_core::services::pilots::rollout::PhaseAdvance {
        pilot_id: c.pilot.clone(),
        on: Some("2027-02-01".into()),
        override_rationale: rationale.map(Into::into),
    };
    pilots::advance(&c.reg.p.db, &caller(who), &req)
}

#[test]
fn the_next_phase_waits_for_the_launch_version_to_pass_the_regression_gate() {
    let c = case(Leave::Nothing);
    let db = &c.reg.p.db;
    let v2 = worse_launch_version(&c);
    let err = advance(&c, CONSULTANT, None).unwrap_err().to_string();
    assert!(err.contains("All claims teams") && err.contains("qa acc 0.8 → 0.7 (−0.1, tolerance 0)"), "{err}");
    let unchanged =
        pilots::get(db, &steerco_core::services::pilots::rollout::PilotRef { id: c.pilot.clone() }).unwrap();
    assert_eq!(unchanged.phases[0].status, PhaseStatus::Running, "a refused move changes nothing");
    // A better evaluation of the new version on the suite lets the next phase start.
    let eval = c.reg.file("v2b.csv", "suite,metric,value,higher_is_better\nqa,acc,0.82,true\n");
    let req = EvaluationImport { path: eval, adapter_version_id: v2, run_on: Some("2027-01-25".into()), run_by: None };
    evaluations::import(db, &caller(CONSULTANT), &req).unwrap();
    let moved = advance(&c, CONSULTANT, None).unwrap();
    assert_eq!(moved.phases[0].status, PhaseStatus::Done);
    assert_eq!(moved.phases[0].actual_end.as_deref(), Some("2027-02-01"));
    assert_eq!(moved.phases[1].status, PhaseStatus::Running);
    // After the last phase, advancing ends the rollout.
    let done = advance(&c, CONSULTANT, None).unwrap();
    assert!(done.phases.iter().all(|p| p.status == PhaseStatus::Done));
    assert!(advance(&c, CONSULTANT, None).unwrap_err().to_string().contains("no running phase"));
}

#[test]
fn only_an_executive_moves_a_phase_past_a_failing_gate_and_the_override_is_audited() {
    use steerco_core::services::compliance::audit::{self, AuditQuery};
    let c = case(Leave::Nothing);
    let db = &c.reg.p.db;
    worse_launch_version(&c);
    let rationale = "The accuracy dip is within what the claims leads accepted for phase 2";
    let err = advance(&c, CONSULTANT, Some(rationale)).unwrap_err();
    assert!(matches!(err, steerco_core::CoreError::Forbidden(_)), "only an executive overrides: {err}");
    let blank = advance(&c, EXECUTIVE, Some("  ")).unwrap_err().to_string();
    assert!(blank.contains("override_rationale"), "an override needs a rationale: {blank}");
    let moved = advance(&c, EXECUTIVE, Some(rationale)).unwrap();
    assert_eq!(moved.phases[1].status, PhaseStatus::Running, "the executive's override moves the phase");
    let trail = audit::log(db, &AuditQuery { actor: Some(EXECUTIVE.into()), ..Default::default() }).unwrap();
    let decision = trail
        .records
        .iter()
        .find(|r| r.entity_kind == "gate_decision" && r.operation == "insert")
        .unwrap_or_else(|| panic!("the override is on the trail under the executive: {:?}", trail.records));
    let after = decision.after.as_deref().unwrap_or_default();
    assert!(after.contains(rationale), "with its rationale: {after}");
    assert!(after.contains(&moved.phases[1].id), "for the phase it let start: {after}");
    assert!(after.contains("qa acc 0.8 → 0.7"), "with the refusal it overrode: {after}");
}
