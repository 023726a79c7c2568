//! Store benchmarks: opening (checks + migration) and listing a portfolio of 1,000 use cases.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use steerco_core::caller::Caller;
use steerco_core::services::discovery::use_cases;
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::{Db, OpenMode};

fn open_migrate_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir for the benchmark file");
    let path = dir.path().join("bench.steerco");
    let total = {
        let db = Db::open(&path, OpenMode::CreateIfMissing).expect("create bench portfolio");
        let outcome = load_demo(&db, &Caller::system("bench", Utc::now()), &DemoRequest { force: false, scale: 981 })
            .expect("fill bench portfolio");
        (outcome.demo_use_cases + outcome.synthetic_use_cases) as usize
    };
    c.bench_function("open + migrate + list 1,000 use cases", |b| {
        b.iter(|| {
            let db = Db::open(&path, OpenMode::MustExist).expect("open bench portfolio");
            assert_eq!(use_cases::list(&db).expect("list").len(), total);
        })
    });
    c.bench_function("fresh file: create + migrate", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            let fresh = dir.path().join(format!("fresh-{n}.steerco"));
            Db::open(&fresh, OpenMode::CreateIfMissing).expect("create");
        })
    });
}

criterion_group!(benches, open_migrate_list);
criterion_main!(benches);
