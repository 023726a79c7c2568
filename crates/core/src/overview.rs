//! The programme overview: the figures an executive asks first (value funded, value at risk,
//! decisions waiting), what waits for someone (the app's sidebar counts), and how many use cases
//! sit in each lane and stage. Every lane and stage is listed, with zero where empty, so the UI
//! and the CLI show a stable shape.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Lane, Programme, Stage};
use crate::money::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgrammeOverview {
    pub programme: Programme,
    pub total: u32,
    pub figures: ExecutiveFigures,
    pub attention: Attention,
    pub by_lane: Vec<LaneCount>,
    pub by_stage: Vec<StageCount>,
    /// One cell per (lane, stage), lanes outer, both in their natural order.
    pub lane_stage: Vec<LaneStageCount>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ExecutiveFigures {
    /// Annual value of the use cases the portfolio lane funds (retired ones left out).
    pub funded_value: Money,
    pub funded_count: u32,
    /// Annual value of funded cases something endangers: a stale sign-off, a lineage gap in
    /// what is deployed for them, a pilot without a current sign-off.
    pub value_at_risk: Money,
    pub at_risk: Vec<AtRiskCase>,
    /// What waits for a decision, steering or compliance.
    pub decisions: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AtRiskCase {
    pub id: String,
    pub title: String,
    pub annual_value: Money,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// The payback gate parked a case meant for the portfolio: keep it there (override) or not.
    PaybackGate,
    /// A record heading for or in use waits for a compliance sign-off.
    Signoff,
    /// A sign-off went stale: sign again or stop.
    StaleSignoff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Decision {
    pub kind: DecisionKind,
    /// The record to decide on (UC-…, AV-…, EV-…).
    pub record_id: String,
    pub title: String,
    pub detail: String,
}

/// What waits for someone, as the sidebar counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attention {
    pub signoffs_awaiting: u32,
    pub signoffs_stale: u32,
    /// Deployed adapter versions with a lineage gap.
    pub lineage_gaps: u32,
    /// Cases the payback gate parked that await a steering decision.
    pub gate_decisions: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LaneCount {
    pub lane: Lane,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StageCount {
    pub stage: Stage,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LaneStageCount {
    pub lane: Lane,
    pub stage: Stage,
    pub count: u32,
}

/// Folds sparse (lane, stage, count) rows into the full overview.
pub fn summarise(programme: Programme, counts: &[(Lane, Stage, i64)]) -> ProgrammeOverview {
    let cell = |lane: Lane, stage: Stage| -> u32 {
        counts
            .iter()
            .filter(|(l, s, _)| *l == lane && *s == stage)
            .map(|(_, _, n)| u32::try_from(*n).unwrap_or(u32::MAX))
            .sum()
    };
    let lane_stage: Vec<LaneStageCount> = Lane::ALL
        .iter()
        .flat_map(|&lane| Stage::ALL.iter().map(move |&stage| (lane, stage)))
        .map(|(lane, stage)| LaneStageCount { lane, stage, count: cell(lane, stage) })
        .collect();
    let by_lane = Lane::ALL
        .iter()
        .map(|&lane| LaneCount { lane, count: lane_stage.iter().filter(|c| c.lane == lane).map(|c| c.count).sum() })
        .collect();
    let by_stage = Stage::ALL
        .iter()
        .map(|&stage| StageCount {
            stage,
            count: lane_stage.iter().filter(|c| c.stage == stage).map(|c| c.count).sum(),
        })
        .collect();
    let total = lane_stage.iter().map(|c| c.count).sum();
    ProgrammeOverview {
        programme,
        total,
        figures: ExecutiveFigures::default(),
        attention: Attention::default(),
        by_lane,
        by_stage,
        lane_stage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProgrammeSettings;
    use chrono::{TimeZone, Utc};

    #[test]
    fn every_lane_and_stage_appears_and_totals_agree() {
        let t = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let programme = Programme {
            name: "P".into(),
            currency: "EUR".into(),
            settings: ProgrammeSettings::default(),
            created_at: t,
            updated_at: t,
        };
        let o = summarise(
            programme,
            &[
                (Lane::Portfolio, Stage::Pilot, 3),
                (Lane::Research, Stage::Discovery, 2),
                (Lane::Portfolio, Stage::Data, 1),
            ],
        );
        assert_eq!(o.total, 6);
        assert_eq!(o.by_lane.iter().map(|c| c.count).collect::<Vec<_>>(), [4, 2, 0]);
        assert_eq!(o.by_stage.iter().map(|c| c.count).collect::<Vec<_>>(), [2, 0, 1, 3, 0, 0]);
        assert_eq!(o.lane_stage.len(), Lane::ALL.len() * Stage::ALL.len());
    }
}
