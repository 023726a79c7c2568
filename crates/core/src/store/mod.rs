//! The portfolio file. `Db` is the one handle every caller holds: cheap to clone, internally
//! synchronised, and the only place that opens connections, so pragmas, checks and migrations
//! cannot be skipped.
//!
//! The modules below are reads and writes per table, visible to this crate only: the services
//! (`crate::services`) hold the rules and reach the tables through the sealed transaction types
//! `Tx` (one audited IMMEDIATE write transaction) and `Snapshot` (one read transaction), which
//! only `Db` can make. Nothing outside steerco-core can run SQL on a portfolio.

pub(crate) mod acknowledgement;
pub(crate) mod adapter;
pub(crate) mod audit;
mod audit_append;
mod audit_batch;
pub(crate) mod bias_check;
pub(crate) mod blueprint;
mod cached_query;
mod checkpoint;
mod connection_settings;
pub(crate) mod criterion;
pub(crate) mod data_pack;
pub(crate) mod data_source;
pub(crate) mod deployment;
pub(crate) mod document_export;
pub(crate) mod evaluation;
#[cfg(test)]
mod fixtures;
mod image_text;
pub(crate) mod images;
pub(crate) mod lane_override;
pub(crate) mod meeting;
mod migrate;
pub(crate) mod monitoring;
mod online_copy;
mod open;
pub(crate) mod oversight;
pub(crate) mod person;
pub(crate) mod pilot;
pub(crate) mod pilot_operations;
pub(crate) mod policy;
pub(crate) mod programme;
pub(crate) mod regression;
pub(crate) mod risk;
pub(crate) mod sequence;
mod sidecars;
pub(crate) mod signoff;
pub(crate) mod signoff_decline;
pub(crate) mod steering;
pub(crate) mod use_case;
pub(crate) mod value;
pub(crate) mod value_bulk;
pub(crate) mod workshop;
mod write_lock;

pub(crate) use cached_query::CachedQuery;

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use connection_settings::ConnectionSettings;
pub use migrate::{APPLICATION_ID, SCHEMA_VERSION};
pub(crate) use online_copy::copy_database;
pub use open::Access;
pub use sidecars::{protected_paths, sidecar_paths};
pub use write_lock::{WaitObserver, WRITE_WAIT_LIMIT};

use crate::audit::{Action, AuditMeta};
use crate::caller::{Actor, Caller};
use crate::error::{CoreError, CoreResult};
use checkpoint::Checkpoints;

/// Whether opening may create a new portfolio file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file (and an empty schema) when it does not exist or is blank.
    CreateIfMissing,
    /// Refuse when there is no file: reading commands should not leave empty files behind.
    MustExist,
    /// Open an existing file without ever writing to it.
    ReadOnly,
}

#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: Option<PathBuf>,
    access: Access,
    conn: Arc<Mutex<Connection>>,
    checkpoints: Checkpoints,
    observer: RwLock<Option<Arc<dyn WaitObserver>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        // The connection closes once a checkpoint running on it has finished.
        self.checkpoints.wait();
    }
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.inner.path).field("access", &self.inner.access).finish_non_exhaustive()
    }
}

impl Db {
    /// Opens (or, with `CreateIfMissing`, creates) the portfolio at `path`. Refuses files that
    /// are not regular files, not SQLite, belong to another application, come from a newer
    /// Steerco or fail `integrity_check`, and in each refusal leaves the file untouched. A
    /// healthy portfolio that cannot be written (a read-only file or folder) opens read-only.
    pub fn open(path: &Path, mode: OpenMode) -> CoreResult<Db> {
        let opened = open::open(path, mode)?;
        Db::from_parts(Some(path.to_owned()), opened.access, opened.conn)
    }

    /// As `open`, taking a backup (beside the file, see `services::portfolio::backup`) before
    /// an existing portfolio's schema is upgraded.
    pub fn open_with_backup(path: &Path, mode: OpenMode) -> CoreResult<Db> {
        let hook = |conn: &Connection, found: i64| -> CoreResult<()> {
            let keep = programme::settings(conn).map(|s| s.backups_kept).unwrap_or(14);
            crate::services::portfolio::backup::take_from(
                conn,
                path,
                &format!("before-upgrade-from-schema-{found}"),
                keep,
            )
            .map(|_| ())
        };
        let opened = open::open_with(path, mode, Some(&hook))?;
        Db::from_parts(Some(path.to_owned()), opened.access, opened.conn)
    }

