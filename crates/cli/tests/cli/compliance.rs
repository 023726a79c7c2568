//! Compliance through the `steerco` command: roles refuse clearly, a sign-off goes stale when
//! what it covers changes, the pilot stage needs a current sign-off, and the audit trail's
//! verify catches raw-SQL tampering (edit, delete, insert, reorder) at the record concerned.

use std::path::{Path, PathBuf};

use predicates::str::contains;
use rusqlite::Connection;

use crate::support::Sandbox;

pub(crate) fn demo() -> (Sandbox, PathBuf) {
    let s = Sandbox::new();
    let db = s.path("demo.steerco");
    s.with_db(&db).arg("demo").assert().success();
    (s, db)
}

fn verify(s: &Sandbox, db: &Path) -> (Option<i32>, String) {
    let out = s.with_db(db).args(["audit", "verify"]).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn sql(db: &Path, statements: &str) {
    Connection::open(db).unwrap().execute_batch(statements).unwrap();
}

fn max_seq(db: &Path) -> i64 {
    Connection::open(db).unwrap().query_row("SELECT max(seq) FROM audit", [], |r| r.get(0)).unwrap()
}

#[test]
fn roles_are_checked_and_refusals_say_who_may() {
    let (s, db) = demo();
    let out = s.with_db(&db).args(["--as", "Sofia Brandt", "signoff", "UC-004", "--comment", "ok"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("only a compliance officer can sign off; Sofia Brandt is a consultant"), "{err}");
    let out = s.with_db(&db).args(["signoff", "UC-004"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("say who is working"), "nobody named");
    let out = s.with_db(&db).args(["--as", "Nobody", "usecase", "set", "UC-004", "title=x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"Nobody\" is not a person on this portfolio"));
    let out = s
        .with_db(&db)
        .env("STEERCO_USER", "Sofia Brandt")
        .args(["usecase", "override", "UC-009", "--by", "Sofia Brandt", "--reason", "strategic"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("only an executive can record a steering decision"),
        "STEERCO_USER names the person"
    );
    let out = s
        .with_db(&db)
        .args(["--as", "Sofia Brandt", "person", "add", "Eve", "--role", "administrator"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("only an administrator can add or change people"));
    assert_eq!(s.json(&db, &["person", "list", "--json"]).as_array().unwrap().len(), 5, "nothing was added");
}

#[test]
fn an_edit_after_sign_off_makes_it_stale_and_blocks_the_pilot() {
    let (s, db) = demo();
    let refused =
        s.with_db(&db).args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "stage=pilot"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("without a current compliance sign-off"));
    let signed = s.json(&db, &["--as", "Carla Mendes", "signoff", "UC-004", "--comment", "ready", "--json"]);
    assert_eq!(signed["stale"], false);
    let sha = signed["signoff"]["content_sha256"].as_str().unwrap().to_owned();
    assert_eq!(sha.len(), 64);
    s.with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "annual_value=1300000"])
        .assert()
        .success();
    let stale = s.json(&db, &["signoff", "list", "--stale", "--entity", "UC-004", "--json"]);
    assert_eq!(stale.as_array().unwrap().len(), 1);
    assert_eq!(stale[0]["signoff"]["entity_id"], "UC-004");
    assert_ne!(stale[0]["current_sha256"], sha.as_str());
    let queue = s.json(&db, &["signoff", "queue", "--json"]);
    let mine =
        queue["stale"].as_array().unwrap().iter().find(|q| q["status"]["signoff"]["entity_id"] == "UC-004").unwrap();
    let change = &mine["changes"][0];
    assert_eq!((change["field"].as_str(), change["after"].as_str()), (Some("dossier.annual_value"), Some("1300000.0")));
    let blocked =
        s.with_db(&db).args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "stage=pilot"]).output().unwrap();
    assert!(String::from_utf8_lossy(&blocked.stderr).contains("is stale"));
    // Signing again adds a record; the old one stays.
    s.with_db(&db).args(["--as", "Carla Mendes", "signoff", "UC-004", "--comment", "re-checked"]).assert().success();
    assert_eq!(s.json(&db, &["signoff", "list", "--entity", "UC-004", "--json"]).as_array().unwrap().len(), 2);
    // Signed again, the move is past the sign-off and meets the launch readiness gate.
    s.with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "stage=pilot"])
        .assert()
        .code(2)
        .stderr(contains("not ready to launch"));
    // Evidence counts too: a new risk on the case makes its sign-off stale.
    s.with_db(&db)
        .args([
            "risk",
            "add",
            "--use-case",
            "UC-004",
            "--title",
            "Drift",
            "--likelihood",
            "2",
            "--impact",
            "3",
            "--owner",
            "Jonas",
        ])
        .assert()
        .success();
    assert_eq!(
        s.json(&db, &["signoff", "list", "--stale", "--entity", "UC-004", "--json"])[0]["signoff"]["entity_id"],
        "UC-004"
    );
}

