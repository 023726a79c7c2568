//! What a sign-off binds: for each kind of signable record, a serde view of the record together
//! with the evidence linked to it, serialised to canonical JSON and hashed. A view is a struct,
//! so its fields are named once; the tests below fail when a record gains a field that is
//! neither in its view nor listed in its `EXCLUDED` table with the reason, so nothing can go
//! unsigned by being forgotten.
//!
//! The records are gathered by `Evidence`: everything one sign-off needs (`for_entity`), or the
//! whole portfolio in one query per table (`all`) for the queue and the badges.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;
use serde_json::Value;

use crate::compliance::signoff::{canonical, content_hash};
use crate::compliance::{BiasCheck, Oversight, Risk, RiskStatus, SignoffKind};
use crate::domain::{Lane, Ratings, RiskClass, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::registry::{AdapterVersion, Classification, DataPack, DataSource, Evaluation, Metric, PersonalData};
use crate::services::discovery::read as use_cases;
use crate::store::{adapter, bias_check, data_pack, data_source, evaluation, oversight, risk};

/// The content a sign-off of one record covers, as canonical JSON, with its hash and a title.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Content {
    pub kind: SignoffKind,
    pub title: String,
    pub value: Value,
    pub json: String,
    pub sha256: String,
}

impl Content {
    fn new<T: Serialize>(kind: SignoffKind, title: String, view: &T) -> CoreResult<Content> {
        let value = serde_json::to_value(view)?;
        Ok(Content { kind, title, json: canonical(&value), sha256: content_hash(&value), value })
    }
}

// ---- use case ------------------------------------------------------------------------------

/// Fields of `UseCase` a sign-off does not bind, and why.
pub(crate) const USE_CASE_EXCLUDED: &[(&str, &str)] = &[
    ("stage", "moving the case to pilot or scaled is what a sign-off permits, not a change to what was signed"),
    (
        "lane",
        "follows from the signed figures and the programme's horizon (requested_lane and the override are signed)",
    ),
    ("lane_reason", "follows from the signed figures and the programme's horizon"),
    ("payback_months", "follows from the signed value and costs"),
    ("created_at", "bookkeeping: when the record was made"),
    ("updated_at", "bookkeeping: when the record last changed"),
];

#[derive(Serialize)]
struct UseCaseContent<'a> {
    kind: &'static str,
    dossier: DossierView<'a>,
    oversight: OversightView,
    risks: Vec<RiskView<'a>>,
    bias_checks: Vec<BiasView<'a>>,
    adapter_versions: Vec<VersionRefView<'a>>,
    baseline_evaluation: Option<&'a str>,
}

#[derive(Serialize)]
struct DossierView<'a> {
    id: &'a str,
    title: &'a str,
    business_unit: &'a str,
    description: &'a str,
    workflow: &'a str,
    executive_sponsor: Option<&'a str>,
    product_owner: Option<&'a str>,
    annual_value: Money,
    one_time_cost: Money,
    monthly_run_cost: Money,
    ratings: Ratings,
    data_readiness: Option<u8>,
    data_readiness_notes: &'a str,
    risk_class: Option<RiskClass>,
    risk_notes: &'a str,
    requested_lane: Lane,
    lane_override: Option<OverrideView<'a>>,
}

#[derive(Serialize)]
struct OverrideView<'a> {
    decided_by: &'a str,
    reason: &'a str,
}

/// Fields of `LaneOverride` a sign-off does not bind.
pub(crate) const OVERRIDE_EXCLUDED: &[(&str, &str)] = &[("decided_at", "bookkeeping: who and why are signed")];

pub(crate) const OVERSIGHT_EXCLUDED: &[(&str, &str)] = &[
    ("use_case_id", "the plan is signed as part of that use case"),
    ("missing", "follows from the signed fields"),
    ("updated_at", "bookkeeping"),
];

#[derive(Serialize)]
struct OversightView {
    accountable_person: String,
    intervention_procedure: String,
    fallback_owner: String,
    max_intervention_minutes: Option<u32>,
}

pub(crate) const RISK_EXCLUDED: &[(&str, &str)] = &[
    ("use_case_id", "the risk is signed as part of that use case"),
    ("created_at", "bookkeeping"),
    ("updated_at", "bookkeeping"),
];

