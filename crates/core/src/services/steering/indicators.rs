//! Risk indicators: what is red across the programme right now — stale sign-offs, lineage gaps in
//! what is deployed, failed bias checks, open drift alerts, pilots blocked at the readiness gate
//! and an overdue improvement cadence — each naming the record to open.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cadence;
use crate::error::CoreResult;
use crate::services::compliance::review::readable::label;
use crate::services::compliance::signoffs::{self, SignoffQueue};
use crate::services::pilots::readiness;
use crate::services::registry::lineage::{self, LineageCheck};
use crate::store::{bias_check, monitoring, pilot};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    StaleSignoff,
    LineageGap,
    FailedBiasCheck,
    DriftAlert,
    ReadinessBlocker,
    CadenceOverdue,
}

impl IndicatorKind {
    pub fn label(self) -> &'static str {
        match self {
            IndicatorKind::StaleSignoff => "Stale sign-off",
            IndicatorKind::LineageGap => "Lineage gap",
            IndicatorKind::FailedBiasCheck => "Failed bias check",
            IndicatorKind::DriftAlert => "Open drift alert",
            IndicatorKind::ReadinessBlocker => "Readiness blocker",
            IndicatorKind::CadenceOverdue => "Cadence overdue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskIndicator {
    pub kind: IndicatorKind,
    /// The record to open (UC-…, AV-…, BC-…, DA-…, or the cadence kind).
    pub record_id: String,
    pub use_case_id: Option<String>,
    pub title: String,
    pub detail: String,
}

/// Every red indicator on `today`, by kind then record.
pub(crate) fn indicators_in(conn: &Connection, today: NaiveDate) -> CoreResult<Vec<RiskIndicator>> {
    indicators_from(conn, today, signoffs::queue_in(conn)?, &lineage::check_in(conn)?)
}

/// As `indicators_in`, with the sign-off queue and the release check already read.
pub(crate) fn indicators_from(
    conn: &Connection,
    today: NaiveDate,
    queue: SignoffQueue,
    check: &LineageCheck,
) -> CoreResult<Vec<RiskIndicator>> {
    let mut out = Vec::new();
    for s in queue.stale {
        // "dossier.monthly_run_cost" reads "Monthly run cost".
        let what: Vec<String> =
            s.changes.iter().take(3).map(|c| label(c.field.rsplit('.').next().unwrap_or(&c.field))).collect();
        out.push(RiskIndicator {
            kind: IndicatorKind::StaleSignoff,
            record_id: s.status.signoff.entity_id.clone(),
            use_case_id: s.status.signoff.entity_id.starts_with("UC-").then(|| s.status.signoff.entity_id.clone()),
            title: s.status.entity_title.clone(),
            detail: if what.is_empty() {
                format!("{}'s sign-off no longer matches the record", s.status.signoff.signed_by)
            } else {
                format!("{}'s sign-off no longer matches: {} changed", s.status.signoff.signed_by, what.join(", "))
            },
        });
    }
    for d in check.deployed.iter().filter(|d| d.gap_count > 0) {
        let first = check.gaps.iter().find(|g| g.adapter_version_id == d.adapter_version_id);
        out.push(RiskIndicator {
            kind: IndicatorKind::LineageGap,
            record_id: d.adapter_version_id.clone(),
            use_case_id: d.use_case_id.clone(),
            title: d.label.clone(),
            detail: match first {
                Some(g) if d.gap_count == 1 => g.message.clone(),
                Some(g) => format!("{} gaps, first: {}", d.gap_count, g.message),
                None => format!("{} gaps", d.gap_count),
            },
        });
    }
    // The latest check of a kind on a use case (and version) is the one that counts.
    let mut latest: HashMap<(String, String, Option<String>), crate::compliance::BiasCheck> = HashMap::new();
    for c in bias_check::list(conn, None)? {
        let key = (c.use_case_id.clone(), c.kind.to_string(), c.adapter_version_id.clone());
        match latest.get(&key) {
            Some(seen) if seen.checked_at >= c.checked_at => {}
            _ => {
                latest.insert(key, c);
            }
        }
    }
    let mut failed: Vec<_> = latest.into_values().filter(|c| !c.passed).collect();
    failed.sort_by(|a, b| a.id.cmp(&b.id));
    for c in failed {
        out.push(RiskIndicator {
            kind: IndicatorKind::FailedBiasCheck,
            record_id: c.id.clone(),
            use_case_id: Some(c.use_case_id.clone()),
            title: c.title.clone(),
            detail: format!("{} check failed its threshold of {}", c.kind.to_string().replace('_', " "), c.threshold),
        });
    }
    for a in monitoring::alerts(conn, None, false)? {
        out.push(RiskIndicator {
            kind: IndicatorKind::DriftAlert,
            record_id: a.id.clone(),
            use_case_id: Some(a.use_case_id.clone()),
            title: a.use_case_title.clone(),
            detail: format!("{} was {} on {} (threshold {})", a.metric, a.value, a.observed_on, a.threshold),
        });
    }
    for id in pilot::ids(conn)? {
        let Some(p) = pilot::get(conn, &id)? else { continue };
        if p.started() {
            continue;
        }
        let r = readiness::check_in(conn, &p.use_case_id)?;
        let unmet: Vec<&str> = r.items.iter().filter(|i| !i.met).map(|i| i.title.as_str()).collect();
        if !unmet.is_empty() {
            out.push(RiskIndicator {
                kind: IndicatorKind::ReadinessBlocker,
                record_id: p.use_case_id.clone(),
                use_case_id: Some(p.use_case_id.clone()),
                title: p.use_case_title.clone(),
                detail: format!("{} cannot start: {}", p.id, unmet.join("; ")),
            });
        }
    }
    for due in cadence::overdue_in(conn, today)? {
        out.push(RiskIndicator {
            kind: IndicatorKind::CadenceOverdue,
            record_id: due.kind.as_str().to_owned(),
            use_case_id: None,
            title: due.kind.label().to_owned(),
            detail: match due.last_held_on {
                Some(last) => format!("last held on {last}, {} days ago", due.days_since.unwrap_or_default()),
                None => "never held".to_owned(),
            },
        });
    }
    Ok(out)
}
