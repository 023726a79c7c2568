//! The demo portfolio as a newcomer meets it, and framework coverage that means something: only a
//! use case's own records count, every required kind, each complete, each named.

mod support;

use steerco_core::compliance::frameworks::{CoverageStatus, EvidenceKind};
use steerco_core::compliance::{OversightField, RiskInput, RiskStatus};
use steerco_core::domain::{Lane, Stage};
use steerco_core::services::compliance::audit;
use steerco_core::services::compliance::coverage;
use steerco_core::services::compliance::risk_controls::{self, OversightUpdate};
use steerco_core::services::compliance::signoffs::{self, SignRequest};
use steerco_core::services::discovery::use_cases;
use steerco_core::services::pilots::readiness;
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::services::registry::adapters;
use support::*;

#[test]
fn the_demo_shows_every_lane_signs_every_gated_case_and_leaves_one_sign_off_stale() {
    let p = portfolio(&[]);
    load_demo(&p.db, &nobody(), &DemoRequest { force: false, scale: 0 }).unwrap();
    let cases = use_cases::list(&p.db).unwrap();
    for lane in Lane::ALL {
        assert!(cases.iter().any(|c| c.lane == *lane), "the demo shows the {lane} lane");
    }
    assert!(cases.iter().filter(|c| c.lane == Lane::Research).all(|c| c.lane_reason.is_some()));
    let gated: Vec<_> = cases.iter().filter(|c| matches!(c.stage, Stage::Pilot | Stage::Scaled)).collect();
    assert!(!gated.is_empty(), "the demo has a programme in flight");
    for c in &gated {
        let s =
            signoffs::latest(&p.db, &c.id).unwrap().unwrap_or_else(|| panic!("{} is gated without a sign-off", c.id));
        assert!(!s.stale, "{}'s sign-off is current", c.id);
        assert!(readiness::check(&p.db, &c.id).unwrap().ready, "{} entered its stage ready to launch", c.id);
    }
    let mut stale = 0;
    for c in &cases {
        stale += signoffs::latest(&p.db, &c.id).unwrap().map_or(0, |s| usize::from(s.stale));
    }
    assert_eq!(stale, 1, "exactly one signed case shows a stale sign-off");
    assert!(audit::verify(&p.db).unwrap().holds(), "the demo's trail verifies");
    assert_eq!(adapters::all_versions(&p.db).unwrap().len(), 7);
    // Loading it again over itself never reuses an id: old sign-offs cannot cover new cases.
    let before: Vec<String> = cases.iter().map(|c| c.id.clone()).collect();
    load_demo(&p.db, &nobody(), &DemoRequest { force: true, scale: 0 }).unwrap();
    let again = use_cases::list(&p.db).unwrap();
    assert!(again.iter().all(|c| !before.contains(&c.id)), "new ids after --force");
    for old in &before {
        if let Some(s) = signoffs::latest(&p.db, old).unwrap() {
            assert!(s.stale && s.entity_title.contains("deleted"), "{old}'s sign-off covers nothing now");
        }
    }
}

#[test]
fn a_dossier_alone_covers_only_what_a_dossier_answers_and_evidence_moves_items() {
    let p = portfolio(&["Claims triage"]);
    let id = &p.ids[0];
    let first = coverage::of_use_case(&p.db, id).unwrap();
    let trail = format!("trail:{id}");
    assert!(
        first.frameworks.iter().flat_map(|f| &f.items).any(|i| i.evidence.iter().any(|e| e.id == trail)),
        "the case's audited creation evidences its trail"
    );
    for f in &first.frameworks {
        for item in f.items.iter().filter(|i| i.status == CoverageStatus::Covered) {
            assert!(
                item.requires.iter().all(|k| matches!(k, EvidenceKind::Dossier | EvidenceKind::AuditTrail)),
                "{} covered by a bare dossier",
                item.id
            );
            assert!(!item.evidence.is_empty(), "{} names its evidence", item.id);
        }
        assert_eq!(f.covered + f.partial + f.missing + f.outside, f.total);
    }
    let covered = |c: &coverage::UseCaseCoverage| c.frameworks.iter().map(|f| f.covered).sum::<u32>();
    // An incomplete oversight plan does not cover; a complete one does.
    let partial_plan = OversightUpdate {
        use_case_id: id.clone(),
        changes: vec![OversightField::AccountablePerson("Aisha Rahman".into())],
        loaded: None,
    };
    risk_controls::oversight_set(&p.db, &caller(CONSULTANT), &partial_plan).unwrap();
    let with_partial = coverage::of_use_case(&p.db, id).unwrap();
    assert_eq!(covered(&with_partial), covered(&first), "an incomplete plan covers nothing more");
    let complete_plan = OversightUpdate {
        use_case_id: id.clone(),
        changes: vec![
            OversightField::InterventionProcedure("Adjusters review every routing".into()),
            OversightField::FallbackOwner("Claims operations".into()),
            OversightField::MaxInterventionMinutes(Some(30)),
        ],
        loaded: None,
    };
    risk_controls::oversight_set(&p.db, &caller(CONSULTANT), &complete_plan).unwrap();
    let risk = RiskInput {
        use_case_id: id.clone(),
        title: "Misrouted urgent claims".into(),
        likelihood: 2,
        impact: 4,
        owner: "Aisha Rahman".into(),
        mitigation: "Urgency rules run first".into(),
        status: RiskStatus::Mitigating,
    };
    risk_controls::risk_create(&p.db, &caller(CONSULTANT), &risk).unwrap();
    signoffs::sign(&p.db, &caller(OFFICER), &SignRequest { entity_id: id.clone(), comment: String::new() }).unwrap();
    let richer = coverage::of_use_case(&p.db, id).unwrap();
    assert!(covered(&richer) > covered(&first), "controls evidence more items");
    let named: Vec<&str> = richer
        .frameworks
        .iter()
        .flat_map(|f| &f.items)
        .filter(|i| i.status == CoverageStatus::Covered)
        .flat_map(|i| i.evidence.iter().map(|e| e.id.as_str()))
        .collect();
    assert!(
        named.iter().any(|id| id.starts_with("SO-")) && named.iter().any(|id| id.starts_with("RISK-")),
        "{named:?}"
    );
    // Another use case's records never count for this one.
    let other = use_cases::create(&p.db, &caller(CONSULTANT), &case("Policy Q&A")).unwrap();
    let bare = coverage::of_use_case(&p.db, &other.id).unwrap();
    assert_eq!(covered(&bare), covered(&first));
}