#[derive(Serialize)]
struct RiskView<'a> {
    id: &'a str,
    title: &'a str,
    likelihood: u8,
    impact: u8,
    owner: &'a str,
    mitigation: &'a str,
    status: RiskStatus,
}

pub(crate) const BIAS_EXCLUDED: &[(&str, &str)] = &[
    ("use_case_id", "the check is signed as part of that use case"),
    ("title", "a label for people; the check is identified by its id and the file's SHA-256"),
    ("file_name", "a label; the file is pinned by its SHA-256"),
    ("figures", "computed from the file the SHA-256 pins, with the signed threshold"),
];

#[derive(Serialize)]
struct BiasView<'a> {
    id: &'a str,
    kind: crate::compliance::BiasKind,
    sha256: &'a str,
    threshold: f64,
    threshold_rationale: &'a str,
    passed: bool,
    adapter_version_id: Option<&'a str>,
    run_by: &'a str,
    checked_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize)]
struct VersionRefView<'a> {
    id: &'a str,
    adapter: &'a str,
    version: &'a str,
    sha256: &'a str,
}

// ---- adapter version -----------------------------------------------------------------------

pub(crate) const VERSION_EXCLUDED: &[(&str, &str)] = &[
    ("adapter_id", "the adapter is signed by its name (`adapter`)"),
    ("adapter_name", "signed as `adapter`"),
    ("status", "approval and deployment are what a sign-off permits, not a change to what was signed"),
    ("config_json", "signed parsed, as `config`"),
    ("weights_format", "determined by the weights file its SHA-256 pins"),
    ("file_bytes", "determined by the weights file its SHA-256 pins"),
    ("tensor_count", "determined by the weights file its SHA-256 pins"),
    ("dtypes", "determined by the weights file its SHA-256 pins"),
    ("data_pack_ids", "signed as `data_packs`, each with its content"),
    ("source_dir", "where the folder was read from; its content is pinned by the SHA-256"),
    ("imported_by", "bookkeeping: who registered it (on the audit trail)"),
    ("imported_at", "bookkeeping"),
];

#[derive(Serialize)]
struct VersionContent<'a> {
    kind: &'static str,
    version: VersionView<'a>,
    data_packs: Vec<PackView<'a>>,
    evaluations: Vec<EvaluationRefView<'a>>,
}

#[derive(Serialize)]
struct VersionView<'a> {
    id: &'a str,
    adapter: &'a str,
    use_case_id: Option<&'a str>,
    version: &'a str,
    peft_type: &'a str,
    base_model: Option<&'a str>,
    revision: Option<&'a str>,
    r: u32,
    lora_alpha: f64,
    lora_dropout: Option<f64>,
    target_modules: &'a [String],
    weights_file: &'a str,
    sha256: &'a str,
    parameters: Option<u64>,
    training_params: &'a std::collections::BTreeMap<String, String>,
    bias: Option<&'a str>,
    use_rslora: bool,
    use_dora: bool,
    task_type: Option<&'a str>,
    config: Value,
}

pub(crate) const PACK_EXCLUDED: &[(&str, &str)] = &[
    ("source_ids", "signed as `sources`, each with its content"),
    ("file", "signed as `sha256`; name and size are labels"),
    ("created_at", "bookkeeping"),
];

#[derive(Serialize)]
struct PackView<'a> {
    id: &'a str,
    name: &'a str,
    version: &'a str,
    sources: Vec<SourceView<'a>>,
    curated_by: &'a str,
    record_count: u64,
    personal_data: PersonalData,
    approved_by: Option<&'a str>,
    approved_on: Option<&'a str>,
    sha256: Option<&'a str>,
}

pub(crate) const SOURCE_EXCLUDED: &[(&str, &str)] =
    &[("policy_id", "signed as `accepted_under`"), ("created_at", "bookkeeping"), ("updated_at", "bookkeeping")];

#[derive(Serialize)]
struct SourceView<'a> {
    id: &'a str,
    name: &'a str,
    system: &'a str,
    owner: &'a str,
    classification: Classification,
    accepted_under: Option<&'a str>,
}

#[derive(Serialize)]
struct EvaluationRefView<'a> {
    id: &'a str,
    sha256: &'a str,
    metrics: &'a [Metric],
}

