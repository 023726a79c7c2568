//! `steerco usecase set ID FIELD=VALUE…`: edits a dossier from the command line, field names as
//! in the CSV header, plus `stage` and `lane`. Each assignment becomes one field edit, applied
//! inside the write transaction to the dossier as stored then, so two people editing different
//! fields of one dossier at once both keep their change.

use steerco_api::{ApiError, ApiResult};
use steerco_core::domain::{DossierField, Lane, RiskClass, Stage};
use steerco_core::Money;

pub const FIELDS: &str =
    "title, business_unit, description, workflow, executive_sponsor, product_owner, annual_value, \
     one_time_cost, monthly_run_cost, value_rating, criticality_rating, guardrail_rating, data_readiness, \
     data_readiness_notes, risk_class, risk_notes, stage, lane";

/// `field=value` as the field edit it names.
pub fn parse(assignment: &str) -> ApiResult<DossierField> {
    let (field, value) = assignment
        .split_once('=')
        .ok_or_else(|| ApiError::invalid("FIELD=VALUE", format!("{assignment:?} is not FIELD=VALUE")))?;
    let (field, value) = (field.trim(), value.trim());
    let number = |v: &str| -> ApiResult<f64> {
        v.parse::<f64>().map_err(|_| ApiError::invalid(field, format!("{v:?} is not a number")))
    };
    let money = |v: &str| -> ApiResult<Money> { Ok(Money::parse(field, v)?) };
    let optional = |v: &str| (!v.is_empty()).then(|| v.to_owned());
    Ok(match field {
        "title" => DossierField::Title(value.to_owned()),
        "business_unit" => DossierField::BusinessUnit(value.to_owned()),
        "description" => DossierField::Description(value.to_owned()),
        "workflow" => DossierField::Workflow(value.to_owned()),
        "executive_sponsor" => DossierField::ExecutiveSponsor(optional(value)),
        "product_owner" => DossierField::ProductOwner(optional(value)),
        "annual_value" => DossierField::AnnualValue(money(value)?),
        "one_time_cost" => DossierField::OneTimeCost(money(value)?),
        "monthly_run_cost" => DossierField::MonthlyRunCost(money(value)?),
        "value_rating" => DossierField::ValueRating(number(value)?),
        "criticality_rating" => DossierField::CriticalityRating(number(value)?),
        "guardrail_rating" => DossierField::GuardrailRating(number(value)?),
        "data_readiness" => DossierField::DataReadiness(match value {
            "" => None,
            v => Some(v.parse::<u8>().map_err(|_| ApiError::invalid(field, format!("{v:?} is not 1–5")))?),
        }),
        "data_readiness_notes" => DossierField::DataReadinessNotes(value.to_owned()),
        "risk_class" => DossierField::RiskClass(match value {
            "" => None,
            v => Some(RiskClass::parse_for(field, v)?),
        }),
        "risk_notes" => DossierField::RiskNotes(value.to_owned()),
        "stage" => DossierField::Stage(Stage::parse_for(field, value)?),
        "lane" => DossierField::Lane(Lane::parse_for(field, value)?),
        other => return Err(ApiError::invalid(other, format!("is not a dossier field; fields: {FIELDS}"))),
    })
}
