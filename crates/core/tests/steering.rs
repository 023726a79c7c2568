//! Value and steering through the services: a metrics file with hand-worked ROI, payback and
//! variance; malformed files store nothing; a recorded month is replaced only when asked, and
//! the trail shows it; meetings whose agendas list exactly what the data implies; decisions that
//! act (a phase starts, a backlog item becomes a use case, an expansion without passing
//! regression evidence is refused unless overridden); minutes anchored to the audit head.

mod support;

use steerco_core::audit::Action;
use steerco_core::domain::{Lane, Stage};
use steerco_core::pilots::pilot::PhaseInput;
use steerco_core::services::compliance::audit::{self, AuditQuery};
use steerco_core::services::discovery::use_cases;
use steerco_core::services::pilots::rollout::{self, PhaseAdvance, PilotStart};
use steerco_core::services::registry::evaluations::{self, EvaluationImport};
use steerco_core::services::steering::backlog;
use steerco_core::services::steering::checklist::{self, ChecklistStatus};
use steerco_core::services::steering::dashboard;
use steerco_core::services::steering::meetings::{self, ActionInput, DecisionInput, MeetingInput, MeetingRef};
use steerco_core::services::value::tracking::{self, MetricsImport};
use steerco_core::steering::{AgendaKind, BacklogEstimate, BacklogInput, BacklogStatus, DecisionChoice};
use steerco_core::value::returns::PlanStatus;
use steerco_core::{CoreError, Money};
use support::launch::{ready_case, Case, Leave};
use support::*;

