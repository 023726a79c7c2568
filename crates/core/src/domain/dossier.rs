//! A use case's dossier: what it is, who owns it, what it is worth and costs, how it rates on
//! each criterion and how risky it is. `DossierInput` is what a form, a CSV row or the demo
//! supplies; `validated` is the one place its rules are checked.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::vocabulary::{CriterionKey, Lane, RiskClass, Stage};
use super::{optional_text, required_text};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;

/// A dossier's 1–5 rating per criterion (a workshop median may fall between whole numbers).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Ratings {
    pub value: f64,
    pub criticality: f64,
    pub guardrail: f64,
}

impl Ratings {
    pub fn get(&self, key: CriterionKey) -> f64 {
        match key {
            CriterionKey::Value => self.value,
            CriterionKey::Criticality => self.criticality,
            CriterionKey::Guardrail => self.guardrail,
        }
    }

    pub fn set(&mut self, key: CriterionKey, rating: f64) {
        match key {
            CriterionKey::Value => self.value = rating,
            CriterionKey::Criticality => self.criticality = rating,
            CriterionKey::Guardrail => self.guardrail = rating,
        }
    }
}

impl Default for Ratings {
    fn default() -> Self {
        Self { value: 3.0, criticality: 3.0, guardrail: 3.0 }
    }
}

/// A named person's decision to keep a use case in the portfolio lane despite the payback gate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LaneOverride {
    pub decided_by: String,
    pub reason: String,
    pub decided_at: DateTime<Utc>,
}

/// A stored use case: the dossier plus what follows from it (payback, the lane it is in and why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCase {
    /// Human-readable and stable, e.g. "UC-007".
    pub id: String,
    pub title: String,
    pub business_unit: String,
    pub description: String,
    pub workflow: String,
    pub executive_sponsor: Option<String>,
    pub product_owner: Option<String>,
    pub annual_value: Money,
    pub one_time_cost: Money,
    pub monthly_run_cost: Money,
    pub ratings: Ratings,
    pub data_readiness: Option<u8>,
    pub data_readiness_notes: String,
    pub risk_class: Option<RiskClass>,
    pub risk_notes: String,
    pub stage: Stage,
    /// The lane the use case is in, after the payback gate.
    pub lane: Lane,
    /// The lane people chose; differs from `lane` when the gate moved the case to research.
    pub requested_lane: Lane,
    /// Why the gate put the case in the research lane, when it did.
    pub lane_reason: Option<String>,
    /// Months to recover the one-time cost; `None` when the monthly net is not positive.
    pub payback_months: Option<f64>,
    pub lane_override: Option<LaneOverride>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl UseCase {
    /// The editable part, e.g. to change one field and save the rest as it is.
    pub fn to_input(&self) -> DossierInput {
        DossierInput {
            title: self.title.clone(),
            business_unit: self.business_unit.clone(),
            description: self.description.clone(),
            workflow: self.workflow.clone(),
            executive_sponsor: self.executive_sponsor.clone(),
            product_owner: self.product_owner.clone(),
            annual_value: self.annual_value,
            one_time_cost: self.one_time_cost,
            monthly_run_cost: self.monthly_run_cost,
            ratings: self.ratings,
            data_readiness: self.data_readiness,
            data_readiness_notes: self.data_readiness_notes.clone(),
            risk_class: self.risk_class,
            risk_notes: self.risk_notes.clone(),
            stage: self.stage,
            lane: self.requested_lane,
        }
    }
}

/// A dossier as a user, a CSV row or the demo describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DossierInput {
    pub title: String,
    pub business_unit: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub workflow: String,
    #[serde(default)]
    pub executive_sponsor: Option<String>,
    #[serde(default)]
    pub product_owner: Option<String>,
    pub annual_value: Money,
    pub one_time_cost: Money,
    pub monthly_run_cost: Money,
    pub ratings: Ratings,
    #[serde(default)]
    pub data_readiness: Option<u8>,
    #[serde(default)]
    pub data_readiness_notes: String,
    #[serde(default)]
    pub risk_class: Option<RiskClass>,
    #[serde(default)]
    pub risk_notes: String,
    pub stage: Stage,
    pub lane: Lane,
}

/// Checks a 1–5 rating.
pub fn rating(field: &str, value: f64) -> CoreResult<f64> {
    if !value.is_finite() || !(1.0..=5.0).contains(&value) {
        return Err(CoreError::invalid(field, format!("must be a rating from 1 to 5, not {value}")));
    }
    Ok(value)
}

impl DossierInput {
    /// Trims and checks every field; the error names the first field that is wrong.
    pub fn validated(&self) -> CoreResult<DossierInput> {
        let mut ratings = self.ratings;
        for key in CriterionKey::ALL {
            ratings.set(*key, rating(key.rating_column(), self.ratings.get(*key))?);
        }
        if let Some(readiness) = self.data_readiness {
            if !(1..=5).contains(&readiness) {
                return Err(CoreError::invalid("data_readiness", format!("must be from 1 to 5, not {readiness}")));
            }
        }
        let checked = DossierInput {
            title: required_text("title", &self.title, 200)?,
            business_unit: required_text("business_unit", &self.business_unit, 120)?,
            description: optional_text("description", Some(&self.description), 10_000)?.unwrap_or_default(),
            workflow: optional_text("workflow", Some(&self.workflow), 2_000)?.unwrap_or_default(),
            executive_sponsor: optional_text("executive_sponsor", self.executive_sponsor.as_deref(), 120)?,
            product_owner: optional_text("product_owner", self.product_owner.as_deref(), 120)?,
            annual_value: self.annual_value.non_negative("annual_value")?,
            one_time_cost: self.one_time_cost.non_negative("one_time_cost")?,
            monthly_run_cost: self.monthly_run_cost.non_negative("monthly_run_cost")?,
            ratings,
            data_readiness: self.data_readiness,
            data_readiness_notes: optional_text("data_readiness_notes", Some(&self.data_readiness_notes), 2_000)?
                .unwrap_or_default(),
            risk_class: self.risk_class,
            risk_notes: optional_text("risk_notes", Some(&self.risk_notes), 2_000)?.unwrap_or_default(),
            stage: self.stage,
            lane: self.lane,
        };
        if checked.stage != Stage::Discovery {
            let missing: Vec<&str> = [
                ("an executive sponsor", checked.executive_sponsor.is_none()),
                ("a product owner", checked.product_owner.is_none()),
            ]
            .into_iter()
            .filter_map(|(who, absent)| absent.then_some(who))
            .collect();
            if !missing.is_empty() {
                return Err(CoreError::invalid(
                    "stage",
                    format!("cannot move past discovery to {} without {}", checked.stage, missing.join(" and ")),
                ));
            }
        }
        Ok(checked)
    }
}

