//! A meeting's agenda, built from the data as it stands on the meeting's date: running pilots
//! whose phase has run its planned course, pilots that finished their phases and ask to scale
//! (each with the regression evidence), stale sign-offs, open drift alerts, other red risk
//! indicators, proposed or deferred backlog items, and research-lane cases due for review. An
//! item decided in this meeting stays on its agenda with the decision.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::indicators::{indicators_in, IndicatorKind};
use crate::domain::{Lane, Stage};
use crate::error::CoreResult;
use crate::pilots::pilot::{PhaseStatus, Pilot};
use crate::registry::regression::MetricVerdict;
use crate::services::discovery::read;
use crate::services::pilots::blueprint;
use crate::services::registry::regression;
use crate::steering::{AgendaKind, BacklogStatus, DecisionChoice, Meeting, MeetingDecision};
use crate::store::{meeting as store, pilot, programme, steering};
use crate::value::Month;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AgendaEntry {
    /// The key a decision names: "phase:PIL-001", "backlog:BL-002", …
    pub item: String,
    pub kind: AgendaKind,
    /// The record decided on (PIL-…, UC-…, DA-…, BL-…, AV-…).
    pub subject_id: String,
    pub use_case_id: Option<String>,
    pub title: String,
    pub detail: String,
    /// What the decision rests on, one line each (regression metrics, readiness items).
    pub evidence: Vec<String>,
    /// For an expansion: whether the regression gate passes (approve needs it; override does not).
    pub gate_passes: Option<bool>,
    pub choices: Vec<DecisionChoice>,
    /// The decision taken on it in this meeting.
    pub decision: Option<MeetingDecision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingAgenda {
    pub meeting: Meeting,
    pub items: Vec<AgendaEntry>,
    /// Items still without a decision.
    pub pending: u32,
}

fn item(kind: AgendaKind, subject_id: &str, use_case_id: Option<&str>, title: String, detail: String) -> AgendaEntry {
    AgendaEntry {
        item: format!("{}:{subject_id}", key_prefix(kind)),
        kind,
        subject_id: subject_id.to_owned(),
        use_case_id: use_case_id.map(str::to_owned),
        title,
        detail,
        evidence: Vec::new(),
        gate_passes: None,
        choices: kind.choices().to_vec(),
        decision: None,
    }
}

fn key_prefix(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::PhaseDecision => "phase",
        AgendaKind::Expansion => "expansion",
        AgendaKind::StaleSignoff => "signoff",
        AgendaKind::DriftAlert => "alert",
        AgendaKind::RiskIndicator => "risk",
        AgendaKind::BacklogItem => "backlog",
        AgendaKind::ResearchReview => "research",
    }
}

/// The regression evidence for moving `p`'s launch version further: whether it passes and why.
fn regression_evidence(conn: &Connection, p: &Pilot) -> CoreResult<(Option<bool>, Vec<String>)> {
    let Some(version) = blueprint::read_in(conn, &p.use_case_id)?.launch_version().map(str::to_owned) else {
        return Ok((None, vec!["No launch version in the blueprint: nothing to compare".to_owned()]));
    };
    let check = regression::check_in(conn, &version)?;
    let mut lines: Vec<String> = check
        .comparisons
        .iter()
        .map(|c| format!("{} ({})", c.describe(), if c.verdict == MetricVerdict::Holds { "holds" } else { "fails" }))
        .collect();
    let passes = check.passes || !check.decisions.is_empty();
    lines.insert(
        0,
        match (&check.refusal(), check.decisions.last()) {
            (None, _) => format!("Regression gate: {} passes", check.label),
            (Some(_), Some(d)) => {
                format!("Regression gate: {} fails; overridden by {} ({})", check.label, d.decided_by, d.rationale)
            }
            (Some(r), None) => format!("Regression gate: {r}"),
        },
    );
    Ok((Some(passes), lines))
}

/// Research-lane cases are reviewed every this many months.
pub(crate) fn research_interval(conn: &Connection) -> CoreResult<u32> {
    Ok(programme::settings(conn)?.research_review_months)
}

