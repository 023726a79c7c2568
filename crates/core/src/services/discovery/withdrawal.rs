//! Undoing a mistake: a use case created by mistake is withdrawn — it leaves every list, ranking,
//! queue and count, but its row, its trail and any sign-off stay, and it can be restored. Only
//! its creator or an administrator may withdraw or restore it, and only before it reaches real
//! users (a case in pilot or scaled is retired through its stage instead).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::{Actor, Caller};
use crate::compliance::Role;
use crate::domain::{required_text, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::services::compliance::stage_gate;
use crate::store::use_case::{self, StoredUseCase};
use crate::store::Db;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WithdrawRequest {
    pub id: String,
    /// Why it is withdrawn ("created twice by mistake"); kept with the case and on the trail.
    pub reason: String,
}

/// A withdrawn use case as the restore list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WithdrawnUseCase {
    pub id: String,
    pub title: String,
    pub created_by: Option<String>,
    pub withdrawn_by: String,
    #[ts(type = "string")]
    pub withdrawn_at: chrono::DateTime<chrono::Utc>,
    pub reason: String,
}

pub fn withdraw(db: &Db, caller: &Caller, req: &WithdrawRequest) -> CoreResult<WithdrawnUseCase> {
    let reason = required_text("reason", &req.reason, 2_000)?;
    db.write(caller, Action::Withdraw, |tx| {
        let stored = use_case::require(tx, &req.id)?;
        may_undo(tx.actor(), &stored, "withdraw")?;
        if stored.withdrawal.is_some() {
            return Err(CoreError::Conflict(format!("{} is already withdrawn", stored.id)));
        }
        if stage_gate::gated(stored.dossier.stage) {
            return Err(CoreError::Conflict(format!(
                "{} is in the {} stage, in front of real users; retire it through its stage instead of withdrawing it",
                stored.id, stored.dossier.stage
            )));
        }
        use_case::set_withdrawal(tx, &stored.id, Some((&tx.actor().name, &reason)))?;
        withdrawn_view(use_case::require(tx, &stored.id)?)
    })
}

/// Puts a withdrawn use case back in the portfolio as it was.
pub fn restore(db: &Db, caller: &Caller, id: &str) -> CoreResult<UseCase> {
    db.write(caller, Action::Reinstate, |tx| {
        let stored = use_case::require(tx, id)?;
        may_undo(tx.actor(), &stored, "restore")?;
        if stored.withdrawal.is_none() {
            return Err(CoreError::Conflict(format!("{} is not withdrawn; there is nothing to restore", stored.id)));
        }
        use_case::set_withdrawal(tx, &stored.id, None)?;
        read::require(tx, &stored.id)
    })
}

pub fn withdrawn(db: &Db) -> CoreResult<Vec<WithdrawnUseCase>> {
    db.read(|s| use_case::list_withdrawn(s)?.into_iter().map(withdrawn_view).collect())
}

/// A use case someone else created is not theirs to remove; an administrator may tidy up any.
/// Before a portfolio has administrators (or for cases whose creator was never recorded), anyone
/// may, as with every other rule that starts once roles exist.
fn may_undo(actor: &Actor, stored: &StoredUseCase, verb: &str) -> CoreResult<()> {
    let is_creator = stored.created_by.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&actor.name));
    let is_admin = actor.person.as_ref().is_some_and(|p| p.has(Role::Administrator));
    let unchecked = !actor.portfolio_has_administrators && stored.created_by.is_none();
    if is_creator || is_admin || unchecked || !actor.portfolio_has_people {
        return Ok(());
    }
    Err(CoreError::Forbidden(format!(
        "only the person who created {} ({}) or an administrator can {verb} it; {} is working",
        stored.id,
        stored.created_by.as_deref().unwrap_or("not recorded"),
        actor.name
    )))
}

fn withdrawn_view(stored: StoredUseCase) -> CoreResult<WithdrawnUseCase> {
    let w = stored.withdrawal.ok_or_else(|| CoreError::Conflict(format!("{} is not withdrawn", stored.id)))?;
    Ok(WithdrawnUseCase {
        id: stored.id,
        title: stored.dossier.title,
        created_by: stored.created_by,
        withdrawn_by: w.by,
        withdrawn_at: w.at,
        reason: w.reason,
    })
}
