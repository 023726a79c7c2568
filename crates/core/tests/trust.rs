//! Trust: two people editing one dossier keep both edits; a write waits for another Steerco
//! instead of failing; verify never cries wolf under load and always sees tampering; the stage
//! gate has no side door; hostile content stays inert.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use steerco_core::compliance::{PersonInput, Role};
use steerco_core::domain::{DossierField, Stage};
use steerco_core::services::compliance::audit::{self, AuditAcknowledge, AuditQuery};
use steerco_core::services::compliance::people;
use steerco_core::services::compliance::signoffs::{self, SignRequest};
use steerco_core::services::discovery::use_cases::{self, UseCaseUpdate};
use steerco_core::store::WaitObserver;
use steerco_core::{CoreError, Money};
use support::launch::{ready_case, Leave};
use support::*;

fn set(id: &str, field: DossierField) -> UseCaseUpdate {
    UseCaseUpdate { id: id.to_owned(), changes: vec![field], loaded: None }
}

#[test]
fn two_writers_on_different_fields_of_one_dossier_both_keep_their_last_value() {
    let p = portfolio(&["Claims triage"]);
    let id = p.ids[0].clone();
    let edits = 150;
    let (a, b) = (reopen(&p.path), reopen(&p.path));
    let writer = |db: steerco_core::Db, field: fn(i64) -> DossierField, id: String| {
        std::thread::spawn(move || {
            for i in 1..=edits {
                use_cases::update(&db, &caller(CONSULTANT), &set(&id, field(i))).unwrap();
            }
        })
    };
    let first = writer(a, |i| DossierField::Description(format!("description {i}")), id.clone());
    let second = writer(b, |i| DossierField::AnnualValue(Money::units(1_000_000 + i)), id.clone());
    first.join().unwrap();
    second.join().unwrap();
    let case = use_cases::get(&p.db, &id).unwrap();
    assert_eq!(case.description, format!("description {edits}"));
    assert_eq!(case.annual_value, Money::units(1_000_000 + edits));
    // No record shows one writer's edit putting back the other's field.
    let log = audit::log(&p.db, &AuditQuery { entity: Some(id), ..Default::default() }).unwrap();
    let mut updates = 0;
    for r in log.records.iter().filter(|r| r.operation == "update" && r.entity_kind == "use_case") {
        let before: serde_json::Value = serde_json::from_str(r.before.as_deref().unwrap()).unwrap();
        let after: serde_json::Value = serde_json::from_str(r.after.as_deref().unwrap()).unwrap();
        let changed: Vec<&String> = after
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, v)| before[k.as_str()] != **v && k.as_str() != "updated_at")
            .map(|(k, _)| k)
            .collect();
        assert_eq!(changed.len(), 1, "record {} changed {changed:?}; an edit changes only its own field", r.seq);
        updates += 1;
    }
    assert_eq!(updates, 2 * edits);
}

#[test]
fn an_edit_to_a_field_someone_else_changed_since_loading_is_refused_as_a_conflict() {
    let p = portfolio(&["Claims triage"]);
    let loaded = use_cases::get(&p.db, &p.ids[0]).unwrap().to_input();
    use_cases::update(&p.db, &caller(CONSULTANT), &set(&p.ids[0], DossierField::Title("Theirs".into()))).unwrap();
    let mine = |field| UseCaseUpdate { id: p.ids[0].clone(), changes: vec![field], loaded: Some(loaded.clone()) };
    let err = use_cases::update(&p.db, &caller(CONSULTANT), &mine(DossierField::Title("Mine".into()))).unwrap_err();
    assert!(matches!(err, CoreError::EditConflict { ref fields, .. } if fields == &["title"]), "{err}");
    // A different field saves, and keeps their title.
    let saved = use_cases::update(&p.db, &caller(CONSULTANT), &mine(DossierField::Workflow("triage".into()))).unwrap();
    assert_eq!((saved.title.as_str(), saved.workflow.as_str()), ("Theirs", "triage"));
}

#[derive(Default)]
struct Seen(Mutex<Vec<&'static str>>);

impl WaitObserver for Seen {
    fn waiting(&self, _: &std::path::Path) {
        self.0.lock().unwrap().push("waiting");
    }
    fn done_waiting(&self) {
        self.0.lock().unwrap().push("done");
    }
}

#[test]
fn a_write_waits_for_another_steerco_holding_the_lock_and_says_so() {
    let p = portfolio(&["Claims triage"]);
    let seen = Arc::new(Seen::default());
    p.db.set_wait_observer(seen.clone());
    let holder = raw(&p.path);
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1_500));
        holder.execute_batch("COMMIT").unwrap();
    });
    let started = std::time::Instant::now();
    use_cases::update(&p.db, &caller(CONSULTANT), &set(&p.ids[0], DossierField::Title("After the wait".into())))
        .unwrap();
    release.join().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(1_400), "it waited rather than failing");
    assert_eq!(*seen.0.lock().unwrap(), ["waiting", "done"]);
}