fn file(p: &Portfolio, name: &str, text: &str) -> String {
    let path = p.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn import(p: &Portfolio, text: &str, replace: bool) -> steerco_core::CoreResult<tracking::MetricsImported> {
    let req = MetricsImport { path: file(p, "metrics.csv", text), replace, dry_run: false };
    tracking::import_metrics(&p.db, &caller(CONSULTANT), &req)
}

/// The business case of `support::case`: 1,200,000 a year, 400,000 once, 20,000 a month. In the
/// data stage, no benefit is planned yet; these months are worked by hand:
///
/// | month   | benefit | cost    | cum. benefit | cum. cost | ROI       |
/// |---------|---------|---------|--------------|-----------|-----------|
/// | 2026-01 |       0 | 250,000 |            0 |   250,000 | −100 %    |
/// | 2026-02 |  60,000 | 170,000 |       60,000 |   420,000 | −85.71 %  |
/// | 2026-03 | 150,000 |       0 |      210,000 |   420,000 | −50 %     |
/// | 2026-04 | 240,000 |  20,000 |      450,000 |   440,000 | +2.27 %   |  paid back
const METRICS: &str = "use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n\
UC-001,2026-01,0,250000,,,Build started\n\
UC-001,2026-02,60000,170000,handling_minutes,14,\n\
UC-001,2026-02,,,first_contact_resolution,0.71,\n\
UC-001,2026-03,150000,0,handling_minutes,11.5,=HYPERLINK(\"x\") stays text\n\
UC-001,2026-04,240000.00,20000,handling_minutes,9,\n";

#[test]
fn a_metrics_file_gives_hand_worked_roi_payback_and_variance() {
    let p = portfolio(&["Claims triage"]);
    let outcome = import(&p, METRICS, false).unwrap();
    assert_eq!((outcome.added, outcome.replaced, outcome.unchanged, outcome.kpi_values), (4, 0, 0, 4));
    let v = tracking::view(&p.db, "UC-001").unwrap();
    let r = &v.returns;
    assert_eq!((r.cumulative_benefit, r.cumulative_cost), (Money::units(450_000), Money::units(440_000)));
    let rois: Vec<f64> = r.months.iter().map(|m| m.roi.unwrap()).collect();
    assert_eq!(rois[0], -1.0);
    assert!((rois[1] - (60_000.0 - 420_000.0) / 420_000.0).abs() < 1e-12);
    assert_eq!(rois[2], -0.5);
    assert!((rois[3] - 10_000.0 / 440_000.0).abs() < 1e-12);
    assert_eq!((r.payback_month.as_deref(), r.months_to_payback), (Some("2026-04"), Some(4)));
    // The business case's cost by April: 400,000 once + 4 × 20,000 = 480,000; realised 440,000.
    assert_eq!(r.cost_variance.planned, Money::units(480_000));
    assert_eq!(r.cost_variance.difference, Money::units(-40_000));
    assert!((r.cost_variance.percent.unwrap() + 40_000.0 / 480_000.0 * 100.0).abs() < 1e-9);
    // In the data stage without a pilot, no benefit is planned yet.
    assert_eq!((r.status, r.benefit_variance.planned), (PlanStatus::BeforeLaunch, Money::ZERO));
    assert_eq!(v.months[2].highlight, "=HYPERLINK(\"x\") stays text");
    assert_eq!(v.months[1].kpis.len(), 2);
    assert_eq!(v.kpis, vec!["first_contact_resolution".to_owned(), "handling_minutes".to_owned()]);
}

#[test]
fn malformed_files_store_nothing_and_name_each_problem() {
    let p = portfolio(&["Claims triage"]);
    import(&p, METRICS, false).unwrap();
    let before = tracking::view(&p.db, "UC-001").unwrap();
    for (bad, expected) in [
        (
            "use_case_id,month,benefit,cost\nUC-001,2026-05,1,1\nUC-404,2026-05,1,1\n",
            "row 3, column use_case_id: UC-404 is not a use case",
        ),
        ("use_case_id,month,benefit,cost\nUC-001,2026-05,1,1\nUC-001,2026-13,1,1\n", "row 3, column month"),
        ("use_case_id,month,benefit,cost\nUC-001,2026-05,1,abc\n", "row 2, column cost"),
        (
            "use_case_id,month,benefit,cost\nUC-001,2026-05,1,1\nUC-001,2026-01,5,5\n",
            "row 3, column month: UC-001 2026-01 is already recorded",
        ),
        ("month,benefit,cost\n2026-05,1,1\n", "row 1, column use_case_id"),
        ("use_case_id,month,benefit,cost\nUC-001,2099-01,1,1\n", "has not begun"),
        ("\u{0}\u{0}\u{0}", "row 1"),
    ] {
        let err = import(&p, bad, false).unwrap_err();
        let CoreError::InvalidRows(rows) = &err else { panic!("{bad:?}: {err}") };
        assert!(rows.iter().any(|r| r.contains(expected)), "{bad:?}: {rows:?}");
    }
    assert_eq!(tracking::view(&p.db, "UC-001").unwrap(), before, "nothing changed");
}

#[test]
fn a_recorded_month_is_replaced_only_when_asked_and_the_trail_shows_before_and_after() {
    let p = portfolio(&["Claims triage"]);
    import(&p, METRICS, false).unwrap();
    // The same file again: nothing to do.
    let again = import(&p, METRICS, false).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 4));
    let correction = "use_case_id,month,benefit,cost\nUC-001,2026-03,155000,0\n";
    assert!(import(&p, correction, false).is_err());
    let dry = tracking::import_metrics(
        &p.db,
        &caller(CONSULTANT),
        &MetricsImport { path: file(&p, "c.csv", correction), replace: true, dry_run: true },
    )
    .unwrap();
    assert_eq!((dry.replaced, dry.dry_run), (1, true));
    assert_eq!(tracking::view(&p.db, "UC-001").unwrap().returns.cumulative_benefit, Money::units(450_000));
    let replaced = import(&p, correction, true).unwrap();
    assert_eq!(replaced.replaced, 1);
    let v = tracking::view(&p.db, "UC-001").unwrap();
    assert_eq!(v.returns.cumulative_benefit, Money::units(455_000));
    assert!(v.months[2].kpis.is_empty(), "the month is replaced whole, its KPI values too");
    let q = AuditQuery {
        entity: Some("UC-001".into()),
        action: Some(Action::Import),
        actor: None,
        include_internal: false,
        newest_first: true,
        limit: Some(50),
        offset: 0,
    };
    let trail = audit::log(&p.db, &q).unwrap().records;
    let change = trail
        .iter()
        .find(|r| r.entity_kind == "value_month" && r.operation == "update")
        .expect("the replacement is on the trail");
    assert!(
        change.before.as_deref().unwrap().contains("15000000") && change.after.as_deref().unwrap().contains("15500000")
    );
}

