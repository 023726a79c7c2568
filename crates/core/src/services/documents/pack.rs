//! What a regulator pack holds, read in one snapshot: for each use case its dossier, registry
//! records and their lineage, controls, readiness, framework coverage, sign-offs, pilot and
//! monitoring, value and audit records; the frameworks for the cross-reference; the trail's
//! verification. The renderer only lays this out; it decides nothing.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;
use serde::Serialize;

use super::digest::{Digest, DigestBuilder};
use super::pack_trail::{read_lines, AuditIndex};
use crate::audit::AuditLine;
use crate::audit::VerifyReport;
use crate::caller::Caller;
use crate::compliance::frameworks::{self, EvidenceMapping, Framework, FrameworkCoverage};
use crate::compliance::{BiasCheck, Oversight, Risk, Role, SignoffKind};
use crate::domain::{Programme, Stage, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::pilots::blueprint::Blueprint;
use crate::pilots::monitoring::FeedbackEntry;
use crate::pilots::pilot::Pilot;
use crate::pilots::readiness::Readiness;
use crate::registry::diff::{FieldChange, VersionDiff};
use crate::registry::lineage::Gap;
use crate::registry::{AdapterVersion, DataPack, DataSource, Deployment, Evaluation, Policy};
use crate::services::compliance::coverage::{self, Registry};
use crate::services::compliance::signoffs;
use crate::services::discovery::read;
use crate::services::pilots::monitoring::DriftAlert;
use crate::services::pilots::{blueprint, readiness};
use crate::services::value::tracking::{self, UseCaseValue};
use crate::store::{self, Db};
use crate::value::returns::MonthReturn;

/// Where a record's compliance sign-off stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignoffState {
    Current,
    Stale,
    Awaiting,
    NeverSigned,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignoffLine {
    pub entity_id: String,
    pub kind: SignoffKind,
    pub title: String,
    pub state: SignoffState,
    pub signoff_id: Option<String>,
    pub signed_by: Option<String>,
    pub role: Option<Role>,
    pub signed_at: Option<String>,
    pub comment: Option<String>,
    /// What changed since it was signed (stale only), field by field.
    pub changes: Vec<FieldChange>,
    /// Why it awaits a sign-off (awaiting only).
    pub reason: Option<String>,
}

/// One use case's dossier as the pack sets it out, in Annex IV's order of concerns.
#[derive(Debug, Clone, Serialize)]
pub struct PackDossier {
    pub use_case: UseCase,
    pub versions: Vec<AdapterVersion>,
    pub diffs: Vec<VersionDiff>,
    pub packs: Vec<DataPack>,
    pub sources: Vec<DataSource>,
    pub policies: Vec<Policy>,
    pub evaluations: Vec<Evaluation>,
    pub deployments: Vec<Deployment>,
    pub lineage_gaps: Vec<Gap>,
    pub blueprint: Blueprint,
    pub oversight: Oversight,
    pub readiness: Readiness,
    pub bias_checks: Vec<BiasCheck>,
    pub risks: Vec<Risk>,
    pub coverage: Vec<FrameworkCoverage>,
    pub signoffs: Vec<SignoffLine>,
    pub pilot: Option<Pilot>,
    pub alerts: Vec<DriftAlert>,
    pub feedback: Vec<FeedbackEntry>,
    pub value: UseCaseValue,
    /// Shared with the trail read once for the whole pack: a record can belong to several
    /// dossiers, and a thousand dossiers' copies were tens of megabytes.
    pub audit: Vec<Arc<AuditLine>>,
}

/// Everything one pack is built from, and the fingerprint of it.
#[derive(Debug, Clone)]
pub struct PackData {
    pub programme: Programme,
    pub prepared_by: String,
    pub prepared_at: chrono::DateTime<chrono::Utc>,
    pub dossiers: Vec<PackDossier>,
    pub frameworks: Vec<Framework>,
    pub mapping: Vec<EvidenceMapping>,
    pub portfolio_returns: Vec<MonthReturn>,
    pub verification: VerifyReport,
    pub digest: Digest,
}

/// The use cases a pack covers: the named ones (each must exist), else every use case in the
/// pilot stage or later that is still live.
pub(crate) fn scope_in(c: &Connection, named: &[String]) -> CoreResult<Vec<UseCase>> {
    if named.is_empty() {
        return Ok(read::list(c)?.into_iter().filter(|u| matches!(u.stage, Stage::Pilot | Stage::Scaled)).collect());
    }
    let mut out: Vec<UseCase> = Vec::new();
    for id in named {
        let case = read::require_for(c, "use_case", id.trim())?;
        if !out.iter().any(|u| u.id == case.id) {
            out.push(case);
        }
    }
    Ok(out)
}

/// Reads the pack for `named` use cases (all in pilot or later when empty); `reading` hears what
/// is being read, for a progress bar.
pub fn gather(db: &Db, caller: &Caller, named: &[String], reading: &mut dyn FnMut(&str)) -> CoreResult<PackData> {
    gather_each(db, caller, named, reading, &mut |_, _| true)?
        .ok_or_else(|| CoreError::invalid("use_case", "the pack's reading was stopped"))
}

/// Where a dossier handed over while the pack is read stands.
pub struct DossierRead<'a> {
    pub programme: &'a Programme,
    /// Its place (0-based) among the `of` dossiers of the pack.
    pub index: usize,
    pub of: usize,
}

