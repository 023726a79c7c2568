//! Reads and writes of the `criterion` table: the scoring matrix.

use rusqlite::{params, Connection};

use super::Tx;
use crate::domain::{CriterionKey, Direction};
use crate::error::{CoreError, CoreResult};
use crate::scoring::Criterion;

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<Criterion>> {
    let mut stmt = conn.prepare_cached("SELECT key, name, weight, direction FROM criterion ORDER BY position")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u32>(2)?, r.get::<_, String>(3)?))
    })?;
    rows.map(|row| {
        let (key, name, weight, direction) = row?;
        let stored = |e: CoreError| CoreError::Conflict(format!("stored criterion is unreadable: {e}"));
        Ok(Criterion {
            key: key.parse::<CriterionKey>().map_err(stored)?,
            name,
            weight,
            direction: direction.parse::<Direction>().map_err(stored)?,
        })
    })
    .collect()
}

pub(crate) fn set_weight(tx: &Tx, key: CriterionKey, weight: u32) -> CoreResult<()> {
    tx.execute("UPDATE criterion SET weight = ?2 WHERE key = ?1", params![key.as_str(), weight])?;
    Ok(())
}
