//! `steerco pilot …` and `steerco readiness` on the demo: the readiness list and its JSON, the
//! start refused with exit 2 naming each unmet item, then started once they hold.

use predicates::str::contains;

use crate::support::Sandbox;

#[test]
fn readiness_lists_each_item_and_the_start_waits_for_all_of_them() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let r = sb.with_db(&db).args(["readiness", "UC-001", "--json"]).output().unwrap();
    assert_eq!(r.status.code(), Some(1), "not ready exits 1");
    let r: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(r["use_case_id"], "UC-001");
    assert_eq!(r["ready"], false);
    let keys: Vec<&str> = r["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["blueprint", "signoff", "protocols", "oversight", "baseline", "lineage", "monitoring"]);
    for item in r["items"].as_array().unwrap() {
        for field in ["key", "title", "met", "detail"] {
            assert!(item.get(field).is_some(), "{field} in {item}");
        }
    }
    let who = ["--as", "Marco Ferri"];
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "create", "UC-001", "--workflow", "Advisor questions on fund documents, one desk"])
        .assert()
        .success()
        .stdout(contains("PIL-001"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "phase", "add", "PIL-001", "--name", "Desk", "--audience", "one advisory desk"])
        .args(["--start", "2026-12-07", "--end", "2026-12-01"])
        .assert()
        .code(2)
        .stderr(contains("planned_end"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "phase", "add", "PIL-001", "--name", "Desk", "--audience", "one advisory desk"])
        .args(["--start", "2026-12-07", "--end", "2027-01-15"])
        .assert()
        .success();
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "start", "PIL-001"])
        .assert()
        .code(2)
        .stderr(contains("Training, fallback and evaluation protocols defined"))
        .stderr(contains("Evaluation baseline recorded for the launch version"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "protocol", "PIL-001", "--acceptance", "exact_answer_rate:high:higher"])
        .assert()
        .code(2)
        .stderr(contains("--acceptance"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "protocol", "PIL-001", "--training-audience", "12 advisors", "--training-materials", "session"])
        .args(["--fallback-process", "product library", "--fallback-trigger", "flagged answer", "--fallback-owner"])
        .args(["Marco Ferri", "--evaluation-suite", "wealth-faq-regression"])
        .args(["--acceptance", "exact_answer_rate:0.9:higher"])
        .assert()
        .success();
    let evaluation =
        sb.json(&db, &["adapter", "show", "AV-001", "--json"])["evaluations"][0]["id"].as_str().unwrap().to_owned();
    sb.with_db(&db).args(who).args(["eval", "baseline", &evaluation, "--use-case", "UC-001"]).assert().success();
    // The baseline is part of what the sign-off binds: it went stale and is signed again.
    sb.with_db(&db).args(["readiness", "UC-001"]).assert().code(1).stdout(contains("is stale"));
    sb.with_db(&db)
        .args(["--as", "Carla Mendes", "signoff", "UC-001", "--comment", "baseline checked"])
        .assert()
        .success();
    sb.with_db(&db).args(["readiness", "UC-001"]).assert().success().stdout(contains("UC-001: ready"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "start", "PIL-001", "--on", "2026-12-07"])
        .assert()
        .success()
        .stdout(contains("running: Desk"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "stop", "PIL-001", "--reason", " "])
        .assert()
        .code(2)
        .stderr(contains("reason"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "advance", "PIL-001", "--on", "2026-12-01"])
        .assert()
        .code(2)
        .stderr(contains("before Desk started"));
    let done = sb.json(&db, &["--as", "Marco Ferri", "pilot", "advance", "PIL-001", "--on", "2027-01-15", "--json"]);
    assert_eq!(done[0]["phases"][0]["status"], "done");
    assert_eq!(done[0]["phases"][0]["actual_end"], "2027-01-15");
}
