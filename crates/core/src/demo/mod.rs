//! The demo portfolio shipped in `assets/demo/` (the stories the programme's playbook tells) and
//! a deterministic generator of synthetic use cases for scale tests and benchmarks.

pub mod adapters;
mod governance;
mod synthetic;

pub use governance::{DemoCompliance, DemoOversight, DemoPack, DemoRegistry, DemoRisk, DemoSignoff, DemoSource};
pub use synthetic::synthetic_use_cases;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::Deserialize;

use crate::domain::{CriterionKey, DossierInput, Programme, ProgrammeUpdate};
use crate::error::{CoreError, CoreResult};
use crate::store::{lane_override, programme, use_case, workshop};
use crate::workshop::{NewWorkshop, RatingEntry, RatingSource};

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
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoUseCase {
    #[serde(flatten)]
    pub dossier: DossierInput,
    #[serde(rename = "override")]
    pub lane_override: Option<DemoOverride>,
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
pub fn install(
    tx: &Transaction,
    demo: &DemoPortfolio,
    synthetic: &[DossierInput],
    adapters_dir: Option<&std::path::Path>,
    now: DateTime<Utc>,
) -> CoreResult<Programme> {
    let programme = programme::upsert(tx, &demo.programme, now)?;
    let mut ids = Vec::new();
    for case in &demo.use_cases {
        let stored = use_case::insert_any_stage(tx, &case.dossier, now)?;
        if let Some(o) = &case.lane_override {
            lane_override::grant(tx, &stored.id, &o.decided_by, &o.reason, now)?;
        }
        ids.push((stored.title, stored.id));
    }
    for case in synthetic {
        use_case::insert_any_stage(tx, case, now)?;
    }
    let id_of = |title: &str| -> CoreResult<String> {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| CoreError::Conflict(format!("the demo workshop names an unknown use case {title:?}")))
    };
    for w in &demo.workshops {
        let new = NewWorkshop {
            title: w.title.clone(),
            held_on: w.held_on.clone(),
            facilitator: w.facilitator.clone(),
            participants: w.participants.clone(),
            use_case_ids: w.use_cases.iter().map(|t| id_of(t)).collect::<CoreResult<_>>()?,
        };
        let stored = workshop::create(tx, &new, now)?;
        let entries = w
            .ratings
            .iter()
            .map(|(participant, title, criterion, rating)| {
                Ok((
                    "demo".to_owned(),
                    RatingEntry {
                        participant: participant.clone(),
                        use_case_id: id_of(title)?,
                        criterion: *criterion,
                        rating: Some(*rating),
                    },
                ))
            })
            .collect::<CoreResult<Vec<_>>>()?;
        workshop::record(tx, &stored.id, &entries, RatingSource::Screen, now)?;
    }
    let fresh_registry = governance::install_registry(tx, &demo.registry, now)?;
    if let (Some(dir), true) = (adapters_dir, fresh_registry) {
        adapters::install(tx, &demo.registry.adapters, &ids, dir, now)?;
    }
    governance::install_compliance(tx, &demo.compliance, &ids, now)?;
    Ok(programme)
}

/// The embedded demo, parsed. A parse failure is a build defect, caught by the tests below.
pub fn portfolio() -> CoreResult<DemoPortfolio> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Lane, Stage};

    #[test]
    fn the_demo_parses_and_every_case_is_valid() {
        let demo = portfolio().unwrap();
        demo.programme.validated().unwrap();
        assert!(demo.use_cases.len() >= 15, "the demo promises the three stories and a dozen more");
        for case in &demo.use_cases {
            case.dossier.validated().unwrap_or_else(|e| panic!("demo case {:?} is invalid: {e}", case.dossier.title));
        }
        let db = crate::Db::open_in_memory().unwrap();
        let now = Utc::now();
        db.write(&crate::audit::AuditMeta::new("test", crate::audit::Action::Update, chrono::Utc::now()), |tx| {
            install(tx, &demo, &[], None, now)
        })
        .unwrap();
        let cases = db.read(use_case::list).unwrap();
        for lane in Lane::ALL {
            assert!(cases.iter().any(|c| c.lane == *lane), "demo should show the {lane} lane");
        }
        assert!(cases.iter().any(|c| c.lane_override.is_some()), "demo shows an override");
        assert!(cases.iter().filter(|c| c.lane == Lane::Research).all(|c| c.lane_reason.is_some()));
    }

    #[test]
    fn the_demo_adapters_are_real_peft_folders_with_a_planted_lineage_gap() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::Db::open_in_memory().unwrap();
        let meta = crate::audit::AuditMeta::new("test", crate::audit::Action::Import, Utc::now());
        db.write(&meta, |tx| install(tx, &portfolio()?, &[], Some(dir.path()), Utc::now())).unwrap();
        let versions = db.read(crate::store::adapter::all_versions).unwrap();
        assert_eq!(versions.len(), 4);
        for v in &versions {
            let file = std::path::Path::new(&v.source_dir).join(&v.weights_file);
            assert_eq!(
                crate::registry::hashing::hash_file(&file).unwrap().sha256,
                v.sha256,
                "{} is the file's hash",
                v.id
            );
            assert!(v.parameters.unwrap() > 0);
        }
        let gaps = crate::registry::lineage::check(&db.read(crate::store::lineage::all_graphs).unwrap());
        let flagged: Vec<&str> = gaps.iter().map(|g| g.adapter_version_id.as_str()).collect();
        let claims = versions.iter().find(|v| v.adapter_name == "claims-triage").unwrap();
        assert!(!gaps.is_empty() && flagged.iter().all(|id| *id == claims.id), "{gaps:?}");
    }

    #[test]
    fn synthetic_cases_are_deterministic_and_valid() {
        let a = synthetic_use_cases(200);
        assert_eq!(a, synthetic_use_cases(200));
        assert!(a.iter().all(|c| c.validated().is_ok()));
        assert!(Stage::ALL.iter().all(|s| a.iter().any(|c| c.stage == *s)), "generator covers every stage");
    }
}
