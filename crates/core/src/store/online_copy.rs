//! SQLite's online backup between two connections: one consistent copy of a portfolio even while
//! another process writes (saving a copy, taking and restoring backups).

use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::WRITE_WAIT_LIMIT;
use crate::error::{CoreError, CoreResult};

/// Copies the whole database on `source` into `dest` with SQLite's online backup, every page in
/// one step: one read of the source, so the copy is one consistent state even while another
/// process writes (a busy source is waited for, up to the write wait limit).
pub(crate) fn copy_database(source: &Connection, dest: &mut Connection) -> CoreResult<()> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(source, dest)?;
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if started.elapsed() < WRITE_WAIT_LIMIT => {
                std::thread::sleep(Duration::from_millis(50))
            }
            _ => return Err(CoreError::Busy("the portfolio stayed busy while it was being copied".into())),
        }
    }
}
