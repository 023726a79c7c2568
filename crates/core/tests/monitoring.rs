//! A pilot in operation: drift series made by hand crossing their threshold on a known date open
//! one alert each, kept until acknowledged with a note; imports are all-or-nothing and a
//! recorded value is never rewritten; KPIs, incidents; pilot → scaled through the regression gate.

mod support;

use steerco_core::domain::{DossierField, Stage};
use steerco_core::pilots::operations::{IncidentInput, KpiInput, Severity};
use steerco_core::services::discovery::use_cases::{self, UseCaseUpdate};
use steerco_core::services::pilots::board;
use steerco_core::services::pilots::monitoring::{self, AlertAcknowledge, AlertQuery, MonitoringImport};
use steerco_core::services::pilots::operations;
use steerco_core::CoreError;
use support::launch::{ready_case, Case, Leave};
use support::*;

fn set(id: &str, field: DossierField) -> UseCaseUpdate {
    UseCaseUpdate { id: id.to_owned(), changes: vec![field], loaded: None }
}

fn csv(c: &Case, name: &str, text: &str) -> String {
    let path = c.reg.p.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn import(c: &Case, name: &str, text: &str) -> steerco_core::CoreResult<monitoring::MonitoringImported> {
    let req = MonitoringImport { use_case_id: c.uc.clone(), path: csv(c, name, text) };
    monitoring::import_monitoring(&c.reg.p.db, &caller(CONSULTANT), &req)
}

#[test]
fn a_series_crossing_its_threshold_opens_one_alert_on_that_date_until_acknowledged() {
    let c = ready_case(Leave::Nothing);
    let db = &c.reg.p.db;
    // The fixture's blueprint alerts when escalation_rate goes above 0.2.
    let series = "date,metric,value\n2026-10-01,escalation_rate,0.12\n2026-10-02,escalation_rate,0.2\n\
                  2026-10-03,escalation_rate,0.23\n2026-10-04,escalation_rate,0.18\n2026-10-03,latency_p95,9.5\n";
    let first = import(&c, "a.csv", series).unwrap();
    assert_eq!((first.added, first.unchanged), (5, 0));
    assert_eq!(first.alerts.len(), 1, "only the value past the threshold alerts: {:?}", first.alerts);
    let alert = &first.alerts[0];
    assert_eq!((alert.observed_on.as_str(), alert.value, alert.threshold), ("2026-10-03", 0.23, 0.2));
    // The same file again changes nothing and opens nothing.
    let again = import(&c, "a.csv", series).unwrap();
    assert_eq!((again.added, again.unchanged, again.alerts.len()), (0, 5, 0));
    // A file that contradicts a recorded value is refused whole: its new row is not stored either.
    let contradicting = "date,metric,value\n2026-10-05,escalation_rate,0.3\n2026-10-03,escalation_rate,0.1\n";
    let err = import(&c, "b.csv", contradicting).unwrap_err();
    assert!(matches!(err, CoreError::InvalidRows(ref rows) if rows[0].contains("already recorded as 0.23")), "{err}");
    let view = monitoring::view(db, &c.uc).unwrap();
    assert_eq!(view.points.len(), 5, "nothing of the refused file was stored");
    assert!(view.drift_chart_svg.unwrap().contains("crossed on 2026-10-03"));
    // Open until acknowledged, with a note.
    let open = monitoring::alerts(db, &AlertQuery::default()).unwrap();
    assert_eq!(open.len(), 1);
    let no_note = AlertAcknowledge { id: alert.id.clone(), note: "  ".into() };
    assert!(
        matches!(monitoring::acknowledge(db, &caller(OFFICER), &no_note), Err(CoreError::Invalid { ref field, .. }) if field == "note")
    );
    let ack = AlertAcknowledge { id: alert.id.clone(), note: "Spike from a mis-tagged batch; re-tagged".into() };
    let done = monitoring::acknowledge(db, &caller(OFFICER), &ack).unwrap();
    assert_eq!(done.acknowledged_by.as_deref(), Some(OFFICER));
    assert!(monitoring::alerts(db, &AlertQuery::default()).unwrap().is_empty());
    assert_eq!(monitoring::alerts(db, &AlertQuery { use_case_id: None, all: true }).unwrap().len(), 1);
    assert!(monitoring::acknowledge(db, &caller(OFFICER), &ack).is_err(), "acknowledged once");
}

#[test]
fn a_below_threshold_and_bad_files_name_the_row_and_store_nothing() {
    let c = ready_case(Leave::Nothing);
    for (file, expect) in [
        ("date,metric,value\n2026-10-01,x,=1+1\n", "row 2, column value"),
        ("date,metric\n2026-10-01,x\n", "column value: is missing"),
        ("date,metric,value\n01/10/2026,x,1\n", "row 2, column date"),
        ("date,metric,value\n2026-10-01,\u{1b}[31mx,1\n", "control or text-direction"),
    ] {
        let err = import(&c, "bad.csv", file).unwrap_err();
        assert!(
            err.to_string().contains(expect)
                || matches!(&err, CoreError::InvalidRows(r) if r.iter().any(|r| r.contains(expect))),
            "{file:?}: {err}"
        );
    }
    let zero = MonitoringImport { use_case_id: c.uc.clone(), path: "/dev/zero".into() };
    assert!(monitoring::import_monitoring(&c.reg.p.db, &caller(CONSULTANT), &zero).is_err());
    assert!(monitoring::view(&c.reg.p.db, &c.uc).unwrap().points.is_empty());
    let feedback = "date,channel,rating,count,comment\n2026-10-01,thumbs,4.5,12,\n2026-10-08,thumbs,3,4,slow\n";
    let req = MonitoringImport { use_case_id: c.uc.clone(), path: csv(&c, "f.csv", feedback) };
    let imported = monitoring::import_feedback(&c.reg.p.db, &caller(CONSULTANT), &req).unwrap();
    assert_eq!(imported.added, 2);
    let view = monitoring::view(&c.reg.p.db, &c.uc).unwrap();
    assert_eq!(view.feedback_weeks.len(), 2);
    assert!(view.feedback_chart_svg.contains("16 answers over 2 weeks"));
}

#[test]
fn kpis_and_incidents_are_recorded_and_a_pilot_scales_past_the_regression_gate() {
    let c = ready_case(Leave::Nothing);
    let db = &c.reg.p.db;
    let kpi = KpiInput {
        pilot_id: c.pilot.clone(),
        name: "Handling time".into(),
        unit: "minutes".into(),
        baseline: 30.0,
        target: 12.0,
        higher_is_better: false,
    };
    operations::add_kpi(db, &caller(CONSULTANT), &kpi).unwrap();
    assert!(
        matches!(operations::add_kpi(db, &caller(CONSULTANT), &kpi), Err(CoreError::Invalid { ref field, .. }) if field == "name")
    );
    let incident = IncidentInput {
        pilot_id: c.uc.clone(),
        occurred_on: "2026-10-02".into(),
        severity: Severity::High,
        compliance: true,
        description: "Quoted a withdrawn sheet".into(),
        resolution: String::new(),
        resolved_on: None,
    };
    let p = operations::add_incident(db, &caller(CONSULTANT), &incident).unwrap();
    assert_eq!((p.kpis.len(), p.incidents.len()), (1, 1));
    assert!(p.incidents[0].open());
    // Board: the ready case in data waits on nothing; once in pilot it waits on nothing either
    // (its launch version is the one deployed or unchanged against its baseline).
    let card = |stage: Stage| {
        board::board(db)
            .unwrap()
            .columns
            .into_iter()
            .find(|col| col.stage == stage)
            .unwrap()
            .cards
            .into_iter()
            .find(|k| k.id == c.uc)
    };
    let before = card(Stage::Data).expect("the ready case sits in data");
    assert_eq!((before.readiness_met, before.waits_on.as_deref()), (Some(7), None));
    use_cases::update(db, &caller(CONSULTANT), &set(&c.uc, DossierField::Stage(Stage::Pilot))).unwrap();
    assert!(card(Stage::Pilot).is_some());
    use_cases::update(db, &caller(CONSULTANT), &set(&c.uc, DossierField::Stage(Stage::Scaled))).unwrap();
    assert!(card(Stage::Scaled).is_some());
}
