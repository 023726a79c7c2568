//! `steerco metrics`, `value`, `dashboard`, `chart`, `meeting`, `backlog`, `checklist` and
//! `cadence` on the demo: the dashboard's JSON, a malformed metrics file refused whole (exit 2),
//! a recorded month replaced only with --replace, a meeting held from the command line — its
//! agenda, an executive authorising a backlog item that then is a use case in discovery, the
//! minutes anchored to the audit head — and charts saved through the shared writer.

use predicates::str::contains;
use serde_json::Value;

use crate::support::Sandbox;

fn demo(sb: &Sandbox) -> std::path::PathBuf {
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    db
}

fn case<'a>(d: &'a Value, id: &str) -> &'a Value {
    d["use_cases"].as_array().unwrap().iter().find(|c| c["use_case_id"] == id).unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn the_dashboard_shows_the_demo_ahead_behind_and_not_paid_back() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let d = sb.json(&db, &["dashboard", "--json"]);
    assert_eq!((d["has_value"].as_bool(), d["currency"].as_str()), (Some(true), Some("EUR")));
    assert_eq!(case(&d, "UC-001")["status"], "ahead_of_plan");
    assert_eq!(case(&d, "UC-001")["payback_month"], "2026-09");
    assert_eq!(
        (&case(&d, "UC-001")["months_recorded"], &case(&d, "UC-006")["first_month"]),
        (&Value::from(12), &Value::from("2026-06")),
        "months are counted from what was recorded"
    );
    assert_eq!(case(&d, "UC-016")["status"], "behind_plan");
    assert_eq!(case(&d, "UC-013")["payback_month"], Value::Null);
    // 1,784,000 realised against 2,277,000 spent across the demo.
    assert_eq!(d["portfolio"]["cumulative_benefit"], 1_784_000.0);
    assert_eq!(d["portfolio"]["cumulative_cost"], 2_277_000.0);
    let kinds: Vec<&str> = d["risks"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    for kind in ["stale_signoff", "lineage_gap", "drift_alert", "readiness_blocker", "cadence_overdue"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    sb.with_db(&db).arg("dashboard").assert().success().stdout(contains("ahead of plan")).stdout(contains("UC-016"));
    sb.with_db(&db).args(["value", "show", "UC-001"]).assert().success().stdout(contains("paid back in 2026-09"));
}

#[test]
fn a_metrics_file_is_all_or_nothing_and_a_month_is_replaced_only_when_asked() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let bad = sb.path("bad.csv");
    std::fs::write(&bad, "use_case_id,month,benefit,cost\nUC-005,2026-11,1000,500\nUC-005,2026-11x,1,1\n").unwrap();
    sb.with_db(&db).args(["metrics", "import"]).arg(&bad).assert().code(2).stderr(contains("row 3, column month"));
    let v = sb.json(&db, &["value", "show", "UC-005", "--json"]);
    assert!(v["months"].as_array().unwrap().is_empty(), "nothing of the refused file was stored");
    let fix = sb.path("fix.csv");
    std::fs::write(&fix, "use_case_id,month,benefit,cost\nUC-001,2026-11,310000,42000\n").unwrap();
    sb.with_db(&db).args(["metrics", "import"]).arg(&fix).assert().code(2).stderr(contains("--replace"));
    let dry = sb.json(&db, &["metrics", "import", fix.to_str().unwrap(), "--replace", "--dry-run", "--json"]);
    assert_eq!((dry["replaced"].as_u64(), dry["dry_run"].as_bool()), (Some(1), Some(true)));
    sb.with_db(&db)
        .args(["metrics", "import"])
        .arg(&fix)
        .arg("--replace")
        .assert()
        .success()
        .stdout(contains("replace 1"));
    let v = sb.json(&db, &["value", "show", "UC-001", "--json"]);
    let nov = v["months"].as_array().unwrap().iter().find(|m| m["month"] == "2026-11").unwrap().clone();
    assert_eq!(nov["benefit"], 310_000.0);
    let trail = sb.json(&db, &["audit", "log", "--entity", "UC-001", "--action", "import", "--json"]);
    let records = trail.as_array().unwrap();
    assert!(records.iter().any(|r| r["entity_kind"] == "value_month" && r["operation"] == "update"), "audited");
}

