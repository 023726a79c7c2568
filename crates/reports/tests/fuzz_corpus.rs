//! Replays the fuzzing inputs of this crate's importers (`fuzz/seeds/<target>/`,
//! `fuzz/regressions/`, `fuzz/corpus/`) through the entry points the fuzz targets call, so every
//! `cargo test` checks them without nightly or cargo-fuzz.

use std::path::{Path, PathBuf};

use steerco_reports::fuzzing::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

#[test]
fn every_target_has_seeds_and_its_corpus_replays() {
    let mut replayed = 0;
    for target in TARGETS {
        let source = fuzz_dir().join("fuzz_targets").join(format!("{}.rs", target.name));
        let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
        assert!(
            text.contains(&format!("steerco_reports::fuzzing::{}(data)", target.name)),
            "{} calls its entry point",
            target.name
        );
        let folders = ["seeds", "regressions", "corpus"].map(|f| fuzz_dir().join(f).join(target.name));
        let seeds = std::fs::read_dir(&folders[0]).map_or(0, |d| d.count());
        assert!(seeds > 0, "{} has no seeds", target.name);
        for entry in folders.iter().filter_map(|f| std::fs::read_dir(f).ok()).flatten() {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| (target.run)(&data));
            assert!(outcome.is_ok(), "{} fails on {}", target.name, path.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0);
}
