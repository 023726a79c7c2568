//! The registry's closed vocabularies. They parse like the portfolio's (case-insensitive, errors
//! naming the field and the choices) and serialise as the snake_case words the CLI accepts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::text_enum::text_enum;

/// What a policy governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PolicyCategory {
    AcceptableDataSources,
    RlBoundaries,
    PromptManagement,
    Other,
}

/// How sensitive a data source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    Public,
    Internal,
    Confidential,
    Personal,
}

/// Whether a data pack still holds personal data after curation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PersonalData {
    None,
    Pseudonymised,
    Personal,
}

/// Where an adapter version is in its life. It moves forward only; `retired` is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdapterStatus {
    Candidate,
    Approved,
    Deployed,
    Retired,
}

/// The weights file found in a PEFT folder. `pickle` (adapter_model.bin) is hashed but not
/// parsed: unpickling would run code from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeightsFormat {
    Safetensors,
    Pickle,
}

/// The file an evaluation was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationFormat {
    LmEval,
    Csv,
    Mlflow,
}

text_enum!(PolicyCategory, "category", {
    AcceptableDataSources => "acceptable_data_sources",
    RlBoundaries => "rl_boundaries",
    PromptManagement => "prompt_management",
    Other => "other",
});
text_enum!(Classification, "classification", {
    Public => "public",
    Internal => "internal",
    Confidential => "confidential",
    Personal => "personal",
});
text_enum!(PersonalData, "personal_data", { None => "none", Pseudonymised => "pseudonymised", Personal => "personal" });
text_enum!(AdapterStatus, "status", {
    Candidate => "candidate",
    Approved => "approved",
    Deployed => "deployed",
    Retired => "retired",
});
text_enum!(WeightsFormat, "weights_format", { Safetensors => "safetensors", Pickle => "pickle" });
text_enum!(EvaluationFormat, "format", { LmEval => "lm_eval", Csv => "csv", Mlflow => "mlflow" });

impl AdapterStatus {
    /// Whether a version may move from `self` to `next` by a status change. `deployed` is
    /// reached by recording a deployment, which names where and who approved it.
    pub fn check_transition(self, next: AdapterStatus) -> CoreResult<()> {
        use AdapterStatus::*;
        match (self, next) {
            (Candidate, Approved) | (Candidate | Approved | Deployed, Retired) => Ok(()),
            (_, Deployed) => Err(CoreError::invalid("status", "a version becomes deployed by recording a deployment")),
            (from, to) if from == to => Err(CoreError::invalid("status", format!("the version is already {to}"))),
            (from, to) => Err(CoreError::invalid(
                "status",
                format!("a version moves candidate → approved → deployed → retired; {from} cannot become {to}"),
            )),
        }
    }

    /// The statuses a person may set directly from this one.
    pub fn next_statuses(self) -> Vec<AdapterStatus> {
        AdapterStatus::ALL.iter().copied().filter(|&next| self.check_transition(next).is_ok()).collect()
    }

    /// Whether a deployment may be recorded for a version in this status, and if not, why.
    pub fn deployable(self) -> Result<(), &'static str> {
        match self {
            AdapterStatus::Approved | AdapterStatus::Deployed => Ok(()),
            AdapterStatus::Candidate => Err("approve the version first: only an approved version can be deployed"),
            AdapterStatus::Retired => Err("a retired version cannot be deployed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_forward_only() {
        use AdapterStatus::*;
        assert!(Candidate.check_transition(Approved).is_ok());
        assert!(Deployed.check_transition(Retired).is_ok());
        assert!(Approved.check_transition(Candidate).is_err());
        assert!(Retired.check_transition(Approved).is_err());
        assert!(Approved.check_transition(Deployed).unwrap_err().to_string().contains("recording a deployment"));
        assert_eq!(Candidate.next_statuses(), [Approved, Retired]);
        assert_eq!(Deployed.next_statuses(), [Retired]);
        assert!(Retired.next_statuses().is_empty());
        assert!(Approved.deployable().is_ok() && Deployed.deployable().is_ok());
        assert!(Candidate.deployable().is_err() && Retired.deployable().is_err());
        assert_eq!(PolicyCategory::parse_for("category", "RL-boundaries").unwrap(), PolicyCategory::RlBoundaries);
    }
}
