//! The playbook's implementation checklist, each item's status derived from the data with the
//! evidence behind it and what is missing, so "are we doing what we said" is answered by the
//! portfolio, not by a slide.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cadence;
use crate::domain::{Lane, Stage};
use crate::error::CoreResult;
use crate::registry::lineage::GapKind;
use crate::services::discovery::read;
use crate::services::pilots::readiness;
use crate::services::registry::lineage;
use crate::store::{meeting, pilot, value, Db};
use crate::value::Month;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistStatus {
    Met,
    /// Some of it holds.
    Partial,
    NotMet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChecklistItem {
    pub key: String,
    pub title: String,
    pub status: ChecklistStatus,
    /// What the status rests on, in words.
    pub detail: String,
    /// Records that show it (UC-…, AV-…, PIL-…, MTG-…, CAD-…).
    pub evidence: Vec<String>,
    /// What is missing, one line each, naming the record.
    pub gaps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub met: u32,
}

fn status(good: usize, bad: usize) -> ChecklistStatus {
    match (good, bad) {
        (_, 0) if good > 0 => ChecklistStatus::Met,
        (0, _) => ChecklistStatus::NotMet,
        _ => ChecklistStatus::Partial,
    }
}

fn item(
    key: &str,
    title: &str,
    status: ChecklistStatus,
    detail: String,
    evidence: Vec<String>,
    gaps: Vec<String>,
) -> ChecklistItem {
    ChecklistItem { key: key.to_owned(), title: title.to_owned(), status, detail, evidence, gaps }
}

pub(crate) fn checklist_in(conn: &Connection, today: NaiveDate) -> CoreResult<Checklist> {
    let cases = read::list(conn)?;
    let mut items = Vec::new();

    let funded: Vec<_> = cases.iter().filter(|c| c.lane == Lane::Portfolio && c.stage != Stage::Retired).collect();
    let owned: Vec<String> = funded
        .iter()
        .filter(|c| c.executive_sponsor.is_some() && c.product_owner.is_some())
        .map(|c| c.id.clone())
        .collect();
    let unowned: Vec<String> = funded
        .iter()
        .filter(|c| c.executive_sponsor.is_none() || c.product_owner.is_none())
        .map(|c| {
            let missing = match (c.executive_sponsor.is_none(), c.product_owner.is_none()) {
                (true, true) => "an executive sponsor and a product owner",
                (true, false) => "an executive sponsor",
                _ => "a product owner",
            };
            format!("{} {} lacks {missing}", c.id, c.title)
        })
        .collect();
    items.push(item(
        "scored_portfolio",
        "Score use cases on value, criticality and guardrail complexity, each with an executive sponsor and a product owner",
        status(owned.len(), unowned.len()),
        format!("{} of {} funded use cases have both a sponsor and a product owner", owned.len(), funded.len()),
        owned,
        unowned,
    ));

    let check = lineage::check_in(conn)?;
    let registry_gaps =
        [GapKind::NoEvaluation, GapKind::NoDataPack, GapKind::UnapprovedDataPack, GapKind::UnacceptedSource];
    let failing: Vec<String> = check
        .gaps
        .iter()
        .filter(|g| {
            registry_gaps.contains(&g.kind)
                && check.deployed.iter().any(|d| d.adapter_version_id == g.adapter_version_id)
        })
        .map(|g| format!("{}: {}", g.adapter_version_id, g.message))
        .collect();
    let clean: Vec<String> = check
        .deployed
        .iter()
        .filter(|d| !failing.iter().any(|f| f.starts_with(&format!("{}:", d.adapter_version_id))))
        .map(|d| d.adapter_version_id.clone())
        .collect();
    let flawed = check.deployed.len() - clean.len();
    items.push(item(
        "model_registry",
        "Shared model registry with automated evaluation pipelines and policy tagging",
        if check.deployed.is_empty() { ChecklistStatus::NotMet } else { status(clean.len(), flawed) },
        if check.deployed.is_empty() {
            "Nothing is deployed yet".to_owned()
        } else {
            format!(
                "{} of {} deployed adapter versions carry evaluations and data packs accepted under a policy",
                clean.len(),
                check.deployed.len()
            )
        },
        clean,
        failing,
    ));

    let (mut ready, mut blocked) = (Vec::new(), Vec::new());
    for id in pilot::ids(conn)? {
        let Some(p) = pilot::get(conn, &id)? else { continue };
        if p.running().is_none() && !p.completed() {
            continue;
        }
        let r = readiness::check_in(conn, &p.use_case_id)?;
        match r.refusal() {
            None => ready.push(p.id.clone()),
            Some(refusal) => blocked.push(format!("{} ({}): {refusal}", p.id, p.use_case_id)),
        }
    }
    items.push(item(
        "phased_pilots",
        "Launch phased pilots with documented training, fallback and evaluation protocols",
        status(ready.len(), blocked.len()),
        if ready.is_empty() && blocked.is_empty() {
            "No pilot has started yet".to_owned()
        } else {
            format!(
                "{} of {} started pilots hold every launch-readiness item",
                ready.len(),
                ready.len() + blocked.len()
            )
        },
        ready,
        blocked,
    ));

    let last_month = Month::of(today).plus(-1);
    let latest: std::collections::HashMap<String, Month> =
        value::totals(conn)?.into_iter().map(|t| (t.use_case_id, t.totals.last)).collect();
    let live: Vec<_> = cases.iter().filter(|c| matches!(c.stage, Stage::Pilot | Stage::Scaled)).collect();
    let (mut tracked, mut untracked) = (Vec::new(), Vec::new());
    for c in &live {
        if latest.get(&c.id).is_some_and(|m| *m >= last_month) {
            tracked.push(c.id.clone());
        } else {
            untracked.push(format!("{} {} has no value recorded for {last_month}", c.id, c.title));
        }
    }
    let last_meeting = meeting::last_closed_on(conn)?;
    let recent = last_meeting
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .is_some_and(|d| (today - d).num_days() <= 45);
    if !recent {
        untracked.push(match &last_meeting {
            Some(d) => format!("the last steering meeting closed was held on {d}, more than 45 days ago"),
            None => "no steering meeting has been closed yet".to_owned(),
        });
    }
    items.push(item(
        "value_and_steering",
        "Track value monthly and decide expansions in monthly steering meetings",
        status(tracked.len() + usize::from(recent), untracked.len()),
        format!(
            "{} of {} cases in pilot or scaled have value for {last_month}; last steering meeting closed: {}",
            tracked.len(),
            live.len(),
            last_meeting.unwrap_or_else(|| "none".to_owned())
        ),
        tracked,
        untracked,
    ));

    let statuses = cadence::list_in(conn, today)?;
    let held: Vec<String> = statuses.iter().filter(|s| !s.overdue).map(|s| s.kind.label().to_owned()).collect();
    let overdue: Vec<String> = statuses
        .iter()
        .filter(|s| s.overdue)
        .map(|s| match &s.last_held_on {
            Some(d) => format!("{}: last held on {d}", s.kind.label()),
            None => format!("{}: never held", s.kind.label()),
        })
        .collect();
    items.push(item(
        "improvement_cadence",
        "A quarterly improvement cadence: reviews, cross-functional forums and workforce enablement",
        status(held.len(), overdue.len()),
        format!("{} of 3 kinds held within the last quarter", held.len()),
        held,
        overdue,
    ));

    let met = items.iter().filter(|i| i.status == ChecklistStatus::Met).count() as u32;
    Ok(Checklist { items, met })
}

pub fn checklist(db: &Db, today: NaiveDate) -> CoreResult<Checklist> {
    db.read(|c| checklist_in(c, today))
}
