//! The backlog: ideas anyone may propose (title, proposer, rationale). A steering decision
//! authorises one (it becomes a use case in discovery), defers it or rejects it.

use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::{optional_text, required_text};
use crate::error::CoreResult;
use crate::steering::{BacklogEstimate, BacklogInput, BacklogItem};
use crate::store::steering::{self as store, NewBacklogItem};
use crate::store::Db;

pub fn list(db: &Db) -> CoreResult<Vec<BacklogItem>> {
    db.read(|c| store::backlog(c))
}

pub fn add(db: &Db, caller: &Caller, input: &BacklogInput) -> CoreResult<BacklogItem> {
    let title = required_text("title", &input.title, 200)?;
    let rationale = required_text("rationale", &input.rationale, 4000)?;
    let proposer = optional_text("proposer", input.proposer.as_deref(), 120)?;
    let sponsor = optional_text("sponsor", input.sponsor.as_deref(), 120)?;
    let e = &input.estimate;
    let estimate = BacklogEstimate {
        business_unit: optional_text("estimate.business_unit", e.business_unit.as_deref(), 120)?,
        annual_value: e.annual_value.map(|m| m.non_negative("estimate.annual_value")).transpose()?,
        one_time_cost: e.one_time_cost.map(|m| m.non_negative("estimate.one_time_cost")).transpose()?,
        monthly_run_cost: e.monthly_run_cost.map(|m| m.non_negative("estimate.monthly_run_cost")).transpose()?,
    };
    db.write(caller, Action::Create, |tx| {
        let proposer = proposer.clone().unwrap_or_else(|| tx.actor().name.clone());
        let id = store::insert_backlog(
            tx,
            &NewBacklogItem {
                title: &title,
                proposer: &proposer,
                rationale: &rationale,
                sponsor: sponsor.as_deref(),
                estimate: &estimate,
                proposed_on: &tx.now().format("%Y-%m-%d").to_string(),
            },
        )?;
        store::backlog_item(tx, &id)?.ok_or_else(|| crate::error::CoreError::Conflict(format!("{id} was not stored")))
    })
}