#[test]
fn verify_during_concurrent_writes_raises_no_false_alarm() {
    let p = portfolio(&["Claims triage", "Policy Q&A"]);
    let writer_db = reopen(&p.path);
    let ids = p.ids.clone();
    let writer = std::thread::spawn(move || {
        for i in 0..300 {
            let id = &ids[i % 2];
            use_cases::update(
                &writer_db,
                &caller(CONSULTANT),
                &set(id, DossierField::Description(format!("edit {i}"))),
            )
            .unwrap();
        }
    });
    let mut verifies = 0;
    while verifies < 30 {
        let report = audit::verify(&p.db).unwrap();
        assert!(report.holds(), "verify {verifies} during writes: {report:?}");
        verifies += 1;
    }
    writer.join().unwrap();
    assert!(audit::verify(&p.db).unwrap().holds());
}

/// Tampering done with another tool on the file, and what `verify` must say about it. The
/// triggers named are dropped before the edit and put back exactly as they were after it, as a
/// careful tamperer would.
struct Tamper {
    what: &'static str,
    triggers: &'static [&'static str],
    sql: &'static str,
    expect: &'static str,
}

#[test]
fn tampering_with_another_tool_is_caught_every_way() {
    let cases = [
        Tamper {
            what: "triggers dropped, a row edited, triggers put back",
            triggers: &["audit_use_case_update"],
            sql: "UPDATE use_case SET annual_value_cents = 1 WHERE id = 'UC-001';",
            expect: "use_case UC-001 was changed outside Steerco",
        },
        Tamper {
            what: "the chain's tail deleted and the anchor moved to the new head",
            triggers: &[],
            sql: "DELETE FROM audit WHERE seq > (SELECT max(seq) - 3 FROM audit);
                  UPDATE audit_anchor SET seq = (SELECT max(seq) FROM audit), hash = (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1);",
            expect: "has no record on the trail",
        },
        Tamper {
            what: "a sign-off's content hash edited",
            triggers: &["audit_signoff_update"],
            sql: "UPDATE signoff SET content_sha256 = 'f' || substr(content_sha256, 2);",
            expect: "content hash does not match",
        },
        Tamper {
            what: "an id counter wound back",
            triggers: &["audit_id_sequence_update"],
            sql: "UPDATE id_sequence SET next_value = 1 WHERE kind = 'UC';",
            expect: "id_sequence UC was changed outside Steerco",
        },
        Tamper {
            what: "a row deleted with its trigger off",
            triggers: &["audit_risk_delete", "audit_oversight_delete", "audit_use_case_delete"],
            sql: "DELETE FROM use_case WHERE id = 'UC-001';",
            expect: "use_case UC-001 was deleted outside Steerco",
        },
    ];
    for t in cases {
        let p = portfolio(&["Claims triage"]);
        signoffs::sign(&p.db, &caller(OFFICER), &SignRequest { entity_id: p.ids[0].clone(), comment: "ok".into() })
            .unwrap();
        assert!(audit::verify(&p.db).unwrap().holds());
        let conn = raw(&p.path);
        let saved: Vec<String> = t
            .triggers
            .iter()
            .map(|name| {
                conn.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| {
                    r.get(0)
                })
                .unwrap()
            })
            .collect();
        for name in t.triggers {
            conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
        }
        conn.execute_batch(t.sql).unwrap();
        for sql in &saved {
            conn.execute_batch(sql).unwrap();
        }
        drop(conn);
        let report = audit::verify(&p.db).unwrap();
        assert!(!report.holds(), "{}: verify passed", t.what);
        let said = format!("{:?} {:?}", report.broken, report.outside_changes);
        assert!(said.contains(t.expect), "{}: expected {:?} in {said}", t.what, t.expect);
    }
}

#[test]
fn an_unaudited_change_fails_verify_until_a_compliance_officer_acknowledges_it() {
    let p = portfolio(&["Claims triage"]);
    raw(&p.path).execute("UPDATE use_case SET workflow = 'changed in sqlite3' WHERE id = ?1", [&p.ids[0]]).unwrap();
    // The next Steerco write records the change as unaudited.
    use_cases::update(&p.db, &caller(CONSULTANT), &set(&p.ids[0], DossierField::Title("Next".into()))).unwrap();
    let report = audit::verify(&p.db).unwrap();
    assert!(!report.holds());
    let unaudited = report.unacknowledged.first().expect("the outside change is listed").seq;
    let ack = AuditAcknowledge { seq: unaudited, comment: "Workflow corrected by the DBA during the migration".into() };
    let err = audit::acknowledge(&p.db, &caller(CONSULTANT), &ack).unwrap_err();
    assert!(matches!(err, CoreError::Forbidden(_)), "only a compliance officer acknowledges: {err}");
    let report = audit::acknowledge(&p.db, &caller(OFFICER), &ack).unwrap();
    assert!(report.holds(), "{report:?}");
    assert_eq!(report.acknowledged[0].acknowledged_by.as_deref(), Some(OFFICER));
    let again = audit::acknowledge(&p.db, &caller(OFFICER), &ack).unwrap_err();
    assert!(matches!(again, CoreError::Invalid { .. }), "{again}");
    let not_unaudited = AuditAcknowledge { seq: 1, ..ack };
    assert!(matches!(audit::acknowledge(&p.db, &caller(OFFICER), &not_unaudited), Err(CoreError::Invalid { .. })));
}

