//! Adoption: consequences are shown before a save and match what the save does; a use case made
//! by mistake can be withdrawn and restored; a compliance officer reviews what they sign (and can
//! decline); the overview leads with money; a CSV with known titles asks what to do.

mod support;

use steerco_core::compliance::{PersonInput, Role};
use steerco_core::domain::{DossierField, Lane, Stage};
use steerco_core::services::compliance::audit::{self, AuditQuery};
use steerco_core::services::compliance::people;
use steerco_core::services::compliance::review::{self, CheckArea, DeclineRequest, ReviewRequest};
use steerco_core::services::compliance::signoffs::{self, SignRequest};
use steerco_core::services::discovery::consequences::{self, ConsequenceKind};
use steerco_core::services::discovery::exchange::{self, DuplicateAction, RowOutcome};
use steerco_core::services::discovery::programme;
use steerco_core::services::discovery::scoring::{self, RankRequest};
use steerco_core::services::discovery::use_cases::{self, UseCaseUpdate};
use steerco_core::services::discovery::withdrawal::{self, WithdrawRequest};
use steerco_core::{CoreError, Money};
use support::launch::{ready_case, Leave};
use support::*;

fn set(id: &str, field: DossierField) -> UseCaseUpdate {
    UseCaseUpdate { id: id.to_owned(), changes: vec![field], loaded: None }
}

fn sign(p: &Portfolio, id: &str) {
    signoffs::sign(&p.db, &caller(OFFICER), &SignRequest { entity_id: id.to_owned(), comment: String::new() }).unwrap();
}

fn trail_length(p: &Portfolio) -> usize {
    audit::log(&p.db, &AuditQuery { include_internal: true, ..Default::default() }).unwrap().records.len()
}

#[test]
fn a_preview_names_the_stale_signoff_and_the_lane_change_and_changes_nothing() {
    let p = portfolio(&["Claims triage", "Policy Q&A"]);
    let id = &p.ids[0];
    sign(&p, id);
    let before = use_cases::get(&p.db, id).unwrap();
    let records = trail_length(&p);
    // A one-time cost the case cannot pay back within the horizon: stale and research.
    let edit = set(id, DossierField::OneTimeCost(Money::units(90_000_000)));
    let preview = consequences::preview_update(&p.db, &caller(CONSULTANT), &edit).unwrap();
    assert!(preview.refusal.is_none());
    let kinds: Vec<ConsequenceKind> = preview.consequences.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&ConsequenceKind::SignoffStale), "{preview:?}");
    assert!(kinds.contains(&ConsequenceKind::LaneChange), "{preview:?}");
    let stale = &preview.consequences.iter().find(|c| c.kind == ConsequenceKind::SignoffStale).unwrap().message;
    assert!(stale.starts_with(&format!("This makes {OFFICER}'s sign-off")), "{stale}");
    let lane = &preview.consequences.iter().find(|c| c.kind == ConsequenceKind::LaneChange).unwrap().message;
    assert!(lane.contains("to the research lane while it is in the data stage"), "{lane}");
    // Nothing was stored, not even on the trail.
    assert_eq!(use_cases::get(&p.db, id).unwrap(), before);
    assert_eq!(trail_length(&p), records);
    // The save does what the preview said.
    let saved = use_cases::update(&p.db, &caller(CONSULTANT), &edit).unwrap();
    assert_eq!(saved.lane, Lane::Research);
    assert!(signoffs::latest(&p.db, id).unwrap().unwrap().stale);
}

#[test]
fn a_refused_stage_is_disabled_with_its_reason_and_a_preview_says_why() {
    let p = portfolio(&["Claims triage"]);
    let id = &p.ids[0];
    let options = consequences::stage_options(&p.db, id).unwrap();
    let pilot = options.iter().find(|o| o.stage == Stage::Pilot).unwrap();
    assert!(!pilot.allowed);
    assert!(pilot.reason.as_deref().unwrap().contains("without a current compliance sign-off"));
    assert!(options.iter().find(|o| o.stage == Stage::Data).unwrap().current);
    assert!(options.iter().find(|o| o.stage == Stage::Architecture).unwrap().allowed);
    let preview =
        consequences::preview_update(&p.db, &caller(CONSULTANT), &set(id, DossierField::Stage(Stage::Pilot))).unwrap();
    assert_eq!(preview.refusal.as_ref().and_then(|r| r.field.as_deref()), Some("stage"));
    sign(&p, id);
    // Signed, but not ready to launch: the reason is now the readiness gate's, item by item.
    let options = consequences::stage_options(&p.db, id).unwrap();
    let pilot = options.iter().find(|o| o.stage == Stage::Pilot).unwrap();
    assert!(!pilot.allowed);
    let reason = pilot.reason.as_deref().unwrap();
    assert!(reason.contains("not ready to launch") && !reason.contains("A current compliance sign-off"), "{reason}");
    let ready = ready_case(Leave::Nothing);
    let options = consequences::stage_options(&ready.reg.p.db, &ready.uc).unwrap();
    assert!(options.iter().find(|o| o.stage == Stage::Pilot).unwrap().allowed);
}

