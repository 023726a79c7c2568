//! The programme: its name, currency and settings, and the overview of its use cases by lane
//! and stage.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::audit::Action;
use crate::caller::Caller;
use crate::domain::{Programme, ProgrammeField, ProgrammeUpdate};
use crate::edits;
use crate::error::{CoreError, CoreResult};
use std::collections::{HashMap, HashSet};

use crate::domain::{Lane, Stage, UseCase};
use crate::overview::{summarise, AtRiskCase, Attention, Decision, DecisionKind, ExecutiveFigures, ProgrammeOverview};
use crate::services::compliance::signoffs::{self, SignoffQueue};
use crate::services::registry::lineage::{self, LineageCheck};
use crate::store::{programme, Db};

fn missing() -> CoreError {
    CoreError::NoProgramme
}

pub fn get(db: &Db) -> CoreResult<Option<Programme>> {
    db.read(|s| programme::get(s))
}

/// The programme's name and how its use cases spread over lanes (after the payback gate) and
/// stages.
pub fn overview(db: &Db) -> CoreResult<ProgrammeOverview> {
    db.read(|s| {
        let programme = programme::get(s)?.ok_or_else(missing)?;
        let cases = read::list(s)?;
        let counts: Vec<_> = cases.iter().map(|c| (c.lane, c.stage, 1)).collect();
        let mut overview = summarise(programme, &counts);
        let queue = signoffs::queue_in(s)?;
        let lineage = lineage::check_in(s)?;
        overview.figures = figures(&cases, &queue, &lineage);
        overview.attention = Attention {
            signoffs_awaiting: queue.awaiting.len() as u32,
            signoffs_stale: queue.stale.len() as u32,
            lineage_gaps: lineage.versions_with_gaps,
            gate_decisions: overview.figures.decisions.iter().filter(|d| d.kind == DecisionKind::PaybackGate).count()
                as u32,
        };
        Ok(overview)
    })
}

/// The executive figures from one snapshot of the cases, the sign-off queue and the release
/// check.
pub(crate) fn figures(cases: &[UseCase], queue: &SignoffQueue, lineage: &LineageCheck) -> ExecutiveFigures {
    let funded: Vec<&UseCase> =
        cases.iter().filter(|c| c.lane == Lane::Portfolio && c.stage != Stage::Retired).collect();
    let stale: HashMap<&str, &str> = queue
        .stale
        .iter()
        .map(|s| (s.status.signoff.entity_id.as_str(), s.status.signoff.signed_by.as_str()))
        .collect();
    let awaiting: HashSet<&str> = queue.awaiting.iter().map(|a| a.entity_id.as_str()).collect();
    let mut gaps_by_case: HashMap<&str, u32> = HashMap::new();
    for d in &lineage.deployed {
        if let (Some(uc), true) = (&d.use_case_id, d.gap_count > 0) {
            *gaps_by_case.entry(uc.as_str()).or_default() += d.gap_count;
        }
    }
    let mut at_risk = Vec::new();
    for c in &funded {
        let mut reasons = Vec::new();
        if let Some(signer) = stale.get(c.id.as_str()) {
            reasons.push(format!("{signer}'s sign-off is stale"));
        }
        if let Some(n) = gaps_by_case.get(c.id.as_str()) {
            reasons.push(format!("{n} lineage gap{} in what is deployed", if *n == 1 { "" } else { "s" }));
        }
        if matches!(c.stage, Stage::Pilot | Stage::Scaled) && awaiting.contains(c.id.as_str()) {
            reasons.push(format!("in {} without a compliance sign-off", c.stage));
        }
        if !reasons.is_empty() {
            at_risk.push(AtRiskCase {
                id: c.id.clone(),
                title: c.title.clone(),
                annual_value: c.annual_value,
                reasons,
            });
        }
    }
    at_risk.sort_by(|a, b| b.annual_value.cmp(&a.annual_value).then_with(|| a.id.cmp(&b.id)));
    let mut decisions: Vec<Decision> = cases
        .iter()
        .filter(|c| c.requested_lane == Lane::Portfolio && c.lane_reason.is_some())
        .map(|c| Decision {
            kind: DecisionKind::PaybackGate,
            record_id: c.id.clone(),
            title: c.title.clone(),
            detail: c.lane_reason.clone().unwrap_or_default(),
        })
        .collect();
    decisions.extend(queue.awaiting.iter().map(|a| Decision {
        kind: DecisionKind::Signoff,
        record_id: a.entity_id.clone(),
        title: a.title.clone(),
        detail: a.reason.clone(),
    }));
    decisions.extend(queue.stale.iter().map(|s| Decision {
        kind: DecisionKind::StaleSignoff,
        record_id: s.status.signoff.entity_id.clone(),
        title: s.status.entity_title.clone(),
        detail: format!(
            "{}'s sign-off ({}) no longer matches the record",
            s.status.signoff.signed_by, s.status.signoff.id
        ),
    }));
    ExecutiveFigures {
        funded_value: funded.iter().map(|c| c.annual_value).sum(),
        funded_count: funded.len() as u32,
        value_at_risk: at_risk.iter().map(|c| c.annual_value).sum(),
        at_risk,
        decisions,
    }
}

/// Gives a blank portfolio its programme; an initialised portfolio is left as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InitOutcome {
    pub programme: Programme,
    /// False when the file already held a programme, which is left as it was.
    pub created: bool,
}

pub fn init(db: &Db, caller: &Caller, update: &ProgrammeUpdate) -> CoreResult<InitOutcome> {
    let update = update.validated()?;
    db.write(caller, Action::Create, |tx| match programme::get(tx)? {
        Some(existing) => Ok(InitOutcome { programme: existing, created: false }),
        None => {
            programme::upsert(tx, &update)?;
            Ok(InitOutcome { programme: programme::get(tx)?.ok_or_else(missing)?, created: true })
        }
    })
}

/// Changes to the programme's settings, applied field by field to what is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgrammeChange {
    pub changes: Vec<ProgrammeField>,
    /// The settings as the dialog showed them; `None` sets the fields whatever they hold now.
    pub loaded: Option<ProgrammeUpdate>,
}

/// Renames the programme or changes its currency or settings. Amounts are not converted when the
/// currency changes: they are relabelled, as the person asked.
pub fn update(db: &Db, caller: &Caller, req: &ProgrammeChange) -> CoreResult<Programme> {
    db.write(caller, Action::Update, |tx| {
        let stored = programme::get(tx)?.ok_or_else(missing)?;
        let edited =
            edits::apply("the programme", &stored.to_update(), req.loaded.as_ref(), &req.changes)?.validated()?;
        programme::upsert(tx, &edited)?;
        programme::get(tx)?.ok_or_else(missing)
    })
}
