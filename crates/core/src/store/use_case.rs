//! Reads and writes of the `use_case` table (with its active gate override joined in). What
//! follows from a dossier (payback, the lane after the gate) is the discovery service's to
//! compute; this module only stores and loads.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::domain::{DossierInput, LaneOverride, Ratings};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;

pub(crate) const ID_PREFIX: &str = "UC";

/// A use case as stored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredUseCase {
    pub id: String,
    pub dossier: DossierInput,
    pub lane_override: Option<LaneOverride>,
    /// Who created it (the person working, or the login name); `None` for cases older than
    /// schema 6 that the trail has no creation record of.
    pub created_by: Option<String>,
    pub withdrawal: Option<Withdrawal>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A use case taken out of the portfolio as a mistake: hidden everywhere, kept, restorable.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Withdrawal {
    pub by: String,
    pub at: DateTime<Utc>,
    pub reason: String,
}

const SELECT: &str = "SELECT u.id, u.title, u.business_unit, u.description, u.workflow, u.executive_sponsor,
        u.product_owner, u.annual_value_cents, u.one_time_cost_cents, u.monthly_run_cost_cents, u.value_rating,
        u.criticality_rating, u.guardrail_rating, u.data_readiness, u.data_readiness_notes, u.risk_class,
        u.risk_notes, u.stage, u.lane, u.created_at, u.updated_at, o.decided_by, o.reason, o.decided_at,
        u.created_by, u.withdrawn_by, u.withdrawn_at, u.withdrawn_reason
    FROM use_case u
    LEFT JOIN lane_override o ON o.use_case_id = u.id AND o.revoked_at IS NULL";

/// A plain lookup by id: kept prepared, as every read by id is (the store's connections have the
/// planner's stability guarantee, `open::configure`; without it this statement, planned on the
/// bound id for the override's partial index, was prepared again at every read: 56% of the
/// stage board's read at 10,000 cases).
const BY_ID: &str = " WHERE u.id = ?1";

/// Adds a use case under the next id; the dossier must already be validated.
pub(crate) fn insert(tx: &Tx, input: &DossierInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    execute_with_dossier(
        tx,
        "INSERT INTO use_case (id, title, business_unit, description, workflow, executive_sponsor, product_owner,
             annual_value_cents, one_time_cost_cents, monthly_run_cost_cents, value_rating, criticality_rating,
             guardrail_rating, data_readiness, data_readiness_notes, risk_class, risk_notes, stage, lane,
             created_at, updated_at, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?21)",
        &id,
        input,
        tx.now(),
        Some(&tx.actor().name),
    )?;
    Ok(id)
}

/// Stores `input` as use case `id`'s dossier; the dossier must already be validated.
pub(crate) fn update(tx: &Tx, id: &str, input: &DossierInput) -> CoreResult<()> {
    let changed = execute_with_dossier(
        tx,
        "UPDATE use_case SET title = ?2, business_unit = ?3, description = ?4, workflow = ?5, executive_sponsor = ?6,
             product_owner = ?7, annual_value_cents = ?8, one_time_cost_cents = ?9, monthly_run_cost_cents = ?10,
             value_rating = ?11, criticality_rating = ?12, guardrail_rating = ?13, data_readiness = ?14,
             data_readiness_notes = ?15, risk_class = ?16, risk_notes = ?17, stage = ?18, lane = ?19, updated_at = ?20
         WHERE id = ?1",
        id,
        input,
        tx.now(),
        None,
    )?;
    if changed == 0 {
        return Err(CoreError::NotFound { entity: "use case", id: id.to_owned() });
    }
    Ok(())
}

/// Runs `sql` with ?1 = the id, ?2…?19 = the dossier's columns, ?20 = now and (for an insert)
/// ?21 = who creates it, so insert and update cannot bind the columns in different orders.
fn execute_with_dossier(
    tx: &Tx,
    sql: &str,
    id: &str,
    input: &DossierInput,
    now: DateTime<Utc>,
    created_by: Option<&String>,
) -> CoreResult<usize> {
    let risk_class = input.risk_class.map(|r| r.as_str());
    let (stage, lane) = (input.stage.as_str(), input.lane.as_str());
    let (annual_value, one_time_cost, monthly_run_cost) =
        (input.annual_value.cents(), input.one_time_cost.cents(), input.monthly_run_cost.cents());
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![
        &id,
        &input.title,
        &input.business_unit,
        &input.description,
        &input.workflow,
        &input.executive_sponsor,
        &input.product_owner,
        &annual_value,
        &one_time_cost,
        &monthly_run_cost,
        &input.ratings.value,
        &input.ratings.criticality,
        &input.ratings.guardrail,
        &input.data_readiness,
        &input.data_readiness_notes,
        &risk_class,
        &input.risk_notes,
        &stage,
        &lane,
        &now,
    ];
    if let Some(creator) = &created_by {
        values.push(creator);
    }
    Ok(tx.execute(sql, values.as_slice())?)
}