/// As `gather`, handing each dossier to `each` as soon as it is read and fingerprinted, in the
/// same snapshot, so a thousand dossiers can be laid out one by one and let go of rather than
/// held all at once; the dossiers come back as `each` left them. `each` returning false stops
/// the reading: `Ok(None)`.
pub fn gather_each(
    db: &Db,
    caller: &Caller,
    named: &[String],
    reading: &mut dyn FnMut(&str),
    each: &mut dyn FnMut(DossierRead<'_>, &mut PackDossier) -> bool,
) -> CoreResult<Option<PackData>> {
    let actor = db.resolve(caller)?;
    db.read(|c| gather_in_each(c, &actor.preparer(), caller.now, named, reading, each))
}

pub(crate) fn gather_in(
    c: &Connection,
    prepared_by: &str,
    prepared_at: chrono::DateTime<chrono::Utc>,
    named: &[String],
    reading: &mut dyn FnMut(&str),
) -> CoreResult<PackData> {
    gather_in_each(c, prepared_by, prepared_at, named, reading, &mut |_, _| true)?
        .ok_or_else(|| CoreError::invalid("use_case", "the pack's reading was stopped"))
}

fn gather_in_each(
    c: &Connection,
    prepared_by: &str,
    prepared_at: chrono::DateTime<chrono::Utc>,
    named: &[String],
    reading: &mut dyn FnMut(&str),
    each: &mut dyn FnMut(DossierRead<'_>, &mut PackDossier) -> bool,
) -> CoreResult<Option<PackData>> {
    reading("the use cases");
    let programme = store::programme::get(c)?.ok_or(CoreError::NoProgramme)?;
    let cases = scope_in(c, named)?;
    if cases.is_empty() {
        return Err(CoreError::invalid(
            "use_case",
            "no use case is in the pilot stage or later; name the use cases the pack should cover (--use-case)",
        ));
    }
    let catalogue = frameworks::all()?;
    reading("verifying the audit trail");
    let verification = store::audit::verify(c)?;
    reading("the registry and sign-offs");
    let shared = Registry::load(c)?;
    let evaluations = store::evaluation::all(c)?;
    let deployments = store::deployment::list(c)?;
    let policies = store::policy::list(c)?;
    let queue = signoffs::queue_in(c)?;
    let mut oversight: HashMap<String, Oversight> = HashMap::new();
    for (plan, at) in store::oversight::all(c)? {
        oversight.insert(plan.use_case_id.clone(), Oversight::from_stored(&plan.use_case_id.clone(), Some((plan, at))));
    }
    let all_alerts: Vec<DriftAlert> =
        store::monitoring::alerts(c, None, true)?.into_iter().map(DriftAlert::from).collect();
    let lines = read_lines(c)?;
    let audit = AuditIndex::new(&lines);

    let mut digest = DigestBuilder::default();
    digest.add("programme", &programme)?;
    let of = cases.len();
    let mut dossiers = Vec::with_capacity(of);
    for (index, case) in cases.into_iter().enumerate() {
        let mut versions: Vec<AdapterVersion> =
            shared.versions.iter().filter(|v| v.use_case_id.as_deref() == Some(case.id.as_str())).cloned().collect();
        versions.sort_by(|a, b| (&a.adapter_name, &a.id).cmp(&(&b.adapter_name, &b.id)));
        let diffs = versions
            .windows(2)
            .filter(|w| w[0].adapter_id == w[1].adapter_id)
            .map(|w| crate::registry::diff::diff(&w[0], &w[1]))
            .collect();
        let version_ids: Vec<&str> = versions.iter().map(|v| v.id.as_str()).collect();
        let mut pack_ids: Vec<&String> = versions.iter().flat_map(|v| &v.data_pack_ids).collect();
        pack_ids.sort();
        pack_ids.dedup();
        let packs: Vec<DataPack> = shared.packs.iter().filter(|p| pack_ids.contains(&&p.id)).cloned().collect();
        let source_ids: Vec<&String> = packs.iter().flat_map(|p| &p.source_ids).collect();
        let sources: Vec<DataSource> = shared.sources.iter().filter(|s| source_ids.contains(&&s.id)).cloned().collect();
        let blueprint = blueprint::read_in(c, &case.id)?;
        let mut policy_ids: Vec<String> = sources.iter().filter_map(|s| s.policy_id.clone()).collect();
        if let crate::pilots::blueprint::PartContent::Policies(p) =
            &blueprint.part(crate::pilots::blueprint::BlueprintPart::Policies).content
        {
            policy_ids.extend(p.policy_ids.iter().cloned());
        }
        let case_policies = policies.iter().filter(|p| policy_ids.contains(&p.id)).cloned().collect();
        let case_evaluations: Vec<Evaluation> =
            evaluations.iter().filter(|e| version_ids.contains(&e.adapter_version_id.as_str())).cloned().collect();
        let case_deployments =
            deployments.iter().filter(|d| version_ids.contains(&d.adapter_version_id.as_str())).cloned().collect();
        let lineage_gaps = shared
            .graphs
            .iter()
            .filter(|g| version_ids.contains(&g.adapter_version_id.as_str()))
            .flat_map(|g| g.gaps.iter().cloned())
            .collect();
        let evidence = coverage::evidence_with(c, &case.id, verification.holds(), &shared)?;
        let mut record_ids: Vec<(String, SignoffKind, String)> =
            vec![(case.id.clone(), SignoffKind::UseCase, case.title.clone())];
        record_ids.extend(
            versions
                .iter()
                .map(|v| (v.id.clone(), SignoffKind::AdapterVersion, format!("{} {}", v.adapter_name, v.version))),
        );
        record_ids.extend(case_evaluations.iter().map(|e| (e.id.clone(), SignoffKind::Evaluation, e.title.clone())));
        let signoff_lines =
            record_ids.into_iter().map(|(id, kind, title)| signoff_line(&queue, id, kind, title)).collect();
        let pilot = match store::pilot::id_for_use_case(c, &case.id)? {
            Some(p) => store::pilot::get(c, &p)?,
            None => None,
        };
        let feedback = match &pilot {
            Some(p) => store::monitoring::feedback(c, &p.id)?,
            None => Vec::new(),
        };
        let alerts = all_alerts.iter().filter(|a| a.use_case_id == case.id).cloned().collect();
        let value = tracking::view_in(c, &case)?;
        let plan = oversight.remove(&case.id).unwrap_or_else(|| Oversight::from_stored(&case.id, None));
        let mut dossier = PackDossier {
            readiness: readiness::check_in(c, &case.id)?,
            bias_checks: store::bias_check::list(c, Some(&case.id))?,
            risks: store::risk::list(c, Some(&case.id))?,
            coverage: frameworks::coverage(&catalogue, &evidence),
            oversight: plan,
            use_case: case,
            versions,
            diffs,
            packs,
            sources,
            policies: case_policies,
            evaluations: case_evaluations,
            deployments: case_deployments,
            lineage_gaps,
            blueprint,
            signoffs: signoff_lines,
            pilot,
            alerts,
            feedback,
            value,
            audit: Vec::new(),
        };
        dossier.audit = audit.of(&dossier);
        fingerprint_dossier(&mut digest, &dossier)?;
        if !each(DossierRead { programme: &programme, index, of }, &mut dossier) {
            return Ok(None);
        }
        dossiers.push(dossier);
    }
    let portfolio_returns = crate::services::steering::dashboard::portfolio_series(c)?;
    let digest = digest.finish();
    Ok(Some(PackData {
        mapping: frameworks::mapping(&catalogue),
        frameworks: catalogue,
        programme,
        prepared_by: prepared_by.to_owned(),
        prepared_at,
        dossiers,
        portfolio_returns,
        verification,
        digest,
    }))
}

fn signoff_line(queue: &signoffs::SignoffQueue, id: String, kind: SignoffKind, title: String) -> SignoffLine {
    let mut line = SignoffLine {
        entity_id: id,
        kind,
        title,
        state: SignoffState::NeverSigned,
        signoff_id: None,
        signed_by: None,
        role: None,
        signed_at: None,
        comment: None,
        changes: Vec::new(),
        reason: None,
    };
    let fill = |line: &mut SignoffLine, s: &crate::compliance::SignoffStatus| {
        line.signoff_id = Some(s.signoff.id.clone());
        line.signed_by = Some(s.signoff.signed_by.clone());
        line.role = Some(s.signoff.role);
        line.signed_at = Some(s.signoff.signed_at.format("%Y-%m-%d %H:%M UTC").to_string());
        line.comment = Some(s.signoff.comment.clone());
    };
    if let Some(s) = queue.stale.iter().find(|s| s.status.signoff.entity_id == line.entity_id) {
        fill(&mut line, &s.status);
        line.state = SignoffState::Stale;
        line.changes = s.changes.clone();
    } else if let Some(s) = queue.current.iter().find(|s| s.signoff.entity_id == line.entity_id) {
        fill(&mut line, s);
        line.state = SignoffState::Current;
    } else if let Some(a) = queue.awaiting.iter().find(|a| a.entity_id == line.entity_id) {
        line.state = SignoffState::Awaiting;
        line.reason = Some(a.reason.clone());
    }
    line
}

/// The trail's records of the dossier's own rows: its id, its adapters, versions, evaluations,
/// pilot and everything filed under them.
/// Each record a dossier shows, hashed on its own into the pack's fingerprint.
fn fingerprint_dossier(b: &mut DigestBuilder, d: &PackDossier) -> CoreResult<()> {
    let uc = &d.use_case.id;
    b.add(uc, &(&d.use_case, &d.oversight, &d.blueprint, &d.risks, &d.bias_checks))?;
    for v in &d.versions {
        b.add(&v.id, v)?;
    }
    for e in &d.evaluations {
        b.add(&e.id, e)?;
    }
    for x in &d.deployments {
        b.add(&x.id, x)?;
    }
    for p in &d.packs {
        b.add(&p.id, p)?;
    }
    for s in &d.sources {
        b.add(&s.id, s)?;
    }
    for p in &d.policies {
        b.add(&p.id, p)?;
    }
    for s in &d.signoffs {
        if let Some(id) = &s.signoff_id {
            b.add(id, s)?;
        }
    }
    if let Some(p) = &d.pilot {
        b.add(&p.id, &(p, &d.feedback))?;
    }
    for a in &d.alerts {
        b.add(&a.id, a)?;
    }
    b.add(&format!("value:{uc}"), &d.value.months)?;
    let trail: Vec<(i64, &str)> = d.audit.iter().map(|l| (l.seq, l.hash.as_str())).collect();
    b.add(&format!("trail:{uc}"), &trail)?;
    Ok(())
}
