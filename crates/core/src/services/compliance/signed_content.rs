//! What a sign-off binds: for each kind of signable record, a serde view of the record together
//! with the evidence linked to it, serialised to canonical JSON and hashed. A view is a struct,
//! so its fields are named once; the tests below fail when a record gains a field that is
//! neither in its view nor listed in its `EXCLUDED` table with the reason, so nothing can go
//! unsigned by being forgotten.
//!
//! The records are gathered by `Evidence` (`evidence.rs`): everything one sign-off needs
//! (`for_entity`), or the whole portfolio in one query per table (`all`) for the queue and the
//! badges.

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

mod evidence;

pub(crate) use evidence::Evidence;

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
