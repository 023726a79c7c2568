//! The foundation's CLI contract: init, demo, list, overview, info, copy, refusals and exit codes.

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use crate::support::Sandbox;

#[test]
fn demo_then_list_gives_the_documented_json_shape() {
    let sb = Sandbox::new();
    let db = sb.path("demo.steerco");
    sb.with_db(&db).arg("demo").assert().success().stdout(predicate::str::contains("20 use cases"));
    let cases = sb.list_json(&db);
    assert_eq!(cases.len(), 20);
    for case in &cases {
        for key in ["id", "title", "business_unit", "executive_sponsor", "product_owner", "lane", "stage"] {
            assert!(case.get(key).is_some(), "every listed use case has `{key}`: {case}");
        }
    }
    assert_eq!(cases[0]["id"], "UC-001");
    let lanes: Vec<&str> = cases.iter().map(|c| c["lane"].as_str().unwrap()).collect();
    assert!(lanes.contains(&"research") && lanes.contains(&"rejected"));
}

#[test]
fn human_list_is_a_table_with_a_count() {
    let sb = Sandbox::new();
    let db = sb.path("demo.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    sb.with_db(&db)
        .args(["usecase", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ID "))
        .stdout(predicate::str::contains("Protocol design co-pilot"))
        .stdout(predicate::str::ends_with("20 use cases\n"));
}

#[test]
fn demo_refuses_a_non_empty_file_with_exit_2_unless_forced() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).args(["demo", "--scale", "3"]).assert().success();
    sb.with_db(&db).arg("demo").assert().code(2).stderr(predicate::str::contains("--force"));
    assert_eq!(sb.list_json(&db).len(), 23, "a refused demo changes nothing");
    sb.with_db(&db).args(["demo", "--force"]).assert().success().stdout(predicate::str::contains("replacing 23"));
    assert_eq!(sb.list_json(&db).len(), 20);
}

#[test]
fn init_creates_an_empty_portfolio_and_is_idempotent() {
    let sb = Sandbox::new();
    let db = sb.path("new.steerco");
    sb.with_db(&db).args(["init", "--name", "Q1 discovery", "--currency", "chf"]).assert().success();
    assert!(sb.list_json(&db).is_empty());
    let info = sb.with_db(&db).args(["info", "--json"]).output().unwrap();
    let info: Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(info["programme"]["currency"], "CHF");
    sb.with_db(&db).arg("init").assert().success().stdout(predicate::str::contains("nothing changed"));
}

#[test]
fn init_with_a_bad_currency_exits_2_naming_the_field_and_creates_no_file() {
    let sb = Sandbox::new();
    let db = sb.path("new.steerco");
    sb.with_db(&db)
        .args(["init", "--currency", "EURO"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("programme.currency"));
    assert!(!db.exists());
}

/// Each refused file must come back byte-for-byte unchanged, with exit 2 and a reason.
fn assert_refused(sb: &Sandbox, db: &Path, reason: &str) {
    let before = std::fs::read(db).unwrap();
    for args in [vec!["usecase", "list", "--json"], vec!["init"], vec!["demo", "--force"]] {
        sb.with_db(db).args(&args).assert().code(2).stderr(predicate::str::contains(reason));
        assert_eq!(std::fs::read(db).unwrap(), before, "`steerco {}` must leave the file untouched", args.join(" "));
    }
    let mut names: Vec<String> = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect();
    names.sort();
    assert!(names.is_empty(), "no sidecar files are left next to a refused file: {names:?}");
}

#[test]
fn a_text_file_is_refused() {
    let sb = Sandbox::new();
    let db = sb.path("notes.txt");
    std::fs::write(&db, "Steering committee notes\n- approve claims triage\n").unwrap();
    assert_refused(&sb, &db, "not an SQLite database");
}

#[test]
fn a_truncated_database_is_refused() {
    let sb = Sandbox::new();
    let full = sb.path("full.steerco");
    sb.with_db(&full).args(["demo", "--scale", "300"]).assert().success();
    let bytes = std::fs::read(&full).unwrap();
    let db = sb.path("truncated.steerco");
    std::fs::write(&db, &bytes[..bytes.len() / 3]).unwrap();
    assert_refused(&sb, &db, "damaged");
}

#[test]
fn a_database_from_a_newer_steerco_is_refused() {
    let sb = Sandbox::new();
    let db = sb.path("newer.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 42).unwrap();
    assert_refused(&sb, &db, "newer Steerco");
}

#[test]
fn reading_a_missing_file_exits_2_and_creates_nothing() {
    let sb = Sandbox::new();
    let db = sb.path("nowhere.steerco");
    sb.with_db(&db).args(["usecase", "list"]).assert().code(2).stderr(predicate::str::contains("steerco init"));
    assert!(!db.exists());
}

#[test]
fn steerco_db_is_the_fallback_and_the_default_is_the_platform_data_dir() {
    let sb = Sandbox::new();
    let via_env = sb.path("env.steerco");
    sb.steerco().env("STEERCO_DB", &via_env).arg("demo").assert().success();
    assert!(via_env.exists());

    sb.steerco().arg("demo").assert().success();
    let default = sb.path("xdg-data").join("io.steerco.desktop").join("portfolio.steerco");
    assert!(default.exists(), "with no --db nor STEERCO_DB the CLI uses the desktop app's file");
    // --db wins over STEERCO_DB.
    let explicit = sb.path("explicit.steerco");
    sb.steerco().env("STEERCO_DB", &via_env).arg("--db").arg(&explicit).arg("init").assert().success();
    assert!(explicit.exists());
}

#[test]
fn overview_counts_match_the_list() {
    let sb = Sandbox::new();
    let db = sb.path("demo.steerco");
    sb.with_db(&db).args(["demo", "--scale", "40"]).assert().success();
    let cases = sb.list_json(&db);
    let out = sb.with_db(&db).args(["overview", "--json"]).output().unwrap();
    let overview: Value = serde_json::from_slice(&out.stdout).unwrap();
    for lane in overview["by_lane"].as_array().unwrap() {
        let name = lane["lane"].as_str().unwrap();
        let counted = cases.iter().filter(|c| c["lane"] == name).count();
        assert_eq!(lane["count"].as_u64().unwrap() as usize, counted, "lane {name}");
    }
}

#[test]
fn copy_writes_a_portfolio_that_lists_the_same() {
    let sb = Sandbox::new();
    let db = sb.path("demo.steerco");
    sb.with_db(&db).arg("demo").assert().success();
    let copy = sb.path("copy.steerco");
    sb.with_db(&db).arg("copy").arg(&copy).assert().success();
    assert_eq!(sb.list_json(&copy), sb.list_json(&db));
}

#[test]
fn usage_errors_exit_2() {
    let sb = Sandbox::new();
    sb.steerco().args(["demo", "--scale", "lots"]).assert().code(2).stderr(predicate::str::contains("--scale"));
    sb.steerco().arg("frobnicate").assert().code(2);
}
