//! The audit benchmarks, on a real file with synchronous=FULL:
//! - `audit verify` over 1,000,000 records must take under 2 s — the chain hashed on two cores,
//!   and every use case compared with its last recorded image;
//! - one audited change (a dossier edit, its trigger-captured before/after, the chained record,
//!   the commit and its fsync) must commit in under 10 ms at the 99th percentile.
//!
//! Not criterion: the setup (a million records) is built once and the figures are printed.
//!
//! `cargo bench -p steerco-core --bench audit` (STEERCO_BENCH_AUDIT_RECORDS sets the count).

use std::time::{Duration, Instant};

use chrono::Utc;
use rusqlite::params;
use steerco_core::audit::AuditRecord;
use steerco_core::caller::Caller;
use steerco_core::domain::DossierField;
use steerco_core::services::compliance::audit;
use steerco_core::services::discovery::use_cases::{self, UseCaseUpdate};
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::{Db, Money, OpenMode};

fn main() {
    let records: u64 =
        std::env::var("STEERCO_BENCH_AUDIT_RECORDS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.steerco");
    let caller = || Caller::system("bench", Utc::now());
    let db = Db::open(&path, OpenMode::CreateIfMissing).expect("open");
    load_demo(&db, &caller(), &DemoRequest { force: false, scale: 481 }).expect("500 use cases");
    let ids: Vec<String> = use_cases::list(&db).expect("list").into_iter().map(|c| c.id).collect();

    // A long history of edits to those 500 dossiers, chained as Steerco chains them (written in
    // bulk here, since a million transactions would take an hour).
    let built = Instant::now();
    {
        let mut conn = rusqlite::Connection::open(&path).expect("raw");
        let tx = conn.transaction().expect("tx");
        let (mut seq, mut prev): (i64, String) =
            tx.query_row("SELECT seq, hash FROM audit_anchor", [], |r| Ok((r.get(0)?, r.get(1)?))).expect("anchor");
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO audit (seq, at, actor, action, operation, entity_kind, entity_id, subject, before, after,
                                        prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .expect("prepare");
            for i in 0..records {
                seq += 1;
                let id = &ids[(i % ids.len() as u64) as usize];
                let mut r = AuditRecord {
                    seq,
                    at: "2026-11-30T10:00:00.000Z".into(),
                    actor: "bench".into(),
                    action: "update".into(),
                    operation: "update".into(),
                    entity_kind: "use_case".into(),
                    entity_id: id.clone(),
                    subject: id.clone(),
                    before: Some(format!("{{\"title\":\"Case {i}\",\"annual_value_cents\":120000000}}")),
                    after: Some(format!("{{\"title\":\"Case {i}\",\"annual_value_cents\":130000000}}")),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                r.hash = r.compute_hash();
                insert
                    .execute(params![
                        r.seq,
                        r.at,
                        r.actor,
                        r.action,
                        r.operation,
                        r.entity_kind,
                        r.entity_id,
                        r.subject,
                        r.before,
                        r.after,
                        r.prev_hash,
                        r.hash
                    ])
                    .expect("insert");
                prev = r.hash;
            }
        }
        tx.execute("UPDATE audit_anchor SET seq = ?1, hash = ?2", params![seq, prev]).expect("anchor");
        tx.commit().expect("commit");
    }
    // One real edit of each dossier, so each one's last record is its true image again.
    for id in &ids {
        let edit =
            UseCaseUpdate { id: id.clone(), changes: vec![DossierField::Workflow("bench".into())], loaded: None };
        use_cases::update(&db, &caller(), &edit).expect("edit");
    }
    println!("built {records} records in {:.1} s", built.elapsed().as_secs_f64());

    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = audit::verify(&db).expect("verify");
            assert!(report.holds(), "{report:?}");
            start.elapsed()
        })
        .collect();
    let best = times.iter().min().unwrap();
    let total = audit::log(&db, &Default::default()).expect("log").total;
    println!("audit verify over {total} records: best {:.3} s (target < 2 s)", best.as_secs_f64());

    // Audited commits: edit one dossier per transaction, as the app does.
    let id = ids[0].clone();
    let mut latencies = Vec::with_capacity(1000);
    for i in 0..1000 {
        let edit = UseCaseUpdate {
            id: id.clone(),
            changes: vec![DossierField::AnnualValue(Money::units(1_000_000 + i))],
            loaded: None,
        };
        let start = Instant::now();
        use_cases::update(&db, &caller(), &edit).expect("edit");
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
    if best.as_secs_f64() >= 2.0 || at(0.99) >= 10.0 {
        eprintln!("a target was missed");
        std::process::exit(1);
    }
}