#[test]
fn a_person_who_signed_cannot_be_deleted() {
    let p = portfolio(&["Claims triage"]);
    signoffs::sign(&p.db, &caller(OFFICER), &SignRequest { entity_id: p.ids[0].clone(), comment: String::new() })
        .unwrap();
    let conn = raw(&p.path);
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    let err = conn.execute("DELETE FROM person WHERE name = ?1", [OFFICER]).unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn the_stage_gate_has_no_side_door() {
    let refused = |r: Result<_, CoreError>| matches!(r, Err(CoreError::Invalid { ref field, .. }) if field == "stage");
    let to = |id: &str, stage| set(id, DossierField::Stage(stage));
    // Unsigned (everything else ready): no entry to pilot, for want of the sign-off.
    let unsigned = ready_case(Leave::Out("signoff"));
    let entry = use_cases::update(&unsigned.reg.p.db, &caller(CONSULTANT), &to(&unsigned.uc, Stage::Pilot));
    assert!(
        matches!(entry, Err(CoreError::Invalid { ref reason, .. }) if reason.contains("without a current compliance sign-off"))
    );
    // Signed and ready: pilot, then (still current) scaled.
    let c = ready_case(Leave::Nothing);
    let (p, a) = (&c.reg.p, &c.uc);
    use_cases::update(&p.db, &caller(CONSULTANT), &to(a, Stage::Pilot)).unwrap();
    // Editing and moving on in one save: the sign-off does not cover the new content.
    let both = UseCaseUpdate {
        id: a.clone(),
        changes: vec![DossierField::OneTimeCost(Money::units(1)), DossierField::Stage(Stage::Scaled)],
        loaded: None,
    };
    let before = use_cases::get(&p.db, a).unwrap().one_time_cost;
    assert!(refused(use_cases::update(&p.db, &caller(CONSULTANT), &both)));
    assert_eq!(use_cases::get(&p.db, a).unwrap().one_time_cost, before, "the refused save left nothing");
    // An edit alone goes through; the case stays in pilot, its sign-off stale, and cannot expand.
    use_cases::update(&p.db, &caller(CONSULTANT), &set(a, DossierField::OneTimeCost(Money::units(1)))).unwrap();
    assert_eq!(use_cases::get(&p.db, a).unwrap().stage, Stage::Pilot);
    assert!(signoffs::latest(&p.db, a).unwrap().unwrap().stale);
    assert!(refused(use_cases::update(&p.db, &caller(CONSULTANT), &to(a, Stage::Scaled))));
    signoffs::sign(&p.db, &caller(OFFICER), &SignRequest { entity_id: a.clone(), comment: String::new() }).unwrap();
    use_cases::update(&p.db, &caller(CONSULTANT), &to(a, Stage::Scaled)).unwrap();
    // Retired → pilot is an entry too, and a signed case that is not ready to launch stays out.
    let q = portfolio(&["Claims triage", "Policy Q&A"]);
    let b = &q.ids[1];
    signoffs::sign(&q.db, &caller(OFFICER), &SignRequest { entity_id: b.clone(), comment: String::new() }).unwrap();
    use_cases::update(&q.db, &caller(CONSULTANT), &to(b, Stage::Retired)).unwrap();
    let back = use_cases::update(&q.db, &caller(CONSULTANT), &to(b, Stage::Pilot));
    assert!(
        matches!(back, Err(CoreError::Invalid { ref reason, .. }) if reason.contains("not ready to launch")),
        "{back:?}"
    );
    // A new case cannot start gated.
    let new = steerco_core::domain::DossierInput { stage: Stage::Scaled, ..case("New") };
    assert!(refused(use_cases::create(&q.db, &caller(CONSULTANT), &new)));
}

#[test]
fn look_alike_names_of_people_are_refused() {
    let p = portfolio(&[]);
    for look_alike in ["C\u{0430}rla Mendes", "Ｃａｒｌａ Mendes", "carla  mendes", "CARLA MENDES"] {
        let err = people::create(
            &p.db,
            &nobody(),
            &PersonInput { name: look_alike.into(), roles: vec![Role::Consultant], active: true },
        )
        .unwrap_err();
        assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "name"), "{look_alike}: {err}");
    }
}

#[test]
fn the_audit_log_entity_filter_is_exact_not_a_pattern() {
    let p = portfolio(&["Claims triage"]);
    for pattern in ["%", "UC-%", "_C-001", "UC-00_"] {
        let page = audit::log(&p.db, &AuditQuery { entity: Some(pattern.into()), ..Default::default() }).unwrap();
        assert!(page.records.is_empty(), "{pattern:?} matched {} records", page.records.len());
    }
    let page = audit::log(&p.db, &AuditQuery { entity: Some(p.ids[0].clone()), ..Default::default() }).unwrap();
    assert!(!page.records.is_empty());
}