crate::editable_fields! {
    /// One dossier field set to a new value, as the dossier editor and `steerco usecase set`
    /// send it; `lane` is the lane people choose (the gate may still park the case in research).
    pub enum DossierField for DossierInput {
        Title("title"): String => title,
        BusinessUnit("business_unit"): String => business_unit,
        Description("description"): String => description,
        Workflow("workflow"): String => workflow,
        ExecutiveSponsor("executive_sponsor"): Option<String> => executive_sponsor,
        ProductOwner("product_owner"): Option<String> => product_owner,
        AnnualValue("annual_value"): Money => annual_value,
        OneTimeCost("one_time_cost"): Money => one_time_cost,
        MonthlyRunCost("monthly_run_cost"): Money => monthly_run_cost,
        ValueRating("value_rating"): f64 => ratings.value,
        CriticalityRating("criticality_rating"): f64 => ratings.criticality,
        GuardrailRating("guardrail_rating"): f64 => ratings.guardrail,
        DataReadiness("data_readiness"): Option<u8> => data_readiness,
        DataReadinessNotes("data_readiness_notes"): String => data_readiness_notes,
        RiskClass("risk_class"): Option<RiskClass> => risk_class,
        RiskNotes("risk_notes"): String => risk_notes,
        Stage("stage"): Stage => stage,
        Lane("lane"): Lane => lane,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn input(stage: Stage, sponsor: Option<&str>, owner: Option<&str>) -> DossierInput {
        DossierInput {
            title: " Claims triage ".into(),
            business_unit: "Insurance".into(),
            description: String::new(),
            workflow: String::new(),
            executive_sponsor: sponsor.map(Into::into),
            product_owner: owner.map(Into::into),
            annual_value: Money::units(1_200_000),
            one_time_cost: Money::units(250_000),
            monthly_run_cost: Money::units(8_000),
            ratings: Ratings::default(),
            data_readiness: Some(3),
            data_readiness_notes: String::new(),
            risk_class: Some(RiskClass::Limited),
            risk_notes: String::new(),
            lane: Lane::Portfolio,
            stage,
        }
    }

    #[test]
    fn discovery_needs_no_owners_and_text_is_trimmed() {
        let ok = input(Stage::Discovery, None, Some("  ")).validated().unwrap();
        assert_eq!(ok.title, "Claims triage");
        assert_eq!(ok.product_owner, None, "a blank owner is no owner");
    }

    #[test]
    fn leaving_discovery_names_each_missing_owner() {
        let err = input(Stage::Pilot, None, None).validated().unwrap_err().to_string();
        assert_eq!(err, "stage: cannot move past discovery to pilot without an executive sponsor and a product owner");
        let err = input(Stage::Data, Some("Ana"), None).validated().unwrap_err().to_string();
        assert_eq!(err, "stage: cannot move past discovery to data without a product owner");
        assert!(input(Stage::Data, Some("Ana"), Some("Ben")).validated().is_ok());
    }

    #[test]
    fn amounts_and_ratings_are_range_checked_by_field() {
        let mut bad = input(Stage::Discovery, None, None);
        bad.one_time_cost = Money::units(-1);
        assert!(bad.validated().unwrap_err().to_string().starts_with("one_time_cost:"));
        let mut bad = input(Stage::Discovery, None, None);
        bad.ratings.guardrail = 6.0;
        assert_eq!(bad.validated().unwrap_err().to_string(), "guardrail_rating: must be a rating from 1 to 5, not 6");
        let mut bad = input(Stage::Discovery, None, None);
        bad.data_readiness = Some(0);
        assert!(bad.validated().unwrap_err().to_string().starts_with("data_readiness:"));
    }

    #[test]
    fn overlong_title_is_refused_with_its_length() {
        let mut c = input(Stage::Discovery, None, None);
        c.title = "x".repeat(201);
        assert_eq!(c.validated().unwrap_err().to_string(), "title: is 201 characters long; the limit is 200");
    }

    #[test]
    fn every_dossier_field_is_editable_field_by_field() {
        let json = serde_json::to_value(input(Stage::Discovery, None, None)).unwrap();
        let mut keys: Vec<String> = Vec::new();
        for (key, value) in json.as_object().unwrap() {
            match value.as_object() {
                Some(nested) => keys.extend(nested.keys().map(|k| format!("{k}_rating"))),
                None => keys.push(key.clone()),
            }
        }
        for key in keys {
            assert!(DossierField::FIELDS.contains(&key.as_str()), "{key} is in DossierInput but not in DossierField");
        }
    }
}
