//! Ranking benchmark: 10,000 use cases scored, ranked and given rank ranges (every one-weight
//! ±10-point variant). Target: under 200 ms.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use steerco_core::demo::synthetic_use_cases;
use steerco_core::portfolio::ranked;
use steerco_core::scoring::default_criteria;
use steerco_core::store::use_case;
use steerco_core::Db;

fn rank_10k_with_sensitivity(c: &mut Criterion) {
    let db = Db::open_in_memory().expect("in-memory portfolio");
    db.write(
        &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
        |tx| {
            for case in synthetic_use_cases(10_000) {
                use_case::insert_any_stage(tx, &case, Utc::now())?;
            }
            Ok(())
        },
    )
    .expect("fill the portfolio");
    let cases = db.read(use_case::list).expect("list");
    let criteria = default_criteria();
    c.bench_function("rank 10,000 use cases with rank ranges", |b| {
        b.iter(|| {
            let out = ranked(cases.clone(), &criteria);
            assert_eq!(out.len(), 10_000);
        })
    });
    c.bench_function("load + rank 10,000 use cases with rank ranges", |b| {
        b.iter(|| {
            let out = ranked(db.read(use_case::list).expect("list"), &criteria);
            assert_eq!(out.len(), 10_000);
        })
    });
}

criterion_group!(benches, rank_10k_with_sensitivity);
criterion_main!(benches);
