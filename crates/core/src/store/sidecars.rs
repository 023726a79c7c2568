//! A portfolio on disk is its file plus SQLite's sidecars (write-ahead log, shared memory,
//! journal): what travels with it and what no export may ever be written over.

use std::path::{Path, PathBuf};

/// A portfolio file and its sidecars, the file first.
pub fn protected_paths(path: &Path) -> Vec<PathBuf> {
    std::iter::once(path.to_owned()).chain(sidecar_paths(path)).collect()
}

/// The SQLite files that travel with a portfolio: its write-ahead log, shared memory and (for a
/// file in rollback mode) journal.
pub fn sidecar_paths(path: &Path) -> [PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}
