//! Per-participant rating sheets for workshops: the app writes one row per use case and
//! criterion for a participant to fill in offline, and reads the filled sheets back. Blank
//! ratings are skipped, so a half-filled sheet can be imported and finished later.

use super::{write, Table};
use crate::domain::{CriterionKey, UseCase};
use crate::error::{CoreError, CoreResult};
use crate::workshop::{RatingEntry, Workshop, WorkshopRating};

pub const COLUMNS: [&str; 7] =
    ["workshop_id", "participant", "use_case_id", "use_case_title", "criterion", "criterion_name", "rating"];

/// A sheet for `participant`, prefilled with the ratings already recorded.
pub fn export(
    workshop: &Workshop,
    participant: &str,
    use_cases: &[UseCase],
    criteria_names: &[(CriterionKey, String)],
    recorded: &[WorkshopRating],
) -> CoreResult<Vec<u8>> {
    if !workshop.participants.iter().any(|p| p == participant) {
        return Err(CoreError::invalid(
            "participant",
            format!("{participant} is not a participant of {}", workshop.id),
        ));
    }
    let mut rows = Vec::new();
    for id in &workshop.use_case_ids {
        let title = use_cases.iter().find(|c| &c.id == id).map_or("", |c| c.title.as_str());
        for (key, name) in criteria_names {
            let existing = recorded
                .iter()
                .find(|r| r.participant == participant && &r.use_case_id == id && r.criterion == *key)
                .map(|r| r.rating.to_string())
                .unwrap_or_default();
            rows.push(vec![
                workshop.id.clone(),
                participant.to_owned(),
                id.clone(),
                title.to_owned(),
                key.to_string(),
                name.clone(),
                existing,
            ]);
        }
    }
    write(&COLUMNS, &rows)
}

/// Reads a filled sheet for `workshop_id`: one entry per non-blank rating, labelled by row.
pub fn parse(bytes: &[u8], workshop_id: &str) -> CoreResult<Vec<(String, RatingEntry)>> {
    let table = Table::read(bytes, &["workshop_id", "participant", "use_case_id", "criterion", "rating"], &COLUMNS)?;
    let mut problems = Vec::new();
    let mut entries: Vec<(String, RatingEntry)> = Vec::new();
    let mut cells: std::collections::HashMap<(String, String, String), usize> = std::collections::HashMap::new();
    for (row, record) in &table.rows {
        let rating = table.field(record, "rating");
        if rating.is_empty() {
            continue;
        }
        let sheet_workshop = table.field(record, "workshop_id");
        if sheet_workshop != workshop_id {
            problems.push(format!(
                "row {row}, column workshop_id: this sheet is for {sheet_workshop:?}, not {workshop_id}"
            ));
            continue;
        }
        let criterion = match CriterionKey::parse_for("criterion", table.field(record, "criterion")) {
            Ok(c) => c,
            Err(CoreError::Invalid { reason, .. }) => {
                problems.push(format!("row {row}, column criterion: {reason}"));
                continue;
            }
            Err(other) => return Err(other),
        };
        let rating = match rating.parse::<u8>() {
            Ok(n) if (1..=5).contains(&n) => n,
            _ => {
                problems.push(format!("row {row}, column rating: must be a whole number from 1 to 5, not {rating:?}"));
                continue;
            }
        };
        let entry = RatingEntry {
            participant: table.field(record, "participant").to_owned(),
            use_case_id: table.field(record, "use_case_id").to_owned(),
            criterion,
            rating: Some(rating),
        };
        // The same cell twice: harmless when it says the same thing, but two different ratings
        // for one cell leave no way to know which the participant meant.
        let cell = (entry.participant.clone(), entry.use_case_id.clone(), entry.criterion.to_string());
        match cells.get(&cell).map(|&i| &entries[i]) {
            Some((earlier, e)) if e.rating != entry.rating => problems.push(format!(
                "row {row}, column rating: {} rates {} {} {} here but {} on {earlier}; keep one",
                entry.participant,
                entry.use_case_id,
                criterion,
                rating,
                e.rating.unwrap_or_default()
            )),
            Some(_) => {}
            None => {
                cells.insert(cell, entries.len());
                entries.push((format!("row {row}"), entry));
            }
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_ratings_are_skipped_and_bad_ones_named() {
        let sheet = "workshop_id,participant,use_case_id,use_case_title,criterion,criterion_name,rating\n\
                     WS-001,Ana,UC-001,Claims,value,Annualised value,4\n\
                     WS-001,Ana,UC-001,Claims,criticality,Process criticality,\n\
                     WS-001,Ana,UC-001,Claims,guardrail,Guardrail complexity,2\n";
        let entries = parse(sheet.as_bytes(), "WS-001").unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].0, "row 4");
        assert_eq!(entries[1].1.criterion, CriterionKey::Guardrail);

        let bad = "workshop_id,participant,use_case_id,criterion,rating\nWS-002,Ana,UC-001,value,4\nWS-001,Ana,UC-001,speed,6\nWS-001,Ana,UC-001,value,3.5\n";
        let CoreError::InvalidRows(problems) = parse(bad.as_bytes(), "WS-001").unwrap_err() else { panic!() };
        assert_eq!(
            problems,
            [
                "row 2, column workshop_id: this sheet is for \"WS-002\", not WS-001",
                "row 3, column criterion: \"speed\" is not one of value, criticality, guardrail",
                "row 4, column rating: must be a whole number from 1 to 5, not \"3.5\"",
            ]
        );
    }

    #[test]
    fn a_cell_rated_twice_differently_is_refused_and_twice_alike_is_read_once() {
        let twice = "workshop_id,participant,use_case_id,criterion,rating\nWS-001,Ana,UC-001,value,4\nWS-001,Ana,UC-001,value,4\n";
        assert_eq!(parse(twice.as_bytes(), "WS-001").unwrap().len(), 1);
        let clash = "workshop_id,participant,use_case_id,criterion,rating\nWS-001,Ana,UC-001,value,4\nWS-001,Ana,UC-001,value,2\n";
        let CoreError::InvalidRows(problems) = parse(clash.as_bytes(), "WS-001").unwrap_err() else { panic!() };
        assert_eq!(problems, ["row 3, column rating: Ana rates UC-001 value 2 here but 4 on row 2; keep one"]);
    }
}
