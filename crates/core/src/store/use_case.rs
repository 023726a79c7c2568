//! Queries on the `use_case` table.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row, Transaction};

use super::sequence;
use crate::domain::{Lane, NewUseCase, Stage, UseCase};
use crate::error::{CoreError, CoreResult};

pub const ID_PREFIX: &str = "UC";

const COLUMNS: &str =
    "id, title, business_unit, description, executive_sponsor, product_owner, lane, stage, created_at, updated_at";

pub fn insert(tx: &Transaction, new: &NewUseCase, now: DateTime<Utc>) -> CoreResult<UseCase> {
    let new = new.validated()?;
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        &format!("INSERT INTO use_case ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"),
        params![
            id,
            new.title,
            new.business_unit,
            new.description,
            new.executive_sponsor,
            new.product_owner,
            new.lane.as_str(),
            new.stage.as_str(),
            now
        ],
    )?;
    Ok(UseCase {
        id,
        title: new.title,
        business_unit: new.business_unit,
        description: new.description,
        executive_sponsor: new.executive_sponsor,
        product_owner: new.product_owner,
        lane: new.lane,
        stage: new.stage,
        created_at: now,
        updated_at: now,
    })
}

/// Every use case in the order they were created.
pub fn list(conn: &Connection) -> CoreResult<Vec<UseCase>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM use_case ORDER BY rowid"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

pub fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM use_case", [], |r| r.get(0))?)
}

/// Counts per (lane, stage) pair that has at least one use case.
pub fn count_by_lane_and_stage(conn: &Connection) -> CoreResult<Vec<(Lane, Stage, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT lane, stage, count(*) FROM use_case GROUP BY lane, stage")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))?;
    rows.map(|row| {
        let (lane, stage, n) = row?;
        Ok((stored_enum(&lane)?, stored_enum(&stage)?, n))
    })
    .collect()
}

/// Removes every use case; used when a portfolio's contents are replaced (demo `--force`).
pub fn delete_all(tx: &Transaction) -> CoreResult<usize> {
    let removed = tx.execute("DELETE FROM use_case", [])?;
    sequence::reset(tx, ID_PREFIX)?;
    Ok(removed)
}

fn from_row(r: &Row<'_>) -> CoreResult<UseCase> {
    Ok(UseCase {
        id: r.get(0)?,
        title: r.get(1)?,
        business_unit: r.get(2)?,
        description: r.get(3)?,
        executive_sponsor: r.get(4)?,
        product_owner: r.get(5)?,
        lane: stored_enum(&r.get::<_, String>(6)?)?,
        stage: stored_enum(&r.get::<_, String>(7)?)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// The schema's CHECK constraints make a bad value here a damaged file, not user input.
fn stored_enum<T: std::str::FromStr<Err = CoreError>>(text: &str) -> CoreResult<T> {
    text.parse().map_err(|e: CoreError| CoreError::Conflict(format!("stored use case has an unknown value: {e}")))
}