fn started_pilot(c: &Case, second_phase: bool) {
    let db = &c.reg.p.db;
    if second_phase {
        let phase = PhaseInput {
            pilot_id: c.pilot.clone(),
            name: "All teams".into(),
            audience: "every claims team".into(),
            planned_start: "2027-02-01".into(),
            planned_end: "2027-04-30".into(),
            oversight_note: String::new(),
        };
        rollout::add_phase(db, &caller(CONSULTANT), &phase).unwrap();
    }
    let start = PilotStart { pilot_id: c.pilot.clone(), on: Some("2026-11-02".into()) };
    rollout::start(db, &caller(CONSULTANT), &start).unwrap();
}

fn meeting(db: &steerco_core::Db, on: &str) -> String {
    let input = MeetingInput { held_on: on.into(), attendees: vec![EXECUTIVE.into(), OFFICER.into()] };
    meetings::create(db, &caller(EXECUTIVE), &input).unwrap().meeting.id
}

fn decide(
    db: &steerco_core::Db,
    id: &str,
    item: &str,
    d: DecisionChoice,
    why: &str,
) -> steerco_core::CoreResult<String> {
    let req = DecisionInput { meeting_id: id.into(), item: item.into(), decision: d, rationale: why.into() };
    meetings::decide(db, &caller(EXECUTIVE), &req).map(|d| d.outcome)
}

/// The agenda's items as (kind, subject).
fn items(db: &steerco_core::Db, id: &str) -> Vec<(AgendaKind, String)> {
    let a = meetings::agenda(db, &MeetingRef { id: id.into() }).unwrap();
    let mut items: Vec<_> = a.items.iter().map(|i| (i.kind, i.subject_id.clone())).collect();
    items.sort();
    items
}

#[test]
fn the_agenda_lists_exactly_what_the_data_implies_and_an_approved_phase_move_happens() {
    let c = ready_case(Leave::Nothing);
    let db = &c.reg.p.db;
    started_pilot(&c, true);
    let proposal = BacklogInput {
        title: "Broker e-mail triage".into(),
        proposer: None,
        rationale: "Brokers wait two days".into(),
        sponsor: None,
        estimate: BacklogEstimate::default(),
    };
    let bl = backlog::add(db, &caller(CONSULTANT), &proposal).unwrap();
    assert_eq!(bl.proposer, CONSULTANT, "anyone may propose; the proposer defaults to the person working");
    // Before the first phase's planned end, the pilot awaits no phase decision.
    let early = meeting(db, "2027-01-15");
    let early_items = items(db, &early);
    assert!(early_items.iter().all(|(k, _)| *k != AgendaKind::PhaseDecision), "{early_items:?}");
    // After it, it does; with the backlog item and the never-held cadence kinds.
    let id = meeting(db, "2027-02-01");
    let expected = vec![
        (AgendaKind::PhaseDecision, c.pilot.clone()),
        (AgendaKind::RiskIndicator, "enablement".to_owned()),
        (AgendaKind::RiskIndicator, "forum".to_owned()),
        (AgendaKind::RiskIndicator, "quarterly_review".to_owned()),
        (AgendaKind::BacklogItem, bl.id.clone()),
    ];
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(items(db, &id), expected_sorted);
    // Only an executive decides; a rationale is required; the choice must fit the item.
    let item = format!("phase:{}", c.pilot);
    let by_consultant = DecisionInput {
        meeting_id: id.clone(),
        item: item.clone(),
        decision: DecisionChoice::Approve,
        rationale: "go".into(),
    };
    assert!(matches!(meetings::decide(db, &caller(CONSULTANT), &by_consultant), Err(CoreError::Forbidden(_))));
    assert!(
        matches!(decide(db, &id, &item, DecisionChoice::Approve, " "), Err(CoreError::Invalid { ref field, .. }) if field == "rationale")
    );
    assert!(
        matches!(decide(db, &id, &item, DecisionChoice::Authorise, "x"), Err(CoreError::Invalid { ref field, .. }) if field == "decision")
    );
    let outcome = decide(db, &id, &item, DecisionChoice::Approve, "KPIs on target").unwrap();
    assert!(outcome.contains("All teams"), "{outcome}");
    let pilot = rollout::get(db, &rollout::PilotRef { id: c.pilot.clone() }).unwrap();
    assert_eq!(pilot.running().map(|p| p.name.as_str()), Some("All teams"));
    assert_eq!(pilot.running().and_then(|p| p.actual_start.as_deref()), Some("2027-02-01"));
    // Decided once; the item stays on this agenda with its decision.
    assert!(decide(db, &id, &item, DecisionChoice::Defer, "again").is_err());
    let agenda = meetings::agenda(db, &MeetingRef { id: id.clone() }).unwrap();
    assert_eq!(agenda.pending, 4);
    assert!(agenda.items.iter().any(|i| i.item == item && i.decision.is_some()));
}

