//! Drift and feedback of a pilot: the monitoring and feedback files imported all-or-nothing, the
//! drift alerts a value past the blueprint's threshold opens (open until someone acknowledges it
//! with a note), and the monitoring view with its two charts.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::blueprint;
use super::rollout::require_in;
use crate::audit::Action;
use crate::caller::Caller;
use crate::charts::{drift_chart, feedback_chart, DriftSeries};
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded};
use crate::pilots::blueprint::{BlueprintPart, DriftDirection, MonitoringPart, PartContent};
use crate::pilots::monitoring::{
    crosses, feedback_by_week, feedback_from_csv, points_from_csv, FeedbackEntry, FeedbackWeek, MonitoringPoint,
};
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::monitoring::{self as store, NewAlert, StoredAlert};
use crate::store::{Db, Tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitoringImport {
    /// The use case (or PIL-…) whose pilot the file is about.
    pub use_case_id: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitoringImported {
    pub pilot_id: String,
    pub added: u32,
    /// Rows already stored with the same value (a file imported twice changes nothing).
    pub unchanged: u32,
    /// Alerts this import opened.
    pub alerts: Vec<DriftAlert>,
    /// Why no value was checked against a threshold, when none was.
    pub unchecked: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeedbackImported {
    pub pilot_id: String,
    pub added: u32,
    pub unchanged: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DriftAlert {
    /// DA-001
    pub id: String,
    pub pilot_id: String,
    pub use_case_id: String,
    pub use_case_title: String,
    pub metric: String,
    pub observed_on: String,
    pub value: f64,
    pub threshold: f64,
    pub direction: DriftDirection,
    pub opened_at: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub note: Option<String>,
}

impl From<StoredAlert> for DriftAlert {
    fn from(a: StoredAlert) -> DriftAlert {
        DriftAlert {
            id: a.id,
            pilot_id: a.pilot_id,
            use_case_id: a.use_case_id,
            use_case_title: a.use_case_title,
            metric: a.metric,
            observed_on: a.observed_on,
            value: a.value,
            threshold: a.threshold,
            direction: a.direction,
            opened_at: a.opened_at,
            acknowledged_by: a.acknowledged_by,
            acknowledged_at: a.acknowledged_at,
            note: a.note,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AlertQuery {
    /// Only this use case's (or PIL-…) alerts.
    #[serde(default)]
    pub use_case_id: Option<String>,
    /// Acknowledged alerts too.
    #[serde(default)]
    pub all: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AlertAcknowledge {
    /// DA-001
    pub id: String,
    /// What was looked at and what is done about it.
    pub note: String,
}

/// A pilot's monitoring: the blueprint's drift settings, the drift metric's values, feedback by
/// week, every alert, and the two charts as SVG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitoringView {
    pub pilot_id: String,
    pub use_case_id: String,
    pub drift_metric: Option<String>,
    pub drift_threshold: Option<f64>,
    pub drift_baseline: Option<f64>,
    pub drift_direction: Option<DriftDirection>,
    pub feedback_channel: Option<String>,
    /// Every monitored value, by metric then date.
    pub points: Vec<MonitoringPoint>,
    pub feedback: Vec<FeedbackEntry>,
    pub feedback_weeks: Vec<FeedbackWeek>,
    /// Open alerts first.
    pub alerts: Vec<DriftAlert>,
    /// The drift metric over time with its threshold; `None` until drift detection is defined.
    pub drift_chart_svg: Option<String>,
    pub feedback_chart_svg: String,
}

pub(crate) fn monitoring_part(tx: &rusqlite::Connection, use_case_id: &str) -> CoreResult<MonitoringPart> {
    match &blueprint::read_in(tx, use_case_id)?.part(BlueprintPart::Monitoring).content {
        PartContent::Monitoring(m) => Ok(m.clone()),
        _ => Ok(MonitoringPart::default()),
    }
}

/// The drift metric, threshold and direction, when the blueprint defines all three.
pub(crate) fn drift_settings(m: &MonitoringPart) -> Option<(&str, f64, DriftDirection)> {
    match (m.drift_metric.as_str(), m.drift_threshold, m.drift_direction) {
        ("", _, _) => None,
        (metric, Some(threshold), Some(direction)) => Some((metric, threshold, direction)),
        _ => None,
    }
}

fn file_bytes(path: &str) -> CoreResult<Vec<u8>> {
    read_bounded("path", Path::new(path.trim()), limits::CSV)
}

/// The rows of a file not yet stored. A row stored with the same content is skipped (a file
/// imported twice changes nothing); one that contradicts what is stored refuses the whole file,
/// every contradiction named: a recorded value is evidence and is not rewritten.
fn not_yet_recorded<Row, Stored>(
    rows: &[Row],
    stored: impl Fn(&Row) -> CoreResult<Option<Stored>>,
    same: impl Fn(&Row, &Stored) -> bool,
    contradiction: impl Fn(&Row, &Stored) -> String,
) -> CoreResult<Vec<&Row>> {
    let mut conflicts = Vec::new();
    let mut fresh = Vec::new();
    for row in rows {
        match stored(row)? {
            Some(s) if same(row, &s) => {}
            Some(s) => conflicts.push(contradiction(row, &s)),
            None => fresh.push(row),
        }
    }
    if conflicts.is_empty() {
        Ok(fresh)
    } else {
        Err(CoreError::InvalidRows(conflicts))
    }
}

/// Imports `date,metric,value` for the pilot of a use case. Every value of the blueprint's drift
/// metric past its threshold opens an alert. A row that contradicts a stored value is refused:
/// a monitoring record is evidence and is not rewritten.
pub fn import_monitoring(db: &Db, caller: &Caller, req: &MonitoringImport) -> CoreResult<MonitoringImported> {
    let points = points_from_csv(&file_bytes(&req.path)?)?;
    db.write(caller, Action::Import, |tx| {
        let p = require_in(tx, "use_case_id", &req.use_case_id)?;
        let fresh = not_yet_recorded(
            &points,
            |point| store::point_value(tx, &p.id, &point.metric, &point.observed_on),
            |point, value| *value == point.value,
            |point, value| {
                format!(
                    "{} on {}: {} is already recorded as {value}; a recorded value is not rewritten",
                    point.metric, point.observed_on, point.value
                )
            },
        )?;
        for point in &fresh {
            store::insert_point(tx, &p.id, point)?;
        }
        let part = monitoring_part(tx, &p.use_case_id)?;
        let (alerts, unchecked) = match drift_settings(&part) {
            Some(settings) => (open_alerts(tx, &p.id, &fresh, settings)?, None),
            None => (
                Vec::new(),
                Some(format!(
                    "{}'s blueprint defines no drift metric with a threshold and direction; no value was checked",
                    p.use_case_id
                )),
            ),
        };
        let added = u32::try_from(fresh.len()).unwrap_or(u32::MAX);
        Ok(MonitoringImported {
            pilot_id: p.id,
            added,
            unchanged: u32::try_from(points.len() - fresh.len()).unwrap_or(u32::MAX),
            alerts,
            unchecked,
        })
    })
}

pub(crate) fn open_alerts(
    tx: &Tx,
    pilot_id: &str,
    fresh: &[&MonitoringPoint],
    (metric, threshold, direction): (&str, f64, DriftDirection),
) -> CoreResult<Vec<DriftAlert>> {
    let mut opened = Vec::new();
    for point in fresh.iter().filter(|p| p.metric == metric && crosses(p.value, threshold, direction)) {
        let new =
            NewAlert { pilot_id, metric, observed_on: &point.observed_on, value: point.value, threshold, direction };
        if let Some(id) = store::open_alert(tx, &new)? {
            let stored = store::alert(tx, &id)?.ok_or_else(|| CoreError::Conflict(format!("{id} was not stored")))?;
            opened.push(stored.into());
        }
    }
    Ok(opened)
}

/// Imports `date,channel,rating,count,comment` for the pilot of a use case.
pub fn import_feedback(db: &Db, caller: &Caller, req: &MonitoringImport) -> CoreResult<FeedbackImported> {
    let entries = feedback_from_csv(&file_bytes(&req.path)?)?;
    db.write(caller, Action::Import, |tx| {
        let p = require_in(tx, "use_case_id", &req.use_case_id)?;
        let fresh = not_yet_recorded(
            &entries,
            |e| store::feedback_on(tx, &p.id, &e.received_on, &e.channel),
            |e, stored| stored == e,
            |e, stored| {
                format!(
                    "{} on {}: already recorded ({} answers, rating {}); recorded feedback is not rewritten",
                    e.channel, e.received_on, stored.count, stored.rating
                )
            },
        )?;
        for e in &fresh {
            store::insert_feedback(tx, &p.id, e)?;
        }
        Ok(FeedbackImported {
            pilot_id: p.id,
            added: u32::try_from(fresh.len()).unwrap_or(u32::MAX),
            unchanged: u32::try_from(entries.len() - fresh.len()).unwrap_or(u32::MAX),
        })
    })
}

pub fn alerts(db: &Db, req: &AlertQuery) -> CoreResult<Vec<DriftAlert>> {
    db.read(|c| {
        let pilot = match req.use_case_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => Some(require_in(c, "use_case_id", id)?.id),
            None => None,
        };
        Ok(store::alerts(c, pilot.as_deref(), req.all)?.into_iter().map(DriftAlert::from).collect())
    })
}

pub fn acknowledge(db: &Db, caller: &Caller, req: &AlertAcknowledge) -> CoreResult<DriftAlert> {
    let note = required_text("note", &req.note, 2000)?;
    db.write(caller, Action::Acknowledge, |tx| {
        let id = req.id.trim();
        let alert = store::alert(tx, id)?
            .ok_or_else(|| CoreError::invalid("id", format!("{id} is not a drift alert (DA-…)")))?;
        if let (Some(by), Some(at)) = (&alert.acknowledged_by, &alert.acknowledged_at) {
            return Err(CoreError::invalid("id", format!("{id} was already acknowledged by {by} at {at}")));
        }
        let by = tx.actor().name.clone();
        store::acknowledge(tx, id, &by, &note)?;
        Ok(store::alert(tx, id)?.ok_or_else(|| CoreError::Conflict(format!("{id} vanished")))?.into())
    })
}

pub fn view(db: &Db, use_case_id: &str) -> CoreResult<MonitoringView> {
    db.read(|c| {
        let p = require_in(c, "use_case_id", use_case_id)?;
        let part = monitoring_part(c, &p.use_case_id)?;
        let points = store::points(c, &p.id)?;
        let feedback = store::feedback(c, &p.id)?;
        let weeks = feedback_by_week(&feedback);
        let drift_chart_svg = match drift_settings(&part) {
            Some((metric, threshold, direction)) => {
                let series: Vec<(String, f64)> =
                    points.iter().filter(|p| p.metric == metric).map(|p| (p.observed_on.clone(), p.value)).collect();
                Some(drift_chart(&DriftSeries {
                    metric,
                    points: &series,
                    threshold,
                    baseline: part.drift_baseline,
                    direction,
                })?)
            }
            None => None,
        };
        let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Ok(MonitoringView {
            pilot_id: p.id.clone(),
            use_case_id: p.use_case_id.clone(),
            drift_metric: nonempty(&part.drift_metric),
            drift_threshold: part.drift_threshold,
            drift_baseline: part.drift_baseline,
            drift_direction: part.drift_direction,
            feedback_channel: nonempty(&part.feedback_channel),
            points,
            feedback_chart_svg: feedback_chart(&weeks)?,
            feedback,
            feedback_weeks: weeks,
            alerts: store::alerts(c, Some(&p.id), true)?.into_iter().map(DriftAlert::from).collect(),
            drift_chart_svg,
        })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MonitoringChart {
    Drift,
    Feedback,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChartExport {
    pub use_case_id: String,
    pub chart: MonitoringChart,
    /// Where the SVG goes.
    pub destination: String,
}

/// Saves one of the pilot's charts as SVG through the shared writer (and onto the trail).
pub fn export_chart(db: &Db, caller: &Caller, req: &ChartExport) -> CoreResult<ExportOutcome> {
    let view = view(db, &req.use_case_id)?;
    let (svg, what) = match req.chart {
        MonitoringChart::Drift => (
            view.drift_chart_svg.ok_or_else(|| {
                CoreError::invalid(
                    "chart",
                    format!("{}'s blueprint defines no drift metric with a threshold yet", view.use_case_id),
                )
            })?,
            "drift chart SVG",
        ),
        MonitoringChart::Feedback => (view.feedback_chart_svg, "feedback chart SVG"),
    };
    export_bytes(db, caller, &req.destination, &format!("{} {what}", view.use_case_id), svg.as_bytes(), 1)
}
