//! Compliance: people and their roles, sign-offs bound to the content signed, human oversight,
//! bias checks, the risk register and the coverage of regulatory frameworks. The audit trail
//! itself lives in `crate::audit`.

pub mod bias;
pub mod frameworks;
mod records;
pub mod signoff;

pub use records::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text_enum::text_enum;

/// What a person may do on a portfolio. A person may hold several roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Consultant,
    ComplianceOfficer,
    Executive,
    ProductOwner,
    Administrator,
}

text_enum!(Role, "role", {
    Consultant => "consultant",
    ComplianceOfficer => "compliance_officer",
    Executive => "executive",
    ProductOwner => "product_owner",
    Administrator => "administrator",
});

impl Role {
    /// "a consultant", "an executive": for messages.
    pub fn with_article(self) -> String {
        let label = self.label();
        let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {label}")
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Consultant => "consultant",
            Role::ComplianceOfficer => "compliance officer",
            Role::Executive => "executive",
            Role::ProductOwner => "product owner",
            Role::Administrator => "administrator",
        }
    }
}

/// The kinds of record a compliance officer signs off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignoffKind {
    UseCase,
    AdapterVersion,
    Evaluation,
}

text_enum!(SignoffKind, "entity_kind", {
    UseCase => "use_case",
    AdapterVersion => "adapter_version",
    Evaluation => "evaluation",
});

impl SignoffKind {
    /// Which kind an id names, by its prefix (UC-, AV-, EV-).
    pub fn of_id(id: &str) -> Option<SignoffKind> {
        let id = id.trim();
        if id.starts_with("UC-") {
            Some(SignoffKind::UseCase)
        } else if id.starts_with("AV-") {
            Some(SignoffKind::AdapterVersion)
        } else if id.starts_with("EV-") {
            Some(SignoffKind::Evaluation)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    Open,
    Mitigating,
    Accepted,
    Closed,
}

text_enum!(RiskStatus, "status", { Open => "open", Mitigating => "mitigating", Accepted => "accepted", Closed => "closed" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BiasKind {
    DemographicParity,
    AdversarialPrompts,
}

text_enum!(BiasKind, "kind", { DemographicParity => "demographic_parity", AdversarialPrompts => "adversarial_prompts" });
