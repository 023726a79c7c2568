//! The demo's governance records: policies, data sources and packs, and people with their
//! oversight plans, risks and sign-offs. Each is added only to a portfolio that has none yet, so
//! reloading the demo never replaces what someone entered.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde::Deserialize;

use crate::compliance::{OversightInput, PersonInput, RiskInput, RiskStatus};
use crate::error::{CoreError, CoreResult};
use crate::registry::{Classification, DataPackInput, DataSourceInput, PackApproval, PersonalData, PolicyInput};
use crate::store::{data_pack, data_source, oversight, person, policy, risk, signoff};

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
    /// Written as real PEFT folders next to the portfolio and imported (see `demo::adapters`).
    #[serde(default)]
    pub adapters: Vec<super::adapters::DemoAdapter>,
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

/// Adds the demo's people, oversight plans, risks and sign-offs when the portfolio has no people
/// yet; a portfolio whose people someone entered keeps them.
pub(super) fn install_compliance(
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
/// Returns whether it added them (the registry was empty).
pub(super) fn install_registry(tx: &Transaction, demo: &DemoRegistry, now: DateTime<Utc>) -> CoreResult<bool> {
    let existing: i64 = tx.query_row(
        "SELECT (SELECT count(*) FROM policy) + (SELECT count(*) FROM data_source) + (SELECT count(*) FROM data_pack)",
        [],
        |r| r.get(0),
    )?;
    if existing > 0 {
        return Ok(false);
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
    Ok(true)
}
