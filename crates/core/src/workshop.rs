//! Discovery workshops: a facilitator, participants and the use cases on the table. Each
//! participant rates each criterion of each use case; the dossier takes the median, and a
//! criterion whose ratings spread by 2 or more is flagged "discuss".

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{required_text, CriterionKey};
use crate::error::{CoreError, CoreResult};

/// Ratings this far apart (max − min) mean the room does not agree yet.
pub const DISCUSS_SPREAD: u8 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Workshop {
    pub id: String,
    pub title: String,
    /// ISO date, e.g. "2026-11-30".
    pub held_on: String,
    pub facilitator: String,
    pub participants: Vec<String>,
    pub use_case_ids: Vec<String>,
    pub rating_count: u32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewWorkshop {
    pub title: String,
    pub held_on: String,
    pub facilitator: String,
    pub participants: Vec<String>,
    /// Empty means every use case still in discovery.
    pub use_case_ids: Vec<String>,
}

impl NewWorkshop {
    pub fn validated(&self) -> CoreResult<NewWorkshop> {
        let title = required_text("title", &self.title, 200)?;
        let typed = self.held_on.trim();
        // Stored as zero-padded ISO so that dates sort as text ("2026-2-1" becomes "2026-02-01").
        let held_on = NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .map_err(|_| CoreError::invalid("held_on", format!("{typed:?} is not a date like 2026-11-30")))?
            .format("%Y-%m-%d")
            .to_string();
        let facilitator = required_text("facilitator", &self.facilitator, 120)?;
        let mut participants: Vec<String> = Vec::new();
        for name in &self.participants {
            let name = required_text("participants", name, 120)?;
            if participants.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
                return Err(CoreError::invalid("participants", format!("{name} is listed twice")));
            }
            participants.push(name);
        }
        if participants.is_empty() {
            return Err(CoreError::invalid("participants", "name at least one participant"));
        }
        Ok(NewWorkshop {
            title,
            held_on,
            facilitator,
            participants,
            use_case_ids: self.use_case_ids.iter().map(|id| id.trim().to_owned()).collect(),
        })
    }
}

/// Where a rating was entered: on the facilitator's screen or from a participant's sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RatingSource {
    Screen,
    Sheet,
}

impl RatingSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RatingSource::Screen => "screen",
            RatingSource::Sheet => "sheet",
        }
    }
}

/// One participant's rating of one criterion of one use case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkshopRating {
    pub participant: String,
    pub use_case_id: String,
    pub criterion: CriterionKey,
    pub rating: u8,
    pub source: RatingSource,
    pub recorded_at: DateTime<Utc>,
}

/// A rating to record; `None` clears the participant's rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RatingEntry {
    pub participant: String,
    pub use_case_id: String,
    pub criterion: CriterionKey,
    pub rating: Option<u8>,
}

/// The room's view of one criterion of one use case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsensusCell {
    pub use_case_id: String,
    pub criterion: CriterionKey,
    /// (participant, rating), in the workshop's participant order.
    pub ratings: Vec<(String, u8)>,
    pub median: Option<f64>,
    pub spread: Option<u8>,
    pub discuss: bool,
}

pub fn median(values: &[u8]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        f64::from(sorted[mid])
    } else {
        (f64::from(sorted[mid - 1]) + f64::from(sorted[mid])) / 2.0
    })
}

pub fn spread(values: &[u8]) -> Option<u8> {
    Some(values.iter().max()? - values.iter().min()?)
}

/// One cell per (use case, criterion) of the workshop, in its order.
pub fn consensus(workshop: &Workshop, ratings: &[WorkshopRating]) -> Vec<ConsensusCell> {
    let mut cells = Vec::new();
    for use_case_id in &workshop.use_case_ids {
        for criterion in CriterionKey::ALL {
            let given: Vec<(String, u8)> = workshop
                .participants
                .iter()
                .filter_map(|p| {
                    ratings
                        .iter()
                        .find(|r| &r.participant == p && &r.use_case_id == use_case_id && r.criterion == *criterion)
                        .map(|r| (p.clone(), r.rating))
                })
                .collect();
            let values: Vec<u8> = given.iter().map(|(_, r)| *r).collect();
            let spread = spread(&values);
            cells.push(ConsensusCell {
                use_case_id: use_case_id.clone(),
                criterion: *criterion,
                median: median(&values),
                discuss: spread.is_some_and(|s| s >= DISCUSS_SPREAD),
                spread,
                ratings: given,
            });
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[4, 2, 5]), Some(4.0));
        assert_eq!(median(&[2, 3]), Some(2.5));
        assert_eq!(median(&[1, 5, 3, 3]), Some(3.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn spread_of_two_or_more_means_discuss() {
        let t = Utc::now();
        let workshop = Workshop {
            id: "WS-001".into(),
            title: "Claims".into(),
            held_on: "2026-11-30".into(),
            facilitator: "F".into(),
            participants: vec!["Ana".into(), "Ben".into(), "Cy".into()],
            use_case_ids: vec!["UC-001".into()],
            rating_count: 0,
            created_at: t,
        };
        let r = |p: &str, c: CriterionKey, rating: u8| WorkshopRating {
            participant: p.into(),
            use_case_id: "UC-001".into(),
            criterion: c,
            rating,
            source: RatingSource::Screen,
            recorded_at: t,
        };
        let ratings = [
            r("Ana", CriterionKey::Value, 4),
            r("Ben", CriterionKey::Value, 5),
            r("Cy", CriterionKey::Value, 4),
            r("Ana", CriterionKey::Guardrail, 1),
            r("Cy", CriterionKey::Guardrail, 3),
        ];
        let cells = consensus(&workshop, &ratings);
        assert_eq!(cells.len(), 3);
        let value = &cells[0];
        assert_eq!((value.median, value.spread, value.discuss), (Some(4.0), Some(1), false));
        let criticality = &cells[1];
        assert_eq!((criticality.median, criticality.discuss), (None, false));
        let guardrail = &cells[2];
        assert_eq!((guardrail.median, guardrail.spread, guardrail.discuss), (Some(2.0), Some(2), true));
        assert_eq!(guardrail.ratings, [("Ana".to_owned(), 1), ("Cy".to_owned(), 3)]);
    }

    #[test]
    fn a_new_workshop_needs_a_real_date_and_distinct_participants() {
        let w = NewWorkshop {
            title: "Discovery day 1".into(),
            held_on: "2026-02-30".into(),
            facilitator: "F".into(),
            participants: vec!["Ana".into()],
            use_case_ids: vec![],
        };
        assert!(w.validated().unwrap_err().to_string().starts_with("held_on:"));
        let w = NewWorkshop { held_on: "2026-3-2".into(), participants: vec!["Ana".into(), "ana ".into()], ..w };
        assert_eq!(w.validated().unwrap_err().to_string(), "participants: ana is listed twice");
        let w = NewWorkshop { participants: vec!["Ana".into()], ..w };
        assert_eq!(w.validated().unwrap().held_on, "2026-03-02", "dates are stored zero-padded");
    }
}
