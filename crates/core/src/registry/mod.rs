//! The governance registry: policies, data sources and packs, LoRA adapters read from the files
//! PEFT, lm-evaluation-harness and MLflow already write, evaluations and deployments, and the
//! lineage drawn from them. Reading files is pure (path in, record out, nothing stored) so a
//! broken file is refused before any transaction starts.

pub mod diff;
pub mod evaluation_files;
pub mod lineage;
pub mod mlflow;
pub mod openlineage;
pub mod peft;
mod records;
pub mod regression;
mod vocabulary;

pub use records::*;
pub use vocabulary::{AdapterStatus, Classification, EvaluationFormat, PersonalData, PolicyCategory, WeightsFormat};

use chrono::NaiveDate;

use crate::error::{CoreError, CoreResult};

/// An ISO date typed by a person ("2026-11-30"), refused with the field's name otherwise.
pub fn iso_date(field: &str, typed: &str) -> CoreResult<String> {
    let typed = typed.trim();
    NaiveDate::parse_from_str(typed, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| CoreError::invalid(field, format!("{typed:?} is not a date like 2026-11-30")))
}