/// The items the data implies on `on`, then this meeting's decided items not implied any more.
pub(crate) fn build(conn: &Connection, meeting: Meeting) -> CoreResult<MeetingAgenda> {
    let on = NaiveDate::parse_from_str(&meeting.held_on, "%Y-%m-%d").unwrap_or_default();
    let mut items = if meeting.is_closed() { Vec::new() } else { implied(conn, on)? };
    for d in &meeting.decisions {
        match items.iter_mut().find(|i| i.item == d.item) {
            Some(i) => i.decision = Some(d.clone()),
            None => {
                let mut decided = item(d.kind, &d.subject_id, None, d.title.clone(), d.outcome.clone());
                decided.item = d.item.clone();
                decided.evidence = d.evidence.lines().map(str::to_owned).collect();
                decided.decision = Some(d.clone());
                items.push(decided);
            }
        }
    }
    let pending = items.iter().filter(|i| i.decision.is_none()).count() as u32;
    Ok(MeetingAgenda { meeting, items, pending })
}

pub(crate) fn implied(conn: &Connection, on: NaiveDate) -> CoreResult<Vec<AgendaEntry>> {
    let mut items = Vec::new();
    let today = on.to_string();
    for id in pilot::ids(conn)? {
        let Some(p) = pilot::get(conn, &id)? else { continue };
        let case = read::require(conn, &p.use_case_id)?;
        if let Some(running) = p.running() {
            if running.planned_end.as_str() <= today.as_str() {
                let next =
                    p.phases.iter().find(|ph| ph.position > running.position && ph.status == PhaseStatus::Planned);
                let detail = match next {
                    Some(n) => format!(
                        "{} ran its planned course (to {}); approve starts {} for {}",
                        running.name, running.planned_end, n.name, n.audience
                    ),
                    None => format!(
                        "{} ran its planned course (to {}); it is the last phase: approve ends the rollout",
                        running.name, running.planned_end
                    ),
                };
                let mut i = item(
                    AgendaKind::PhaseDecision,
                    &p.id,
                    Some(&p.use_case_id),
                    format!("{} {}: {}", case.id, case.title, running.name),
                    detail,
                );
                if next.is_some() {
                    (i.gate_passes, i.evidence) = regression_evidence(conn, &p)?;
                }
                items.push(i);
            }
        } else if case.stage == Stage::Pilot && p.completed() {
            let mut i = item(
                AgendaKind::Expansion,
                &case.id,
                Some(&case.id),
                format!("{} {}: scale beyond the pilot", case.id, case.title),
                format!("{} finished its {} phases; approve moves the case to scaled", p.id, p.phases.len()),
            );
            (i.gate_passes, i.evidence) = regression_evidence(conn, &p)?;
            items.push(i);
        }
    }
    for r in indicators_in(conn, on)? {
        let kind = match r.kind {
            IndicatorKind::StaleSignoff => AgendaKind::StaleSignoff,
            IndicatorKind::DriftAlert => AgendaKind::DriftAlert,
            _ => AgendaKind::RiskIndicator,
        };
        let subject = if kind == AgendaKind::RiskIndicator {
            format!("{}:{}", r.kind.label().to_lowercase().replace(' ', "-"), r.record_id)
        } else {
            r.record_id.clone()
        };
        let mut i =
            item(kind, &subject, r.use_case_id.as_deref(), format!("{}: {}", r.kind.label(), r.title), r.detail);
        i.subject_id = r.record_id;
        items.push(i);
    }
    for b in steering::backlog(conn)? {
        if matches!(b.status, BacklogStatus::Proposed | BacklogStatus::Deferred) {
            let sponsor = b.sponsor.as_deref().map(|s| format!("; sponsor {s}")).unwrap_or_default();
            items.push(item(
                AgendaKind::BacklogItem,
                &b.id,
                None,
                b.title.clone(),
                format!("Proposed by {} on {}{sponsor}: {}", b.proposer, b.proposed_on, b.rationale),
            ));
        }
    }
    let interval = research_interval(conn)?;
    for case in read::list(conn)? {
        if case.lane != Lane::Research || case.stage == Stage::Retired {
            continue;
        }
        let last = store::last_decided(conn, AgendaKind::ResearchReview.as_str(), &case.id)?
            .unwrap_or_else(|| case.created_at.date_naive().to_string());
        let Ok(last_day) = NaiveDate::parse_from_str(&last, "%Y-%m-%d") else { continue };
        let due = Month::of(last_day).plus(interval as i32);
        if Month::of(on) >= due {
            items.push(item(
                AgendaKind::ResearchReview,
                &case.id,
                Some(&case.id),
                format!("{} {}", case.id, case.title),
                format!(
                    "In the research lane since at least {last}; reviewed every {interval} months. {}",
                    case.lane_reason.clone().unwrap_or_default()
                ),
            ));
        }
    }
    Ok(items)
}
