//! Queries on the `criterion` table: the scoring matrix.

use rusqlite::{params, Connection, Transaction};

use crate::domain::{CriterionKey, Direction};
use crate::error::{CoreError, CoreResult};
use crate::scoring::{self, Criterion};

pub fn list(conn: &Connection) -> CoreResult<Vec<Criterion>> {
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

/// Stores new weights after checking that they name every criterion and sum to 100.
pub fn set_weights(tx: &Transaction, weights: &[(CriterionKey, u32)]) -> CoreResult<Vec<Criterion>> {
    let updated = scoring::with_weights(&list(tx)?, weights)?;
    for criterion in &updated {
        tx.execute(
            "UPDATE criterion SET weight = ?2 WHERE key = ?1",
            params![criterion.key.as_str(), criterion.weight],
        )?;
    }
    Ok(updated)
}
