//! Queries on the `use_case` table. Reads return the dossier with what follows from it (payback,
//! the lane after the gate, the active override), computed here so every caller agrees.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{programme, sequence};
use crate::domain::{DossierInput, LaneOverride, Ratings, Stage, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::gate;

pub const ID_PREFIX: &str = "UC";

const SELECT: &str = "SELECT u.id, u.title, u.business_unit, u.description, u.workflow, u.executive_sponsor,
        u.product_owner, u.annual_value, u.one_time_cost, u.monthly_run_cost, u.value_rating,
        u.criticality_rating, u.guardrail_rating, u.data_readiness, u.data_readiness_notes, u.risk_class,
        u.risk_notes, u.stage, u.lane, u.created_at, u.updated_at, o.decided_by, o.reason, o.decided_at
    FROM use_case u
    LEFT JOIN lane_override o ON o.use_case_id = u.id AND o.revoked_at IS NULL";

/// Stages that put a use case in front of real users; entering one needs a current sign-off.
fn needs_signoff(stage: Stage) -> bool {
    matches!(stage, Stage::Pilot | Stage::Scaled)
}

/// Adds a use case. A new case cannot start in pilot or scaled: nothing has been signed yet.
pub fn insert(tx: &Transaction, input: &DossierInput, now: DateTime<Utc>) -> CoreResult<UseCase> {
    let input = input.validated()?;
    if needs_signoff(input.stage) {
        return Err(CoreError::invalid(
            "stage",
            format!(
                "a new use case cannot start in the {} stage: it needs a compliance sign-off first; create it at an earlier stage",
                input.stage
            ),
        ));
    }
    insert_any_stage(tx, &input, now)
}

/// Adds a use case at whatever stage it names: for the demo and synthetic portfolios, which
/// describe a programme already in flight (the demo's sign-offs follow in the same transaction).
/// Benchmarks use it for the same reason. Handlers never do.
pub fn insert_any_stage(tx: &Transaction, input: &DossierInput, now: DateTime<Utc>) -> CoreResult<UseCase> {
    let input = input.validated()?;
    let id = sequence::next_id(tx, ID_PREFIX)?;
    execute_with_dossier(
        tx,
        "INSERT INTO use_case (id, title, business_unit, description, workflow, executive_sponsor, product_owner,
             annual_value, one_time_cost, monthly_run_cost, value_rating, criticality_rating, guardrail_rating,
             data_readiness, data_readiness_notes, risk_class, risk_notes, stage, lane, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)",
        &id,
        &input,
        now,
    )?;
    require(tx, &id)
}

/// Replaces the editable fields of use case `id`. Entering pilot or scaled needs a current
/// compliance sign-off of the content as it stands *after* this change, so editing the dossier
/// and moving it to pilot in one save cannot slip unsigned content through.
pub fn update(tx: &Transaction, id: &str, input: &DossierInput, now: DateTime<Utc>) -> CoreResult<UseCase> {
    let input = input.validated()?;
    let before = require(tx, id)?;
    let changed = execute_with_dossier(
        tx,
        "UPDATE use_case SET title = ?2, business_unit = ?3, description = ?4, workflow = ?5, executive_sponsor = ?6,
             product_owner = ?7, annual_value = ?8, one_time_cost = ?9, monthly_run_cost = ?10, value_rating = ?11,
             criticality_rating = ?12, guardrail_rating = ?13, data_readiness = ?14, data_readiness_notes = ?15,
             risk_class = ?16, risk_notes = ?17, stage = ?18, lane = ?19, updated_at = ?20
         WHERE id = ?1",
        &before.id,
        &input,
        now,
    )?;
    if changed == 0 {
        return Err(CoreError::NotFound { entity: "use case", id: id.to_owned() });
    }
    if needs_signoff(input.stage) && !needs_signoff(before.stage) {
        // The caller's transaction rolls back on this error, so the update above is undone.
        match super::signoff::statuses(tx, Some(&before.id))?.into_iter().next() {
            Some(s) if !s.stale => {}
            Some(s) => {
                let edited = before.to_input() != DossierInput { stage: before.stage, ..input.clone() };
                return Err(CoreError::invalid(
                    "stage",
                    if edited {
                        format!(
                            "{} cannot enter the {} stage with changes its compliance sign-off ({}) does not cover; save the changes first and have them signed off",
                            before.id, input.stage, s.signoff.id
                        )
                    } else {
                        format!(
                            "{} cannot enter the {} stage: its compliance sign-off ({}, {}) is stale — the dossier or its evidence changed since; a compliance officer must sign it off again",
                            before.id, input.stage, s.signoff.id, s.signoff.signed_by
                        )
                    },
                ));
            }
            None => {
                return Err(CoreError::invalid(
                    "stage",
                    format!(
                        "{} cannot enter the {} stage without a current compliance sign-off",
                        before.id, input.stage
                    ),
                ))
            }
        }
    }
    require(tx, &before.id)
}

