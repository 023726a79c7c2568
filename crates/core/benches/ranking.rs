//! Ranking benchmark: 10,000 use cases scored, ranked and given rank ranges (every one-weight
//! ±10-point variant). Target: under 200 ms.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use steerco_core::caller::Caller;
use steerco_core::portfolio::ranked;
use steerco_core::scoring::default_criteria;
use steerco_core::services::discovery::scoring::{rank, RankRequest};
use steerco_core::services::discovery::use_cases;
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::Db;

fn rank_10k_with_sensitivity(c: &mut Criterion) {
    let db = Db::open_in_memory().expect("in-memory portfolio");
    load_demo(&db, &Caller::system("bench", Utc::now()), &DemoRequest { force: false, scale: 10_000 })
        .expect("fill the portfolio");
    let cases = use_cases::list(&db).expect("list");
    let n = cases.len();
    let criteria = default_criteria();
    c.bench_function("rank 10,000 use cases with rank ranges", |b| {
        b.iter(|| assert_eq!(ranked(cases.clone(), &criteria).len(), n))
    });
    c.bench_function("load + rank 10,000 use cases with rank ranges", |b| {
        b.iter(|| assert_eq!(rank(&db, &RankRequest::default()).expect("rank").use_cases.len(), n))
    });
}

criterion_group!(benches, rank_10k_with_sensitivity);
criterion_main!(benches);