#[test]
fn an_authorised_backlog_item_becomes_a_use_case_in_discovery_with_its_sponsor() {
    let p = portfolio(&["Claims triage"]);
    let proposal = BacklogInput {
        title: "Broker e-mail triage".into(),
        proposer: Some("Marco Ferri".into()),
        rationale: "Brokers wait two days".into(),
        sponsor: Some("Henrik Olsen".into()),
        estimate: BacklogEstimate {
            business_unit: Some("Commercial Lines".into()),
            annual_value: Some(Money::units(500_000)),
            one_time_cost: Some(Money::units(120_000)),
            monthly_run_cost: Some(Money::units(8_000)),
        },
    };
    let bl = backlog::add(&p.db, &caller(CONSULTANT), &proposal).unwrap();
    let id = meeting(&p.db, "2026-11-30");
    let outcome = decide(&p.db, &id, &format!("backlog:{}", bl.id), DecisionChoice::Authorise, "Clear value").unwrap();
    let created = use_cases::list(&p.db).unwrap().into_iter().find(|u| u.title == "Broker e-mail triage").unwrap();
    assert!(outcome.contains(&created.id), "{outcome}");
    assert_eq!((created.stage, created.lane), (Stage::Discovery, Lane::Portfolio));
    assert_eq!(created.executive_sponsor.as_deref(), Some("Henrik Olsen"));
    assert_eq!((created.annual_value, created.business_unit.as_str()), (Money::units(500_000), "Commercial Lines"));
    let stored = backlog::list(&p.db).unwrap().remove(0);
    assert_eq!((stored.status, stored.use_case_id.as_deref()), (BacklogStatus::Authorised, Some(created.id.as_str())));
    // Not on the next agenda any more.
    let next = meeting(&p.db, "2026-12-30");
    assert!(items(&p.db, &next).iter().all(|(k, _)| *k != AgendaKind::BacklogItem));
}

#[test]
fn an_expansion_without_passing_regression_evidence_is_refused_unless_overridden() {
    let c = ready_case(Leave::Nothing);
    let db = &c.reg.p.db;
    started_pilot(&c, false);
    // The only phase ends: the pilot asks to scale.
    rollout::advance(
        db,
        &caller(CONSULTANT),
        &PhaseAdvance { pilot_id: c.pilot.clone(), on: Some("2027-01-31".into()), override_rationale: None },
    )
    .unwrap();
    // A later evaluation of the launch version is worse than the baseline (acc 0.8 → 0.7).
    let version =
        steerco_core::services::pilots::blueprint::get(db, &c.uc).unwrap().launch_version().unwrap().to_owned();
    let eval = c.reg.file("worse.csv", "suite,metric,value,higher_is_better\nqa,acc,0.7,true\n");
    evaluations::import(
        db,
        &caller(CONSULTANT),
        &EvaluationImport { path: eval, adapter_version_id: version, run_on: None, run_by: None },
    )
    .unwrap();
    let id = meeting(db, "2027-02-05");
    let agenda = meetings::agenda(db, &MeetingRef { id: id.clone() }).unwrap();
    let expansion =
        agenda.items.iter().find(|i| i.kind == AgendaKind::Expansion).expect("the expansion is on the agenda");
    assert_eq!(expansion.gate_passes, Some(false));
    assert!(expansion.evidence.iter().any(|e| e.contains("qa acc 0.8 → 0.7")), "{:?}", expansion.evidence);
    let item = expansion.item.clone();
    let refused = decide(db, &id, &item, DecisionChoice::Approve, "Looks fine").unwrap_err();
    assert!(refused.to_string().contains("qa acc"), "{refused}");
    assert_eq!(use_cases::get(db, &c.uc).unwrap().stage, Stage::Pilot, "a refused decision changes nothing");
    assert!(meetings::minutes(db, &MeetingRef { id: id.clone() }).unwrap().decisions.is_empty());
    let outcome =
        decide(db, &id, &item, DecisionChoice::Override, "One point of accuracy accepted for the claims volume")
            .unwrap();
    assert!(outcome.contains("scaled"), "{outcome}");
    assert_eq!(use_cases::get(db, &c.uc).unwrap().stage, Stage::Scaled);
}