// ---- evaluation ----------------------------------------------------------------------------

pub(crate) const EVALUATION_EXCLUDED: &[(&str, &str)] = &[
    ("imported_at", "bookkeeping: when it was registered"),
    ("baseline_for", "a decision about a use case, signed with that use case"),
];

#[derive(Serialize)]
struct EvaluationContent<'a> {
    kind: &'static str,
    evaluation: EvaluationView<'a>,
}

#[derive(Serialize)]
struct EvaluationView<'a> {
    id: &'a str,
    adapter_version_id: &'a str,
    format: crate::registry::EvaluationFormat,
    title: &'a str,
    file_name: &'a str,
    sha256: &'a str,
    run_on: &'a str,
    run_by: &'a str,
    metrics: &'a [Metric],
}

// ---- gathering -----------------------------------------------------------------------------

/// The records sign-off content is built from.
#[derive(Debug, Default)]
pub(crate) struct Evidence {
    use_cases: HashMap<String, UseCase>,
    versions: Vec<AdapterVersion>,
    evaluations: HashMap<String, Evaluation>,
    oversight: HashMap<String, Oversight>,
    risks: Vec<Risk>,
    bias_checks: Vec<BiasCheck>,
    packs: HashMap<String, DataPack>,
    sources: HashMap<String, DataSource>,
    baselines: HashMap<String, String>,
}

impl Evidence {
    /// The whole portfolio, one query per table.
    pub(crate) fn all(conn: &Connection) -> CoreResult<Evidence> {
        let use_cases: HashMap<String, UseCase> =
            use_cases::list(conn)?.into_iter().map(|c| (c.id.clone(), c)).collect();
        let oversight = oversight::all(conn)?
            .into_iter()
            .map(|(input, at)| {
                (input.use_case_id.clone(), Oversight::from_stored(&input.use_case_id.clone(), Some((input, at))))
            })
            .collect();
        Ok(Evidence {
            use_cases,
            versions: adapter::all_versions(conn)?,
            evaluations: evaluation::all(conn)?.into_iter().map(|e| (e.id.clone(), e)).collect(),
            oversight,
            risks: risk::list(conn, None)?,
            bias_checks: bias_check::list(conn, None)?,
            packs: data_pack::list(conn)?.into_iter().map(|p| (p.id.clone(), p)).collect(),
            sources: data_source::list(conn)?.into_iter().map(|s| (s.id.clone(), s)).collect(),
            baselines: evaluation::baselines(conn)?.into_iter().collect(),
        })
    }

    /// What the content of `entity_id` needs, and no more.
    pub(crate) fn for_entity(conn: &Connection, entity_id: &str) -> CoreResult<Evidence> {
        let id = entity_id.trim();
        let mut e = Evidence::default();
        match kind_of(id)? {
            SignoffKind::UseCase => {
                let case = use_cases::require(conn, id)?;
                if let Some(stored) = oversight::get(conn, &case.id)? {
                    e.oversight.insert(case.id.clone(), Oversight::from_stored(&case.id, Some(stored)));
                }
                e.risks = risk::list(conn, Some(&case.id))?;
                e.bias_checks = bias_check::list(conn, Some(&case.id))?;
                e.versions =
                    adapter::all_versions(conn)?.into_iter().filter(|v| v.use_case_id.as_deref() == Some(id)).collect();
                e.baselines = evaluation::baselines(conn)?.into_iter().filter(|(uc, _)| *uc == case.id).collect();
                e.use_cases.insert(case.id.clone(), case);
            }
            SignoffKind::AdapterVersion => {
                let v = adapter::require_version(conn, id)?;
                for pack_id in &v.data_pack_ids {
                    let pack = data_pack::require(conn, pack_id)?;
                    for source_id in &pack.source_ids {
                        if let Some(s) = data_source::get(conn, source_id)? {
                            e.sources.insert(s.id.clone(), s);
                        }
                    }
                    e.packs.insert(pack.id.clone(), pack);
                }
                e.evaluations =
                    evaluation::for_version(conn, &v.id)?.into_iter().map(|ev| (ev.id.clone(), ev)).collect();
                e.versions = vec![v];
            }
            SignoffKind::Evaluation => {
                let ev = evaluation::require(conn, id)?;
                e.evaluations.insert(ev.id.clone(), ev);
            }
        }
        Ok(e)
    }

