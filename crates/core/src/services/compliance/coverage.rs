//! Which framework items one use case's records evidence: its dossier, its adapter versions and
//! what they were trained on and tested with, its controls and sign-off, and decisions about
//! it — each judged complete or not by the rule written beside it here.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::signoffs;
use crate::compliance::frameworks::{
    self, EvidenceKind, EvidenceMapping, EvidenceRecord, Framework, FrameworkCoverage,
};
use crate::compliance::{BiasKind, RiskStatus};
use crate::error::CoreResult;
use crate::registry::AdapterStatus;
use crate::services::discovery::read as use_cases;
use crate::services::registry::read as registry;
use crate::store::{audit, bias_check, data_pack, data_source, evaluation, lane_override, oversight, risk, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseCoverage {
    pub use_case_id: String,
    pub title: String,
    /// Every record of the use case considered, complete or not.
    pub evidence: Vec<EvidenceRecord>,
    pub frameworks: Vec<FrameworkCoverage>,
}

pub fn frameworks() -> CoreResult<Vec<Framework>> {
    frameworks::all()
}

pub fn mapping() -> CoreResult<Vec<EvidenceMapping>> {
    Ok(frameworks::mapping(&frameworks::all()?))
}

/// Coverage of the frameworks by use case `id`.
pub fn of_use_case(db: &Db, id: &str) -> CoreResult<UseCaseCoverage> {
    let catalogue = frameworks::all()?;
    // The audit trail counts as evidence only while it verifies; that is one whole-file check.
    let trail_holds = super::audit::verify(db)?.holds();
    db.read(|c| {
        let case = use_cases::require(c, id)?;
        let evidence = evidence(c, &case.id, trail_holds)?;
        Ok(UseCaseCoverage {
            frameworks: frameworks::coverage(&catalogue, &evidence),
            use_case_id: case.id,
            title: case.title,
            evidence,
        })
    })
}

/// The portfolio-wide records every use case's evidence is picked from, read once so a pack of a
/// thousand dossiers does not read the registry a thousand times.
pub(crate) struct Registry {
    pub(crate) graphs: Vec<crate::registry::lineage::LineageGraph>,
    pub(crate) versions: Vec<crate::registry::AdapterVersion>,
    pub(crate) packs: Vec<crate::registry::DataPack>,
    pub(crate) sources: Vec<crate::registry::DataSource>,
    baselines: Vec<String>,
}

impl Registry {
    pub(crate) fn load(c: &Connection) -> CoreResult<Registry> {
        Ok(Registry {
            graphs: registry::all_graphs(c)?,
            versions: crate::store::adapter::all_versions(c)?,
            packs: data_pack::list(c)?,
            sources: data_source::list(c)?,
            baselines: evaluation::baselines(c)?.into_iter().map(|(uc, _)| uc).collect(),
        })
    }
}

/// Every record of use case `id` that evidences something, with whether it is complete.
pub(crate) fn evidence(c: &Connection, id: &str, trail_holds: bool) -> CoreResult<Vec<EvidenceRecord>> {
    evidence_with(c, id, trail_holds, &Registry::load(c)?)
}

/// As `evidence`, picking registry records from `shared`.
pub(crate) fn evidence_with(
    c: &Connection,
    id: &str,
    trail_holds: bool,
    shared: &Registry,
) -> CoreResult<Vec<EvidenceRecord>> {
    use EvidenceKind as K;
    let case = use_cases::require(c, id)?;
    let mut out = Vec::new();

    let mut dossier_gaps = Vec::new();
    if case.executive_sponsor.is_none() {
        dossier_gaps.push("executive sponsor");
    }
    if case.product_owner.is_none() {
        dossier_gaps.push("product owner");
    }
    if case.description.trim().is_empty() {
        dossier_gaps.push("description");
    }
    if case.risk_class.is_none() {
        dossier_gaps.push("risk class");
    }
    if case.data_readiness.is_none() {
        dossier_gaps.push("data readiness");
    }
    out.push(EvidenceRecord::unless(K::Dossier, &case.id, lacking("no ", &dossier_gaps)));

    // Registry records of the use case's adapters and what they were trained on.
    let graphs = &shared.graphs;
    let versions: Vec<_> =
        shared.versions.iter().filter(|v| v.use_case_id.as_deref() == Some(case.id.as_str())).collect();
    let packs = &shared.packs;
    let sources = &shared.sources;
    let baseline = shared.baselines.contains(&case.id);
    let mut pack_ids: Vec<&String> = versions.iter().flat_map(|v| &v.data_pack_ids).collect();
    pack_ids.sort();
    pack_ids.dedup();
    let mut source_ids: Vec<&String> = Vec::new();
    for v in &versions {
        out.push(EvidenceRecord::unless(
            K::AdapterVersion,
            &v.id,
            v.base_model.is_none().then(|| "its base model is not recorded".to_owned()),
        ));
        for e in evaluation::for_version(c, &v.id)? {
            out.push(EvidenceRecord::unless(
                K::Evaluation,
                &e.id,
                (!baseline).then(|| format!("no baseline evaluation is marked for {}", case.id)),
            ));
        }
        for d in crate::store::deployment::for_version(c, &v.id)? {
            out.push(EvidenceRecord::complete(K::Deployment, &d.id));
        }
        if let Some(g) = graphs.iter().find(|g| g.adapter_version_id == v.id) {
            let first_gap = g.gaps.first().map(|gap| gap.message.clone());
            // Lineage of a retired version is history, not evidence of the system in use.
            if v.status != AdapterStatus::Retired {
                out.push(EvidenceRecord::unless(K::Lineage, &v.id, first_gap));
            }
        }
    }
    for pack in packs.iter().filter(|p| pack_ids.contains(&&p.id)) {
        out.push(EvidenceRecord::unless(
            K::DataPack,
            &pack.id,
            pack.approved_by.is_none().then(|| format!("{} is not approved by compliance", pack.id)),
        ));
        source_ids.extend(&pack.source_ids);
    }
    source_ids.sort();
    source_ids.dedup();
    let mut policy_ids: Vec<&String> = Vec::new();
    for source in sources.iter().filter(|s| source_ids.contains(&&s.id)) {
        out.push(EvidenceRecord::unless(
            K::DataSource,
            &source.id,
            source.policy_id.is_none().then(|| format!("no policy accepts {}", source.id)),
        ));
        policy_ids.extend(source.policy_id.as_ref());
    }
    policy_ids.sort();
    policy_ids.dedup();
    out.extend(policy_ids.into_iter().map(|p| EvidenceRecord::complete(K::Policy, p)));

    // Controls recorded against the use case.
    if let Some((plan, _)) = oversight::get(c, &case.id)? {
        let gaps = crate::compliance::oversight_gaps(&plan);
        out.push(EvidenceRecord::unless(
            K::OversightPlan,
            &case.id,
            lacking("no ", &gaps.iter().map(String::as_str).collect::<Vec<_>>()),
        ));
    }
    for b in bias_check::list(c, Some(&case.id))? {
        let kind = match b.kind {
            BiasKind::DemographicParity => K::BiasCheck,
            BiasKind::AdversarialPrompts => K::AdversarialSuite,
        };
        out.push(EvidenceRecord::complete(kind, &b.id));
    }
    for r in risk::list(c, Some(&case.id))? {
        let settled = matches!(r.status, RiskStatus::Closed | RiskStatus::Accepted);
        out.push(EvidenceRecord::unless(
            K::RiskRegister,
            &r.id,
            (!settled && r.mitigation.trim().is_empty()).then(|| format!("{} has no mitigation", r.id)),
        ));
    }
    if let Some(s) = signoffs::latest_in(c, &case.id)? {
        out.push(EvidenceRecord::unless(
            K::Signoff,
            &s.signoff.id,
            s.stale.then(|| format!("{} is stale: the dossier or its evidence changed since", s.signoff.id)),
        ));
    }
    if audit::names(c, &case.id)? {
        out.push(EvidenceRecord::unless(
            K::AuditTrail,
            format!("trail:{}", case.id),
            (!trail_holds).then(|| "the audit trail does not verify".to_owned()),
        ));
    }
    for decision in lane_override::history(c, &case.id)? {
        out.push(EvidenceRecord::complete(K::SteeringDecision, decision));
    }
    out.extend(super::coverage_pilots::evidence(c, &case.id, &versions)?);
    Ok(out)
}

fn lacking(prefix: &str, gaps: &[&str]) -> Option<String> {
    (!gaps.is_empty()).then(|| format!("{prefix}{}", gaps.join(", ")))
}
