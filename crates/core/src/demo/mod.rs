//! The demo portfolio shipped in `assets/demo/` (the stories the programme's playbook tells) and
//! a deterministic generator of synthetic use cases for scale tests and benchmarks.

pub mod adapters;
mod blueprints;
mod governance;
mod pilots;
mod steering;
mod synthetic;

pub use governance::{DemoCompliance, DemoRegistry};
pub(crate) use steering::close_meetings;
pub use synthetic::synthetic_use_cases;

use serde::Deserialize;

use crate::domain::{CriterionKey, DossierInput, Programme, ProgrammeUpdate, Stage};
use crate::error::{CoreError, CoreResult};
use crate::services::compliance::stage_gate;
use crate::store::{lane_override, programme, use_case, workshop, Tx};
use crate::workshop::{NewWorkshop, RatingSource};

const DEMO_JSON: &str = include_str!("../../../../assets/demo/portfolio.json");

#[derive(Debug, Clone, Deserialize)]
pub struct DemoPortfolio {
    pub programme: ProgrammeUpdate,
    pub use_cases: Vec<DemoUseCase>,
    #[serde(default)]
    pub workshops: Vec<DemoWorkshop>,
    #[serde(default)]
    pub registry: DemoRegistry,
    #[serde(default)]
    pub compliance: DemoCompliance,
    #[serde(default)]
    pub blueprints: Vec<blueprints::DemoBlueprint>,
    #[serde(default)]
    pub pilots: Vec<pilots::DemoPilot>,
    #[serde(default)]
    pub value: Vec<steering::DemoValue>,
    #[serde(default)]
    pub steering: steering::DemoSteering,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoUseCase {
    #[serde(flatten)]
    pub dossier: DossierInput,
    #[serde(rename = "override")]
    pub lane_override: Option<DemoOverride>,
    /// A case created by mistake and withdrawn, so a newcomer sees what withdrawal looks like.
    #[serde(default)]
    pub withdrawn: Option<DemoWithdrawal>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoWithdrawal {
    pub by: String,
    pub reason: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoOverride {
    pub decided_by: String,
    pub reason: String,
}

/// A workshop whose use cases and ratings name use cases by title.
#[derive(Debug, Clone, Deserialize)]
pub struct DemoWorkshop {
    pub title: String,
    pub held_on: String,
    pub facilitator: String,
    pub participants: Vec<String>,
    pub use_cases: Vec<String>,
    pub ratings: Vec<(String, String, CriterionKey, u8)>,
}

/// Writes the demo (and `synthetic` extra cases) into an emptied portfolio, inside `tx`. With
/// `adapters_dir`, the demo's adapters are written there as PEFT folders and imported.
///
/// The demo describes a programme in flight, but it reaches that state by the same rules a
/// person would: cases bound for pilot or scaled are stored one step short of it, signed off by
/// the demo's compliance officer, and only then moved on through the stage gate; the one sign-off
/// meant to show as stale goes stale by a later edit, as it would in real use.
pub(crate) fn install(
    tx: &Tx,
    demo: &DemoPortfolio,
    synthetic: &[DossierInput],
    adapters_dir: Option<&std::path::Path>,
) -> CoreResult<(Programme, Vec<(String, String)>)> {
    programme::upsert(tx, &demo.programme.validated()?)?;
    let mut ids = Vec::new();
    let mut bound_for = Vec::new();
    for case in &demo.use_cases {
        let wanted = case.dossier.validated()?;
        let start = if stage_gate::gated(wanted.stage) { Stage::Data } else { wanted.stage };
        let id = use_case::insert(tx, &DossierInput { stage: start, ..wanted.clone() })?;
        if let Some(o) = &case.lane_override {
            lane_override::insert(tx, &id, &o.decided_by, &o.reason)?;
        }
        if let Some(w) = &case.withdrawn {
            use_case::set_withdrawal(tx, &id, Some((&w.by, &w.reason)))?;
        }
        if start != wanted.stage {
            bound_for.push((id.clone(), wanted.stage));
        }
        ids.push((wanted.title, id));
    }
    for case in synthetic {
        let case = case.validated()?;
        // Synthetic cases are for scale: none of them is signed, so none may sit in a gated stage.
        let stage = if stage_gate::gated(case.stage) { Stage::Data } else { case.stage };
        use_case::insert(tx, &DossierInput { stage, ..case })?;
    }
    let id_of = |title: &str| -> CoreResult<String> {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown use case {title:?}")))
    };
    for w in &demo.workshops {
        let new = NewWorkshop {
            title: w.title.clone(),
            held_on: w.held_on.clone(),
            facilitator: w.facilitator.clone(),
            participants: w.participants.clone(),
            use_case_ids: w.use_cases.iter().map(|t| id_of(t)).collect::<CoreResult<_>>()?,
        }
        .validated()?;
        let mut agenda = Vec::new();
        for id in &new.use_case_ids {
            agenda.push((id.clone(), use_case::require(tx, id)?.dossier.ratings));
        }
        let workshop_id = workshop::insert(tx, &new, &agenda)?;
        for (participant, title, criterion, rating) in &w.ratings {
            let use_case_id = id_of(title)?;
            let cell = workshop::Cell {
                workshop_id: &workshop_id,
                participant,
                use_case_id: &use_case_id,
                criterion: *criterion,
            };
            workshop::put_rating(tx, &cell, *rating, RatingSource::Screen)?;
        }
        for use_case_id in &new.use_case_ids {
            for criterion in CriterionKey::ALL {
                let values = workshop::cell_ratings(tx, &workshop_id, use_case_id, *criterion)?;
                if let Some(m) = crate::workshop::median(&values) {
                    use_case::set_rating(tx, use_case_id, criterion.rating_column(), m)?;
                }
            }
        }
    }
    let fresh_registry = governance::install_registry(tx, &demo.registry)?;
    if let (Some(dir), true) = (adapters_dir, fresh_registry) {
        adapters::install(tx, &demo.registry.adapters, &ids, dir)?;
    }
    governance::install_compliance(tx, &demo.compliance, &ids)?;
    blueprints::install(tx, &demo.blueprints, id_of)?;
    pilots::install(tx, &demo.pilots, id_of)?;
    governance::move_bound(tx, &bound_for)?;
    pilots::roll_out(tx, &demo.pilots, id_of)?;
    governance::make_stale_edits(tx, &demo.compliance, &ids)?;
    steering::install_value(tx, &demo.value, id_of)?;
    let to_close = steering::install_steering(tx, &demo.steering)?;
    Ok((programme::get(tx)?.ok_or(CoreError::NoProgramme)?, to_close))
}

/// The embedded demo, parsed. A parse failure is a build defect, caught by the tests below.
pub fn portfolio() -> CoreResult<DemoPortfolio> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lane;

    #[test]
    fn the_demo_parses_and_every_case_is_valid() {
        let demo = portfolio().unwrap();
        demo.programme.validated().unwrap();
        assert!(demo.use_cases.len() >= 15, "the demo promises the three stories and a dozen more");
        for case in &demo.use_cases {
            case.dossier.validated().unwrap_or_else(|e| panic!("demo case {:?} is invalid: {e}", case.dossier.title));
        }
        for lane in [Lane::Portfolio, Lane::Rejected] {
            assert!(demo.use_cases.iter().any(|c| c.dossier.lane == lane), "the demo asks for the {lane} lane");
        }
    }

    #[test]
    fn synthetic_cases_are_deterministic_and_valid() {
        let a = synthetic_use_cases(200);
        assert_eq!(a, synthetic_use_cases(200));
        assert!(a.iter().all(|c| c.validated().is_ok()));
        assert!(Stage::ALL.iter().all(|s| a.iter().any(|c| c.stage == *s)), "generator covers every stage");
    }
}
