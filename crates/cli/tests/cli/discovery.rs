//! Portfolio discovery on the command line: import, rank, export, weights, overrides, workshops.

use predicates::prelude::*;
use serde_json::Value;

use crate::support::Sandbox;

const HEADER: &str = "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description";

/// Hand-worked (default weights 40/30/30, horizon 6 months):
/// Alpha   5/4/2 → 85.0, 1.2M, 300k, 20k → 3.75 mo, portfolio
/// Charlie 4/4/3 → 67.5, 480k, 100k, 0   → 2.5 mo, portfolio (wins the tie on payback)
/// Bravo   4/4/3 → 67.5, 600k, 360k, 10k → 9 mo, research
/// Delta   2/1/5 → 10.0, 120k, 50k, 10k  → none, research
fn sample() -> String {
    format!(
        "\u{feff}{HEADER}\r\n\
         Alpha,Banking,Ana,Ben,1200000,300000,20000,5,4,2,4,limited,\"Quoted, with comma\"\r\n\
         Bravo,Insurance,,,600000,360000,10000,4,4,3,,,\"Two\r\nlines\"\r\n\
         Charlie,Insurance,Cleo,,480000,100000,0,4,4,3,2,minimal,\r\n\
         Delta,Pharma,,,120000,50000,10000,2,1,5,1,high,\r\n"
    )
}

fn init_with_sample(sb: &Sandbox, name: &str) -> std::path::PathBuf {
    let db = sb.path(name);
    sb.with_db(&db).arg("init").assert().success();
    let csv = sb.path(&format!("{name}.csv"));
    std::fs::write(&csv, sample()).unwrap();
    sb.with_db(&db)
        .args(["usecase", "import"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("Imported 4"));
    db
}

#[test]
fn rank_json_matches_hand_computed_scores_lanes_and_paybacks() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    let ranked = sb.json(&db, &["rank", "--json"]);
    let got: Vec<(String, f64, u64, String, Value)> = ranked
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            for key in ["id", "title", "score", "rank", "lane", "payback_months", "rank_range"] {
                assert!(r.get(key).is_some(), "rank --json has `{key}`");
            }
            let range = r["rank_range"].as_array().unwrap();
            assert!(range[0].as_u64() <= r["rank"].as_u64() && r["rank"].as_u64() <= range[1].as_u64());
            (
                r["title"].as_str().unwrap().to_owned(),
                r["score"].as_f64().unwrap(),
                r["rank"].as_u64().unwrap(),
                r["lane"].as_str().unwrap().to_owned(),
                r["payback_months"].clone(),
            )
        })
        .collect();
    let expected = [
        ("Alpha", 85.0, 1, "portfolio", Value::from(3.75)),
        ("Charlie", 67.5, 2, "portfolio", Value::from(2.5)),
        ("Bravo", 67.5, 3, "research", Value::from(9.0)),
        ("Delta", 10.0, 4, "research", Value::Null),
    ];
    for (g, e) in got.iter().zip(expected) {
        assert_eq!((g.0.as_str(), g.1, g.2, g.3.as_str(), &g.4), (e.0, e.1, e.2, e.3, &e.4));
    }
}

#[test]
fn a_malformed_file_exits_2_lists_every_row_and_stores_nothing() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    let bad = sb.path("bad.csv");
    std::fs::write(&bad, format!("{HEADER}\nOk,U,,,1,1,0,3,3,3,,,\nX,U,,,lots,1,0,0,3,3,,,\n,U,,,1,1,0,3,3,3,7,,\n"))
        .unwrap();
    sb.with_db(&db)
        .args(["usecase", "import"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("row 3 (X), column annual_value:"))
        .stderr(predicate::str::contains("row 3 (X), column value_rating: must be a rating from 1 to 5, not 0"))
        .stderr(predicate::str::contains("row 4, column data_readiness:"))
        .stderr(predicate::str::contains("nothing was stored"));
    assert_eq!(sb.list_json(&db).len(), 4);

    let wrong_header = sb.path("header.csv");
    std::fs::write(&wrong_header, "title,business_unit\nA,B\n").unwrap();
    sb.with_db(&db)
        .args(["usecase", "import"])
        .arg(&wrong_header)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("row 1, column annual_value: is missing from the header"));
    sb.with_db(&db).args(["usecase", "import", "no-such.csv"]).assert().code(2);
    assert_eq!(sb.list_json(&db).len(), 4);
}

#[test]
fn a_dry_run_stores_nothing() {
    let sb = Sandbox::new();
    let db = sb.path("p.steerco");
    sb.with_db(&db).arg("init").assert().success();
    let csv = sb.path("s.csv");
    std::fs::write(&csv, sample()).unwrap();
    sb.with_db(&db)
        .args(["usecase", "import", "--dry-run"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("Dry run: 4 use cases would be imported"));
    assert!(sb.list_json(&db).is_empty());
}

#[test]
fn export_then_import_round_trips_exactly() {
    let sb = Sandbox::new();
    let a = init_with_sample(&sb, "a.steerco");
    let first = sb.path("first.csv");
    sb.with_db(&a).args(["usecase", "export"]).arg(&first).assert().success();
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.starts_with(&format!("{HEADER},score,rank,lane,payback_months\n")), "{text}");
    assert!(text.contains(
        "Alpha,Banking,Ana,Ben,1200000,300000,20000,5,4,2,4,limited,\"Quoted, with comma\",85.0,1,portfolio,3.8"
    ));

    let b = sb.path("b.steerco");
    sb.with_db(&b).arg("init").assert().success();
    sb.with_db(&b).args(["usecase", "import"]).arg(&first).assert().success();
    let second = sb.path("second.csv");
    sb.with_db(&b).args(["usecase", "export"]).arg(&second).assert().success();
    assert_eq!(std::fs::read_to_string(&second).unwrap(), text);
}