    /// A private, migrated, in-memory portfolio for tests and benchmarks.
    pub fn open_in_memory() -> CoreResult<Db> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn, false)?;
        migrate::migrate(&mut conn)?;
        Db::from_parts(None, Access::ReadWrite, conn)
    }

    fn from_parts(path: Option<PathBuf>, access: Access, mut conn: Connection) -> CoreResult<Db> {
        let checkpoints = Checkpoints::watch(&mut conn)?;
        let conn = Arc::new(Mutex::new(conn));
        Ok(Db { inner: Arc::new(Inner { path, access, conn, checkpoints, observer: RwLock::new(None) }) })
    }

    /// Copies the write-ahead log into the file now, after a checkpoint already running: for a
    /// benchmark to measure a write with the checkpoint that follows it.
    pub fn checkpoint_now(&self) {
        self.inner.checkpoints.wait();
        checkpoint::checkpoint(&self.inner.conn);
    }

    /// The file behind this handle; `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.inner.path.as_deref()
    }

    /// Whether changes can be saved, and if not, why.
    pub fn access(&self) -> &Access {
        &self.inner.access
    }

    /// The file and its SQLite sidecars: what no export may ever be written over.
    pub fn protected_files(&self) -> Vec<PathBuf> {
        self.path().map(protected_paths).unwrap_or_default()
    }

    /// Runs `f` in one read transaction, so everything it reads is one consistent snapshot even
    /// while another process writes.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&Snapshot) -> CoreResult<T>) -> CoreResult<T> {
        let conn = self.lock();
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Deferred)?;
        let value = f(&Snapshot { sql: tx })?;
        Ok(value)
    }

    /// Runs `f` in an IMMEDIATE transaction, committed only when `f` returns `Ok`: a refused
    /// change leaves nothing behind. The caller is resolved against the portfolio's people
    /// inside the transaction; every row `f` changes is chained into the audit trail under that
    /// actor and `action` in the same transaction (and changes another program made since the
    /// last write are recorded first, as unaudited). When another Steerco holds the write lock,
    /// this waits (telling the observer) rather than failing.
    pub(crate) fn write<T>(
        &self,
        caller: &Caller,
        action: Action,
        f: impl FnOnce(&Tx) -> CoreResult<T>,
    ) -> CoreResult<T> {
        if let Access::ReadOnly { reason } = &self.inner.access {
            return Err(CoreError::ReadOnly(reason.clone()));
        }
        let value = self.write_and_commit(caller, action, f)?;
        // After the lock is let go: a checkpoint is not part of the write.
        self.inner.checkpoints.start_if_due(&self.inner.conn);
        Ok(value)
    }

    fn write_and_commit<T>(
        &self,
        caller: &Caller,
        action: Action,
        f: impl FnOnce(&Tx) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let conn = self.lock();
        let sql = self.begin_immediate(&conn)?;
        audit::adopt_outside_changes(&sql, caller.now)?;
        let actor = resolve_in(&sql, caller)?;
        let meta = AuditMeta::new(actor.name.clone(), action, caller.now);
        let tx = Tx { sql, actor, now: caller.now, action };
        let value = f(&tx)?;
        audit::drain(&tx.sql, &meta)?;
        tx.sql.commit()?;
        Ok(value)
    }

    /// Runs `f` exactly as `write` would run it, then rolls everything back: what a change would
    /// do (which sign-offs it makes stale, where the gate moves the case, whether it is refused)
    /// is worked out by the very code that would make it, so a preview cannot disagree with the
    /// save. Holds the write lock only while `f` runs.
    pub(crate) fn rehearse<T>(&self, caller: &Caller, f: impl FnOnce(&Tx) -> CoreResult<T>) -> CoreResult<T> {
        if let Access::ReadOnly { reason } = &self.inner.access {
            return Err(CoreError::ReadOnly(reason.clone()));
        }
        let conn = self.lock();
        let sql = self.begin_immediate(&conn)?;
        let actor = resolve_in(&sql, caller)?;
        let tx = Tx { sql, actor, now: caller.now, action: Action::Update };
        let value = f(&tx);
        tx.sql.rollback()?;
        value
    }

    /// The caller resolved against the portfolio's people (refused as `write` would refuse it),
    /// for work that must know who asks before it writes anything.
    pub(crate) fn resolve(&self, caller: &Caller) -> CoreResult<Actor> {
        self.read(|s| resolve_in(s, caller))
    }

    /// Replaces this portfolio's contents with those of the database on `source` (SQLite's online
    /// backup into the live file, so every connection sees either the old or the new contents),
    /// then brings the schema up to date, as a restored older backup needs.
    pub(crate) fn replace_contents(&self, source: &Connection) -> CoreResult<()> {
        if let Access::ReadOnly { reason } = &self.inner.access {
            return Err(CoreError::ReadOnly(reason.clone()));
        }
        let mut conn = self.lock();
        copy_database(source, &mut conn)?;
        // The backup carries the source's journal mode and header; this connection's pragmas
        // still hold, but the file must be in WAL mode again.
        open::configure(&conn, true)?;
        migrate::migrate(&mut conn)
    }

    /// Runs `f` with the raw connection outside any transaction: SQLite's online backup needs
    /// it. Crate-private like every other access.
    pub(crate) fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> CoreResult<T>) -> CoreResult<T> {
        f(&self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open (rusqlite rolls back on
        // drop), so the connection is still sound and the poison can be ignored.
        self.inner.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The caller as the portfolio's people know them, read in the transaction at hand.
fn resolve_in(conn: &Connection, caller: &Caller) -> CoreResult<Actor> {
    let found = match caller.working_as.as_deref() {
        Some(name) => person::find(conn, name)?,
        None => None,
    };
    Actor::resolve(caller, found, person::facts(conn)?)
}

/// One audited write transaction, with the actor it was resolved for and the time of the change.
/// Only `Db::write` makes one; it reads like a connection for the table modules' queries.
pub(crate) struct Tx<'c> {
    sql: Transaction<'c>,
    actor: Actor,
    now: DateTime<Utc>,
    action: Action,
}

impl Tx<'_> {
    /// Chains the changes made so far in this transaction onto the trail now, so that what
    /// follows in it (a meeting's minutes stamping the trail's head) sees them recorded.
    pub(crate) fn record_so_far(&self) -> CoreResult<()> {
        audit::drain(&self.sql, &AuditMeta::new(self.actor.name.clone(), self.action, self.now))?;
        Ok(())
    }

    pub(crate) fn actor(&self) -> &Actor {
        &self.actor
    }

    pub(crate) fn action(&self) -> Action {
        self.action
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.now
    }
}

impl Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.sql
    }
}

/// One read transaction: every query in it sees the same state of the file.
pub(crate) struct Snapshot<'c> {
    sql: Transaction<'c>,
}

impl Deref for Snapshot<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.sql
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
