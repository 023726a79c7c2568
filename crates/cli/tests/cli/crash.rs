//! Crash safety: a `steerco` process doing bulk imports, exports, copies, backups or bursts of
//! audited edits is SIGKILLed at a random moment, again and again on one portfolio. After every
//! kill the file passes SQLite's `integrity_check` and `audit verify`, every import is wholly
//! there or wholly absent, and every export that exists is complete.
//!
//! `make test` runs 10 kills. The full run is 100:
//! `STEERCO_CRASH_RUNS=100 cargo test -p steerco-cli --test cli crash -- --nocapture`;
//! `STEERCO_CRASH_SEED=N` replays the moments of an earlier run (the seed is printed).

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use rusqlite::Connection;

use crate::support::{sandboxed, Sandbox};

const IMPORT_ROWS: usize = 1_500;
const HEADER: &str = "title,business_unit,executive_sponsor,product_owner,annual_value,one_time_cost,monthly_run_cost,value_rating,criticality_rating,guardrail_rating,data_readiness,risk_class,description";

/// xorshift64*: enough randomness for kill moments, and replayable from the printed seed.
struct Moments(u64);

impl Moments {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[derive(Clone, Copy, Debug)]
enum Work {
    BulkImport,
    Export,
    Copy,
    Backup,
    EditBurst,
}

const ALL_WORK: [Work; 5] = [Work::BulkImport, Work::Export, Work::Copy, Work::Backup, Work::EditBurst];

struct Harness {
    sandbox: Sandbox,
    db: PathBuf,
}

impl Harness {
    fn csv_for(&self, run: usize) -> PathBuf {
        let path = self.sandbox.path(&format!("import-{run}.csv"));
        let mut text = format!("{HEADER}\n");
        for row in 0..IMPORT_ROWS {
            text.push_str(&format!(
                "Crash run {run} case {row},Banking,Ana,Ben,{},100000,1000,4,3,2,4,limited,\"bulk, row {row}\"\n",
                500_000 + row
            ));
        }
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Starts the work in its own process group, so a kill reaches the `steerco` a burst is
    /// running at that moment as well as the shell driving it.
    fn start(&self, work: Work, run: usize) -> Child {
        let mut cmd = match work {
            Work::BulkImport => {
                let mut cmd = self.sandbox.process();
                cmd.arg("--db").arg(&self.db).args(["usecase", "import"]).arg(self.csv_for(run));
                cmd
            }
            Work::Export => {
                let mut cmd = self.sandbox.process();
                cmd.arg("--db").arg(&self.db).args(["usecase", "export"]).arg(self.export_path(run));
                cmd
            }
            Work::Copy => {
                let mut cmd = self.sandbox.process();
                cmd.arg("--db").arg(&self.db).arg("copy").arg(self.sandbox.path(&format!("copy-{run}.steerco")));
                cmd
            }
            Work::Backup => {
                let mut cmd = self.sandbox.process();
                cmd.arg("--db").arg(&self.db).args(["backup", "create"]);
                cmd
            }
            Work::EditBurst => {
                let steerco = assert_cmd::cargo::cargo_bin("steerco");
                let script = format!(
                    "for i in $(seq 1 40); do \"$0\" --db \"$1\" --as 'Sofia Brandt' usecase set UC-007 \
                     \"description=burst {run} edit $i\" annual_value=$((900000 + i)) || exit 1; done"
                );
                let mut cmd = Command::new("sh");
                sandboxed(&mut cmd, &self.sandbox.path(""));
                cmd.arg("-c").arg(script).arg(steerco).arg(&self.db);
                cmd
            }
        };
        cmd.stdout(Stdio::null()).stderr(Stdio::piped()).process_group(0);
        cmd.spawn().unwrap()
    }

    fn export_path(&self, run: usize) -> PathBuf {
        self.sandbox.path(&format!("export-{run}.csv"))
    }

    fn kill(child: &mut Child) {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = child.wait();
    }

    /// How long the work takes when left alone, so kills land across all of it.
    fn duration_of(&self, work: Work, run: usize) -> Duration {
        let started = Instant::now();
        let out = self.start(work, run).wait_with_output().unwrap();
        assert!(out.status.success(), "{work:?} failed unkilled: {}", String::from_utf8_lossy(&out.stderr));
        started.elapsed()
    }

    fn check(&self, work: Work, run: usize) {
        let conn = Connection::open(&self.db).unwrap();
        let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "run {run} ({work:?}): integrity_check");
        let imported: i64 = conn
            .query_row("SELECT count(*) FROM use_case WHERE title LIKE ?1", [format!("Crash run {run} case %")], |r| {
                r.get(0)
            })
            .unwrap();
        drop(conn);
        assert!(
            imported == 0 || imported == IMPORT_ROWS as i64,
            "run {run} ({work:?}): an import was cut in half: {imported} of {IMPORT_ROWS} rows"
        );
        let verify = self.sandbox.with_db(&self.db).args(["audit", "verify"]).output().unwrap();
        assert!(
            verify.status.success(),
            "run {run} ({work:?}): audit verify failed after the kill:\n{}",
            String::from_utf8_lossy(&verify.stdout)
        );
        if let Work::Export = work {
            self.export_is_whole_or_absent(run);
        }
        if let Work::Copy = work {
            let copy = self.sandbox.path(&format!("copy-{run}.steerco"));
            if copy.exists() {
                self.sandbox.with_db(&copy).args(["audit", "verify"]).assert().success();
            }
        }
    }

