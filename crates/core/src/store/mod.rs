//! The portfolio file. `Db` is the one handle every caller holds: cheap to clone, internally
//! synchronised, and the only place that opens connections, so pragmas, checks and migrations
//! cannot be skipped. Query modules below take `&Connection` / `&Transaction`.

pub mod adapter;
pub mod audit;
pub mod bias_check;
pub mod coverage;
pub mod criterion;
pub mod data_pack;
pub mod data_source;
pub mod deployment;
pub mod evaluation;
pub mod lane_override;
pub mod lineage;
mod migrate;
mod open;
pub mod oversight;
pub mod person;
pub mod policy;
pub mod programme;
pub mod risk;
pub mod sequence;
pub mod signoff;
pub mod use_case;
pub mod workshop;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};

use crate::audit::AuditMeta;
use crate::error::{CoreError, CoreResult};
use open::FileState;

/// Whether opening may create a new portfolio file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file (and an empty schema) when it does not exist or is blank.
    CreateIfMissing,
    /// Refuse when there is no file: reading commands should not leave empty files behind.
    MustExist,
}

#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: Option<PathBuf>,
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.inner.path).finish_non_exhaustive()
    }
}

impl Db {
    /// Opens (or, with `CreateIfMissing`, creates) the portfolio at `path`. Refuses files that
    /// are not SQLite, belong to another application, come from a newer Steerco or fail
    /// `integrity_check`, and in each refusal leaves the file untouched.
    pub fn open(path: &Path, mode: OpenMode) -> CoreResult<Db> {
        let existed = path.exists();
        let sidecars = sidecar_paths(path);
        let sidecars_before: Vec<bool> = sidecars.iter().map(|p| p.exists()).collect();
        let state = open::inspect(path).inspect_err(|_| {
            // A read-only look at a WAL-mode file creates its -wal/-shm; a refused file should
            // be left exactly as we found it, sidecars included.
            for (sidecar, existed_before) in sidecars.iter().zip(&sidecars_before) {
                if !existed_before {
                    let _ = std::fs::remove_file(sidecar);
                }
            }
        })?;
        if state == FileState::Blank && mode == OpenMode::MustExist {
            return Err(CoreError::Missing(path.to_owned()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let result = Connection::open_with_flags(path, flags).map_err(CoreError::from).and_then(|mut conn| {
            open::configure(&conn, true)?;
            migrate::migrate(&mut conn)?;
            Ok(conn)
        });
        match result {
            Ok(conn) => Ok(Db { inner: Arc::new(Inner { path: Some(path.to_owned()), conn: Mutex::new(conn) }) }),
            Err(e) => {
                if !existed {
                    // Do not leave a half-made file behind for the next attempt to trip over.
                    for file in std::iter::once(path.to_owned()).chain(sidecars) {
                        let _ = std::fs::remove_file(file);
                    }
                }
                Err(e)
            }
        }
    }

    /// A private, migrated, in-memory portfolio for tests and benchmarks.
    pub fn open_in_memory() -> CoreResult<Db> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn, false)?;
        migrate::migrate(&mut conn)?;
        Ok(Db { inner: Arc::new(Inner { path: None, conn: Mutex::new(conn) }) })
    }

    /// The file behind this handle; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    /// Runs `f` with the connection. Reads see one consistent snapshot only inside `f`.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        f(&self.lock())
    }

    /// Runs `f` in an IMMEDIATE transaction, committed only when `f` returns `Ok`: a refused
    /// change leaves nothing behind. Every row `f` changes is chained into the audit trail under
    /// `meta` in the same transaction (and changes another program made since the last write
    /// are recorded first, as unaudited).
    pub fn write<T>(&self, meta: &AuditMeta, f: impl FnOnce(&Transaction) -> CoreResult<T>) -> CoreResult<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        audit::adopt_outside_changes(&tx, meta)?;
        let value = f(&tx)?;
        audit::drain(&tx, meta)?;
        tx.commit()?;
        Ok(value)
    }

    /// Copies the whole portfolio to `dest` with SQLite's online backup, so the copy is
    /// consistent even while this handle stays open. `dest` is replaced if it exists.
    pub fn backup_to(&self, dest: &Path) -> CoreResult<()> {
        if self.path().is_some_and(|p| same_file(p, dest)) {
            return Err(CoreError::invalid("destination", "is the portfolio that is open; choose another file"));
        }
        let tmp = dest.with_extension("steerco-partial");
        let outcome = (|| -> CoreResult<()> {
            let mut target = Connection::open(&tmp)?;
            {
                let conn = self.lock();
                let backup = Backup::new(&conn, &mut target)?;
                backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
            }
            // The copy travels alone (e-mail, USB stick): fold it into one self-contained file.
            target.execute_batch("PRAGMA journal_mode = DELETE")?;
            drop(target);
            // A stale -wal beside the old file at `dest` would be replayed into the new copy.
            for sidecar in sidecar_paths(dest) {
                match std::fs::remove_file(&sidecar) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(CoreError::io(format!("removing {}", sidecar.display()), e))
                    }
                    _ => {}
                }
            }
            std::fs::rename(&tmp, dest).map_err(|e| CoreError::io(format!("writing {}", dest.display()), e))
        })();
        if outcome.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        outcome
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open (rusqlite rolls back on
        // drop), so the connection is still sound and the poison can be ignored.
        self.inner.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The schema's CHECK constraints make a bad value here a damaged file, not user input.
pub(crate) fn stored_enum<T: std::str::FromStr<Err = CoreError>>(text: &str) -> CoreResult<T> {
    text.parse().map_err(|e: CoreError| CoreError::Conflict(format!("a stored record has an unknown value: {e}")))
}

/// A JSON column written by this crate.
pub(crate) fn stored_json<T: serde::de::DeserializeOwned>(text: &str) -> CoreResult<T> {
    Ok(serde_json::from_str(text)?)
}

fn sidecar_paths(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
