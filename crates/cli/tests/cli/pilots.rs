//! `steerco pilot …`, `readiness`, `board`, `monitoring`, `feedback`, `alerts` on the demo: the
//! readiness list and its JSON, the start refused with exit 2 naming each unmet item, drift
//! alerts opened by an import and acknowledged with a note. (A start that succeeds is driven
//! item by item in steerco-core's `tests/readiness.rs`.)

use predicates::str::contains;

use crate::support::Sandbox;

#[test]
fn readiness_lists_each_item_and_the_start_names_what_is_unmet() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let r = sb.with_db(&db).args(["readiness", "UC-003", "--json"]).output().unwrap();
    assert_eq!(r.status.code(), Some(1), "not ready exits 1");
    let r: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!((r["use_case_id"].as_str(), r["ready"].as_bool()), (Some("UC-003"), Some(false)));
    let keys: Vec<&str> = r["items"].as_array().unwrap().iter().map(|i| i["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["blueprint", "signoff", "protocols", "oversight", "baseline", "lineage", "monitoring"]);
    for item in r["items"].as_array().unwrap() {
        for field in ["key", "title", "met", "detail"] {
            assert!(item.get(field).is_some(), "{field} in {item}");
        }
    }
    sb.with_db(&db).args(["readiness", "UC-001"]).assert().success().stdout(contains("UC-001: ready"));
    let who = ["--as", "Marco Ferri"];
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "create", "UC-001", "--workflow", "again"])
        .assert()
        .code(2)
        .stderr(contains("already has a pilot (PIL-001)"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "phase", "add", "UC-003", "--name", "Desk", "--audience", "one study team"])
        .args(["--start", "2027-04-07", "--end", "2027-04-01"])
        .assert()
        .code(2)
        .stderr(contains("planned_end"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "start", "UC-003"])
        .assert()
        .code(2)
        .stderr(contains("Training, fallback and evaluation protocols defined"))
        .stderr(contains("Evaluation baseline recorded for the launch version"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "protocol", "UC-003", "--acceptance", "exact_answer_rate:high:higher"])
        .assert()
        .code(2)
        .stderr(contains("--acceptance"));
    // The claims case is ready but for one item, and the refusal names only that one.
    let claims = sb.with_db(&db).args(["--as", "Marco Ferri", "pilot", "start", "UC-002"]).output().unwrap();
    assert_eq!(claims.status.code(), Some(2));
    let err = String::from_utf8_lossy(&claims.stderr);
    assert!(err.contains("Lineage check clean") && !err.contains("protocols defined"), "{err}");
    let board = sb.json(&db, &["board", "--json"]);
    let data = board["columns"].as_array().unwrap().iter().find(|c| c["stage"] == "data").unwrap();
    let card = data["cards"].as_array().unwrap().iter().find(|c| c["id"] == "UC-002").unwrap();
    assert_eq!((card["waits_on"].as_str(), card["readiness_met"].as_u64()), (Some("Launch readiness"), Some(6)));
    let moved =
        sb.with_db(&db).args(["--as", "Marco Ferri", "usecase", "set", "UC-002", "stage=pilot"]).output().unwrap();
    assert_eq!(moved.status.code(), Some(2), "the board's move and the CLI's run the same gate");
    assert!(String::from_utf8_lossy(&moved.stderr).contains("Lineage check clean"));
    // The scaled wealth case rolled out in two phases: nothing left to advance.
    sb.with_db(&db).args(["pilot", "advance", "PIL-001"]).assert().code(2).stderr(contains("no running phase"));
}

