//! The demo's value and steering: twelve months of value for the cases in pilot or scaled (the
//! wealth case ahead of plan and paid back, the NCR case behind plan, the adverse-event case not
//! paid back) and the costs of two cases still preparing; a closed steering meeting with its
//! decisions, actions and minutes, an open one with its agenda; backlog items; cadence events.
//! Decisions go through the same code a meeting uses, so they act as they would.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::services::steering::agenda::implied;
use crate::services::steering::decisions::{decide_as, DecisionInput};
use crate::steering::{AgendaKind, BacklogEstimate, CadenceInput, DecisionChoice};
use crate::store::meeting as meetings;
use crate::store::steering::{self as store, NewBacklogItem};
use crate::store::value::{put_month, use_cases_with_months, NewMonth};
use crate::store::value_bulk::add_months;
use crate::store::{person, Tx};
use crate::value::{KpiValue, Month};

#[derive(Debug, Clone, Deserialize)]
pub struct DemoValue {
    pub use_case: String,
    /// Who reports the case's value (and writes its highlights).
    pub by: String,
    pub months: Vec<DemoMonth>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoMonth {
    pub month: String,
    pub benefit: Money,
    pub cost: Money,
    #[serde(default)]
    pub kpis: BTreeMap<String, f64>,
    #[serde(default)]
    pub highlight: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct DemoSteering {
    #[serde(default)]
    pub backlog: Vec<DemoBacklogItem>,
    #[serde(default)]
    pub cadence: Vec<CadenceInput>,
    #[serde(default)]
    pub meetings: Vec<DemoMeeting>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoBacklogItem {
    pub title: String,
    pub proposer: String,
    pub rationale: String,
    #[serde(default)]
    pub sponsor: Option<String>,
    pub proposed_on: String,
    #[serde(default)]
    pub estimate: BacklogEstimate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoMeeting {
    pub held_on: String,
    pub attendees: Vec<String>,
    pub created_by: String,
    #[serde(default)]
    pub decisions: Vec<DemoDecision>,
    #[serde(default)]
    pub actions: Vec<DemoAction>,
    /// Who closed it; an open meeting has none.
    #[serde(default)]
    pub closed_by: Option<String>,
}

/// A decision on the agenda item of `kind` whose title contains `about` (ids differ between
/// loads, titles do not).
#[derive(Debug, Clone, Deserialize)]
pub struct DemoDecision {
    pub kind: AgendaKind,
    pub about: String,
    pub decision: DecisionChoice,
    pub by: String,
    pub rationale: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoAction {
    pub description: String,
    pub owner: String,
    pub due_on: String,
}

/// The demo's months are stored as a metrics import stores them: the months of a case with none
/// stored yet in one batch record per case (so the trail shows what an import looks like), any
/// others one by one.
pub(super) fn install_value(
    tx: &Tx,
    value: &[DemoValue],
    id_of: impl Fn(&str) -> CoreResult<String>,
) -> CoreResult<()> {
    let had_months = use_cases_with_months(tx)?;
    let mut months: Vec<Pending<'_>> = Vec::new();
    for v in value {
        let use_case_id = id_of(&v.use_case)?;
        for m in &v.months {
            let month =
                Month::parse(&m.month).map_err(|reason| CoreError::Conflict(format!("the demo's month: {reason}")))?;
            let kpis: Vec<KpiValue> =
                m.kpis.iter().map(|(kpi, value)| KpiValue { kpi: kpi.clone(), value: *value }).collect();
            months.push((use_case_id.clone(), month, m, kpis, &v.by));
        }
    }
    type Pending<'a> = (String, Month, &'a DemoMonth, Vec<KpiValue>, &'a str);
    fn new_month<'a>((use_case_id, month, m, kpis, by): &'a Pending<'a>) -> NewMonth<'a> {
        NewMonth { use_case_id, month: *month, benefit: m.benefit, cost: m.cost, highlight: &m.highlight, kpis, by }
    }
    let (stored, fresh): (Vec<_>, Vec<_>) = months.iter().partition(|m| had_months.contains(&m.0));
    for m in &stored {
        put_month(tx, &new_month(m))?;
    }
    let fresh: Vec<NewMonth<'_>> = fresh.into_iter().map(new_month).collect();
    add_months(tx, &fresh, &had_months)
}

fn person_id(tx: &Tx, name: &str) -> CoreResult<String> {
    Ok(person::find(tx, name)?
        .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown person {name:?}")))?
        .id)
}

/// Installs backlog, cadence and meetings with their decisions and actions; returns the meetings
/// to close (id, by whom), closed once the demo is on the trail so their minutes stamp a head
/// that holds their decisions.
pub(super) fn install_steering(tx: &Tx, s: &DemoSteering) -> CoreResult<Vec<(String, String)>> {
    let mut to_close = Vec::new();
    for b in &s.backlog {
        store::insert_backlog(
            tx,
            &NewBacklogItem {
                title: &b.title,
                proposer: &b.proposer,
                rationale: &b.rationale,
                sponsor: b.sponsor.as_deref(),
                estimate: &b.estimate,
                proposed_on: &b.proposed_on,
            },
        )?;
    }
    for c in &s.cadence {
        store::insert_cadence(tx, &c.validated()?)?;
    }
    for m in &s.meetings {
        let attendees = m.attendees.iter().map(|a| person_id(tx, a)).collect::<CoreResult<Vec<_>>>()?;
        let id = meetings::insert(tx, &m.held_on, &attendees, &m.created_by)?;
        for d in &m.decisions {
            let meeting = meetings::get(tx, &id)?.ok_or_else(|| CoreError::Conflict(format!("{id} was not stored")))?;
            let on = chrono::NaiveDate::parse_from_str(&m.held_on, "%Y-%m-%d").unwrap_or_default();
            let item =
                implied(tx, on)?.into_iter().find(|i| i.kind == d.kind && i.title.contains(&d.about)).ok_or_else(
                    || CoreError::Conflict(format!("the demo decides {:?}, which is not on the agenda", d.about)),
                )?;
            let input = DecisionInput {
                meeting_id: id.clone(),
                item: item.item,
                decision: d.decision,
                rationale: d.rationale.clone(),
            };
            decide_as(tx, &meeting, &input, &d.by)?;
        }
        for a in &m.actions {
            meetings::insert_action(tx, &id, &a.description, &person_id(tx, &a.owner)?, &a.due_on)?;
        }
        if let Some(by) = &m.closed_by {
            to_close.push((id, by.clone()));
        }
    }
    Ok(to_close)
}

/// Closes the meetings `install_steering` left to close, once the demo is on the trail.
pub(crate) fn close_meetings(tx: &Tx, to_close: &[(String, String)]) -> CoreResult<()> {
    for (id, by) in to_close {
        meetings::close(tx, id, by)?;
    }
    Ok(())
}