#[test]
fn a_weight_or_value_change_reports_rank_movement() {
    let p = portfolio(&["Alpha", "Beta", "Gamma"]);
    let last = scoring::rank(&p.db, &RankRequest::default()).unwrap().use_cases.last().unwrap().use_case.id.clone();
    let better = set(&last, DossierField::ValueRating(5.0));
    let preview = consequences::preview_update(&p.db, &caller(CONSULTANT), &better).unwrap();
    let moved = preview.consequences.iter().find(|c| c.kind == ConsequenceKind::RankChange).unwrap();
    assert!(moved.message.contains("moves up from rank 3 to rank 1"), "{}", moved.message);
}

#[test]
fn a_mistaken_use_case_is_withdrawn_from_everything_and_restored_by_its_creator() {
    let p = portfolio(&["Claims triage", "Oops duplicate"]);
    let oops = &p.ids[1];
    let req = WithdrawRequest { id: oops.clone(), reason: "created twice by mistake".into() };
    // Someone else (not an administrator) may not.
    people::create(
        &p.db,
        &nobody(),
        &PersonInput { name: "Ada Admin".into(), roles: vec![Role::Administrator], active: true },
    )
    .unwrap();
    let refused = withdrawal::withdraw(&p.db, &caller(EXECUTIVE), &req).unwrap_err();
    assert!(matches!(refused, CoreError::Forbidden(ref m) if m.contains(CONSULTANT)), "{refused}");
    let w = withdrawal::withdraw(&p.db, &caller(CONSULTANT), &req).unwrap();
    assert_eq!((w.withdrawn_by.as_str(), w.created_by.as_deref()), (CONSULTANT, Some(CONSULTANT)));
    assert_eq!(use_cases::list(&p.db).unwrap().len(), 1);
    assert_eq!(scoring::rank(&p.db, &RankRequest::default()).unwrap().use_cases.len(), 1);
    assert_eq!(programme::overview(&p.db).unwrap().total, 1);
    assert_eq!(withdrawal::withdrawn(&p.db).unwrap()[0].id, *oops);
    // Hidden, not editable, but on the trail.
    assert!(use_cases::update(&p.db, &caller(CONSULTANT), &set(oops, DossierField::Description("x".into()))).is_err());
    let trail = audit::log(&p.db, &AuditQuery { entity: Some(oops.clone()), ..Default::default() }).unwrap();
    assert!(trail.records.iter().any(|r| r.action == "withdraw"));
    // An administrator restores it.
    withdrawal::restore(&p.db, &caller("Ada Admin"), oops).unwrap();
    assert_eq!(use_cases::list(&p.db).unwrap().len(), 2);
    // A case in front of users is retired, not withdrawn.
    let ready = ready_case(Leave::Nothing);
    let db = &ready.reg.p.db;
    use_cases::update(db, &caller(CONSULTANT), &set(&ready.uc, DossierField::Stage(Stage::Pilot))).unwrap();
    let gated = WithdrawRequest { id: ready.uc.clone(), reason: "no".into() };
    assert!(matches!(withdrawal::withdraw(db, &caller(CONSULTANT), &gated), Err(CoreError::Conflict(_))));
}

