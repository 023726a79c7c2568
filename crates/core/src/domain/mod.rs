//! Steerco's vocabulary: the records the store keeps and the rules a record must satisfy before
//! it is stored. Validation lives here, not in the store, so the CLI, the desktop app and CSV
//! import all refuse the same input with the same field-named message.

mod dossier;
mod programme;
mod vocabulary;

pub use dossier::{rating, DossierField, DossierInput, LaneOverride, Ratings, UseCase};
pub use programme::{Programme, ProgrammeField, ProgrammeSettings, ProgrammeUpdate};
pub use vocabulary::{CriterionKey, Direction, Lane, RiskClass, Stage};

use crate::error::{CoreError, CoreResult};

/// Trims `value` and refuses it when empty or longer than `max` characters.
pub fn required_text(field: &str, value: &str, max: usize) -> CoreResult<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(CoreError::invalid(field, "is required"));
    }
    limit(field, trimmed, max)
}

/// Trims `value`; an empty value becomes `None`.
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> CoreResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => limit(field, v, max).map(Some),
    }
}

fn limit(field: &str, value: &str, max: usize) -> CoreResult<String> {
    let count = value.chars().count();
    if count > max {
        return Err(CoreError::invalid(field, format!("is {count} characters long; the limit is {max}")));
    }
    if let Some(c) = crate::files::safe_text::first_forbidden(value) {
        return Err(CoreError::invalid(
            field,
            format!("contains {} (a control or text-direction character), which is not allowed", c.escape_unicode()),
        ));
    }
    Ok(value.to_owned())
}
