//! Waiting for the write lock another Steerco holds on the same file: quietly at first, then
//! telling the observer (the window shows "waiting…"), and giving up after a limit with a reason.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::Db;
use crate::error::{CoreError, CoreResult};

/// Told when a write has to wait for another program (another Steerco) holding the portfolio's
/// write lock, and when the wait is over, so the user sees "waiting…" rather than a frozen
/// window or a raw "database is locked".
pub trait WaitObserver: Send + Sync {
    fn waiting(&self, path: &Path);
    fn done_waiting(&self);
}

/// How long a write waits for another Steerco before giving up. An import of a large adapter by
/// another process takes seconds to a minute; a person is told they are waiting long before this.
pub const WRITE_WAIT_LIMIT: Duration = Duration::from_secs(600);
/// How long a write waits silently before the observer is told.
const QUIET_WAIT: Duration = Duration::from_millis(300);
/// Statements other than the write lock itself (a read during another's checkpoint).
const STATEMENT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Db {
    /// Who to tell when a write waits for another Steerco.
    pub fn set_wait_observer(&self, observer: Arc<dyn WaitObserver>) {
        *self.inner.observer.write().unwrap_or_else(|p| p.into_inner()) = Some(observer);
    }

    /// `BEGIN IMMEDIATE`, waiting while another connection holds the write lock.
    pub(super) fn begin_immediate<'c>(&self, conn: &'c Connection) -> CoreResult<Transaction<'c>> {
        let started = Instant::now();
        let mut told = false;
        conn.busy_timeout(QUIET_WAIT)?;
        let outcome = loop {
            match Transaction::new_unchecked(conn, TransactionBehavior::Immediate) {
                Ok(tx) => break Ok(tx),
                Err(e) if is_busy(&e) => {
                    if started.elapsed() >= WRITE_WAIT_LIMIT {
                        break Err(CoreError::Busy(format!(
                            "another Steerco has been writing to {} for over {} minutes; try again when it has finished",
                            self.path().map_or_else(|| "the portfolio".into(), |p| p.display().to_string()),
                            WRITE_WAIT_LIMIT.as_secs() / 60
                        )));
                    }
                    if !told {
                        told = true;
                        if let (Some(observer), Some(path)) = (self.observer(), self.path()) {
                            observer.waiting(path);
                        }
                    }
                }
                Err(e) => break Err(e.into()),
            }
        };
        conn.busy_timeout(STATEMENT_BUSY_TIMEOUT)?;
        if told {
            if let Some(observer) = self.observer() {
                observer.done_waiting();
            }
        }
        outcome
    }

    fn observer(&self) -> Option<Arc<dyn WaitObserver>> {
        self.inner.observer.read().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}
