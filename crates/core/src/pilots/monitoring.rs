//! Drift and feedback, pure: the two CSV files a pilot's monitoring sends (`date,metric,value`
//! and `date,channel,rating,count,comment`) read all-or-nothing, which values cross the drift
//! threshold, and feedback summed by ISO week.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::blueprint::DriftDirection;
use crate::csv_io::{number, Table};
use crate::error::{CoreError, CoreResult};

const NAME_MAX: usize = 120;
const COMMENT_MAX: usize = 2000;

/// One monitored value, as read from a file or stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitoringPoint {
    pub observed_on: String,
    pub metric: String,
    pub value: f64,
}

/// Feedback received on a day through one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackEntry {
    pub received_on: String,
    pub channel: String,
    /// Mean rating of the answers, 1 (poor) to 5 (excellent).
    pub rating: f64,
    /// How many answers the rating averages.
    pub count: u32,
    pub comment: String,
}

fn date_cell(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Err("is required".to_owned());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{text:?} is not a date like 2026-11-30"))
}

fn name_cell(text: &str) -> Result<String, String> {
    match text.chars().count() {
        0 => Err("is required".to_owned()),
        n if n > NAME_MAX => Err(format!("is {n} characters long; at most {NAME_MAX}")),
        _ => Ok(text.to_owned()),
    }
}

