//! The value and steering benchmarks, on a real file: `demo --scale` to 1,000 use cases, each
//! with 60 months of value imported from one metrics file of 60,000 rows.
//! - importing the 60,000 rows (one transaction, into a fresh copy each time): target < 200 ms;
//! - the dashboard handler over that portfolio: target p95 ≤ 25 ms;
//! - one 60-month ROI chart as SVG: target < 1 ms.
//!
//! Not criterion: the figures (p50, p95, max) are printed, and the bench exits non-zero when a
//! target is missed. `cargo bench -p steerco-core --bench value`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::Utc;
use steerco_core::caller::Caller;
use steerco_core::charts::{roi_chart, RoiSeries};
use steerco_core::services::discovery::use_cases;
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::services::steering::dashboard;
use steerco_core::services::value::tracking::{self, MetricsImport};
use steerco_core::value::Month;
use steerco_core::{Db, OpenMode};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn report(name: &str, mut times: Vec<Duration>, target: Duration, at: f64) -> bool {
    times.sort();
    let (p50, pt, max) = (percentile(&times, 0.5), percentile(&times, at), times[times.len() - 1]);
    let ok = pt <= target;
    let verdict = if target == Duration::MAX {
        "(no target)".to_owned()
    } else {
        format!(
            "(target p{:.0} ≤ {:.1} ms) {}",
            at * 100.0,
            target.as_secs_f64() * 1e3,
            if ok { "ok" } else { "MISSED" }
        )
    };
    // The target's percentile, unless it is the median already given.
    let at_target =
        if at == 0.5 { String::new() } else { format!(", p{:.0} {:.3} ms", at * 100.0, pt.as_secs_f64() * 1e3) };
    println!(
        "{name}: p50 {:.3} ms{at_target}, max {:.3} ms over {} runs {verdict}",
        p50.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3,
        times.len(),
    );
    ok
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.steerco");
    let caller = || Caller::system("bench", Utc::now());
    let db = Db::open(&path, OpenMode::CreateIfMissing).expect("open");
    load_demo(&db, &caller(), &DemoRequest { force: false, scale: 980 }).expect("1,000 use cases");
    let ids: Vec<String> = use_cases::list(&db).expect("list").into_iter().map(|c| c.id).collect();
    // Sixty months up to last month for every case (replacing the demo's own months).
    let last = Month::of(Utc::now().date_naive());
    let mut csv = String::from("use_case_id,month,benefit,cost,kpi,kpi_value,highlight\n");
    for (i, id) in ids.iter().enumerate() {
        for m in 0..60 {
            let month = last.plus(m - 59);
            let benefit = if m < 12 { 0 } else { 20_000 + (i % 7) * 1_000 + m as usize * 150 };
            let cost = if m < 12 { 35_000 } else { 9_000 + (i % 5) * 500 };
            let _ = writeln!(csv, "{id},{month},{benefit},{cost},,,");
        }
    }
    let metrics = dir.path().join("metrics.csv");
    std::fs::write(&metrics, &csv).expect("write metrics");
    drop(db);
    let pristine = dir.path().join("pristine.steerco");
    std::fs::copy(&path, &pristine).expect("copy");
    let req = MetricsImport { path: metrics.display().to_string(), replace: true, dry_run: false };

    let mut all_ok = true;
    let (mut imports, mut checkpointed) = (Vec::new(), Vec::new());
    let import_runs: usize = std::env::var("STEERCO_BENCH_IMPORT_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(8);
    for n in 0..import_runs {
        let copy = dir.path().join(format!("import-{n}.steerco"));
        std::fs::copy(&pristine, &copy).expect("copy");
        let db = Db::open(&copy, OpenMode::MustExist).expect("open copy");
        let started = Instant::now();
        let outcome = tracking::import_metrics(&db, &caller(), &req).expect("import");
        imports.push(started.elapsed());
        db.checkpoint_now();
        checkpointed.push(started.elapsed());
        assert_eq!(outcome.added + outcome.replaced + outcome.unchanged, 60_000);
    }
    all_ok &= report("import 60,000 metric rows (one transaction)", imports, Duration::from_millis(200), 0.5);
    // Not a target: the log copied into the file after the import returned, on another thread.
    report("  the same, until its checkpoint has run", checkpointed, Duration::MAX, 0.5);

    let db = Db::open(&dir.path().join("import-0.steerco"), OpenMode::MustExist).expect("open");
    let trail = steerco_core::services::compliance::audit::verify(&db).expect("verify");
    assert!(trail.holds(), "the imported months are on the trail: {:?}", trail.outside_changes);
    let today = Utc::now().date_naive();
    let warm = dashboard::dashboard(&db, today).expect("dashboard");
    assert_eq!(warm.use_cases.len(), 1_000, "every case has value");
    let mut runs = Vec::new();
    for _ in 0..100 {
        let started = Instant::now();
        std::hint::black_box(dashboard::dashboard(&db, today).expect("dashboard"));
        runs.push(started.elapsed());
    }
    all_ok &= report("dashboard, 1,000 use cases × 60 months", runs, Duration::from_millis(25), 0.95);

    let value = tracking::view(&db, &ids[0]).expect("view");
    assert_eq!(value.returns.months.len(), 60);
    let mut charts = Vec::new();
    for _ in 0..500 {
        let started = Instant::now();
        let svg = roi_chart(&RoiSeries {
            title: "UC-001 Compliance-curated answers",
            currency: "EUR",
            months: &value.returns.months,
            payback_month: value.returns.payback_month.as_deref(),
        })
        .expect("chart");
        charts.push(started.elapsed());
        std::hint::black_box(svg);
    }
    all_ok &= report("one 60-month ROI chart as SVG", charts, Duration::from_millis(1), 0.5);
    if !all_ok {
        std::process::exit(1);
    }
}
