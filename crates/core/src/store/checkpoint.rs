//! Checkpoints off the writer's path. SQLite copies the write-ahead log into the file (a
//! checkpoint) inside the commit that grows the log past a thousand pages, so a large write —
//! a metrics import of 60,000 months logs about 16 MB — waited for that copy although it was
//! already committed and durable. Here the log hook only notes that a checkpoint is due, and
//! it runs on a thread of its own once the write has returned (the arrangement SQLite's
//! documentation suggests where write latency matters). Nothing depends on it having run: a
//! reader finds committed pages in the log as well, and a checkpoint cut short loses nothing.
//! The handle's last owner waits for a running one before the connection closes.

use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use rusqlite::hooks::Wal;
use rusqlite::Connection;

use crate::error::CoreResult;

/// Log pages at which a checkpoint is due: SQLite's own automatic threshold.
const DUE_AT_PAGES: c_int = 1000;

#[derive(Default)]
pub(super) struct Checkpoints {
    due: Arc<AtomicBool>,
    running: Mutex<Option<JoinHandle<()>>>,
}

impl Checkpoints {
    /// Watches `conn`'s log instead of SQLite's automatic checkpoint (which the hook replaces).
    pub(super) fn watch(conn: &mut Connection) -> CoreResult<Checkpoints> {
        let checkpoints = Checkpoints::default();
        let due = Arc::clone(&checkpoints.due);
        conn.wal_hook(Some(move |_: &mut Wal, pages: c_int| {
            if pages >= DUE_AT_PAGES {
                due.store(true, Ordering::Release);
            }
            Ok(())
        }))?;
        Ok(checkpoints)
    }

    /// Starts a checkpoint of `conn` on another thread when one is due and none is running.
    pub(super) fn start_if_due(&self, conn: &Arc<Mutex<Connection>>) {
        if !self.due.load(Ordering::Acquire) {
            return;
        }
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.as_ref().is_some_and(|thread| !thread.is_finished()) {
            return; // still due: the next write starts it
        }
        if let Some(finished) = running.take() {
            let _ = finished.join();
        }
        self.due.store(false, Ordering::Release);
        let conn = Arc::clone(conn);
        *running =
            std::thread::Builder::new().name("steerco-checkpoint".to_owned()).spawn(move || checkpoint(&conn)).ok();
    }

    /// Waits for the checkpoint running, if any.
    pub(super) fn wait(&self) {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = running {
            let _ = thread.join();
        }
    }
}

/// A passive checkpoint: it waits for no reader or writer; what it cannot copy now is copied
/// by the next one (or when the last connection closes).
pub(super) fn checkpoint(conn: &Mutex<Connection>) {
    let conn = conn.lock().unwrap_or_else(|p| p.into_inner());
    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use crate::audit::Action;
    use crate::caller::Caller;
    use crate::services::portfolio::{load_demo, DemoRequest};
    use crate::store::{sidecar_paths, Db, OpenMode};

    #[test]
    fn a_large_write_is_checkpointed_after_it_returns_and_closing_waits_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("checkpoints.steerco");
        let db = Db::open(&path, OpenMode::CreateIfMissing).unwrap();
        let caller = Caller::system("test", Utc::now());
        load_demo(&db, &caller, &DemoRequest { force: false, scale: 0 }).unwrap();
        let quiet = db.inner.checkpoints.running.lock().unwrap().is_none();
        assert!(quiet, "a small write makes no checkpoint due");
        // About 6 MB in one write: well past the thousand pages that make a checkpoint due.
        db.write(&caller, Action::Update, |tx| {
            tx.execute_batch(
                "CREATE TABLE scratch (bytes BLOB NOT NULL);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
                 INSERT INTO scratch SELECT randomblob(4000) FROM n;",
            )?;
            Ok(())
        })
        .unwrap();
        let started = db.inner.checkpoints.running.lock().unwrap().is_some();
        assert!(started, "the write left its checkpoint to a thread of its own");
        let cases: i64 = db.read(|s| Ok(s.query_row("SELECT count(*) FROM use_case", [], |r| r.get(0))?)).unwrap();
        drop(db);
        // The last handle waited for the checkpoint; SQLite then folded the log into the file
        // and removed it as the connection closed.
        let wal = sidecar_paths(&path).into_iter().find(|p| p.to_string_lossy().ends_with("-wal")).unwrap();
        assert!(!wal.exists(), "{} is left behind", wal.display());
        let reopened = Db::open(&path, OpenMode::MustExist).unwrap();
        let again: i64 =
            reopened.read(|s| Ok(s.query_row("SELECT count(*) FROM use_case", [], |r| r.get(0))?)).unwrap();
        assert_eq!(again, cases);
    }
}