    /// The content a sign-off of `entity_id` binds now; `NotFound` when the record is gone.
    pub(crate) fn content(&self, entity_id: &str) -> CoreResult<Content> {
        let id = entity_id.trim();
        let gone = |entity: &'static str| CoreError::NotFound { entity, id: id.to_owned() };
        match kind_of(id)? {
            SignoffKind::UseCase => {
                let c = self.use_cases.get(id).ok_or_else(|| gone("use case"))?;
                Content::new(SignoffKind::UseCase, format!("{} {}", c.id, c.title), &self.use_case_view(c))
            }
            SignoffKind::AdapterVersion => {
                let v = self.versions.iter().find(|v| v.id == id).ok_or_else(|| gone("adapter version"))?;
                Content::new(
                    SignoffKind::AdapterVersion,
                    format!("{} {} {}", v.id, v.adapter_name, v.version),
                    &self.version_view(v)?,
                )
            }
            SignoffKind::Evaluation => {
                let e = self.evaluations.get(id).ok_or_else(|| gone("evaluation"))?;
                Content::new(SignoffKind::Evaluation, format!("{} {}", e.id, e.title), &evaluation_view(e))
            }
        }
    }

    fn use_case_view<'a>(&'a self, c: &'a UseCase) -> UseCaseContent<'a> {
        // An absent plan reads as an empty one.
        let plan = self.oversight.get(&c.id).cloned().unwrap_or_else(|| Oversight::from_stored(&c.id, None));
        UseCaseContent {
            kind: "use_case",
            dossier: DossierView {
                id: &c.id,
                title: &c.title,
                business_unit: &c.business_unit,
                description: &c.description,
                workflow: &c.workflow,
                executive_sponsor: c.executive_sponsor.as_deref(),
                product_owner: c.product_owner.as_deref(),
                annual_value: c.annual_value,
                one_time_cost: c.one_time_cost,
                monthly_run_cost: c.monthly_run_cost,
                ratings: c.ratings,
                data_readiness: c.data_readiness,
                data_readiness_notes: &c.data_readiness_notes,
                risk_class: c.risk_class,
                risk_notes: &c.risk_notes,
                requested_lane: c.requested_lane,
                lane_override: c
                    .lane_override
                    .as_ref()
                    .map(|o| OverrideView { decided_by: &o.decided_by, reason: &o.reason }),
            },
            oversight: OversightView {
                accountable_person: plan.accountable_person,
                intervention_procedure: plan.intervention_procedure,
                fallback_owner: plan.fallback_owner,
                max_intervention_minutes: plan.max_intervention_minutes,
            },
            risks: self
                .risks
                .iter()
                .filter(|r| r.use_case_id == c.id)
                .map(|r| RiskView {
                    id: &r.id,
                    title: &r.title,
                    likelihood: r.likelihood,
                    impact: r.impact,
                    owner: &r.owner,
                    mitigation: &r.mitigation,
                    status: r.status,
                })
                .collect(),
            bias_checks: self
                .bias_checks
                .iter()
                .filter(|b| b.use_case_id == c.id)
                .map(|b| BiasView {
                    id: &b.id,
                    kind: b.kind,
                    sha256: &b.sha256,
                    threshold: b.threshold,
                    threshold_rationale: &b.threshold_rationale,
                    passed: b.passed,
                    adapter_version_id: b.adapter_version_id.as_deref(),
                    run_by: &b.run_by,
                    checked_at: b.checked_at,
                })
                .collect(),
            adapter_versions: self
                .versions
                .iter()
                .filter(|v| v.use_case_id.as_deref() == Some(c.id.as_str()))
                .map(|v| VersionRefView { id: &v.id, adapter: &v.adapter_name, version: &v.version, sha256: &v.sha256 })
                .collect(),
            baseline_evaluation: self.baselines.get(&c.id).map(String::as_str),
        }
    }