#[test]
fn closing_stamps_the_audit_head_and_makes_the_minutes_final() {
    let p = portfolio(&["Claims triage"]);
    let id = meeting(&p.db, "2026-11-30");
    let action = ActionInput {
        meeting_id: id.clone(),
        description: "Book the enablement session".into(),
        owner: OFFICER.into(),
        due_on: "2026-12-15".into(),
    };
    meetings::add_action(&p.db, &caller(EXECUTIVE), &action).unwrap();
    let early = ActionInput { due_on: "2026-11-01".into(), ..action.clone() };
    assert!(
        matches!(meetings::add_action(&p.db, &caller(EXECUTIVE), &early), Err(CoreError::Invalid { ref field, .. }) if field == "due_on")
    );
    let nobody_known = ActionInput { owner: "Nobody".into(), ..action.clone() };
    assert!(
        matches!(meetings::add_action(&p.db, &caller(EXECUTIVE), &nobody_known), Err(CoreError::Invalid { ref field, .. }) if field == "owner")
    );
    let head_before = audit::verify(&p.db).unwrap().head_hash;
    let closed = meetings::close(&p.db, &caller(EXECUTIVE), &MeetingRef { id: id.clone() }).unwrap();
    assert_eq!(closed.audit_head.as_deref(), Some(head_before.as_str()));
    assert_eq!(closed.actions[0].owner_name, OFFICER);
    assert!(matches!(
        meetings::close(&p.db, &caller(EXECUTIVE), &MeetingRef { id: id.clone() }),
        Err(CoreError::Conflict(_))
    ));
    assert!(matches!(meetings::add_action(&p.db, &caller(EXECUTIVE), &action), Err(CoreError::Conflict(_))));
    let item = meetings::agenda(&p.db, &MeetingRef { id: id.clone() }).unwrap();
    assert!(item.items.is_empty(), "a closed meeting's agenda is what it decided");
}

#[test]
fn the_dashboard_adds_up_the_cases_and_the_checklist_reads_the_data() {
    let p = portfolio(&["Claims triage", "Mortgage pre-check"]);
    import(&p, METRICS, false).unwrap();
    import(&p, "use_case_id,month,benefit,cost\nUC-002,2026-04,0,30000\nUC-002,2026-05,10000,5000\n", false).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let d = dashboard::dashboard(&p.db, today).unwrap();
    assert!(d.has_value);
    assert_eq!(d.portfolio.cumulative_benefit, Money::units(460_000));
    assert_eq!(d.portfolio.cumulative_cost, Money::units(475_000));
    assert_eq!(d.portfolio.net, Money::units(-15_000));
    // April: 450,000 against 470,000 (UC-002's 30,000 lands then too); May: 460,000 against 475,000.
    assert_eq!(d.portfolio.payback_month, None, "the portfolio has not paid back");
    assert_eq!(d.use_cases.len(), 2);
    assert_eq!(d.use_cases[0].use_case_id, "UC-001", "largest net first");
    let c = checklist::checklist(&p.db, today).unwrap();
    assert_eq!(c.items.len(), 5);
    let by = |k: &str| c.items.iter().find(|i| i.key == k).unwrap().status;
    assert_eq!(by("scored_portfolio"), ChecklistStatus::Met);
    assert_eq!(by("model_registry"), ChecklistStatus::NotMet, "nothing deployed");
    assert_eq!(by("improvement_cadence"), ChecklistStatus::NotMet);
}
