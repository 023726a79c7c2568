//! The registry's records as stored and shown, and the inputs a person fills in, each with the
//! validation that runs before anything is written.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{iso_date, AdapterStatus, Classification, EvaluationFormat, PersonalData, PolicyCategory, WeightsFormat};
use crate::domain::{optional_text, required_text};
use crate::error::{CoreError, CoreResult};

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Policy {
    pub id: String,
    pub title: String,
    pub body: String,
    pub category: PolicyCategory,
    pub owner: String,
    pub effective_on: String,
    pub version: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PolicyInput {
    pub title: String,
    pub body: String,
    pub category: PolicyCategory,
    pub owner: String,
    pub effective_on: String,
    pub version: String,
}

impl PolicyInput {
    pub fn validated(&self) -> CoreResult<PolicyInput> {
        Ok(PolicyInput {
            title: required_text("title", &self.title, NAME_MAX)?,
            body: optional_text("body", Some(&self.body), TEXT_MAX)?.unwrap_or_default(),
            category: self.category,
            owner: required_text("owner", &self.owner, NAME_MAX)?,
            effective_on: iso_date("effective_on", &self.effective_on)?,
            version: required_text("version", &self.version, 40)?,
        })
    }
}

crate::editable_fields! {
    /// One policy field set to a new value.
    pub enum PolicyField for PolicyInput {
        Title("title"): String => title,
        Body("body"): String => body,
        Category("category"): PolicyCategory => category,
        Owner("owner"): String => owner,
        EffectiveOn("effective_on"): String => effective_on,
        Version("version"): String => version,
    }
}

impl Policy {
    pub fn to_input(&self) -> PolicyInput {
        PolicyInput {
            title: self.title.clone(),
            body: self.body.clone(),
            category: self.category,
            owner: self.owner.clone(),
            effective_on: self.effective_on.clone(),
            version: self.version.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataSource {
    pub id: String,
    pub name: String,
    pub system: String,
    pub owner: String,
    pub classification: Classification,
    /// The policy under which the source is acceptable; `None`: no policy accepts it.
    pub policy_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataSourceInput {
    pub name: String,
    pub system: String,
    pub owner: String,
    pub classification: Classification,
    pub policy_id: Option<String>,
}

impl DataSourceInput {
    pub fn validated(&self) -> CoreResult<DataSourceInput> {
        Ok(DataSourceInput {
            name: required_text("name", &self.name, NAME_MAX)?,
            system: required_text("system", &self.system, NAME_MAX)?,
            owner: required_text("owner", &self.owner, NAME_MAX)?,
            classification: self.classification,
            policy_id: optional_text("policy_id", self.policy_id.as_deref(), 40)?,
        })
    }
}

crate::editable_fields! {
    /// One data source field set to a new value.
    pub enum DataSourceField for DataSourceInput {
        Name("name"): String => name,
        System("system"): String => system,
        Owner("owner"): String => owner,
        Classification("classification"): Classification => classification,
        PolicyId("policy_id"): Option<String> => policy_id,
    }
}

impl DataSource {
    pub fn to_input(&self) -> DataSourceInput {
        DataSourceInput {
            name: self.name.clone(),
            system: self.system.clone(),
            owner: self.owner.clone(),
            classification: self.classification,
            policy_id: self.policy_id.clone(),
        }
    }
}

/// A file's identity as read from disk: its name, size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileDigest {
    pub file_name: String,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataPack {
    pub id: String,
    pub name: String,
    pub version: String,
    pub source_ids: Vec<String>,
    pub curated_by: String,
    pub record_count: u64,
    pub personal_data: PersonalData,
    pub file: Option<FileDigest>,
    pub approved_by: Option<String>,
    pub approved_on: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DataPackInput {
    pub name: String,
    pub version: String,
    pub source_ids: Vec<String>,
    pub curated_by: String,
    pub record_count: i64,
    pub personal_data: PersonalData,
}

impl DataPackInput {
    pub fn validated(&self) -> CoreResult<DataPackInput> {
        if self.record_count < 0 {
            return Err(CoreError::invalid("record_count", "cannot be negative"));
        }
        let mut source_ids: Vec<String> =
            self.source_ids.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        source_ids.sort();
        source_ids.dedup();
        if source_ids.is_empty() {
            return Err(CoreError::invalid("source_ids", "name at least one data source the pack was drawn from"));
        }
        Ok(DataPackInput {
            name: required_text("name", &self.name, NAME_MAX)?,
            version: required_text("version", &self.version, 40)?,
            source_ids,
            curated_by: required_text("curated_by", &self.curated_by, NAME_MAX)?,
            record_count: self.record_count,
            personal_data: self.personal_data,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PackApproval {
    pub data_pack_id: String,
    /// Who approved the pack; `None` records the person working (a name given must be theirs).
    pub approved_by: Option<String>,
    pub approved_on: String,
}

impl PackApproval {
    pub fn validated(&self) -> CoreResult<PackApproval> {
        Ok(PackApproval {
            data_pack_id: required_text("data_pack_id", &self.data_pack_id, 40)?,
            approved_by: optional_text("approved_by", self.approved_by.as_deref(), NAME_MAX)?,
            approved_on: iso_date("approved_on", &self.approved_on)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterSummary {
    pub id: String,
    pub name: String,
    pub use_case_id: Option<String>,
    pub version_count: u32,
    pub latest_version: Option<String>,
    pub latest_status: Option<AdapterStatus>,
    /// The version in use: the newest deployed one (`None` when nothing is deployed).
    pub deployed_version: Option<String>,
    pub deployed_version_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One version of an adapter: what its PEFT folder said, what its weights file holds, and the
/// links lineage is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdapterVersion {
    pub id: String,
    pub adapter_id: String,
    pub adapter_name: String,
    pub use_case_id: Option<String>,
    pub version: String,
    pub status: AdapterStatus,
    pub peft_type: String,
    /// The model the adapter was trained on; `None` when the PEFT config names none (a lineage
    /// gap until someone supplies it).
    pub base_model: Option<String>,
    pub revision: Option<String>,
    pub r: u32,
    pub lora_alpha: f64,
    pub lora_dropout: Option<f64>,
    pub target_modules: Vec<String>,
    pub bias: Option<String>,
    pub use_rslora: bool,
    pub use_dora: bool,
    pub task_type: Option<String>,
    /// adapter_config.json as it was read, unknown keys included.
    pub config_json: String,
    pub weights_file: String,
    pub weights_format: WeightsFormat,
    pub file_bytes: u64,
    pub sha256: String,
    pub tensor_count: Option<u64>,
    /// Trainable parameters in the weights file; `None` when only adapter_model.bin was found.
    pub parameters: Option<u64>,
    pub dtypes: Vec<String>,
    /// Training parameters, e.g. from an MLflow run.
    pub training_params: BTreeMap<String, String>,
    pub data_pack_ids: Vec<String>,
    pub source_dir: String,
    pub imported_by: String,
    pub imported_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Metric {
    pub suite: String,
    pub metric: String,
    pub value: f64,
    pub stderr: Option<f64>,
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub id: String,
    pub adapter_version_id: String,
    pub format: EvaluationFormat,
    pub title: String,
    pub file_name: String,
    pub sha256: String,
    pub run_on: String,
    pub run_by: String,
    pub imported_at: DateTime<Utc>,
    pub metrics: Vec<Metric>,
    /// Use cases that compare later adapters against this evaluation.
    pub baseline_for: Vec<String>,
}

/// An evaluation read from a file, not yet stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParsedEvaluation {
    pub format: EvaluationFormat,
    pub title: String,
    pub file_name: String,
    pub sha256: String,
    /// The date the file states, when it states one.
    pub run_on: Option<String>,
    pub run_by: Option<String>,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Deployment {
    pub id: String,
    pub adapter_version_id: String,
    /// An environment ("production", "staging") or a pilot phase.
    pub target: String,
    pub deployed_on: String,
    pub approved_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeploymentInput {
    pub adapter_version_id: String,
    pub target: String,
    pub deployed_on: String,
    /// Who approved the deployment: the person working (given only to confirm it; a deployment
    /// is never recorded in someone else's name).
    #[serde(default)]
    pub approved_by: Option<String>,
    /// An executive's rationale for deploying despite the regression gate (recorded as a
    /// decision); refused from anyone else.
    #[serde(default)]
    pub override_rationale: Option<String>,
}

impl DeploymentInput {
    /// Checks the fields; `approved_by` is settled by the service (the person working).
    pub fn validated(&self) -> CoreResult<DeploymentInput> {
        Ok(DeploymentInput {
            adapter_version_id: required_text("adapter_version_id", &self.adapter_version_id, 40)?,
            target: required_text("target", &self.target, NAME_MAX)?,
            deployed_on: iso_date("deployed_on", &self.deployed_on)?,
            approved_by: optional_text("approved_by", self.approved_by.as_deref(), NAME_MAX)?,
            // Kept even when blank: asking to override with no rationale is refused by the gate
            // by name, not taken as not asking.
            override_rationale: self.override_rationale.clone(),
        })
    }
}

/// A semantic version as adapters use it ("1.2.0"); pre-release and build tags are kept in the
/// text but ordering uses major.minor.patch.
pub fn parse_semver(field: &str, typed: &str) -> CoreResult<semver::Version> {
    semver::Version::parse(typed.trim()).map_err(|e| {
        CoreError::invalid(field, format!("{:?} is not a semantic version like 1.2.0 ({e})", typed.trim()))
    })
}
