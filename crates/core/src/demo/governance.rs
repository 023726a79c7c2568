//! The demo's governance records: policies, data sources and packs, and people with their
//! oversight plans, risks and sign-offs. Each is added only to a portfolio that has none yet, so
//! reloading the demo never replaces what someone entered.

use serde::Deserialize;

use crate::compliance::{OversightInput, PersonInput, RiskInput, RiskStatus, Role};
use crate::domain::{DossierField, DossierInput, Stage};
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::registry::{Classification, DataPackInput, DataSourceInput, PackApproval, PersonalData, PolicyInput};
use crate::services::compliance::signed_content::Evidence;
use crate::services::compliance::stage_gate;
use crate::store::signoff::{self, NewSignoff};
use crate::store::signoff_decline::{self, NewDecline};
use crate::store::{data_pack, data_source, oversight, person, policy, risk, use_case, Tx};

/// People, oversight plans, risks and sign-offs; use cases are named by title.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DemoCompliance {
    pub people: Vec<PersonInput>,
    pub oversight: Vec<DemoOversight>,
    pub risks: Vec<DemoRisk>,
    pub signoffs: Vec<DemoSignoff>,
    /// Refusals to sign, with the reason, as the queue shows them.
    #[serde(default)]
    pub declines: Vec<DemoDecline>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoDecline {
    pub use_case: String,
    pub by: String,
    pub reason: String,
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
    /// An edit made after signing, which leaves this sign-off stale (the demo shows one).
    #[serde(default)]
    pub then_changed: Option<DossierField>,
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

/// Adds the demo's people, oversight plans, risks, sign-offs and declines when the portfolio has
/// no people yet (a portfolio whose people someone entered keeps them).
pub(super) fn install_compliance(tx: &Tx, demo: &DemoCompliance, ids: &[(String, String)]) -> CoreResult<()> {
    let id_of = |title: &str| -> CoreResult<String> {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown use case {title:?}")))
    };
    // The demo's people join whoever is there already (a person someone entered is never
    // changed); its oversight plans, risks and sign-offs belong to its own, new use cases.
    let mut people = Vec::new();
    for p in &demo.people {
        let p = p.validated()?;
        let person = match person::find(tx, &p.name)? {
            Some(existing) => existing,
            None => person::require(tx, &person::insert(tx, &p)?)?,
        };
        people.push(person);
    }
    for o in &demo.oversight {
        let input = OversightInput {
            use_case_id: id_of(&o.use_case)?,
            accountable_person: o.accountable_person.clone(),
            intervention_procedure: o.intervention_procedure.clone(),
            fallback_owner: o.fallback_owner.clone(),
            max_intervention_minutes: o.max_intervention_minutes,
        };
        oversight::upsert(tx, &input.validated()?)?;
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
        risk::insert(tx, &input.validated()?)?;
    }
    for s in &demo.signoffs {
        let by = people
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(&s.by))
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown person {:?}", s.by)))?;
        if !by.has(Role::ComplianceOfficer) {
            // Someone of that name on this portfolio is not its compliance officer: nobody signs
            // in their name, and the case stays short of its gated stage.
            continue;
        }
        let entity_id = id_of(&s.use_case)?;
        let content = Evidence::for_entity(tx, &entity_id)?.content(&entity_id)?;
        signoff::insert(
            tx,
            &NewSignoff {
                kind: content.kind,
                entity_id: &entity_id,
                person: by,
                comment: &s.comment,
                content_sha256: &content.sha256,
                content_json: &content.json,
            },
        )?;
    }
    for d in &demo.declines {
        let Some(by) = people.iter().find(|p| p.name.eq_ignore_ascii_case(&d.by) && p.has(Role::ComplianceOfficer))
        else {
            continue;
        };
        let entity_id = id_of(&d.use_case)?;
        let content = Evidence::for_entity(tx, &entity_id)?.content(&entity_id)?;
        signoff_decline::insert(
            tx,
            &NewDecline {
                kind: content.kind,
                entity_id: &entity_id,
                person: by,
                reason: &d.reason,
                content_sha256: &content.sha256,
            },
        )?;
    }
    Ok(())
}

/// Adds the demo's policies, sources and packs, but only to an empty registry: reloading the
/// demo replaces use cases, never governance records someone entered.
/// Returns whether it added them (the registry was empty).
pub(super) fn install_registry(tx: &Tx, demo: &DemoRegistry) -> CoreResult<bool> {
    let existing = policy::list(tx)?.len() + data_source::list(tx)?.len() + data_pack::list(tx)?.len();
    if existing > 0 {
        return Ok(false);
    }
    let unknown = |what: &str, name: &str| CoreError::Conflict(format!("the demo names an unknown {what} {name:?}"));
    let mut policies = Vec::new();
    for p in &demo.policies {
        let id = policy::insert(tx, &p.validated()?)?;
        policies.push((p.title.clone(), id));
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
        let id = data_source::insert(tx, &input.validated()?)?;
        sources.push((s.name.clone(), id));
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
        let id = data_pack::insert(tx, &input.validated()?, None)?;
        if let (Some(by), Some(on)) = (&p.approved_by, &p.approved_on) {
            let a = PackApproval { data_pack_id: id.clone(), approved_by: Some(by.clone()), approved_on: on.clone() }
                .validated()?;
            data_pack::set_approval(tx, &id, a.approved_by.as_deref().unwrap_or(by), &a.approved_on)?;
        }
    }
    Ok(true)
}

/// Moves the cases bound for pilot or scaled through the stage gate (sign-off and launch
/// readiness); a case the gate refuses stays where it is, as it would for a person.
pub(super) fn move_bound(tx: &Tx, bound_for: &[(String, Stage)]) -> CoreResult<()> {
    for (id, stage) in bound_for {
        let stored = use_case::require(tx, id)?;
        use_case::update(tx, id, &DossierInput { stage: *stage, ..stored.dossier.clone() })?;
        if stage_gate::check_move(tx, id, stored.dossier.stage, *stage, false).is_err() {
            // Not signed (see above): the move is undone, as the gate would refuse it.
            use_case::update(tx, id, &stored.dossier)?;
        }
    }
    Ok(())
}

/// Makes the edits meant to leave a sign-off stale, after everything else is in place.
pub(super) fn make_stale_edits(tx: &Tx, demo: &DemoCompliance, ids: &[(String, String)]) -> CoreResult<()> {
    let id_of = |title: &str| -> CoreResult<String> {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown use case {title:?}")))
    };
    for s in &demo.signoffs {
        if let Some(change) = &s.then_changed {
            let id = id_of(&s.use_case)?;
            let stored = use_case::require(tx, &id)?;
            let edited = edits::apply(&id, &stored.dossier, None, std::slice::from_ref(change))?.validated()?;
            use_case::update(tx, &id, &edited)?;
        }
    }
    Ok(())
}