    fn version_view<'a>(&'a self, v: &'a AdapterVersion) -> CoreResult<VersionContent<'a>> {
        let data_packs = v
            .data_pack_ids
            .iter()
            .map(|id| {
                let p =
                    self.packs.get(id).ok_or_else(|| CoreError::NotFound { entity: "data pack", id: id.clone() })?;
                Ok(PackView {
                    id: &p.id,
                    name: &p.name,
                    version: &p.version,
                    sources: p
                        .source_ids
                        .iter()
                        .filter_map(|s| self.sources.get(s))
                        .map(|s| SourceView {
                            id: &s.id,
                            name: &s.name,
                            system: &s.system,
                            owner: &s.owner,
                            classification: s.classification,
                            accepted_under: s.policy_id.as_deref(),
                        })
                        .collect(),
                    curated_by: &p.curated_by,
                    record_count: p.record_count,
                    personal_data: p.personal_data,
                    approved_by: p.approved_by.as_deref(),
                    approved_on: p.approved_on.as_deref(),
                    sha256: p.file.as_ref().map(|f| f.sha256.as_str()),
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let mut evaluations: Vec<&Evaluation> =
            self.evaluations.values().filter(|e| e.adapter_version_id == v.id).collect();
        evaluations.sort_by(|a, b| (&a.run_on, &a.id).cmp(&(&b.run_on, &b.id)));
        Ok(VersionContent {
            kind: "adapter_version",
            version: VersionView {
                id: &v.id,
                adapter: &v.adapter_name,
                use_case_id: v.use_case_id.as_deref(),
                version: &v.version,
                peft_type: &v.peft_type,
                base_model: v.base_model.as_deref(),
                revision: v.revision.as_deref(),
                r: v.r,
                lora_alpha: v.lora_alpha,
                lora_dropout: v.lora_dropout,
                target_modules: &v.target_modules,
                weights_file: &v.weights_file,
                sha256: &v.sha256,
                parameters: v.parameters,
                training_params: &v.training_params,
                bias: v.bias.as_deref(),
                use_rslora: v.use_rslora,
                use_dora: v.use_dora,
                task_type: v.task_type.as_deref(),
                config: serde_json::from_str(&v.config_json)?,
            },
            data_packs,
            evaluations: evaluations
                .into_iter()
                .map(|e| EvaluationRefView { id: &e.id, sha256: &e.sha256, metrics: &e.metrics })
                .collect(),
        })
    }
}

fn evaluation_view(e: &Evaluation) -> EvaluationContent<'_> {
    EvaluationContent {
        kind: "evaluation",
        evaluation: EvaluationView {
            id: &e.id,
            adapter_version_id: &e.adapter_version_id,
            format: e.format,
            title: &e.title,
            file_name: &e.file_name,
            sha256: &e.sha256,
            run_on: &e.run_on,
            run_by: &e.run_by,
            metrics: &e.metrics,
        },
    }
}

/// What a sign-off binds, record by record: every field of each signed record is in its view
/// except these, each with the reason it is left out. Shown to the person signing.
/// A record's fields a sign-off leaves out, each with why.
pub(crate) type Exclusions = &'static [(&'static str, &'static str)];

/// Every record a sign-off binds, the kind of sign-off whose content holds it, and the fields
/// of it that content leaves out (with why).
pub(crate) fn exclusions() -> Vec<(&'static str, SignoffKind, Exclusions)> {
    use SignoffKind::*;
    vec![
        ("Use case", UseCase, USE_CASE_EXCLUDED),
        ("Payback-gate override", UseCase, OVERRIDE_EXCLUDED),
        ("Oversight plan", UseCase, OVERSIGHT_EXCLUDED),
        ("Risk", UseCase, RISK_EXCLUDED),
        ("Bias check", UseCase, BIAS_EXCLUDED),
        ("Adapter version", AdapterVersion, VERSION_EXCLUDED),
        ("Data pack", AdapterVersion, PACK_EXCLUDED),
        ("Data source", AdapterVersion, SOURCE_EXCLUDED),
        ("Evaluation", Evaluation, EVALUATION_EXCLUDED),
    ]
}

/// Which kind an id names, refused with the field when it names none Steerco signs.
pub(crate) fn kind_of(id: &str) -> CoreResult<SignoffKind> {
    SignoffKind::of_id(id).ok_or_else(|| {
        CoreError::invalid(
            "entity_id",
            format!("{:?} is not a use case (UC-…), adapter version (AV-…) or evaluation (EV-…)", id.trim()),
        )
    })
}

#[cfg(test)]
mod tests;