#[test]
fn a_meeting_authorises_a_backlog_item_into_discovery_and_its_minutes_keep_the_audit_head() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    let agenda = sb.json(&db, &["meeting", "agenda", "MTG-002", "--json"]);
    let keys: Vec<&str> = agenda["items"].as_array().unwrap().iter().map(|i| i["item"].as_str().unwrap()).collect();
    for expected in ["phase:PIL-005", "backlog:BL-002", "backlog:BL-003", "signoff:UC-010", "alert:DA-001"] {
        assert!(keys.contains(&expected), "{expected} in {keys:?}");
    }
    assert!(!keys.contains(&"backlog:BL-001"), "authorised last month");
    let decide = ["meeting", "decide", "MTG-002", "--item", "backlog:BL-002", "--decision", "authorise"];
    sb.with_db(&db)
        .args(["--as", "Marco Ferri"])
        .args(decide)
        .args(["--rationale", "Clear value"])
        .assert()
        .failure()
        .stderr(contains("executive"));
    sb.with_db(&db).args(["--as", "Claire Dubois"]).args(decide).args(["--rationale", " "]).assert().code(2);
    let decided = sb.json(
        &db,
        &[
            "--as",
            "Claire Dubois",
            "meeting",
            "decide",
            "MTG-002",
            "--item",
            "backlog:BL-002",
            "--decision",
            "authorise",
            "--rationale",
            "Routing in minutes is worth it",
            "--json",
        ],
    );
    let outcome = decided["outcome"].as_str().unwrap();
    let created = sb.list_json(&db).into_iter().find(|c| c["title"] == "Broker e-mail triage").expect("a use case now");
    assert!(outcome.contains(created["id"].as_str().unwrap()), "{outcome}");
    assert_eq!((created["stage"].as_str(), created["lane"].as_str()), (Some("discovery"), Some("portfolio")));
    assert_eq!(created["executive_sponsor"], "Claire Dubois");
    let action = ["meeting", "action", "MTG-002", "--owner", "Sofia Brandt", "--due", "2026-12-20"];
    sb.with_db(&db)
        .args(["--as", "Claire Dubois"])
        .args(action)
        .args(["--text", "Run the discovery workshop"])
        .assert()
        .success();
    let head = sb.json(&db, &["audit", "verify", "--json"])["head_hash"].as_str().unwrap().to_owned();
    let closed = sb.json(&db, &["--as", "Claire Dubois", "meeting", "close", "MTG-002", "--json"]);
    assert_eq!(closed["audit_head"].as_str(), Some(head.as_str()));
    sb.with_db(&db)
        .args(["meeting", "minutes", "MTG-002"])
        .assert()
        .success()
        .stdout(contains("Run the discovery workshop"))
        .stdout(contains(&head));
    sb.with_db(&db)
        .args([
            "--as",
            "Claire Dubois",
            "meeting",
            "decide",
            "MTG-002",
            "--item",
            "alert:DA-001",
            "--decision",
            "approve",
        ])
        .args(["--rationale", "late"])
        .assert()
        .failure()
        .stderr(contains("closed"));
}

#[test]
fn charts_backlog_checklist_and_cadence_from_the_command_line() {
    let sb = Sandbox::new();
    let db = demo(&sb);
    for (args, out) in [
        (vec!["chart", "roi", "--use-case", "UC-001"], "roi.svg"),
        (vec!["chart", "portfolio-roi"], "portfolio.svg"),
        (vec!["chart", "kpi", "--use-case", "UC-001", "--kpi", "Advisor satisfaction"], "kpi.svg"),
    ] {
        let path = sb.path(out);
        sb.with_db(&db).args(&args).arg("--out").arg(&path).assert().success();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("EUR") || out == "kpi.svg" && svg.contains("target 4"),
            "{out}"
        );
    }
    sb.with_db(&db)
        .args(["chart", "roi", "--use-case", "UC-001", "--out"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(contains("portfolio"));
    sb.with_db(&db)
        .args(["chart", "kpi", "--use-case", "UC-001", "--kpi", "nope", "--out"])
        .arg(sb.path("x.svg"))
        .assert()
        .code(2)
        .stderr(contains("Advisor satisfaction"));
    let added = sb.json(
        &db,
        &["backlog", "add", "--title", "Fleet claims", "--rationale", "Volume", "--annual-value", "250000", "--json"],
    );
    assert_eq!(added[0]["status"], "proposed");
    sb.with_db(&db).args(["backlog", "list"]).assert().success().stdout(contains("Fleet claims"));
    sb.with_db(&db)
        .args([
            "cadence",
            "add",
            "--kind",
            "enablement",
            "--date",
            "2099-01-01",
            "--audience",
            "all",
            "--attendance",
            "3",
        ])
        .assert()
        .code(2)
        .stderr(contains("held_on"));
    let c = sb.json(
        &db,
        &[
            "cadence",
            "add",
            "--kind",
            "enablement",
            "--date",
            "2026-11-25",
            "--audience",
            "Claims adjusters",
            "--attendance",
            "40",
            "--json",
        ],
    );
    assert!(c["status"].as_array().unwrap().iter().all(|s| s["overdue"] == false), "{c}");
    let checklist = sb.json(&db, &["checklist", "--json"]);
    assert_eq!(checklist["items"].as_array().unwrap().len(), 5);
    let cadence = checklist["items"].as_array().unwrap().iter().find(|i| i["key"] == "improvement_cadence").unwrap();
    assert_eq!(cadence["status"], "met");
}
