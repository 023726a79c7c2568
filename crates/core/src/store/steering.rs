//! Reads and writes of `backlog_item` and `cadence_event`.

use rusqlite::{params, Connection, OptionalExtension};

use super::{sequence, stored_enum, Tx};
use crate::error::CoreResult;
use crate::money::Money;
use crate::steering::{BacklogEstimate, BacklogItem, BacklogStatus, CadenceEvent, CadenceInput};

pub(crate) const BACKLOG_PREFIX: &str = "BL";
pub(crate) const CADENCE_PREFIX: &str = "CAD";

pub(crate) struct NewBacklogItem<'a> {
    pub title: &'a str,
    pub proposer: &'a str,
    pub rationale: &'a str,
    pub sponsor: Option<&'a str>,
    pub estimate: &'a BacklogEstimate,
    pub proposed_on: &'a str,
}

pub(crate) fn insert_backlog(tx: &Tx, b: &NewBacklogItem<'_>) -> CoreResult<String> {
    let id = sequence::next_id(tx, BACKLOG_PREFIX)?;
    tx.execute(
        "INSERT INTO backlog_item (id, title, proposer, rationale, sponsor, business_unit, annual_value_cents,
             one_time_cost_cents, monthly_run_cost_cents, proposed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            b.title,
            b.proposer,
            b.rationale,
            b.sponsor,
            b.estimate.business_unit,
            b.estimate.annual_value.map(Money::cents),
            b.estimate.one_time_cost.map(Money::cents),
            b.estimate.monthly_run_cost.map(Money::cents),
            b.proposed_on
        ],
    )?;
    Ok(id)
}

pub(crate) fn set_backlog_status(
    tx: &Tx,
    id: &str,
    status: BacklogStatus,
    use_case_id: Option<&str>,
) -> CoreResult<()> {
    tx.execute(
        "UPDATE backlog_item SET status = ?2, use_case_id = COALESCE(?3, use_case_id) WHERE id = ?1",
        params![id, status.as_str(), use_case_id],
    )?;
    Ok(())
}

const BACKLOG_SELECT: &str = "SELECT id, title, proposer, rationale, sponsor, proposed_on, status, use_case_id,
    business_unit, annual_value_cents, one_time_cost_cents, monthly_run_cost_cents FROM backlog_item";

fn backlog_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<(BacklogItem, String)> {
    Ok((
        BacklogItem {
            id: r.get(0)?,
            title: r.get(1)?,
            proposer: r.get(2)?,
            rationale: r.get(3)?,
            sponsor: r.get(4)?,
            estimate: BacklogEstimate {
                business_unit: r.get(8)?,
                annual_value: r.get::<_, Option<i64>>(9)?.map(Money::from_cents),
                one_time_cost: r.get::<_, Option<i64>>(10)?.map(Money::from_cents),
                monthly_run_cost: r.get::<_, Option<i64>>(11)?.map(Money::from_cents),
            },
            proposed_on: r.get(5)?,
            status: BacklogStatus::Proposed,
            use_case_id: r.get(7)?,
        },
        r.get(6)?,
    ))
}

fn with_status((mut item, status): (BacklogItem, String)) -> CoreResult<BacklogItem> {
    item.status = stored_enum(&status)?;
    Ok(item)
}

pub(crate) fn backlog(conn: &Connection) -> CoreResult<Vec<BacklogItem>> {
    let rows: Vec<(BacklogItem, String)> = conn
        .prepare_cached(&format!("{BACKLOG_SELECT} ORDER BY id"))?
        .query_map([], backlog_from)?
        .collect::<Result<_, _>>()?;
    rows.into_iter().map(with_status).collect()
}

pub(crate) fn backlog_item(conn: &Connection, id: &str) -> CoreResult<Option<BacklogItem>> {
    conn.prepare_cached(&format!("{BACKLOG_SELECT} WHERE id = ?1"))?
        .query_row([id], backlog_from)
        .optional()?
        .map(with_status)
        .transpose()
}

pub(crate) fn insert_cadence(tx: &Tx, c: &CadenceInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, CADENCE_PREFIX)?;
    tx.execute(
        "INSERT INTO cadence_event (id, kind, held_on, audience, attendance, outcomes, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, c.kind.as_str(), c.held_on, c.audience, c.attendance, c.outcomes, tx.actor().name],
    )?;
    Ok(id)
}

pub(crate) fn cadence(conn: &Connection) -> CoreResult<Vec<CadenceEvent>> {
    let rows: Vec<(CadenceEvent, String)> = conn
        .prepare_cached(
            "SELECT id, kind, held_on, audience, attendance, outcomes, recorded_by FROM cadence_event
             ORDER BY held_on DESC, id DESC",
        )?
        .query_map([], |r| {
            Ok((
                CadenceEvent {
                    id: r.get(0)?,
                    kind: crate::steering::CadenceKind::QuarterlyReview,
                    held_on: r.get(2)?,
                    audience: r.get(3)?,
                    attendance: r.get(4)?,
                    outcomes: r.get(5)?,
                    recorded_by: r.get(6)?,
                },
                r.get(1)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(mut e, kind)| {
            e.kind = stored_enum(&kind)?;
            Ok(e)
        })
        .collect()
}

/// Removes every meeting (with its decisions and actions), backlog item and cadence event: the
/// demo replacing a portfolio.
pub(crate) fn delete_all(tx: &Tx) -> CoreResult<()> {
    tx.execute_batch("DELETE FROM meeting; DELETE FROM backlog_item; DELETE FROM cadence_event;")?;
    Ok(())
}