#[test]
fn weights_set_validates_and_re_ranks() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    sb.with_db(&db)
        .args(["weights", "set", "value=40", "criticality=30", "guardrail=40"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("weights: must sum to 100"));
    sb.with_db(&db)
        .args(["weights", "set", "value:40"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("CRITERION=WEIGHT"));
    sb.with_db(&db).args(["weights", "set", "speed=100"]).assert().code(2).stderr(predicate::str::contains("speed"));
    assert_eq!(sb.json(&db, &["weights", "show", "--json"])[0]["weight"], 40);

    sb.with_db(&db).args(["weights", "set", "value=0", "criticality=0", "guardrail=100"]).assert().success();
    let ranked = sb.json(&db, &["rank", "--json"]);
    assert_eq!(ranked[0]["title"], "Alpha");
    assert_eq!(ranked[0]["score"], 75.0);
    assert_eq!(ranked[3]["title"], "Delta");
}

#[test]
fn an_override_is_named_reasoned_and_revocable() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    sb.with_db(&db).args(["usecase", "override", "UC-002", "--by", "Claire"]).assert().code(2);
    sb.with_db(&db)
        .args(["usecase", "override", "UC-002", "--by", "Claire Dubois", "--reason", "Regulatory deadline"])
        .assert()
        .success()
        .stdout(predicate::str::contains("portfolio lane"));
    let shown = sb.json(&db, &["usecase", "show", "UC-002", "--json"]);
    assert_eq!(shown["lane"], "portfolio");
    assert_eq!(shown["lane_override"]["decided_by"], "Claire Dubois");
    sb.with_db(&db).args(["usecase", "override", "UC-002", "--revoke", "--by", "Jonas"]).assert().success();
    assert_eq!(sb.json(&db, &["usecase", "show", "UC-002", "--json"])["lane"], "research");
    sb.with_db(&db).args(["usecase", "show", "UC-099"]).assert().code(2).stderr(predicate::str::contains("UC-099"));
}

#[test]
fn workshop_round_trip_with_rating_sheets() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    let created = sb.json(
        &db,
        &[
            "workshop",
            "create",
            "--title",
            "Day 1",
            "--date",
            "2026-12-01",
            "--facilitator",
            "Nadia",
            "--participant",
            "Ana",
            "--participant",
            "Ben",
            "--use-case",
            "UC-001",
            "--json",
        ],
    );
    assert_eq!(created[0]["id"], "WS-001");
    sb.with_db(&db)
        .args([
            "workshop",
            "create",
            "--title",
            "x",
            "--date",
            "2026-13-01",
            "--facilitator",
            "N",
            "--participant",
            "A",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("held_on"));

    sb.with_db(&db)
        .args([
            "workshop",
            "rate",
            "WS-001",
            "--participant",
            "Ana",
            "--use-case",
            "UC-001",
            "--criterion",
            "value",
            "--rating",
            "2",
        ])
        .assert()
        .success();
    let sheet = sb.path("ben.csv");
    sb.with_db(&db).args(["workshop", "sheet-export", "WS-001", "--participant", "Ben"]).arg(&sheet).assert().success();
    let filled: String = std::fs::read_to_string(&sheet)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, line)| if i == 1 { format!("{line}5\n") } else { format!("{line}\n") })
        .collect();
    std::fs::write(&sheet, filled).unwrap();
    sb.with_db(&db)
        .args(["workshop", "sheet-import", "WS-001"])
        .arg(&sheet)
        .assert()
        .success()
        .stdout(predicate::str::contains("DISCUSS"));
    let detail = sb.json(&db, &["workshop", "show", "WS-001", "--json"]);
    let value = &detail["consensus"][0];
    assert_eq!(
        (value["median"].as_f64(), value["spread"].as_u64(), value["discuss"].as_bool()),
        (Some(3.5), Some(3), Some(true))
    );
    assert_eq!(
        sb.json(&db, &["usecase", "show", "UC-001", "--json"])["ratings"]["value"],
        3.5,
        "the dossier takes the median"
    );

    let bad = sb.path("bad.csv");
    std::fs::write(&bad, "workshop_id,participant,use_case_id,criterion,rating\nWS-001,Ben,UC-001,value,six\n")
        .unwrap();
    sb.with_db(&db)
        .args(["workshop", "sheet-import", "WS-001"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("row 2, column rating"));
}

#[test]
fn the_matrix_is_written_as_svg() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    let svg = sb.path("matrix.svg");
    sb.with_db(&db).arg("matrix").arg(&svg).assert().success();
    let text = std::fs::read_to_string(&svg).unwrap();
    let list = sb.list_json(&db);
    let title = list.iter().find(|c| c["id"] == "UC-004").unwrap()["title"].as_str().unwrap().to_owned();
    let label: String = title.chars().take(17).collect();
    assert!(text.starts_with("<svg") && text.contains(&format!("\n{label}")), "{label} labelled");
}

#[test]
fn exports_refuse_the_open_portfolio_and_a_failed_first_demo_leaves_no_file() {
    let sb = Sandbox::new();
    let db = init_with_sample(&sb, "p.steerco");
    let before = std::fs::read(&db).unwrap();
    sb.with_db(&db)
        .args(["usecase", "export"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("open portfolio"));
    sb.with_db(&db).arg("matrix").arg(&db).assert().code(2);
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(sb.list_json(&db).len(), 4);

    let fresh = sb.path("fresh.steerco");
    sb.with_db(&fresh).args(["demo", "--scale", "2000000"]).assert().code(2).stderr(predicate::str::contains("scale"));
    assert!(!fresh.exists(), "a refused first demo leaves no empty portfolio behind");
}
