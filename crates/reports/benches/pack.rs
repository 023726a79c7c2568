//! The PDF benchmarks (issue 13), side by side in one run:
//! - pages of one kind (a heading, a 10-row × 6-column table with its header, a paragraph of 120
//!   words, "Page X of Y") set by Steerco's typesetting and by ReportLab (the script beside this
//!   file, run with python3 when reportlab is installed): Steerco's pages per second must be at
//!   least 4× ReportLab's;
//! - a 1,000-dossier regulator pack on `demo --scale 980` (1,000 use cases), exported end to end
//!   (read, laid out, written, recorded) in a child process: under 10 s, with peak memory under
//!   150 MB above the idle process, and progress reported at least once a second.
//!
//! Not criterion: the figures are printed and the bench exits non-zero when a target is missed.
//! `cargo bench -p steerco-reports --bench pack` (release).

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use steerco_core::caller::Caller;
use steerco_core::services::discovery::use_cases;
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::{Db, OpenMode};
use steerco_reports::export::{pack, PackExport};
use steerco_reports::typeset::{Column, Composer, DocumentInfo, Flow, Geometry, Style};

const PAGES: usize = 500;
const OWNERS: [&str; 7] = ["A. Martin", "B. Chen", "C. Okafor", "D. Silva", "E. Novak", "F. Haddad", "G. Rossi"];
const STAGES: [&str; 5] = ["Idea", "Pilot", "Build", "Run", "Retire"];
const STATUSES: [&str; 5] = ["On track", "At risk", "Blocked", "Done", "Paused"];
const VOCABULARY: &str = "the steering committee reviewed portfolio value delivery risk adoption model data \
    quality pilot rollout budget forecast quarter milestone dependency owner evidence approval governance review \
    metric baseline target variance decision action follow escalation scope benefit cost timeline vendor \
    integration monitoring drift retraining audit control sign off release customer operations finance compliance";

/// The same pages the ReportLab script makes, set by our typesetting; returns the PDF's bytes.
fn steerco_pages(pages: usize) -> Vec<u8> {
    let vocabulary: Vec<&str> = VOCABULARY.split_whitespace().collect();
    let composer = Composer::new("Benchmark", Geometry::A4_PORTRAIT).expect("fonts");
    let fonts = composer.fonts().clone();
    let mut flow = Flow::new(&fonts, Geometry::A4_PORTRAIT);
    let columns = [
        Column::left("Use case", 1.2),
        Column::left("Owner", 1.0),
        Column::left("Stage", 0.7),
        Column::left("Status", 0.8),
        Column::right("Value (k€)", 0.9),
        Column::left("Review", 0.9),
    ];
    for page in 1..=pages {
        flow.heading(1, &format!("Portfolio review, page {page}"));
        let rows: Vec<Vec<String>> = (0..10)
            .map(|r| {
                let k = page * 10 + r;
                vec![
                    format!("UC-{page:04}-{:02}", r + 1),
                    OWNERS[k % OWNERS.len()].to_owned(),
                    STAGES[(k / 3) % STAGES.len()].to_owned(),
                    STATUSES[(k * 7) % STATUSES.len()].to_owned(),
                    format!("{:.1}", (k * 37 % 9000) as f64 / 10.0 + 12.5),
                    format!("2025-{:02}-{:02}", k % 12 + 1, k % 28 + 1),
                ]
            })
            .collect();
        flow.table(&columns, &rows, Style::BODY.sized(9.0));
        let words: Vec<&str> = (0..117).map(|i| vocabulary[(page * 13 + i * 7) % vocabulary.len()]).collect();
        flow.paragraph_styled(&format!("Page {page} summary: {}.", words.join(" ")), Style::BODY.sized(10.0), 0.0);
    }
    let (body, headings) = flow.finish();
    let info = DocumentInfo {
        title: "Benchmark".into(),
        author: "bench".into(),
        subject: "pages of one kind".into(),
        keywords: Vec::new(),
        created: Utc::now(),
        footer: "Steerco benchmark".into(),
        fingerprint: None,
    };
    composer.finish(&info, Vec::new(), false, body, &headings).expect("pdf")
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn reportlab_pages_per_second() -> Option<f64> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/reportlab_pages.py");
    let out = Command::new("python3").args([script, "--pages", &PAGES.to_string(), "--repeat", "3"]).output().ok()?;
    if !out.status.success() {
        eprintln!("ReportLab baseline not run: {}", String::from_utf8_lossy(&out.stderr).trim());
        return None;
    }
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    line["pages_per_second"].as_f64()
}

