//! The improvement cadence: quarterly reviews, cross-functional forums and workforce-enablement
//! sessions, recorded as they happen. Each kind is due once a quarter; one not held for longer
//! is overdue (a risk indicator).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::error::{CoreError, CoreResult};
use crate::steering::{CadenceEvent, CadenceInput, CadenceKind, CADENCE_DAYS};
use crate::store::{steering as store, Db};

/// Where each kind of the cadence stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CadenceStatus {
    pub kind: CadenceKind,
    pub last_held_on: Option<String>,
    pub days_since: Option<i64>,
    /// The date the next one is due by.
    pub due_by: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CadenceView {
    pub status: Vec<CadenceStatus>,
    /// Newest first.
    pub events: Vec<CadenceEvent>,
}

fn statuses(events: &[CadenceEvent], today: NaiveDate) -> Vec<CadenceStatus> {
    CadenceKind::ALL
        .iter()
        .map(|&kind| {
            let last = events
                .iter()
                .filter(|e| e.kind == kind)
                .filter_map(|e| NaiveDate::parse_from_str(&e.held_on, "%Y-%m-%d").ok())
                .filter(|d| *d <= today)
                .max();
            let days_since = last.map(|d| (today - d).num_days());
            CadenceStatus {
                kind,
                last_held_on: last.map(|d| d.to_string()),
                days_since,
                due_by: last.map(|d| (d + chrono::Duration::days(CADENCE_DAYS)).to_string()),
                overdue: days_since.is_none_or(|n| n > CADENCE_DAYS),
            }
        })
        .collect()
}

pub(crate) fn list_in(conn: &Connection, today: NaiveDate) -> CoreResult<Vec<CadenceStatus>> {
    Ok(statuses(&store::cadence(conn)?, today))
}

pub(crate) fn overdue_in(conn: &Connection, today: NaiveDate) -> CoreResult<Vec<CadenceStatus>> {
    Ok(list_in(conn, today)?.into_iter().filter(|s| s.overdue).collect())
}

pub fn list(db: &Db, today: NaiveDate) -> CoreResult<CadenceView> {
    db.read(|c| {
        let events = store::cadence(c)?;
        Ok(CadenceView { status: statuses(&events, today), events })
    })
}

pub fn add(db: &Db, caller: &Caller, input: &CadenceInput) -> CoreResult<CadenceView> {
    let input = input.validated()?;
    let today = caller.now.date_naive();
    if input.held_on > today.to_string() {
        return Err(CoreError::invalid("held_on", format!("{} is in the future; record it once held", input.held_on)));
    }
    db.write(caller, Action::Create, |tx| {
        store::insert_cadence(tx, &input)?;
        let events = store::cadence(tx)?;
        Ok(CadenceView { status: statuses(&events, today), events })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: CadenceKind, on: &str) -> CadenceEvent {
        CadenceEvent {
            id: "CAD-001".into(),
            kind,
            held_on: on.into(),
            audience: "a".into(),
            attendance: 3,
            outcomes: String::new(),
            recorded_by: "x".into(),
        }
    }

    #[test]
    fn a_kind_not_held_within_a_quarter_or_never_is_overdue() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let events = [event(CadenceKind::Forum, "2026-10-01"), event(CadenceKind::QuarterlyReview, "2026-08-15")];
        let s = statuses(&events, today);
        let by = |k| s.iter().find(|x| x.kind == k).unwrap();
        assert!(!by(CadenceKind::Forum).overdue);
        assert_eq!(by(CadenceKind::QuarterlyReview).days_since, Some(107));
        assert!(by(CadenceKind::QuarterlyReview).overdue);
        assert!(by(CadenceKind::Enablement).overdue && by(CadenceKind::Enablement).last_held_on.is_none());
    }
}
