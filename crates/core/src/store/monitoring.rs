//! Reads and writes of `monitoring_point`, `feedback_entry` and `drift_alert`.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::CoreResult;
use crate::pilots::blueprint::DriftDirection;
use crate::pilots::monitoring::{FeedbackEntry, MonitoringPoint};

pub(crate) const ALERT_PREFIX: &str = "DA";

/// The value stored for `metric` on `observed_on`, if any.
pub(crate) fn point_value(conn: &Connection, pilot_id: &str, metric: &str, on: &str) -> CoreResult<Option<f64>> {
    Ok(conn
        .cached_row(
            "SELECT value FROM monitoring_point WHERE pilot_id = ?1 AND metric = ?2 AND observed_on = ?3",
            params![pilot_id, metric, on],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn insert_point(tx: &Tx, pilot_id: &str, p: &MonitoringPoint) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO monitoring_point (pilot_id, metric, observed_on, value) VALUES (?1, ?2, ?3, ?4)",
        params![pilot_id, p.metric, p.observed_on, p.value],
    )?;
    Ok(())
}

pub(crate) fn points(conn: &Connection, pilot_id: &str) -> CoreResult<Vec<MonitoringPoint>> {
    Ok(conn
        .prepare_cached(
            "SELECT observed_on, metric, value FROM monitoring_point WHERE pilot_id = ?1 ORDER BY metric, observed_on",
        )?
        .query_map([pilot_id], |r| Ok(MonitoringPoint { observed_on: r.get(0)?, metric: r.get(1)?, value: r.get(2)? }))?
        .collect::<Result<_, _>>()?)
}

/// The feedback stored for `channel` on `on`, if any.
pub(crate) fn feedback_on(
    conn: &Connection,
    pilot_id: &str,
    on: &str,
    channel: &str,
) -> CoreResult<Option<FeedbackEntry>> {
    Ok(conn
        .cached_row(
            "SELECT received_on, channel, rating, count, comment FROM feedback_entry
             WHERE pilot_id = ?1 AND received_on = ?2 AND channel = ?3",
            params![pilot_id, on, channel],
            feedback_from_row,
        )
        .optional()?)
}

pub(crate) fn insert_feedback(tx: &Tx, pilot_id: &str, f: &FeedbackEntry) -> CoreResult<()> {
    tx.execute(
        "INSERT INTO feedback_entry (pilot_id, received_on, channel, rating, count, comment)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![pilot_id, f.received_on, f.channel, f.rating, f.count, f.comment],
    )?;
    Ok(())
}

pub(crate) fn feedback(conn: &Connection, pilot_id: &str) -> CoreResult<Vec<FeedbackEntry>> {
    Ok(conn
        .prepare_cached(
            "SELECT received_on, channel, rating, count, comment FROM feedback_entry WHERE pilot_id = ?1
             ORDER BY received_on, channel",
        )?
        .query_map([pilot_id], feedback_from_row)?
        .collect::<Result<_, _>>()?)
}

fn feedback_from_row(r: &Row) -> rusqlite::Result<FeedbackEntry> {
    Ok(FeedbackEntry {
        received_on: r.get(0)?,
        channel: r.get(1)?,
        rating: r.get(2)?,
        count: r.get(3)?,
        comment: r.get(4)?,
    })
}

/// A drift alert as stored, with its pilot's use case.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredAlert {
    pub id: String,
    pub pilot_id: String,
    pub use_case_id: String,
    pub use_case_title: String,
    pub metric: String,
    pub observed_on: String,
    pub value: f64,
    pub threshold: f64,
    pub direction: DriftDirection,
    pub opened_at: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub note: Option<String>,
}

pub(crate) struct NewAlert<'a> {
    pub pilot_id: &'a str,
    pub metric: &'a str,
    pub observed_on: &'a str,
    pub value: f64,
    pub threshold: f64,
    pub direction: DriftDirection,
}

/// Opens an alert unless one exists for that metric and day; returns the new id.
pub(crate) fn open_alert(tx: &Tx, a: &NewAlert) -> CoreResult<Option<String>> {
    let exists: bool = tx.cached_row(
        "SELECT EXISTS (SELECT 1 FROM drift_alert WHERE pilot_id = ?1 AND metric = ?2 AND observed_on = ?3)",
        params![a.pilot_id, a.metric, a.observed_on],
        |r| r.get(0),
    )?;
    if exists {
        return Ok(None);
    }
    let id = sequence::next_id(tx, ALERT_PREFIX)?;
    tx.execute(
        "INSERT INTO drift_alert (id, pilot_id, metric, observed_on, value, threshold, direction, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, a.pilot_id, a.metric, a.observed_on, a.value, a.threshold, a.direction.as_str(), tx.now()],
    )?;
    Ok(Some(id))
}

pub(crate) fn acknowledge(tx: &Tx, id: &str, by: &str, note: &str) -> CoreResult<()> {
    tx.execute(
        "UPDATE drift_alert SET acknowledged_by = ?2, acknowledged_at = ?3, note = ?4 WHERE id = ?1",
        params![id, by, tx.now(), note],
    )?;
    Ok(())
}

const ALERT_COLUMNS: &str = "SELECT a.id, a.pilot_id, p.use_case_id, u.title, a.metric, a.observed_on, a.value,
        a.threshold, a.direction, a.opened_at, a.acknowledged_by, a.acknowledged_at, a.note
    FROM drift_alert a JOIN pilot p ON p.id = a.pilot_id JOIN use_case u ON u.id = p.use_case_id";

pub(crate) fn alert(conn: &Connection, id: &str) -> CoreResult<Option<StoredAlert>> {
    conn.cached_row(&format!("{ALERT_COLUMNS} WHERE a.id = ?1"), [id.trim()], alert_from_row).optional()?.transpose()
}

/// Alerts, open ones first, newest first; only open ones unless `all`.
pub(crate) fn alerts(conn: &Connection, pilot_id: Option<&str>, all: bool) -> CoreResult<Vec<StoredAlert>> {
    conn.prepare_cached(&format!(
        "{ALERT_COLUMNS} WHERE (?1 IS NULL OR a.pilot_id = ?1) AND (?2 OR a.acknowledged_by IS NULL)
         ORDER BY a.acknowledged_by IS NOT NULL, a.observed_on DESC, a.id DESC"
    ))?
    .query_map(params![pilot_id, all], alert_from_row)?
    .map(|row| row?)
    .collect()
}

fn alert_from_row(r: &Row) -> rusqlite::Result<CoreResult<StoredAlert>> {
    let direction: String = r.get(8)?;
    let alert = StoredAlert {
        id: r.get(0)?,
        pilot_id: r.get(1)?,
        use_case_id: r.get(2)?,
        use_case_title: r.get(3)?,
        metric: r.get(4)?,
        observed_on: r.get(5)?,
        value: r.get(6)?,
        threshold: r.get(7)?,
        direction: DriftDirection::Above,
        opened_at: r.get(9)?,
        acknowledged_by: r.get(10)?,
        acknowledged_at: r.get(11)?,
        note: r.get(12)?,
    };
    Ok(stored_enum(&direction).map(|direction| StoredAlert { direction, ..alert }))
}
