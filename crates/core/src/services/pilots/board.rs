//! The stage board: every use case by stage (discovery → architecture → data → pilot → scaled →
//! retired), each with the next stage, the gate it waits on before it may move there and why (in
//! the stage gate's own words, the same the CLI and a refused move give), and its pilot's state.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::readiness;
use crate::domain::{Lane, Stage};
use crate::error::CoreResult;
use crate::pilots::pilot::{PhaseStatus, Pilot};
use crate::services::compliance::stage_gate;
use crate::services::discovery::read;
use crate::store::{monitoring, pilot, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardCard {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    pub lane: Lane,
    /// Where the case goes next; `None` for scaled and retired.
    pub next_stage: Option<Stage>,
    /// The gate between it and the next stage, when that gate refuses now: "Compliance sign-off",
    /// "Launch readiness", "Regression gate" or "Payback gate".
    pub waits_on: Option<String>,
    /// Why, as the refusal says it.
    pub reason: Option<String>,
    pub pilot_id: Option<String>,
    /// "Phase 1 of 2 running: two regional claims teams", "Rolled out: 2 phases done".
    pub pilot_state: Option<String>,
    /// Readiness items met, out of all, for a case not yet in pilot that has a pilot planned.
    pub readiness_met: Option<u32>,
    pub readiness_total: Option<u32>,
    pub open_alerts: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardColumn {
    pub stage: Stage,
    pub cards: Vec<BoardCard>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StageBoard {
    pub columns: Vec<BoardColumn>,
}

fn next(stage: Stage) -> Option<Stage> {
    match stage {
        Stage::Discovery => Some(Stage::Architecture),
        Stage::Architecture => Some(Stage::Data),
        Stage::Data => Some(Stage::Pilot),
        Stage::Pilot => Some(Stage::Scaled),
        Stage::Scaled | Stage::Retired => None,
    }
}

fn pilot_state(p: &Pilot) -> String {
    let total = p.phases.len();
    if let Some(running) = p.running() {
        return format!("Phase {} of {total} running: {}", running.position, running.audience);
    }
    if let Some(stopped) = p.phases.iter().find(|ph| ph.status == PhaseStatus::Stopped) {
        return format!("Stopped in phase {}: {}", stopped.position, stopped.stop_reason.as_deref().unwrap_or(""));
    }
    if p.completed() {
        return format!("Rolled out: {total} phase{} done", if total == 1 { "" } else { "s" });
    }
    match total {
        0 => "Planned: no phase yet".to_owned(),
        n => format!("Planned: {n} phase{}, not started", if n == 1 { "" } else { "s" }),
    }
}

pub fn board(db: &Db) -> CoreResult<StageBoard> {
    db.read(|c| {
        let mut columns: Vec<BoardColumn> =
            Stage::ALL.iter().map(|&stage| BoardColumn { stage, cards: Vec::new() }).collect();
        for case in read::list(c)? {
            let next_stage = next(case.stage);
            let pilot = match pilot::id_for_use_case(c, &case.id)? {
                Some(id) => pilot::get(c, &id)?,
                None => None,
            };
            let (mut waits_on, mut reason) = (None, None);
            if let Some(to) = next_stage {
                if let Some((gate, why)) = stage_gate::refusal(c, &case.id, case.stage, to, false)? {
                    waits_on = Some(gate.name().to_owned());
                    reason = Some(why);
                }
            }
            if case.stage == Stage::Discovery && case.lane == Lane::Research && waits_on.is_none() {
                waits_on = Some("Payback gate".to_owned());
                reason = case.lane_reason.clone();
            }
            let readiness = match (&pilot, case.stage) {
                (Some(_), Stage::Discovery | Stage::Architecture | Stage::Data) => {
                    Some(readiness::check_in(c, &case.id)?)
                }
                _ => None,
            };
            let open_alerts = match &pilot {
                Some(p) => u32::try_from(monitoring::alerts(c, Some(&p.id), false)?.len()).unwrap_or(u32::MAX),
                None => 0,
            };
            let card = BoardCard {
                id: case.id.clone(),
                title: case.title.clone(),
                stage: case.stage,
                lane: case.lane,
                next_stage,
                waits_on,
                reason,
                pilot_id: pilot.as_ref().map(|p| p.id.clone()),
                pilot_state: pilot.as_ref().map(pilot_state),
                readiness_met: readiness
                    .as_ref()
                    .map(|r| u32::try_from(r.items.iter().filter(|i| i.met).count()).unwrap_or(0)),
                readiness_total: readiness.as_ref().map(|r| u32::try_from(r.items.len()).unwrap_or(0)),
                open_alerts,
            };
            if let Some(column) = columns.iter_mut().find(|col| col.stage == case.stage) {
                column.cards.push(card);
            }
        }
        Ok(StageBoard { columns })
    })
}
