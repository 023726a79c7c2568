//! Trust through real `steerco` processes: no export destroys a portfolio by any route, two
//! processes editing one dossier keep both edits, a write waits for another Steerco and says so,
//! verify raises no false alarm under load, hostile files stay inert, odd files are refused
//! cleanly, and backups restore.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use rusqlite::Connection;

use crate::support::{steerco_in, Sandbox};

fn demo(s: &Sandbox, name: &str) -> PathBuf {
    let db = s.path(name);
    s.with_db(&db).arg("demo").assert().success();
    db
}

fn still_a_portfolio(s: &Sandbox, db: &Path) {
    s.with_db(db).args(["audit", "verify"]).assert().success();
}

#[test]
fn no_export_can_be_written_over_the_open_portfolio_by_any_route() {
    let s = Sandbox::new();
    let real = demo(&s, "real.steerco");
    let before_use_cases = s.list_json(&real).len();
    symlink(&real, s.path("link.steerco")).unwrap();
    let mut wal = real.as_os_str().to_owned();
    wal.push("-wal");
    symlink(PathBuf::from(&wal), s.path("wal-link.csv")).unwrap();
    std::fs::hard_link(&real, s.path("hard.steerco")).unwrap();
    std::fs::create_dir(s.path("sub")).unwrap();
    let routes: Vec<(PathBuf, PathBuf)> = vec![
        // The reproduction: the portfolio opened through a link, exported onto itself.
        (s.path("link.steerco"), real.clone()),
        (real.clone(), s.path("link.steerco")),
        (real.clone(), s.path("wal-link.csv")),
        (real.clone(), s.path("hard.steerco")),
        (real.clone(), s.path("sub/../real.steerco")),
    ];
    for (open, destination) in &routes {
        for args in [
            vec!["usecase", "export"],
            vec!["matrix"],
            vec!["lineage", "export", "--openlineage"],
            vec!["copy"],
            vec!["workshop", "sheet-export", "WS-001", "--participant", "Aisha Rahman"],
        ] {
            s.with_db(open)
                .args(&args)
                .arg(destination)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("open portfolio"));
        }
    }
    still_a_portfolio(&s, &real);
    assert_eq!(s.list_json(&real).len(), before_use_cases);
    let leftovers: Vec<_> = std::fs::read_dir(s.path(""))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left: {leftovers:?}");
}

#[test]
fn a_portfolio_called_p_partial_survives_an_export_to_p() {
    let s = Sandbox::new();
    let db = demo(&s, "p.partial");
    s.with_db(&db).args(["usecase", "export"]).arg(s.path("p")).assert().success();
    still_a_portfolio(&s, &db);
    assert!(std::fs::read_to_string(s.path("p")).unwrap().starts_with("title,"));
}

#[test]
fn two_processes_editing_one_dossier_keep_both_last_values() {
    let s = Sandbox::new();
    let db = demo(&s, "race.steerco");
    let edits = 150;
    let run = |field: &'static str| {
        let db = db.clone();
        let sandbox_home = s.path("");
        std::thread::spawn(move || {
            for i in 1..=edits {
                let value =
                    if field == "description" { format!("description {i}") } else { (1_000_000 + i).to_string() };
                let out = steerco_in(&sandbox_home)
                    .args(["--db", db.to_str().unwrap(), "--as", "Sofia Brandt", "usecase", "set", "UC-007"])
                    .arg(format!("{field}={value}"))
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            }
        })
    };
    let a = run("description");
    let b = run("annual_value");
    a.join().unwrap();
    b.join().unwrap();
    let case = s.json(&db, &["usecase", "show", "UC-007", "--json"]);
    assert_eq!(case["description"], format!("description {edits}"));
    assert_eq!(case["annual_value"].as_f64(), Some(1_000_000.0 + edits as f64));
    // No record shows one process putting back the other's field.
    let log = s.json(&db, &["audit", "log", "--entity", "UC-007", "--action", "update", "--json"]);
    for r in log.as_array().unwrap().iter().filter(|r| r["entity_kind"] == "use_case") {
        let before: serde_json::Value = serde_json::from_str(r["before"].as_str().unwrap()).unwrap();
        let after: serde_json::Value = serde_json::from_str(r["after"].as_str().unwrap()).unwrap();
        let changed = after
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, v)| before[k.as_str()] != **v && k.as_str() != "updated_at")
            .count();
        assert_eq!(changed, 1, "record {} changed {changed} fields", r["seq"]);
    }
    still_a_portfolio(&s, &db);
}

#[test]
fn a_write_waits_visibly_for_another_steerco_instead_of_failing() {
    let s = Sandbox::new();
    let db = demo(&s, "busy.steerco");
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(2_000));
        holder.execute_batch("COMMIT").unwrap();
    });
    let started = Instant::now();
    s.with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-007", "workflow=after the wait"])
        .assert()
        .success()
        .stderr(predicate::str::contains("waiting for another Steerco"));
    release.join().unwrap();
    assert!(started.elapsed() >= Duration::from_millis(1_900));
}