#[test]
fn every_change_is_on_the_trail_and_verify_holds() {
    let (s, db) = demo();
    s.with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-007", "title=Regulatory change radar"])
        .assert()
        .success();
    s.with_db(&db)
        .args(["--as", "Jonas Weber", "usecase", "export", s.path("out.csv").to_str().unwrap()])
        .assert()
        .success();
    let log = s.json(&db, &["audit", "log", "--entity", "UC-007", "--json"]);
    let last = log.as_array().unwrap().last().unwrap();
    assert_eq!((last["actor"].as_str(), last["action"].as_str()), (Some("Sofia Brandt"), Some("update")));
    assert!(last["before"].as_str().unwrap().contains("Regulatory change mapping"));
    assert!(last["after"].as_str().unwrap().contains("Regulatory change radar"));
    let exports = s.json(&db, &["audit", "log", "--action", "export", "--json"]);
    assert_eq!(exports[0]["actor"], "Jonas Weber");
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("holds"));
}

/// Tampers with a portfolio file and returns the record verify must name.
type Tamper = fn(&Path) -> i64;

#[test]
fn raw_sql_tampering_is_caught_at_the_record() {
    let cases: [(&str, Tamper); 6] = [
        ("edit", |db| {
            sql(db, "UPDATE audit SET actor = 'Mallory' WHERE seq = 7");
            7
        }),
        ("delete", |db| {
            sql(db, "DELETE FROM audit WHERE seq = 9");
            9
        }),
        ("delete the newest", |db| {
            let last = max_seq(db);
            sql(db, &format!("DELETE FROM audit WHERE seq = {last}"));
            last
        }),
        ("insert", |db| {
            // Make room after record 4 and slip a forged record in.
            sql(
                db,
                "UPDATE audit SET seq = -(seq + 1) WHERE seq > 4; UPDATE audit SET seq = -seq WHERE seq < 0;
                 INSERT INTO audit (seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash)
                 SELECT 5, at, 'Mallory', 'update', 'update', entity_kind, entity_id, subject, NULL, '{}', hash, hash FROM audit WHERE seq = 4",
            );
            5
        }),
        ("reorder", |db| {
            sql(db, "UPDATE audit SET seq = -3 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 4; UPDATE audit SET seq = 4 WHERE seq = -3");
            3
        }),
        ("edit what a change recorded", |db| {
            let conn = Connection::open(db).unwrap();
            let seq: i64 =
                conn.query_row("SELECT min(seq) FROM audit WHERE entity_kind = 'programme'", [], |r| r.get(0)).unwrap();
            conn.execute("UPDATE audit SET after = replace(after, 'EUR', 'USD') WHERE seq = ?1", [seq]).unwrap();
            seq
        }),
    ];
    for (name, tamper) in cases {
        let (s, db) = demo();
        assert_eq!(verify(&s, &db).0, Some(0), "{name}: intact before");
        let at = tamper(&db);
        let (code, text) = verify(&s, &db);
        assert_eq!(code, Some(1), "{name}: {text}");
        assert!(text.contains(&format!("broken at record {at}")), "{name}: expected record {at}: {text}");
    }
}