    fn export_is_whole_or_absent(&self, run: usize) {
        let written = self.export_path(run);
        if !written.exists() {
            return;
        }
        let reference = self.sandbox.path(&format!("reference-{run}.csv"));
        self.sandbox.with_db(&self.db).args(["usecase", "export"]).arg(&reference).assert().success();
        assert_eq!(
            std::fs::read(&written).unwrap(),
            std::fs::read(&reference).unwrap(),
            "run {run}: an export exists but is not the whole export"
        );
    }
}

fn seed() -> u64 {
    match std::env::var("STEERCO_CRASH_SEED") {
        Ok(seed) => seed.parse().expect("STEERCO_CRASH_SEED is a number"),
        Err(_) => SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1,
    }
}

fn runs() -> usize {
    std::env::var("STEERCO_CRASH_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(10)
}

#[test]
fn killed_at_random_moments_the_portfolio_stays_whole_and_verifiable() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("crash.steerco");
    sandbox.with_db(&db).arg("demo").assert().success();
    let harness = Harness { sandbox, db };
    let seed = seed();
    println!("crash harness seed {seed} (STEERCO_CRASH_SEED={seed} replays it)");
    let mut moments = Moments(seed);
    // Calibration runs use run numbers past the killed ones, so their imports stay apart.
    let calibration_base = 1_000_000;
    let durations: Vec<Duration> =
        ALL_WORK.iter().enumerate().map(|(i, &work)| harness.duration_of(work, calibration_base + i)).collect();
    let mut cut_imports = 0;
    for run in 0..runs() {
        let which = moments.below(ALL_WORK.len() as u64) as usize;
        let work = ALL_WORK[which];
        let span = durations[which].as_micros() as u64;
        let wait = Duration::from_micros(moments.below(span + span / 5));
        let mut child = harness.start(work, run);
        std::thread::sleep(wait);
        let finished = matches!(child.try_wait(), Ok(Some(_)));
        Harness::kill(&mut child);
        if !finished {
            cut_imports += usize::from(matches!(work, Work::BulkImport));
        }
        harness.check(work, run);
    }
    println!("{} runs, {cut_imports} imports killed mid-way; every check held", runs());
    assert_imports_are_whole(&harness.db);
}

fn assert_imports_are_whole(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let mut per_run = conn
        .prepare("SELECT substr(title, 1, instr(substr(title, 11), ' ') + 10), count(*) FROM use_case WHERE title LIKE 'Crash run % case %' GROUP BY 1")
        .unwrap();
    let counts: Vec<(String, i64)> =
        per_run.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    for (run, count) in counts {
        assert_eq!(count, IMPORT_ROWS as i64, "{run}: {count} rows");
    }
}
