//! Issue 5's audit benchmarks, on a real file with synchronous=FULL:
//! - `audit verify` over 1,000,000 records must take under 2 s;
//! - one audited change (a dossier edit, its trigger-captured before/after, the chained record,
//!   the commit and its fsync) must commit in under 10 ms at the 99th percentile.
//!
//! Not criterion: the setup (a million records) is built once and the figures are printed.
//!
//! `cargo bench -p steerco-core --bench audit` (STEERCO_BENCH_AUDIT_RECORDS sets the count).

use std::time::{Duration, Instant};

use chrono::Utc;
use steerco_core::audit::{Action, AuditMeta};
use steerco_core::store::audit::{self, Draft};
use steerco_core::store::use_case;
use steerco_core::{Db, OpenMode};

fn main() {
    let records: u64 =
        std::env::var("STEERCO_BENCH_AUDIT_RECORDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Db::open(&dir.path().join("bench.steerco"), OpenMode::CreateIfMissing).expect("open");
    let meta = AuditMeta::new("bench", Action::Update, Utc::now());
    let built = Instant::now();
    db.write(&meta, |tx| {
        for i in 0..records {
            let draft = Draft {
                operation: "update".into(),
                entity_kind: "use_case".into(),
                entity_id: format!("UC-{:03}", i % 500),
                subject: format!("UC-{:03}", i % 500),
                before: Some(format!("{{\"title\":\"Case {i}\",\"annual_value\":1200000.0,\"stage\":\"discovery\"}}")),
                after: Some(format!("{{\"title\":\"Case {i}\",\"annual_value\":1300000.0,\"stage\":\"discovery\"}}")),
            };
            audit::append(tx, &meta, draft)?;
        }
        Ok(())
    })
    .expect("fill");
    println!("built {records} records in {:.1} s", built.elapsed().as_secs_f64());

    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = audit::verify_file(db.path().expect("a file")).expect("verify");
            assert!(report.holds(), "{report:?}");
            start.elapsed()
        })
        .collect();
    let best = times.iter().min().unwrap();
    println!("audit verify over {} records: best {:.3} s (target < 2 s)", records + 1, best.as_secs_f64());

    // Audited commits: edit one dossier per transaction, as the app does.
    let case = db
        .write(&meta, |tx| use_case::insert_any_stage(tx, &steerco_core::demo::synthetic_use_cases(1)[0], Utc::now()))
        .expect("a case to edit");
    let mut latencies = Vec::with_capacity(1000);
    for i in 0..1000 {
        let mut input = case.to_input();
        input.annual_value = 1_000_000.0 + f64::from(i);
        let start = Instant::now();
        db.write(&AuditMeta::new("bench", Action::Update, Utc::now()), |tx| {
            use_case::update(tx, &case.id, &input, Utc::now())
        })
        .expect("edit");
        latencies.push(start.elapsed());
    }
    latencies.sort();
    let at =
        |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "audited commit (synchronous=FULL): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (target p99 < 10 ms)",
        at(0.50),
        at(0.99),
        latencies.last().unwrap().as_secs_f64() * 1000.0
    );
    let failed = best.as_secs_f64() >= 2.0 || at(0.99) >= 10.0;
    if failed {
        eprintln!("a target was missed");
        std::process::exit(1);
    }
}