#[test]
fn verify_during_edits_by_another_process_raises_no_false_alarm() {
    let s = Sandbox::new();
    let db = demo(&s, "load.steerco");
    let writer_db = db.clone();
    let home = s.path("");
    let writer = std::thread::spawn(move || {
        for i in 0..300 {
            let out = steerco_in(&home)
                .args(["--db", writer_db.to_str().unwrap(), "--as", "Sofia Brandt", "usecase", "set", "UC-007"])
                .arg(format!("workflow=edit {i}"))
                .output()
                .unwrap();
            assert!(out.status.success());
        }
    });
    for i in 0..30 {
        let out = s.with_db(&db).args(["audit", "verify"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "verify {i}: {}", String::from_utf8_lossy(&out.stdout));
    }
    writer.join().unwrap();
}

#[test]
fn formula_cells_are_written_inert_and_come_back_as_they_were() {
    let s = Sandbox::new();
    let db = s.path("f.steerco");
    s.with_db(&db).arg("init").assert().success();
    let csv = s.path("in.csv");
    std::fs::write(
        &csv,
        "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description\n\
         \"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+Sales,@Ana,-Ben,100,10,1,3,3,3,,,=1+2\n",
    )
    .unwrap();
    s.with_db(&db).args(["usecase", "import"]).arg(&csv).assert().success();
    let out = s.path("out.csv");
    s.with_db(&db).args(["usecase", "export"]).arg(&out).assert().success();
    let text = std::fs::read_to_string(&out).unwrap();
    let row = text.lines().nth(1).unwrap();
    for cell in ["'=HYPERLINK", ",'+Sales,", ",'@Ana,", ",'-Ben,", ",'=1+2,"] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    let again = s.path("again.steerco");
    s.with_db(&again).arg("init").assert().success();
    s.with_db(&again).args(["usecase", "import"]).arg(&out).assert().success();
    let (a, b) = (s.list_json(&db), s.list_json(&again));
    for field in ["title", "business_unit", "executive_sponsor", "product_owner", "description"] {
        assert_eq!(a[0][field], b[0][field], "{field} round-trips");
    }
}

#[test]
fn endless_huge_and_odd_inputs_are_refused_quickly_naming_the_limit() {
    let s = Sandbox::new();
    let db = demo(&s, "inputs.steerco");
    let started = Instant::now();
    s.with_db(&db)
        .args(["usecase", "import", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large").and(predicate::str::contains("MiB")));
    assert!(started.elapsed() < Duration::from_secs(5));
    let huge = s.path("huge.csv");
    std::fs::File::create(&huge).unwrap().set_len(5 * 1024 * 1024 * 1024).unwrap();
    let started = Instant::now();
    s.with_db(&db).args(["usecase", "import"]).arg(&huge).assert().code(2).stderr(predicate::str::contains("5 GiB"));
    assert!(started.elapsed() < Duration::from_secs(1), "refused from its size, not read");
    // Thousands of bad rows: the first 50 and a count.
    let mut many = String::from("title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description\n");
    for i in 0..3000 {
        many.push_str(&format!("T{i},U,,,x,1,1,3,3,3,,,\n"));
    }
    let bad = s.path("many.csv");
    std::fs::write(&bad, many).unwrap();
    let out = s.with_db(&db).args(["usecase", "import"]).arg(&bad).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("3000 problems") && err.contains("… and 2950 more"), "{}", &err[..300.min(err.len())]);
    assert!(err.lines().count() < 60, "{} lines", err.lines().count());
    // An escape sequence in an imported file is refused, and never printed raw.
    let hostile = s.path("eval.csv");
    std::fs::write(&hostile, "suite,metric,value\nsafety,\u{1b}]0;pwned\u{7}acc,0.9\n").unwrap();
    let out =
        s.with_db(&db).args(["eval", "import"]).arg(&hostile).args(["--adapter-version", "AV-001"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b) && !out.stdout.contains(&0x1b), "no raw escape reaches the terminal");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\u{1b}"));
}

#[test]
fn devices_and_read_only_opens_say_what_they_are() {
    let s = Sandbox::new();
    s.steerco()
        .args(["--db", "/dev/null", "usecase", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));
    assert!(!Path::new("/dev/null-wal").exists());
    let db = demo(&s, "ro.steerco");
    s.with_db(&db).args(["--read-only", "usecase", "list"]).assert().success();
    s.with_db(&db)
        .args(["--read-only", "--as", "Sofia Brandt", "usecase", "set", "UC-007", "workflow=x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("open read-only"));
}

#[test]
fn backups_are_listed_and_one_restores_with_the_trail_verifying() {
    let s = Sandbox::new();
    let db = demo(&s, "b.steerco");
    let list = s.json(&db, &["backup", "list", "--json"]);
    let daily = list.as_array().unwrap().iter().find(|b| b["reason"] == "daily").expect("a daily backup").clone();
    s.with_db(&db)
        .args(["--as", "Sofia Brandt", "usecase", "set", "UC-007", "title=Changed after the backup"])
        .assert()
        .success();
    s.with_db(&db)
        .args(["--as", "Carla Mendes", "backup", "restore", daily["file_name"].as_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("Restored"));
    let case = s.json(&db, &["usecase", "show", "UC-007", "--json"]);
    assert_ne!(case["title"], "Changed after the backup");
    still_a_portfolio(&s, &db);
    let restores = s.json(&db, &["audit", "log", "--action", "restore", "--json"]);
    assert_eq!(restores.as_array().unwrap().len(), 1);
    s.with_db(&db).args(["backup", "restore", "no-such.steerco"]).assert().code(2);
}
