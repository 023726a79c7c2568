//! What a save would do, before it is made: a dossier edit is rehearsed in a write transaction
//! that is rolled back, by the same code that saves it, and what changed is read off — sign-offs
//! it would make stale, a lane the payback gate would move the case to, a rank it would gain or
//! lose, or the reason it would be refused. And which stages a case may move to now, each
//! refused one with its reason, so a menu can disable it rather than refuse it after Save.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use super::use_cases::{apply_update, UseCaseUpdate};
use crate::caller::Caller;
use crate::domain::{Lane, Stage, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::scoring::{rank, Criterion, RankKey};
use crate::services::compliance::{signoffs, stage_gate};
use crate::store::{criterion, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsequenceKind {
    /// A current sign-off would no longer match the content.
    SignoffStale,
    /// The payback gate (or the requested lane) would move the case to another lane.
    LaneChange,
    /// The case would rank differently.
    RankChange,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Consequence {
    pub kind: ConsequenceKind,
    /// One sentence, as the confirmation shows it.
    pub message: String,
}

/// Why the save would be refused: the field (when one is to blame) and the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Refusal {
    pub field: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdatePreview {
    /// What others rely on that the save would change; empty when nothing needs a confirmation.
    pub consequences: Vec<Consequence>,
    /// Set when the save would be refused; nothing then needs confirming.
    pub refusal: Option<Refusal>,
}

/// Rehearses `req` and reports what it would do. Nothing is stored, whatever the outcome.
pub fn preview_update(db: &Db, caller: &Caller, req: &UseCaseUpdate) -> CoreResult<UpdatePreview> {
    let outcome = db.rehearse(caller, |tx| {
        let before = read::require(tx, &req.id)?;
        let signoff_before = signoffs::latest_in(tx, &before.id)?;
        let criteria = criterion::list(tx)?;
        let rank_before = rank_of(read::list(tx)?, &criteria, &before.id);
        if let Err(refused) = apply_update(tx, req) {
            return Ok(Err(refused));
        }
        let after = read::require(tx, &before.id)?;
        let rank_after = rank_of(read::list(tx)?, &criteria, &before.id);
        let mut consequences = Vec::new();
        if let Some(s) = signoff_before.filter(|s| !s.stale) {
            let now = signoffs::latest_in(tx, &before.id)?;
            if now.is_some_and(|n| n.stale) {
                consequences.push(Consequence {
                    kind: ConsequenceKind::SignoffStale,
                    message: stale_message(
                        &after,
                        &s.signoff.signed_by,
                        &s.signoff.signed_at.format("%-d %b %Y").to_string(),
                    ),
                });
            }
        }
        if before.lane != after.lane {
            consequences.push(Consequence { kind: ConsequenceKind::LaneChange, message: lane_message(&after) });
        }
        if let (Some(from), Some(to)) = (rank_before, rank_after) {
            if from != to {
                let direction = if to < from { "up" } else { "down" };
                consequences.push(Consequence {
                    kind: ConsequenceKind::RankChange,
                    message: format!("{} moves {direction} from rank {from} to rank {to}", after.id),
                });
            }
        }
        Ok(Ok(consequences))
    })?;
    Ok(match outcome {
        Ok(consequences) => UpdatePreview { consequences, refusal: None },
        Err(refused) => UpdatePreview { consequences: Vec::new(), refusal: Some(refusal(refused)) },
    })
}

/// The rank `id` holds among `cases` (without the sensitivity ranges a full ranking computes).
fn rank_of(cases: Vec<UseCase>, criteria: &[Criterion], id: &str) -> Option<u32> {
    let keys: Vec<RankKey> = cases
        .iter()
        .map(|c| RankKey { ratings: c.ratings, payback_months: c.payback_months, title: c.title.clone() })
        .collect();
    let (_, ranks) = rank(&keys, criteria);
    cases.iter().position(|c| c.id == id).map(|i| ranks[i])
}

fn stale_message(case: &UseCase, signer: &str, signed_on: &str) -> String {
    let gated = stage_gate::gated(case.stage);
    let then = if gated {
        format!("{} stays in {} but is flagged stale everywhere until it is signed again", case.id, case.stage)
    } else {
        format!("{} cannot enter pilot until it is signed again", case.id)
    };
    format!("This makes {signer}'s sign-off of {signed_on} stale: {then}.")
}

fn lane_message(case: &UseCase) -> String {
    let lane = match case.lane {
        Lane::Portfolio => "portfolio",
        Lane::Research => "research",
        Lane::Rejected => "rejected",
    };
    let mut text = format!("This moves {} to the {lane} lane", case.id);
    if case.stage != Stage::Discovery {
        text.push_str(&format!(" while it is in the {} stage", case.stage));
    }
    if let Some(reason) = &case.lane_reason {
        text.push_str(&format!(": {reason}"));
    }
    text.push('.');
    text
}

fn refusal(error: CoreError) -> Refusal {
    match error {
        CoreError::Invalid { field, reason } => Refusal { field: Some(field), message: reason },
        other => Refusal { field: None, message: other.to_string() },
    }
}

/// One stage a use case could be moved to, and whether it may be now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StageOption {
    pub stage: Stage,
    pub current: bool,
    pub allowed: bool,
    /// Why the move is refused now (what is missing), when it is.
    pub reason: Option<String>,
}

/// Every stage, in order, with whether `id` may move there as its dossier stands.
pub fn stage_options(db: &Db, id: &str) -> CoreResult<Vec<StageOption>> {
    db.read(|s| {
        let case = read::require(s, id)?;
        Stage::ALL
            .iter()
            .map(|&stage| {
                let verdict = stage_gate::check_move(s, &case.id, case.stage, stage, false);
                Ok(StageOption {
                    stage,
                    current: stage == case.stage,
                    allowed: verdict.is_ok(),
                    reason: match verdict {
                        Ok(()) => None,
                        Err(CoreError::Invalid { reason, .. }) => Some(reason),
                        Err(other) => return Err(other),
                    },
                })
            })
            .collect()
    })
}