#[test]
fn a_drift_import_opens_an_alert_that_stays_open_until_acknowledged_with_a_note() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let open = sb.json(&db, &["alerts", "--json"]);
    assert_eq!(open.as_array().unwrap().len(), 1, "the demo shows one open drift alert");
    assert_eq!(
        (open[0]["use_case_id"].as_str(), open[0]["metric"].as_str()),
        (Some("UC-001"), Some("escalation_rate"))
    );
    let file = sb.path("drift.csv");
    std::fs::write(&file, "date,metric,value\n2026-11-19,escalation_rate,0.09\n2026-11-20,escalation_rate,0.21\n")
        .unwrap();
    sb.with_db(&db)
        .args(["monitoring", "import", file.to_str().unwrap(), "--use-case", "UC-001"])
        .assert()
        .success()
        .stdout(contains("Imported 2 values"))
        .stdout(contains("escalation_rate 0.21 on 2026-11-20 is above the threshold 0.15"));
    // The same file again: nothing new, no second alert.
    sb.with_db(&db)
        .args(["monitoring", "import", file.to_str().unwrap(), "--use-case", "UC-001"])
        .assert()
        .success()
        .stdout(contains("Imported 0 values for PIL-001 (2 already recorded)"));
    let bad = sb.path("bad.csv");
    std::fs::write(&bad, "date,channel,rating,count\n2026-11-20,thumbs,9,3\n").unwrap();
    sb.with_db(&db)
        .args(["feedback", "import", bad.to_str().unwrap(), "--use-case", "UC-001"])
        .assert()
        .code(2)
        .stderr(contains("row 2, column rating"));
    let alerts = sb.json(&db, &["alerts", "--json"]);
    let id = alerts[0]["id"].as_str().unwrap().to_owned();
    sb.with_db(&db)
        .args(["--as", "Marco Ferri", "alert", "acknowledge", &id, "--note", " "])
        .assert()
        .code(2)
        .stderr(contains("note"));
    for a in alerts.as_array().unwrap() {
        sb.with_db(&db)
            .args(["--as", "Marco Ferri", "alert", "acknowledge", a["id"].as_str().unwrap()])
            .args(["--note", "Spike traced to the fee-schedule change; FAQ re-indexed"])
            .assert()
            .success();
    }
    sb.with_db(&db).arg("alerts").assert().success().stdout(contains("No open drift alert"));
    let svg = sb.path("drift.svg");
    sb.with_db(&db).args(["monitoring", "chart", "UC-001", "--out", svg.to_str().unwrap()]).assert().success();
    assert!(std::fs::read_to_string(&svg).unwrap().contains("crossed on"));
}

#[test]
fn a_ready_case_starts_its_pilot_records_kpis_and_incidents_and_a_stop_says_why() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let who = ["--as", "Marco Ferri"];
    sb.with_db(&db).args(["readiness", "UC-006"]).assert().success().stdout(contains("UC-006: ready"));
    let started = sb.json(&db, &["--as", "Marco Ferri", "pilot", "start", "UC-006", "--json"]);
    let pilot_id = started[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(started[0]["phases"][0]["status"], "running", "{started}");
    let case = sb.json(&db, &["usecase", "show", "UC-006", "--json"]);
    assert_eq!(case["stage"], "pilot", "the start is the case's entry into the pilot stage");
    let listed = sb.json(&db, &["pilot", "list", "--json"]);
    assert!(listed.as_array().unwrap().iter().any(|p| p["id"] == pilot_id.as_str() && p["use_case_id"] == "UC-006"));

    sb.with_db(&db)
        .args(who)
        .args(["pilot", "kpi", "add", &pilot_id, "--name", "Summary time", "--unit", "minutes"])
        .args(["--baseline", "45", "--target", "15", "--better", "lower"])
        .assert()
        .success();
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "kpi", "add", &pilot_id, "--name", "Recall", "--unit", "%"])
        .args(["--baseline", "80", "--target", "90", "--better", "sideways"])
        .assert()
        .code(2)
        .stderr(contains("better"));
    sb.with_db(&db)
        .args(who)
        .args(["pilot", "incident", "add", &pilot_id, "--on", "2026-11-20", "--severity", "high", "--compliance"])
        .args(["--description", "A summary named a customer's adviser in a shared channel"])
        .assert()
        .success();
    let shown = sb.json(&db, &["pilot", "show", &pilot_id, "--json"]);
    let kpis = shown[0]["kpis"].as_array().unwrap();
    assert!(kpis.iter().any(|k| k["name"] == "Summary time" && k["higher_is_better"] == false), "{kpis:?}");
    assert!(!kpis.iter().any(|k| k["name"] == "Recall"), "a refused KPI is not stored");
    let incident = shown[0]["incidents"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((incident["severity"].as_str(), incident["compliance"].as_bool()), (Some("high"), Some(true)));
    assert!(incident["resolved_on"].is_null(), "an incident is open until resolved");

    sb.with_db(&db)
        .args(who)
        .args(["pilot", "stop", &pilot_id, "--reason", "The adviser leak needs a redaction step first"])
        .assert()
        .success();
    sb.with_db(&db)
        .args(["pilot", "show", &pilot_id])
        .assert()
        .success()
        .stdout(contains("stopped: The adviser leak needs a redaction step first"))
        .stdout(contains("OPEN"));
}
