//! The demo portfolio shipped in `assets/demo/` (the stories the programme's playbook tells) and
//! a deterministic generator of synthetic use cases for scale tests and benchmarks.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::Deserialize;

use crate::compliance::{OversightInput, PersonInput, RiskInput, RiskStatus};
use crate::domain::{CriterionKey, DossierInput, Lane, Programme, ProgrammeUpdate, Ratings, RiskClass, Stage};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Classification, DataPackInput, DataSourceInput, PackApproval, PersonalData, PolicyInput};
use crate::store::{
    data_pack, data_source, lane_override, oversight, person, policy, programme, risk, signoff, use_case, workshop,
};
use crate::workshop::{NewWorkshop, RatingEntry, RatingSource};

const DEMO_JSON: &str = include_str!("../../../assets/demo/portfolio.json");

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

/// People, oversight plans, risks and sign-offs; use cases are named by title.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DemoCompliance {
    pub people: Vec<PersonInput>,
    pub oversight: Vec<DemoOversight>,
    pub risks: Vec<DemoRisk>,
    pub signoffs: Vec<DemoSignoff>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoOversight {
    pub use_case: String,
    pub accountable_person: String,
    pub intervention_procedure: String,
    pub fallback_owner: String,
    pub max_intervention_minutes: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoRisk {
    pub use_case: String,
    pub title: String,
    pub likelihood: u8,
    pub impact: u8,
    pub owner: String,
    pub mitigation: String,
    pub status: RiskStatus,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoSignoff {
    pub use_case: String,
    pub by: String,
    pub comment: String,
}

/// Policies, data sources and packs; sources and packs name what they refer to by title/name.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DemoRegistry {
    pub policies: Vec<PolicyInput>,
    pub sources: Vec<DemoSource>,
    pub packs: Vec<DemoPack>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoSource {
    pub name: String,
    pub system: String,
    pub owner: String,
    pub classification: Classification,
    pub policy: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoPack {
    pub name: String,
    pub version: String,
    pub sources: Vec<String>,
    pub curated_by: String,
    pub record_count: i64,
    pub personal_data: PersonalData,
    pub approved_by: Option<String>,
    pub approved_on: Option<String>,
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

/// Writes the demo (and `synthetic` extra cases) into an emptied portfolio, inside `tx`.
pub fn install(
    tx: &Transaction,
    demo: &DemoPortfolio,
    synthetic: &[DossierInput],
    now: DateTime<Utc>,
) -> CoreResult<Programme> {
    let programme = programme::upsert(tx, &demo.programme, now)?;
    let mut ids = Vec::new();
    for case in &demo.use_cases {
        let stored = use_case::insert(tx, &case.dossier, now)?;
        if let Some(o) = &case.lane_override {
            lane_override::grant(tx, &stored.id, &o.decided_by, &o.reason, now)?;
        }
        ids.push((stored.title, stored.id));
    }
    for case in synthetic {
        use_case::insert(tx, case, now)?;
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
    install_registry(tx, &demo.registry, now)?;
    install_compliance(tx, &demo.compliance, &ids, now)?;
    Ok(programme)
}

/// Adds the demo's people, oversight plans, risks and sign-offs when the portfolio has no people
/// yet; a portfolio whose people someone entered keeps them.
fn install_compliance(
    tx: &Transaction,
    demo: &DemoCompliance,
    ids: &[(String, String)],
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if person::count(tx)? > 0 {
        return Ok(());
    }
    let id_of = |title: &str| -> CoreResult<String> {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown use case {title:?}")))
    };
    let mut people = Vec::new();
    for p in &demo.people {
        people.push(person::create(tx, p, now)?);
    }
    for o in &demo.oversight {
        let input = OversightInput {
            use_case_id: id_of(&o.use_case)?,
            accountable_person: o.accountable_person.clone(),
            intervention_procedure: o.intervention_procedure.clone(),
            fallback_owner: o.fallback_owner.clone(),
            max_intervention_minutes: o.max_intervention_minutes,
        };
        oversight::upsert(tx, &input, now)?;
    }
    for r in &demo.risks {
        let input = RiskInput {
            use_case_id: id_of(&r.use_case)?,
            title: r.title.clone(),
            likelihood: r.likelihood,
            impact: r.impact,
            owner: r.owner.clone(),
            mitigation: r.mitigation.clone(),
            status: r.status,
        };
        risk::create(tx, &input, now)?;
    }
    for s in &demo.signoffs {
        let by = people
            .iter()
            .find(|p| p.name == s.by)
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown person {:?}", s.by)))?;
        signoff::sign(tx, &id_of(&s.use_case)?, by, &s.comment, now)?;
    }
    Ok(())
}

/// Adds the demo's policies, sources and packs, but only to an empty registry: reloading the
/// demo replaces use cases, never governance records someone entered.
fn install_registry(tx: &Transaction, demo: &DemoRegistry, now: DateTime<Utc>) -> CoreResult<()> {
    let existing: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM policy) + (SELECT count(*) FROM data_source) + (SELECT count(*) FROM data_pack)",
        [],
        |r| r.get(0),
    )?;
    if existing > 0 {
        return Ok(());
    }
    let unknown = |what: &str, name: &str| CoreError::Conflict(format!("the demo names an unknown {what} {name:?}"));
    let mut policies = Vec::new();
    for p in &demo.policies {
        let stored = policy::create(tx, p, now)?;
        policies.push((stored.title, stored.id));
    }
    let mut sources = Vec::new();
    for s in &demo.sources {
        let policy_id = match &s.policy {
            Some(title) => {
                Some(policies.iter().find(|(t, _)| t == title).ok_or_else(|| unknown("policy", title))?.1.clone())
            }
            None => None,
        };
        let input = DataSourceInput {
            name: s.name.clone(),
            system: s.system.clone(),
            owner: s.owner.clone(),
            classification: s.classification,
            policy_id,
        };
        let stored = data_source::create(tx, &input, now)?;
        sources.push((stored.name, stored.id));
    }
    for p in &demo.packs {
        let source_ids = p
            .sources
            .iter()
            .map(|name| {
                Ok(sources.iter().find(|(n, _)| n == name).ok_or_else(|| unknown("data source", name))?.1.clone())
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let input = DataPackInput {
            name: p.name.clone(),
            version: p.version.clone(),
            source_ids,
            curated_by: p.curated_by.clone(),
            record_count: p.record_count,
            personal_data: p.personal_data,
        };
        let stored = data_pack::create(tx, &input, None, now)?;
        if let (Some(by), Some(on)) = (&p.approved_by, &p.approved_on) {
            let approval = PackApproval { data_pack_id: stored.id, approved_by: by.clone(), approved_on: on.clone() };
            data_pack::approve(tx, &approval)?;
        }
    }
    Ok(())
}

/// The embedded demo, parsed. A parse failure is a build defect, caught by the tests below.
pub fn portfolio() -> CoreResult<DemoPortfolio> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

const UNITS: &[&str] = &[
    "Banking · Retail Lending",
    "Banking · Wealth Management",
    "Insurance · Claims",
    "Insurance · Underwriting",
    "Life Sciences · Clinical Development",
    "Life Sciences · Pharmacovigilance",
    "Manufacturing · Quality",
    "Manufacturing · Procurement",
];
const TASKS: &[&str] = &[
    "document triage",
    "answer drafting",
    "clause extraction",
    "case summarisation",
    "report classification",
    "intake pre-check",
];
const PEOPLE: &[&str] = &["A. Keller", "B. Osei", "C. Laurent", "D. Brandt", "E. Rossi", "F. Haddad", "G. Petrov"];

/// `n` plausible use cases, identical for the same `n` on every machine (a small xorshift, so
/// benchmarks compare like with like). Every generated case satisfies the dossier rules.
pub fn synthetic_use_cases(n: usize) -> Vec<DossierInput> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| -> usize {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    (0..n)
        .map(|i| {
            let unit = UNITS[next(UNITS.len())];
            let stage = Stage::ALL[next(Stage::ALL.len())];
            let lane = Lane::ALL[next(Lane::ALL.len())];
            let owned = stage != Stage::Discovery || next(2) == 0;
            let rating = |n: usize| 1.0 + n as f64;
            DossierInput {
                title: format!("Synthetic {} #{}", TASKS[next(TASKS.len())], i + 1),
                business_unit: unit.to_owned(),
                description: format!("Generated for scale testing ({unit})."),
                workflow: String::new(),
                executive_sponsor: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                product_owner: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                annual_value: (50 + next(3_000)) as f64 * 1_000.0,
                one_time_cost: (20 + next(1_500)) as f64 * 1_000.0,
                monthly_run_cost: (1 + next(60)) as f64 * 1_000.0,
                ratings: Ratings { value: rating(next(5)), criticality: rating(next(5)), guardrail: rating(next(5)) },
                data_readiness: Some(1 + next(5) as u8),
                data_readiness_notes: String::new(),
                risk_class: Some(RiskClass::ALL[next(RiskClass::ALL.len())]),
                risk_notes: String::new(),
                lane: if lane == Lane::Research { Lane::Portfolio } else { lane },
                stage,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            install(tx, &demo, &[], now)
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
    fn synthetic_cases_are_deterministic_and_valid() {
        let a = synthetic_use_cases(200);
        assert_eq!(a, synthetic_use_cases(200));
        assert!(a.iter().all(|c| c.validated().is_ok()));
        assert!(Stage::ALL.iter().all(|s| a.iter().any(|c| c.stage == *s)), "generator covers every stage");
    }
}
