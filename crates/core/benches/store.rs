//! Store benchmarks: opening (checks + migration) and listing a portfolio of 1,000 use cases.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use steerco_core::demo::synthetic_use_cases;
use steerco_core::domain::{ProgrammeSettings, ProgrammeUpdate};
use steerco_core::store::{programme, use_case};
use steerco_core::{Db, OpenMode};

fn open_migrate_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir for the benchmark file");
    let path = dir.path().join("bench.steerco");
    {
        let db = Db::open(&path, OpenMode::CreateIfMissing).expect("create bench portfolio");
        db.write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| {
                let update = ProgrammeUpdate {
                    name: "Bench".into(),
                    currency: "EUR".into(),
                    settings: ProgrammeSettings::default(),
                };
                programme::upsert(tx, &update, Utc::now())?;
                for case in synthetic_use_cases(1_000) {
                    use_case::insert_any_stage(tx, &case, Utc::now())?;
                }
                Ok(())
            },
        )
        .expect("fill bench portfolio");
    }
    c.bench_function("open + migrate + list 1,000 use cases", |b| {
        b.iter(|| {
            let db = Db::open(&path, OpenMode::MustExist).expect("open bench portfolio");
            let cases = db.read(use_case::list).expect("list");
            assert_eq!(cases.len(), 1_000);
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