#[test]
fn the_review_shows_the_signed_content_readably_with_its_checks_and_a_decline_is_kept_until_the_content_changes() {
    let p = portfolio(&["Claims triage"]);
    let id = &p.ids[0];
    let r = review::review(&p.db, &ReviewRequest { entity_id: id.clone() }).unwrap();
    assert_eq!(r.title, format!("{id} Claims triage"));
    let cost = r.sections.iter().flat_map(|s| &s.fields).find(|f| f.label == "One-time cost").unwrap();
    assert_eq!(cost.money, Some(400_000.0));
    // No oversight plan, no bias checks, no risks: each a failed check, failed ones first.
    assert!(r.checks.iter().any(|c| !c.passed && c.area == CheckArea::Oversight));
    assert!(r.checks.iter().any(|c| !c.passed && c.area == CheckArea::BiasChecks));
    assert!(r.checks.iter().any(|c| c.passed && c.area == CheckArea::Dossier));
    let first_pass = r.checks.iter().position(|c| c.passed).unwrap();
    assert!(r.checks[first_pass..].iter().all(|c| c.passed));
    // Only a compliance officer declines, with a reason.
    let req = DeclineRequest { entity_id: id.clone(), reason: "no oversight plan yet".into() };
    assert!(review::decline(&p.db, &caller(CONSULTANT), &req).is_err());
    assert!(review::decline(&p.db, &caller(OFFICER), &DeclineRequest { reason: " ".into(), ..req.clone() }).is_err());
    let d = review::decline(&p.db, &caller(OFFICER), &req).unwrap();
    let queue = signoffs::queue(&p.db).unwrap();
    assert_eq!(queue.awaiting[0].declined.as_ref().map(|x| x.id.as_str()), Some(d.id.as_str()));
    assert_eq!(review::review(&p.db, &ReviewRequest { entity_id: id.clone() }).unwrap().declined, Some(d));
    // Once the dossier changes, the refusal no longer applies.
    use_cases::update(&p.db, &caller(CONSULTANT), &set(id, DossierField::Description("With a plan".into()))).unwrap();
    assert!(signoffs::queue(&p.db).unwrap().awaiting[0].declined.is_none());
}

#[test]
fn the_overview_leads_with_funded_value_value_at_risk_and_decisions() {
    let p = portfolio(&["Claims triage", "Policy Q&A"]);
    sign(&p, &p.ids[0]);
    use_cases::update(&p.db, &caller(CONSULTANT), &set(&p.ids[0], DossierField::Description("changed".into())))
        .unwrap();
    let o = programme::overview(&p.db).unwrap();
    assert_eq!(o.figures.funded_value, Money::units(2 * 1_200_000));
    assert_eq!(o.figures.funded_count, 2);
    assert_eq!(o.figures.value_at_risk, Money::units(1_200_000));
    assert!(o.figures.at_risk[0].reasons[0].contains("sign-off is stale"));
    // Both cases are in the data stage: one waits for a sign-off, the other's went stale.
    assert_eq!((o.attention.signoffs_awaiting, o.attention.signoffs_stale), (1, 1));
    assert_eq!(o.figures.decisions.len(), 2);
}

#[test]
fn importing_known_titles_asks_to_skip_update_or_add() {
    let p = portfolio(&["Claims triage"]);
    let header = "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,\
                  value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description";
    let csv =
        format!("{header}\nclaims TRIAGE ,U,S,P,2000000,400000,20000,3,3,3,,,updated\nNew one,U,S,P,1,1,0,3,3,3,,,x\n");
    let run =
        |dry_run, choice| exchange::import_bytes_with(&p.db, &caller(CONSULTANT), csv.as_bytes(), dry_run, choice);
    let dry = run(true, None).unwrap();
    assert_eq!(dry.rows[0].outcome, RowOutcome::Duplicate);
    assert_eq!(dry.rows[0].existing_id.as_deref(), Some(p.ids[0].as_str()));
    assert_eq!(dry.rows[1].outcome, RowOutcome::Added);
    let CoreError::InvalidRows(problems) = run(false, None).unwrap_err() else { panic!() };
    assert!(problems[1].contains("row 2 (claims TRIAGE)") && problems[1].contains(&p.ids[0]), "{problems:?}");
    assert_eq!(use_cases::list(&p.db).unwrap().len(), 1, "a refused import stores nothing");
    let skipped = run(false, Some(DuplicateAction::Skip)).unwrap();
    assert_eq!(skipped.rows[0].outcome, RowOutcome::Skipped);
    assert_eq!(use_cases::list(&p.db).unwrap().len(), 2);
    let updated = run(false, Some(DuplicateAction::Update)).unwrap();
    assert_eq!(updated.rows[0].outcome, RowOutcome::Updated);
    let case = use_cases::get(&p.db, &p.ids[0]).unwrap();
    assert_eq!(
        (case.annual_value, case.description.as_str(), case.stage),
        (Money::units(2_000_000), "updated", Stage::Data)
    );
}