/// Reads `date,metric,value`. A metric named twice for one day is refused: which value holds?
pub fn points_from_csv(bytes: &[u8]) -> CoreResult<Vec<MonitoringPoint>> {
    let table = Table::read(bytes, &["date", "metric", "value"], &[])?;
    let mut problems = Vec::new();
    let mut points = Vec::new();
    let mut seen = HashSet::new();
    for (row, record) in &table.rows {
        let mut at = |column: &str, reason: String| problems.push(format!("row {row}, column {column}: {reason}"));
        let date = date_cell(table.field(record, "date")).map_err(|r| at("date", r)).ok();
        let metric = name_cell(table.field(record, "metric")).map_err(|r| at("metric", r)).ok();
        let value = number(table.field(record, "value")).map_err(|r| at("value", r)).ok();
        if let (Some(observed_on), Some(metric), Some(value)) = (date, metric, value) {
            if !seen.insert((observed_on.clone(), metric.clone())) {
                at("metric", format!("{metric:?} already has a value on {observed_on} in this file"));
                continue;
            }
            points.push(MonitoringPoint { observed_on, metric, value });
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    if points.is_empty() {
        return Err(CoreError::InvalidRows(vec!["the file has a header but no values".to_owned()]));
    }
    Ok(points)
}

/// Reads `date,channel,rating,count,comment` (comment may be empty or left out).
pub fn feedback_from_csv(bytes: &[u8]) -> CoreResult<Vec<FeedbackEntry>> {
    let table = Table::read(bytes, &["date", "channel", "rating", "count"], &["comment"])?;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for (row, record) in &table.rows {
        let mut at = |column: &str, reason: String| problems.push(format!("row {row}, column {column}: {reason}"));
        let date = date_cell(table.field(record, "date")).map_err(|r| at("date", r)).ok();
        let channel = name_cell(table.field(record, "channel")).map_err(|r| at("channel", r)).ok();
        let rating = match number(table.field(record, "rating")) {
            Ok(r) if (1.0..=5.0).contains(&r) => Some(r),
            Ok(r) => {
                at("rating", format!("{r} is outside 1–5"));
                None
            }
            Err(reason) => {
                at("rating", reason);
                None
            }
        };
        let count_text = table.field(record, "count");
        let count = match count_text.parse::<u32>() {
            Ok(0) => {
                at("count", "is 0; a row counts at least one answer".to_owned());
                None
            }
            Ok(n) => Some(n),
            Err(_) if count_text.is_empty() => {
                at("count", "is required".to_owned());
                None
            }
            Err(_) => {
                at("count", format!("{count_text:?} is not a whole number from 1 to {}", u32::MAX));
                None
            }
        };
        let comment = table.field(record, "comment");
        if comment.chars().count() > COMMENT_MAX {
            at("comment", format!("is longer than {COMMENT_MAX} characters"));
            continue;
        }
        if let (Some(received_on), Some(channel), Some(rating), Some(count)) = (date, channel, rating, count) {
            if !seen.insert((received_on.clone(), channel.clone())) {
                at("channel", format!("{channel:?} already has a row on {received_on} in this file"));
                continue;
            }
            entries.push(FeedbackEntry { received_on, channel, rating, count, comment: comment.to_owned() });
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    if entries.is_empty() {
        return Err(CoreError::InvalidRows(vec!["the file has a header but no feedback".to_owned()]));
    }
    Ok(entries)
}

/// Whether `value` is past `threshold` in the direction the blueprint warns of (equal is not).
pub fn crosses(value: f64, threshold: f64, direction: DriftDirection) -> bool {
    match direction {
        DriftDirection::Above => value > threshold,
        DriftDirection::Below => value < threshold,
    }
}

/// Feedback over one ISO week (Monday to Sunday): answers and their weighted mean rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackWeek {
    /// The Monday the week starts.
    pub week_of: String,
    pub count: u32,
    pub mean_rating: f64,
}

/// Sums feedback by ISO week, oldest first; the mean weighs each row by its count.
pub fn feedback_by_week(entries: &[FeedbackEntry]) -> Vec<FeedbackWeek> {
    let mut weeks: BTreeMap<NaiveDate, (u64, f64)> = BTreeMap::new();
    for e in entries {
        let Ok(day) = NaiveDate::parse_from_str(&e.received_on, "%Y-%m-%d") else { continue };
        let monday = day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()));
        let slot = weeks.entry(monday).or_default();
        slot.0 += u64::from(e.count);
        slot.1 += e.rating * f64::from(e.count);
    }
    weeks
        .into_iter()
        .map(|(monday, (count, weighted))| FeedbackWeek {
            week_of: monday.format("%Y-%m-%d").to_string(),
            count: u32::try_from(count).unwrap_or(u32::MAX),
            mean_rating: if count == 0 { 0.0 } else { weighted / count as f64 },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(result: CoreResult<impl std::fmt::Debug>) -> Vec<String> {
        match result {
            Err(CoreError::InvalidRows(rows)) => rows,
            other => panic!("expected row problems, got {other:?}"),
        }
    }

    #[test]
    fn monitoring_rows_are_read_and_every_bad_cell_is_named() {
        let points =
            points_from_csv(b"date,metric,value\n2026-10-01,escalation_rate,0.12\n2026-10-02,escalation_rate,0.31\n")
                .unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[1].value, 0.31);
        let bad = problems(points_from_csv(
            b"date,metric,value\n2026-13-01,x,1\n2026-10-01,,1\n2026-10-01,y,1e3\n2026-10-01,y,1\n2026-10-01,y,2\n",
        ));
        assert_eq!(bad.len(), 4, "{bad:?}");
        assert!(bad[0].starts_with("row 2, column date"), "{bad:?}");
        assert!(bad[3].contains("already has a value on 2026-10-01"), "{bad:?}");
        assert!(problems(points_from_csv(b"date,metric\n2026-10-01,x\n"))[0].contains("value"));
        assert!(problems(points_from_csv(b"date,metric,value\n"))[0].contains("no values"));
    }

    #[test]
    fn feedback_rows_are_bounded_and_summed_by_week() {
        let bad =
            problems(feedback_from_csv(b"date,channel,rating,count\n2026-10-01,thumbs,6,3\n2026-10-01,form,4,0\n"));
        assert!(bad[0].contains("outside 1"), "{bad:?}");
        assert!(bad[1].contains("count: is 0"), "{bad:?}");
        let entries = feedback_from_csv(
            "date,channel,rating,count,comment\n2026-11-02,thumbs,4,30,\n2026-11-08,form,2,10,\"Too long, \"\"wordy\"\"\"\n2026-11-09,thumbs,5,5,ok\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(entries[1].comment, "Too long, \"wordy\"");
        let weeks = feedback_by_week(&entries);
        assert_eq!(weeks.len(), 2, "Monday 2 and Sunday 8 November share a week: {weeks:?}");
        assert_eq!((weeks[0].week_of.as_str(), weeks[0].count), ("2026-11-02", 40));
        assert!((weeks[0].mean_rating - 3.5).abs() < 1e-9);
        assert_eq!(weeks[1].week_of, "2026-11-09");
    }

    #[test]
    fn a_value_on_the_threshold_does_not_cross_it() {
        assert!(crosses(0.21, 0.2, DriftDirection::Above));
        assert!(!crosses(0.2, 0.2, DriftDirection::Above));
        assert!(crosses(0.79, 0.8, DriftDirection::Below));
        assert!(!crosses(0.9, 0.8, DriftDirection::Below));
    }
}