/// Runs `sql` with ?1 = the id, ?2…?19 = the dossier's columns and ?20 = now, so insert and
/// update cannot bind the columns in different orders.
fn execute_with_dossier(
    tx: &Transaction,
    sql: &str,
    id: &str,
    input: &DossierInput,
    now: DateTime<Utc>,
) -> CoreResult<usize> {
    Ok(tx.execute(
        sql,
        params![
            id,
            input.title,
            input.business_unit,
            input.description,
            input.workflow,
            input.executive_sponsor,
            input.product_owner,
            input.annual_value,
            input.one_time_cost,
            input.monthly_run_cost,
            input.ratings.value,
            input.ratings.criticality,
            input.ratings.guardrail,
            input.data_readiness,
            input.data_readiness_notes,
            input.risk_class.map(|r| r.as_str()),
            input.risk_notes,
            input.stage.as_str(),
            input.lane.as_str(),
            now
        ],
    )?)
}

/// Sets one criterion's dossier rating (a workshop consensus).
pub fn set_rating(tx: &Transaction, id: &str, column: &'static str, rating: f64, now: DateTime<Utc>) -> CoreResult<()> {
    debug_assert!(matches!(column, "value_rating" | "criticality_rating" | "guardrail_rating"));
    tx.execute(&format!("UPDATE use_case SET {column} = ?2, updated_at = ?3 WHERE id = ?1"), params![id, rating, now])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> CoreResult<Option<UseCase>> {
    let horizon = programme::horizon_months(conn)?;
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE u.id = ?1"))?;
    stmt.query_row([id.trim()], |r| Ok(from_row(r, horizon))).optional()?.transpose()
}

pub fn require(conn: &Connection, id: &str) -> CoreResult<UseCase> {
    get(conn, id)?.ok_or_else(|| CoreError::NotFound { entity: "use case", id: id.trim().to_owned() })
}

/// Every use case in the order they were created.
pub fn list(conn: &Connection) -> CoreResult<Vec<UseCase>> {
    let horizon = programme::horizon_months(conn)?;
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY u.rowid"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r, horizon)))?;
    rows.map(|row| row?).collect()
}

pub fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM use_case", [], |r| r.get(0))?)
}

/// Removes every use case; used when a portfolio's contents are replaced (demo `--force`).
pub fn delete_all(tx: &Transaction) -> CoreResult<usize> {
    let removed = tx.execute("DELETE FROM use_case", [])?;
    sequence::reset(tx, ID_PREFIX)?;
    Ok(removed)
}

fn from_row(r: &Row<'_>, horizon: u32) -> CoreResult<UseCase> {
    let annual_value: f64 = r.get(7)?;
    let one_time_cost: f64 = r.get(8)?;
    let monthly_run_cost: f64 = r.get(9)?;
    let requested_lane = stored_enum(&r.get::<_, String>(18)?)?;
    let lane_override = match r.get::<_, Option<String>>(21)? {
        Some(decided_by) => Some(LaneOverride { decided_by, reason: r.get(22)?, decided_at: r.get(23)? }),
        None => None,
    };
    let payback_months = gate::payback_months(annual_value, one_time_cost, monthly_run_cost);
    let (lane, lane_reason) = gate::effective_lane(requested_lane, payback_months, horizon, lane_override.is_some());
    Ok(UseCase {
        id: r.get(0)?,
        title: r.get(1)?,
        business_unit: r.get(2)?,
        description: r.get(3)?,
        workflow: r.get(4)?,
        executive_sponsor: r.get(5)?,
        product_owner: r.get(6)?,
        annual_value,
        one_time_cost,
        monthly_run_cost,
        ratings: Ratings { value: r.get(10)?, criticality: r.get(11)?, guardrail: r.get(12)? },
        data_readiness: r.get(13)?,
        data_readiness_notes: r.get(14)?,
        risk_class: r.get::<_, Option<String>>(15)?.map(|s| stored_enum(&s)).transpose()?,
        risk_notes: r.get(16)?,
        stage: stored_enum(&r.get::<_, String>(17)?)?,
        lane,
        requested_lane,
        lane_reason,
        payback_months,
        lane_override,
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

/// The schema's CHECK constraints make a bad value here a damaged file, not user input.
fn stored_enum<T: std::str::FromStr<Err = CoreError>>(text: &str) -> CoreResult<T> {
    text.parse().map_err(|e: CoreError| CoreError::Conflict(format!("stored use case has an unknown value: {e}")))
}
