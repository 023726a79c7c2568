//! Replays the fuzzing inputs (`fuzz/seeds/<target>/`: real-shaped files; `fuzz/regressions/`:
//! every case that once failed; `fuzz/corpus/`: what the fuzzers kept) through the same entry
//! points the fuzz targets call, so a case that once broke an importer is checked by every
//! `make test` without nightly or cargo-fuzz.

use std::path::{Path, PathBuf};

use steerco_core::fuzzing::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

#[test]
fn every_importer_has_a_fuzz_target_and_a_corpus() {
    for target in TARGETS {
        let source = fuzz_dir().join("fuzz_targets").join(format!("{}.rs", target.name));
        let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        assert!(
            text.contains(&format!("steerco_core::fuzzing::{}(data)", target.name)),
            "{} calls its entry point",
            target.name
        );
        let seeds = std::fs::read_dir(fuzz_dir().join("seeds").join(target.name)).map_or(0, |d| d.count());
        assert!(seeds > 0, "{} has no seeds", target.name);
    }
    // Targets of importers other crates own (steerco-reports' XLSX sheets) are checked there.
    let declared = std::fs::read_dir(fuzz_dir().join("fuzz_targets"))
        .unwrap()
        .filter(|e| {
            let path = e.as_ref().unwrap().path();
            std::fs::read_to_string(path).unwrap().contains("steerco_core::fuzzing::")
        })
        .count();
    assert_eq!(declared, TARGETS.len(), "every fuzz target is listed in steerco_core::fuzzing::TARGETS");
}

#[test]
fn the_corpus_replays_without_a_failure() {
    let mut replayed = 0;
    for target in TARGETS {
        let folders = ["seeds", "regressions", "corpus"].map(|f| fuzz_dir().join(f).join(target.name));
        for entry in folders.iter().filter_map(|f| std::fs::read_dir(f).ok()).flatten() {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| (target.run)(&data));
            assert!(outcome.is_ok(), "{} fails on {}", target.name, path.display());
            replayed += 1;
        }
    }
    println!("replayed {replayed} cases");
}
