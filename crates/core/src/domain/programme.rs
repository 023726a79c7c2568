//! The programme: the one row that names a portfolio file and holds its programme-wide settings.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::required_text;
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Programme {
    pub name: String,
    /// ISO 4217 code, e.g. "EUR"; every money amount in the file is in this currency.
    pub currency: String,
    pub settings: ProgrammeSettings,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Programme-wide rules. Stored as JSON so later issues can add settings without a migration;
/// unknown or missing keys fall back to the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ProgrammeSettings {
    /// A use case that cannot pay back within this many months goes to the research lane.
    pub payback_horizon_months: u32,
    /// How many automatic backups of the portfolio to keep (before each upgrade, once a day).
    pub backups_kept: u32,
    /// Research-lane cases come back to the steering agenda this many months after their last
    /// review.
    pub research_review_months: u32,
}

impl Default for ProgrammeSettings {
    fn default() -> Self {
        // Two quarters, as the programme's charter sets it; two weeks of daily backups.
        Self { payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 }
    }
}

/// The editable part of a programme, validated before it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgrammeUpdate {
    pub name: String,
    pub currency: String,
    pub settings: ProgrammeSettings,
}

impl ProgrammeUpdate {
    pub fn validated(&self) -> CoreResult<ProgrammeUpdate> {
        let name = required_text("programme.name", &self.name, 120)?;
        let currency = self.currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(CoreError::invalid(
                "programme.currency",
                format!("must be a three-letter ISO 4217 code such as EUR or USD, not {:?}", self.currency),
            ));
        }
        let horizon = self.settings.payback_horizon_months;
        if !(1..=120).contains(&horizon) {
            return Err(CoreError::invalid(
                "programme.settings.payback_horizon_months",
                format!("must be between 1 and 120 months, not {horizon}"),
            ));
        }
        let kept = self.settings.backups_kept;
        if !(1..=365).contains(&kept) {
            return Err(CoreError::invalid(
                "programme.settings.backups_kept",
                format!("must be between 1 and 365 backups, not {kept}"),
            ));
        }
        let review = self.settings.research_review_months;
        if !(1..=24).contains(&review) {
            return Err(CoreError::invalid(
                "programme.settings.research_review_months",
                format!("must be between 1 and 24 months, not {review}"),
            ));
        }
        Ok(ProgrammeUpdate { name, currency, settings: self.settings.clone() })
    }
}

crate::editable_fields! {
    /// One programme setting set to a new value, as the settings dialog and `steerco programme
    /// set` send it.
    pub enum ProgrammeField for ProgrammeUpdate {
        Name("name"): String => name,
        Currency("currency"): String => currency,
        PaybackHorizonMonths("payback_horizon_months"): u32 => settings.payback_horizon_months,
        BackupsKept("backups_kept"): u32 => settings.backups_kept,
        ResearchReviewMonths("research_review_months"): u32 => settings.research_review_months,
    }
}

impl Programme {
    /// The editable part, as stored.
    pub fn to_update(&self) -> ProgrammeUpdate {
        ProgrammeUpdate { name: self.name.clone(), currency: self.currency.clone(), settings: self.settings.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(name: &str, currency: &str) -> ProgrammeUpdate {
        ProgrammeUpdate { name: name.into(), currency: currency.into(), settings: ProgrammeSettings::default() }
    }

    #[test]
    fn currency_is_normalised_and_checked() {
        assert_eq!(update("P", " eur ").validated().unwrap().currency, "EUR");
        let err = update("P", "EURO").validated().unwrap_err().to_string();
        assert!(err.starts_with("programme.currency:"), "message names the field: {err}");
    }

    #[test]
    fn name_is_required() {
        let err = update("   ", "EUR").validated().unwrap_err().to_string();
        assert_eq!(err, "programme.name: is required");
    }

    #[test]
    fn settings_default_when_keys_are_missing() {
        let settings: ProgrammeSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(settings.payback_horizon_months, 6);
    }
}
