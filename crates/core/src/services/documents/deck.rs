//! What the monthly steering deck holds, read in one snapshot: the dashboard, each valued use
//! case's months up to the deck's month, the portfolio's ROI series, the decisions log, the next
//! meeting's agenda, and what changed in the month (the trail's records by kind) and since the
//! previous month's deck (its records against today's). The slides only lay this out.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::digest::{compare, DataChanges, Digest, DigestBuilder};
use crate::domain::Programme;
use crate::error::{CoreError, CoreResult};
use crate::services::steering::agenda::{self, AgendaEntry};
use crate::services::steering::dashboard::{dashboard_in, portfolio_series, Dashboard};
use crate::services::value::tracking::{view_in, UseCaseValue};
use crate::steering::{Meeting, MeetingDecision};
use crate::store::document_export::{self, audit_lines};
use crate::store::{self, Db};
use crate::value::returns::MonthReturn;
use crate::value::Month;

/// A kind of record and what was done to it in the month, with how often.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MonthActivity {
    pub entity_kind: String,
    pub action: String,
    pub count: u32,
}

/// The next meeting and its agenda (the open meeting's, else what the data implies for the first
/// day of the next month).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NextMeeting {
    pub meeting_id: Option<String>,
    pub held_on: String,
    pub items: Vec<AgendaEntry>,
}

#[derive(Debug, Clone)]
pub struct DeckData {
    pub programme: Programme,
    pub month: String,
    pub prepared_by: String,
    pub prepared_at: chrono::DateTime<chrono::Utc>,
    pub dashboard: Dashboard,
    /// Valued use cases, their months cut at the deck's month.
    pub values: Vec<UseCaseValue>,
    pub portfolio: Vec<MonthReturn>,
    /// Every decision of every meeting, oldest first, with its meeting.
    pub decisions: Vec<(Meeting, MeetingDecision)>,
    pub next_meeting: NextMeeting,
    pub activity: Vec<MonthActivity>,
    /// The previous month's deck, if one was exported, and what changed since.
    pub previous: Option<(String, String, DataChanges)>,
    pub digest: Digest,
}

fn parse_month(text: &str) -> CoreResult<Month> {
    Month::parse(text.trim()).map_err(|e| CoreError::invalid("month", e))
}

/// Reads the deck for `month` (YYYY-MM).
pub fn gather(db: &Db, caller: &crate::caller::Caller, month: &str) -> CoreResult<DeckData> {
    let actor = db.resolve(caller)?;
    let month = parse_month(month)?;
    db.read(|c| gather_in(c, &actor.preparer(), caller.now, month))
}

pub(crate) fn gather_in(
    c: &Connection,
    prepared_by: &str,
    prepared_at: chrono::DateTime<chrono::Utc>,
    month: Month,
) -> CoreResult<DeckData> {
    let programme = store::programme::get(c)?.ok_or(CoreError::NoProgramme)?;
    let today = prepared_at.date_naive();
    let dashboard = dashboard_in(c, today)?;
    let cut = month.to_string();
    let mut values = Vec::new();
    for r in &dashboard.use_cases {
        let case = crate::services::discovery::read::require(c, &r.use_case_id)?;
        let mut v = view_in(c, &case)?;
        v.months.retain(|m| m.month <= cut);
        v.returns.months.retain(|m| m.month <= cut);
        if !v.months.is_empty() {
            values.push(v);
        }
    }
    let mut portfolio = portfolio_series(c)?;
    portfolio.retain(|m| m.month <= cut);
    let mut decisions = Vec::new();
    let mut meetings = Vec::new();
    for id in store::meeting::ids(c)? {
        if let Some(m) = store::meeting::get(c, &id)? {
            meetings.push(m);
        }
    }
    meetings.sort_by(|a, b| (&a.held_on, &a.id).cmp(&(&b.held_on, &b.id)));
    for m in &meetings {
        for d in &m.decisions {
            decisions.push((m.clone(), d.clone()));
        }
    }
    let next_meeting = match meetings.iter().rev().find(|m| !m.is_closed()) {
        Some(open) => NextMeeting {
            meeting_id: Some(open.id.clone()),
            held_on: open.held_on.clone(),
            items: agenda::build(c, open.clone())?.items,
        },
        None => {
            let on = month.next().first_day();
            NextMeeting { meeting_id: None, held_on: on.to_string(), items: agenda::implied(c, on)? }
        }
    };
    let (from, to) = (month.first_day(), month.next().first_day());
    let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for l in audit_lines(c)? {
        let day = l.at.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if day.is_some_and(|d| d >= from && d < to) && l.entity_kind != "file" {
            *counts.entry((l.entity_kind, l.action)).or_default() += 1;
        }
    }
    let activity =
        counts.into_iter().map(|((entity_kind, action), count)| MonthActivity { entity_kind, action, count }).collect();
    let digest = digest_of(&programme, &dashboard, &values, &decisions, &next_meeting)?;
    let previous = previous_deck(c, month.plus(-1), &digest)?;
    Ok(DeckData {
        programme,
        month: cut,
        prepared_by: prepared_by.to_owned(),
        prepared_at,
        dashboard,
        values,
        portfolio,
        decisions,
        next_meeting,
        activity,
        previous,
        digest,
    })
}

fn digest_of(
    programme: &Programme,
    dashboard: &Dashboard,
    values: &[UseCaseValue],
    decisions: &[(Meeting, MeetingDecision)],
    next: &NextMeeting,
) -> CoreResult<Digest> {
    let mut b = DigestBuilder::default();
    b.add("programme", programme)?;
    // The dashboard as of the day it is read: its date alone is no change of data.
    let mut dated = dashboard.clone();
    dated.as_of = String::new();
    b.add("dashboard", &dated)?;
    for v in values {
        b.add(&format!("value:{}", v.use_case_id), &v.months)?;
    }
    for (_, d) in decisions {
        b.add(&d.id, d)?;
    }
    b.add("next-meeting", next)?;
    Ok(b.finish())
}

/// The newest deck exported for `month`, and how its records stand against `now`.
fn previous_deck(c: &Connection, month: Month, now: &Digest) -> CoreResult<Option<(String, String, DataChanges)>> {
    for e in document_export::list(c)?.into_iter().filter(|e| e.kind == "deck") {
        let scope: super::exports::DocumentScope = serde_json::from_str(&e.scope)?;
        if scope.month.as_deref() == Some(month.to_string().as_str()) {
            let Some(full) = document_export::by_file(c, &e.file_sha256)? else { continue };
            let then: BTreeMap<String, String> = serde_json::from_str(&full.records)?;
            return Ok(Some((e.id, e.exported_at, compare(&then, &now.records))));
        }
    }
    Ok(None)
}
