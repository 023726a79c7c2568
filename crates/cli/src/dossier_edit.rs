//! `steerco usecase set ID FIELD=VALUE…`: edits a dossier from the command line, field names as
//! in the CSV header, plus `stage`. The edited dossier goes through the same handler (and the
//! same validation, pilot gate and audit trail) as the app's dossier editor.

use steerco_api::{ApiError, ApiResult};
use steerco_core::domain::{DossierInput, Lane, RiskClass, Stage};

pub const FIELDS: &str =
    "title, business_unit, description, workflow, executive_sponsor, product_owner, annual_value, \
     one_time_cost, monthly_run_cost, value_rating, criticality_rating, guardrail_rating, data_readiness, \
     data_readiness_notes, risk_class, risk_notes, stage, lane";

pub fn apply(dossier: &mut DossierInput, assignment: &str) -> ApiResult<()> {
    let (field, value) = assignment
        .split_once('=')
        .ok_or_else(|| ApiError::invalid("FIELD=VALUE", format!("{assignment:?} is not FIELD=VALUE")))?;
    let (field, value) = (field.trim(), value.trim());
    let number = |v: &str| -> ApiResult<f64> {
        v.parse::<f64>().map_err(|_| ApiError::invalid(field, format!("{v:?} is not a number")))
    };
    let optional = |v: &str| (!v.is_empty()).then(|| v.to_owned());
    match field {
        "title" => dossier.title = value.to_owned(),
        "business_unit" => dossier.business_unit = value.to_owned(),
        "description" => dossier.description = value.to_owned(),
        "workflow" => dossier.workflow = value.to_owned(),
        "executive_sponsor" => dossier.executive_sponsor = optional(value),
        "product_owner" => dossier.product_owner = optional(value),
        "annual_value" => dossier.annual_value = number(value)?,
        "one_time_cost" => dossier.one_time_cost = number(value)?,
        "monthly_run_cost" => dossier.monthly_run_cost = number(value)?,
        "value_rating" => dossier.ratings.value = number(value)?,
        "criticality_rating" => dossier.ratings.criticality = number(value)?,
        "guardrail_rating" => dossier.ratings.guardrail = number(value)?,
        "data_readiness" => {
            dossier.data_readiness = match value {
                "" => None,
                v => Some(v.parse::<u8>().map_err(|_| ApiError::invalid(field, format!("{v:?} is not 1–5")))?),
            }
        }
        "data_readiness_notes" => dossier.data_readiness_notes = value.to_owned(),
        "risk_class" => {
            dossier.risk_class = match value {
                "" => None,
                v => Some(RiskClass::parse_for(field, v)?),
            }
        }
        "risk_notes" => dossier.risk_notes = value.to_owned(),
        "stage" => dossier.stage = Stage::parse_for(field, value)?,
        "lane" => dossier.lane = Lane::parse_for(field, value)?,
        other => return Err(ApiError::invalid(other, format!("is not a dossier field; fields: {FIELDS}"))),
    }
    Ok(())
}