/// Sets one criterion's dossier rating (a workshop consensus).
pub(crate) fn set_rating(tx: &Tx, id: &str, column: &'static str, rating: f64) -> CoreResult<()> {
    debug_assert!(matches!(column, "value_rating" | "criticality_rating" | "guardrail_rating"));
    tx.execute(
        &format!("UPDATE use_case SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
        params![id, rating, tx.now()],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<StoredUseCase>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT}{BY_ID}"))?;
    stmt.query_row([id.trim()], |r| Ok(from_row(r))).optional()?.transpose()
}

pub(crate) fn require(conn: &Connection, id: &str) -> CoreResult<StoredUseCase> {
    get(conn, id)?.ok_or_else(|| CoreError::NotFound { entity: "use case", id: id.trim().to_owned() })
}

/// Every use case in the portfolio (withdrawn ones left out) in the order they were created.
pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<StoredUseCase>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE u.withdrawn_at IS NULL ORDER BY u.rowid"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

/// The withdrawn use cases, most recently withdrawn first.
pub(crate) fn list_withdrawn(conn: &Connection) -> CoreResult<Vec<StoredUseCase>> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE u.withdrawn_at IS NOT NULL ORDER BY u.withdrawn_at DESC"))?;
    let rows = stmt.query_map([], |r| Ok(from_row(r)))?;
    rows.map(|row| row?).collect()
}

/// Withdraws (`Some`) or restores (`None`) use case `id`.
pub(crate) fn set_withdrawal(tx: &Tx, id: &str, withdrawal: Option<(&str, &str)>) -> CoreResult<()> {
    let (by, reason) = withdrawal.unzip();
    let at = withdrawal.map(|_| tx.now());
    tx.execute(
        "UPDATE use_case SET withdrawn_by = ?2, withdrawn_reason = ?3, withdrawn_at = ?4 WHERE id = ?1",
        params![id, by, reason, at],
    )?;
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.cached_row("SELECT count(*) FROM use_case WHERE withdrawn_at IS NULL", [], |r| r.get(0))?)
}

/// Removes every use case; used when a portfolio's contents are replaced (demo `--force`). Ids
/// are never reused, so a sign-off of a removed case can never seem to cover a new one.
pub(crate) fn delete_all(tx: &Tx) -> CoreResult<usize> {
    Ok(tx.execute("DELETE FROM use_case", [])?)
}

fn from_row(r: &Row<'_>) -> CoreResult<StoredUseCase> {
    let lane_override = match r.get::<_, Option<String>>(21)? {
        Some(decided_by) => Some(LaneOverride { decided_by, reason: r.get(22)?, decided_at: r.get(23)? }),
        None => None,
    };
    Ok(StoredUseCase {
        id: r.get(0)?,
        dossier: DossierInput {
            title: r.get(1)?,
            business_unit: r.get(2)?,
            description: r.get(3)?,
            workflow: r.get(4)?,
            executive_sponsor: r.get(5)?,
            product_owner: r.get(6)?,
            annual_value: Money::from_cents(r.get(7)?),
            one_time_cost: Money::from_cents(r.get(8)?),
            monthly_run_cost: Money::from_cents(r.get(9)?),
            ratings: Ratings { value: r.get(10)?, criticality: r.get(11)?, guardrail: r.get(12)? },
            data_readiness: r.get(13)?,
            data_readiness_notes: r.get(14)?,
            risk_class: r.get::<_, Option<String>>(15)?.map(|s| stored_enum(&s)).transpose()?,
            risk_notes: r.get(16)?,
            stage: stored_enum(&r.get::<_, String>(17)?)?,
            lane: stored_enum(&r.get::<_, String>(18)?)?,
        },
        lane_override,
        created_by: r.get(24)?,
        withdrawal: match r.get::<_, Option<String>>(25)? {
            Some(by) => {
                Some(Withdrawal { by, at: r.get(26)?, reason: r.get::<_, Option<String>>(27)?.unwrap_or_default() })
            }
            None => None,
        },
        created_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

#[cfg(test)]
mod tests {
    use rusqlite::StatementStatus;

    use super::*;
    use crate::store::Db;

    #[test]
    fn reading_a_use_case_by_id_is_not_prepared_again_on_every_read() {
        let db = Db::open_in_memory().unwrap();
        db.read(|c| {
            for id in ["UC-001", "UC-002", "UC-003", "UC-004"] {
                assert!(get(c, id)?.is_none());
            }
            let sql = format!("{SELECT}{BY_ID}");
            assert_eq!(c.prepare_cached(&sql)?.get_status(StatementStatus::RePrepare), 0);
            Ok(())
        })
        .unwrap();
    }
}
