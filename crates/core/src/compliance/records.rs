//! Compliance records as stored and shown, and the inputs people fill in, with validation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::bias::{AdversarialResult, ParityResult};
use super::{BiasKind, RiskStatus, Role, SignoffKind};
use crate::domain::{optional_text, required_text};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

impl Person {
    pub fn has(&self, role: Role) -> bool {
        self.active && self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonInput {
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

impl PersonInput {
    pub fn validated(&self) -> CoreResult<PersonInput> {
        let mut roles = self.roles.clone();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(CoreError::invalid("roles", "give the person at least one role"));
        }
        Ok(PersonInput { name: required_text("name", &self.name, 120)?, roles, active: self.active })
    }
}

crate::editable_fields! {
    /// One field of a person set to a new value.
    pub enum PersonField for PersonInput {
        Name("name"): String => name,
        Roles("roles"): Vec<Role> => roles,
        Active("active"): bool => active,
    }
}

impl Person {
    pub fn to_input(&self) -> PersonInput {
        PersonInput { name: self.name.clone(), roles: self.roles.clone(), active: self.active }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Signoff {
    pub id: String,
    pub entity_kind: SignoffKind,
    pub entity_id: String,
    pub signed_by: String,
    pub role: Role,
    pub signed_at: DateTime<Utc>,
    pub comment: String,
    pub content_sha256: String,
    /// The canonical JSON that was signed.
    pub content_json: String,
}

/// A sign-off with whether it still matches the record's content now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffStatus {
    pub signoff: Signoff,
    pub entity_title: String,
    /// Signed content no longer matches the record (the record or its evidence changed).
    pub stale: bool,
    /// A newer sign-off of the same record exists.
    pub superseded: bool,
    pub current_sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Oversight {
    pub use_case_id: String,
    pub accountable_person: String,
    pub intervention_procedure: String,
    pub fallback_owner: String,
    pub max_intervention_minutes: Option<u32>,
    /// What is still missing ("accountable person", …); empty when the plan is complete.
    pub missing: Vec<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OversightInput {
    pub use_case_id: String,
    pub accountable_person: String,
    pub intervention_procedure: String,
    pub fallback_owner: String,
    pub max_intervention_minutes: Option<u32>,
}

impl OversightInput {
    pub fn validated(&self) -> CoreResult<OversightInput> {
        if self.max_intervention_minutes == Some(0) {
            return Err(CoreError::invalid("max_intervention_minutes", "must be at least 1 minute"));
        }
        Ok(OversightInput {
            use_case_id: required_text("use_case_id", &self.use_case_id, 40)?,
            accountable_person: optional_text("accountable_person", Some(&self.accountable_person), 200)?
                .unwrap_or_default(),
            intervention_procedure: optional_text("intervention_procedure", Some(&self.intervention_procedure), 5000)?
                .unwrap_or_default(),
            fallback_owner: optional_text("fallback_owner", Some(&self.fallback_owner), 200)?.unwrap_or_default(),
            max_intervention_minutes: self.max_intervention_minutes,
        })
    }
}

crate::editable_fields! {
    /// One field of an oversight plan set to a new value.
    pub enum OversightField for OversightInput {
        AccountablePerson("accountable_person"): String => accountable_person,
        InterventionProcedure("intervention_procedure"): String => intervention_procedure,
        FallbackOwner("fallback_owner"): String => fallback_owner,
        MaxInterventionMinutes("max_intervention_minutes"): Option<u32> => max_intervention_minutes,
    }
}

impl Oversight {
    pub fn to_input(&self) -> OversightInput {
        OversightInput {
            use_case_id: self.use_case_id.clone(),
            accountable_person: self.accountable_person.clone(),
            intervention_procedure: self.intervention_procedure.clone(),
            fallback_owner: self.fallback_owner.clone(),
            max_intervention_minutes: self.max_intervention_minutes,
        }
    }

    /// The plan as it reads with `stored` (or none) for `use_case_id`.
    pub fn from_stored(use_case_id: &str, stored: Option<(OversightInput, DateTime<Utc>)>) -> Oversight {
        let (input, updated_at) = match stored {
            Some((input, at)) => (input, Some(at)),
            None => (
                OversightInput {
                    use_case_id: use_case_id.to_owned(),
                    accountable_person: String::new(),
                    intervention_procedure: String::new(),
                    fallback_owner: String::new(),
                    max_intervention_minutes: None,
                },
                None,
            ),
        };
        Oversight {
            missing: oversight_gaps(&input),
            use_case_id: input.use_case_id,
            accountable_person: input.accountable_person,
            intervention_procedure: input.intervention_procedure,
            fallback_owner: input.fallback_owner,
            max_intervention_minutes: input.max_intervention_minutes,
            updated_at,
        }
    }
}

/// What an oversight plan lacks.
pub fn oversight_gaps(o: &OversightInput) -> Vec<String> {
    let mut missing = Vec::new();
    if o.accountable_person.trim().is_empty() {
        missing.push("accountable person".to_owned());
    }
    if o.intervention_procedure.trim().is_empty() {
        missing.push("intervention procedure".to_owned());
    }
    if o.fallback_owner.trim().is_empty() {
        missing.push("fallback owner".to_owned());
    }
    if o.max_intervention_minutes.is_none() {
        missing.push("longest time allowed to intervene".to_owned());
    }
    missing
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BiasFigures {
    DemographicParity(ParityResult),
    AdversarialPrompts(AdversarialResult),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BiasCheck {
    pub id: String,
    pub use_case_id: String,
    pub adapter_version_id: Option<String>,
    pub kind: BiasKind,
    pub title: String,
    pub threshold: f64,
    pub threshold_rationale: String,
    pub file_name: String,
    pub sha256: String,
    pub figures: BiasFigures,
    pub passed: bool,
    pub run_by: String,
    pub checked_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Risk {
    pub id: String,
    pub use_case_id: String,
    pub title: String,
    pub likelihood: u8,
    pub impact: u8,
    pub owner: String,
    pub mitigation: String,
    pub status: RiskStatus,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskInput {
    pub use_case_id: String,
    pub title: String,
    pub likelihood: u8,
    pub impact: u8,
    pub owner: String,
    pub mitigation: String,
    pub status: RiskStatus,
}

crate::editable_fields! {
    /// One field of a risk set to a new value (a risk stays with its use case).
    pub enum RiskField for RiskInput {
        Title("title"): String => title,
        Likelihood("likelihood"): u8 => likelihood,
        Impact("impact"): u8 => impact,
        Owner("owner"): String => owner,
        Mitigation("mitigation"): String => mitigation,
        Status("status"): RiskStatus => status,
    }
}

impl Risk {
    pub fn to_input(&self) -> RiskInput {
        RiskInput {
            use_case_id: self.use_case_id.clone(),
            title: self.title.clone(),
            likelihood: self.likelihood,
            impact: self.impact,
            owner: self.owner.clone(),
            mitigation: self.mitigation.clone(),
            status: self.status,
        }
    }
}

impl RiskInput {
    pub fn validated(&self) -> CoreResult<RiskInput> {
        for (field, value) in [("likelihood", self.likelihood), ("impact", self.impact)] {
            if !(1..=5).contains(&value) {
                return Err(CoreError::invalid(field, format!("must be between 1 and 5, not {value}")));
            }
        }
        Ok(RiskInput {
            use_case_id: required_text("use_case_id", &self.use_case_id, 40)?,
            title: required_text("title", &self.title, 300)?,
            likelihood: self.likelihood,
            impact: self.impact,
            owner: required_text("owner", &self.owner, 200)?,
            mitigation: optional_text("mitigation", Some(&self.mitigation), 5000)?.unwrap_or_default(),
            status: self.status,
        })
    }
}