#[test]
fn changes_made_with_another_tool_are_flagged_then_recorded() {
    let (s, db) = demo();
    sql(&db, "UPDATE use_case SET title = 'Edited in sqlite3' WHERE id = 'UC-002'");
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1));
    assert!(text.contains("made outside Steerco") && text.contains("use_case UC-002"), "{text}");
    s.with_db(&db).args(["--as", "Sofia Brandt", "usecase", "set", "UC-003", "workflow=x"]).assert().success();
    let log = s.json(&db, &["audit", "log", "--entity", "UC-002", "--action", "unaudited", "--json"]);
    assert_eq!(log[0]["actor"], "(outside Steerco)");
    let seq = log[0]["seq"].as_i64().unwrap().to_string();
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1), "recorded as unaudited, it keeps the trail from verifying until acknowledged: {text}");
    assert!(text.contains(&format!("steerco audit acknowledge {seq}")), "{text}");
    let refused = s
        .with_db(&db)
        .args(["--as", "Sofia Brandt", "audit", "acknowledge", &seq, "--comment", "fine"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "only a compliance officer acknowledges");
    s.with_db(&db)
        .args(["--as", "Carla Mendes", "audit", "acknowledge", &seq, "--comment", "Title fixed by the DBA on request"])
        .assert()
        .success();
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("Acknowledged: record") && text.contains("Title fixed by the DBA"), "{text}");
    let acks = s.json(&db, &["audit", "log", "--action", "acknowledge", "--json"]);
    assert_eq!(acks[0]["actor"], "Carla Mendes", "the acknowledgement is itself on the trail");
    sql(&db, "DROP TRIGGER audit_risk_insert");
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1));
    assert!(text.contains("changes to risk are no longer captured"), "{text}");
}

#[test]
fn the_pilot_gate_cannot_be_slipped_past() {
    let (s, db) = demo();
    s.with_db(&db).args(["--as", "Carla Mendes", "signoff", "UC-004", "--comment", "ok"]).assert().success();
    // Editing and moving to pilot in one save: the signed content is not what enters pilot.
    let both = s
        .with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "annual_value=99000000", "stage=pilot"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    let err = String::from_utf8_lossy(&both.stderr);
    assert!(err.contains("with changes its compliance sign-off") && err.contains("does not cover"), "{err}");
    let case = s.json(&db, &["usecase", "show", "UC-004", "--json"]);
    assert_eq!(
        (case["stage"].as_str(), case["annual_value"].as_f64()),
        (Some("data"), Some(900_000.0)),
        "nothing stored"
    );
    // A retired case does not return to pilot unsigned either.
    let retired =
        s.with_db(&db).args(["--as", "Sofia Brandt", "usecase", "set", "UC-008", "stage=pilot"]).output().unwrap();
    assert_eq!(retired.status.code(), Some(2));
    let signed_alone =
        s.with_db(&db).args(["--as", "Sofia Brandt", "usecase", "set", "UC-004", "stage=pilot"]).output().unwrap();
    assert!(String::from_utf8_lossy(&signed_alone.stderr).contains("not ready to launch"), "past the sign-off");
}

#[test]
fn wholesale_and_forged_changes_to_the_trail_are_caught() {
    let (s, db) = demo();
    sql(&db, "DELETE FROM audit; DELETE FROM audit_anchor;");
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1));
    assert!(text.contains("trail is empty"), "{text}");

    // A correctly hashed record appended without the anchor moving is still named.
    let (s, db) = demo();
    let conn = Connection::open(&db).unwrap();
    let (seq, prev): (i64, String) = conn
        .query_row("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    let mut forged = steerco_core::audit::AuditRecord {
        seq: seq + 1,
        at: "2026-11-28T12:00:00.000Z".into(),
        actor: "Carla Mendes".into(),
        action: "sign".into(),
        operation: "insert".into(),
        entity_kind: "signoff".into(),
        entity_id: "SO-999".into(),
        subject: "UC-009".into(),
        before: None,
        after: Some("{}".into()),
        prev_hash: prev,
        hash: String::new(),
    };
    forged.hash = forged.compute_hash();
    conn.execute(
        "INSERT INTO audit (seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            forged.seq, forged.at, forged.actor, forged.action, forged.operation, forged.entity_kind, forged.entity_id,
            forged.subject, forged.before, forged.after, forged.prev_hash, forged.hash
        ],
    )
    .unwrap();
    drop(conn);
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1));
    assert!(
        text.contains(&format!("broken at record {}", seq + 1)) && text.contains("added outside Steerco"),
        "{text}"
    );

    // A capture trigger swapped for one that records nothing is noticed.
    let (s, db) = demo();
    sql(&db, "DROP TRIGGER audit_use_case_update; CREATE TRIGGER audit_use_case_update AFTER UPDATE ON use_case WHEN 0 BEGIN SELECT 1; END;");
    let (code, text) = verify(&s, &db);
    assert_eq!(code, Some(1));
    assert!(text.contains("trigger audit_use_case_update was replaced"), "{text}");
}