fn memory_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// In the child: export the 1,000-dossier pack, print what it measured as JSON.
fn child(db_path: &str, out: &str) {
    let db = Db::open(std::path::Path::new(db_path), OpenMode::MustExist).expect("open");
    let ids: Vec<String> = use_cases::list(&db).expect("list").into_iter().map(|c| c.id).collect();
    let idle = memory_kib("VmRSS:");
    let started = Instant::now();
    let mut last = Instant::now();
    let mut longest_gap = Duration::ZERO;
    let mut reports = 0u32;
    let mut phases: Vec<(String, f64, u64, u64)> = Vec::new();
    let mut step = String::new();
    let mut gap_before = String::new();
    let outcome = pack(
        &db,
        &Caller::system("bench", Utc::now()),
        &PackExport { destination: out.to_owned(), use_cases: ids.clone() },
        &mut |p| {
            // One entry per kind of step: every dossier is one "dossiers", every beat one "writing".
            let kind = if p.step.starts_with("UC-") {
                "dossiers"
            } else if p.step.starts_with("writing") {
                "writing"
            } else {
                p.step.as_str()
            };
            if kind != step {
                step = kind.to_owned();
                phases.push((
                    step.clone(),
                    started.elapsed().as_secs_f64(),
                    memory_kib("VmRSS:") / 1024,
                    memory_kib("VmHWM:") / 1024,
                ));
            }
            if last.elapsed() > longest_gap {
                longest_gap = last.elapsed();
                gap_before.clone_from(&p.step);
            }
            last = Instant::now();
            reports += 1;
            true
        },
    )
    .expect("pack");
    let seconds = started.elapsed().as_secs_f64();
    if last.elapsed() > longest_gap {
        longest_gap = last.elapsed();
        gap_before = "the end (recording the export)".into();
    }
    let peak = memory_kib("VmHWM:");
    println!(
        "{}",
        serde_json::json!({
            "dossiers": ids.len(), "pages": outcome.pages, "bytes": outcome.bytes, "seconds": seconds,
            "idle_kib": idle, "peak_kib": peak, "longest_progress_gap_s": longest_gap.as_secs_f64(), "longest_gap_before": gap_before, "reports": reports, "phases": phases,
        })
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], &args[i + 2]);
        return;
    }
    let mut ok = true;

    // Pages of one kind, ours against ReportLab's.
    steerco_pages(20);
    let runs: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let bytes = steerco_pages(PAGES);
            assert!(bytes.len() > 1000);
            t.elapsed().as_secs_f64()
        })
        .collect();
    let ours = PAGES as f64 / median(runs);
    match reportlab_pages_per_second() {
        Some(theirs) => {
            let ratio = ours / theirs;
            let met = ratio >= 4.0;
            ok &= met;
            println!(
                "pages of one kind: Steerco {ours:.0} pages/s, ReportLab {theirs:.0} pages/s: {ratio:.1}× (target ≥ 4×) {}",
                if met { "ok" } else { "MISSED" }
            );
        }
        None => {
            println!("pages of one kind: Steerco {ours:.0} pages/s (ReportLab not installed: pip install reportlab)")
        }
    }

    // The 1,000-dossier pack, in a child so its memory is its own.
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("bench.steerco");
    {
        let db = Db::open(&db_path, OpenMode::CreateIfMissing).expect("open");
        load_demo(&db, &Caller::system("bench", Utc::now()), &DemoRequest { force: false, scale: 980 })
            .expect("1,000 use cases");
    }
    let out = dir.path().join("pack.pdf");
    let child = Command::new(std::env::current_exe().expect("exe"))
        .args(["--child", db_path.to_str().expect("utf-8"), out.to_str().expect("utf-8")])
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("child");
    assert!(child.status.success(), "the export failed (its error is above)");
    let m: serde_json::Value = serde_json::from_slice(&child.stdout).expect("json");
    let seconds = m["seconds"].as_f64().unwrap_or(f64::MAX);
    let above_idle_mb = (m["peak_kib"].as_f64().unwrap_or(0.0) - m["idle_kib"].as_f64().unwrap_or(0.0)) / 1024.0;
    let gap = m["longest_progress_gap_s"].as_f64().unwrap_or(f64::MAX);
    let (fast, lean, heard) = (seconds < 10.0, above_idle_mb < 150.0, gap <= 1.0);
    ok &= fast && lean && heard;
    let verdict = |b: bool| if b { "ok" } else { "MISSED" };
    println!(
        "1,000-dossier pack: {} dossiers, {} pages, {:.1} MB in {seconds:.2} s (target < 10 s) {}; peak memory {above_idle_mb:.0} MB above idle (target < 150 MB) {}; longest wait between progress reports {gap:.2} s (before {}) over {} reports (target ≤ 1 s) {}",
        m["dossiers"],
        m["pages"],
        m["bytes"].as_f64().unwrap_or(0.0) / 1e6,
        verdict(fast),
        verdict(lean),
        m["longest_gap_before"],
        m["reports"],
        verdict(heard)
    );
    println!("  steps (name, seconds from the start when it began, resident and peak MB then): {}", m["phases"]);
    if !ok {
        std::process::exit(1);
    }
}
