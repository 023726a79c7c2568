//! Steering, pure: backlog items, the improvement cadence, meeting decisions and agenda items —
//! the records and vocabularies the steering services work with.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::registry::iso_date;
use crate::text_enum::text_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BacklogStatus {
    Proposed,
    /// A steering decision made it a use case in discovery.
    Authorised,
    Deferred,
    Rejected,
}

text_enum!(BacklogStatus, "status", {
    Proposed => "proposed", Authorised => "authorised", Deferred => "deferred", Rejected => "rejected"
});

/// Something proposed for the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BacklogItem {
    /// BL-001
    pub id: String,
    pub title: String,
    pub proposer: String,
    pub rationale: String,
    /// The executive who would sponsor it, if named.
    pub sponsor: Option<String>,
    pub estimate: BacklogEstimate,
    pub proposed_on: String,
    pub status: BacklogStatus,
    /// The use case it became, once authorised.
    pub use_case_id: Option<String>,
}

/// The proposer's rough business case; what is left out stays to be worked out in discovery.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct BacklogEstimate {
    #[serde(default)]
    pub business_unit: Option<String>,
    #[serde(default)]
    pub annual_value: Option<Money>,
    #[serde(default)]
    pub one_time_cost: Option<Money>,
    #[serde(default)]
    pub monthly_run_cost: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BacklogInput {
    pub title: String,
    /// Who proposes it (anyone; default the person working).
    #[serde(default)]
    pub proposer: Option<String>,
    pub rationale: String,
    #[serde(default)]
    pub sponsor: Option<String>,
    #[serde(default)]
    pub estimate: BacklogEstimate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CadenceKind {
    /// The quarterly review of the programme.
    QuarterlyReview,
    /// A cross-functional forum: engineers, analysts, compliance.
    Forum,
    /// A workforce-enablement session.
    Enablement,
}

text_enum!(CadenceKind, "kind", { QuarterlyReview => "quarterly_review", Forum => "forum", Enablement => "enablement" });

impl CadenceKind {
    pub fn label(self) -> &'static str {
        match self {
            CadenceKind::QuarterlyReview => "Quarterly review",
            CadenceKind::Forum => "Cross-functional forum",
            CadenceKind::Enablement => "Workforce enablement",
        }
    }
}

/// Each kind is held at least once a quarter; past this many days since the last one it is
/// overdue.
pub const CADENCE_DAYS: i64 = 92;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CadenceEvent {
    /// CAD-001
    pub id: String,
    pub kind: CadenceKind,
    pub held_on: String,
    /// Who it was for ("claims engineers, analysts and compliance").
    pub audience: String,
    /// How many attended.
    pub attendance: u32,
    pub outcomes: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CadenceInput {
    pub kind: CadenceKind,
    pub held_on: String,
    pub audience: String,
    pub attendance: u32,
    #[serde(default)]
    pub outcomes: String,
}

impl CadenceInput {
    pub fn validated(&self) -> CoreResult<CadenceInput> {
        if self.attendance > 100_000 {
            return Err(CoreError::invalid("attendance", format!("{} is not a plausible attendance", self.attendance)));
        }
        let outcomes = self.outcomes.trim();
        if outcomes.chars().count() > 4000 {
            return Err(CoreError::invalid("outcomes", "is longer than 4000 characters"));
        }
        Ok(CadenceInput {
            kind: self.kind,
            held_on: iso_date("held_on", &self.held_on)?,
            audience: required_text("audience", &self.audience, 300)?,
            attendance: self.attendance,
            outcomes: outcomes.to_owned(),
        })
    }
}

/// What an executive decides on an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionChoice {
    Approve,
    Defer,
    Stop,
    Authorise,
    /// Go ahead although a gate refuses, with the reason on record.
    Override,
}

text_enum!(DecisionChoice, "decision", {
    Approve => "approve", Defer => "defer", Stop => "stop", Authorise => "authorise", Override => "override"
});

/// Why an item is on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    /// A running pilot: start its next phase (or finish), hold, or stop.
    PhaseDecision,
    /// A pilot that finished its phases asks to scale.
    Expansion,
    StaleSignoff,
    DriftAlert,
    /// A red risk indicator other than the above (lineage gap, failed bias check, readiness
    /// blocker, overdue cadence).
    RiskIndicator,
    BacklogItem,
    /// A research-lane case due for its periodic review.
    ResearchReview,
}

text_enum!(AgendaKind, "kind", {
    PhaseDecision => "phase_decision", Expansion => "expansion", StaleSignoff => "stale_signoff",
    DriftAlert => "drift_alert", RiskIndicator => "risk_indicator", BacklogItem => "backlog_item",
    ResearchReview => "research_review"
});

impl AgendaKind {
    /// The decisions that make sense for the item, the first being the usual one.
    pub fn choices(self) -> &'static [DecisionChoice] {
        use DecisionChoice::*;
        match self {
            AgendaKind::PhaseDecision | AgendaKind::Expansion => &[Approve, Defer, Stop, Override],
            AgendaKind::StaleSignoff | AgendaKind::DriftAlert | AgendaKind::RiskIndicator => &[Approve, Defer, Stop],
            AgendaKind::BacklogItem => &[Authorise, Defer, Stop],
            AgendaKind::ResearchReview => &[Approve, Defer, Stop, Override],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::PhaseDecision => "Phase decision",
            AgendaKind::Expansion => "Expansion",
            AgendaKind::StaleSignoff => "Stale sign-off",
            AgendaKind::DriftAlert => "Drift alert",
            AgendaKind::RiskIndicator => "Risk indicator",
            AgendaKind::BacklogItem => "Backlog item",
            AgendaKind::ResearchReview => "Research review",
        }
    }
}

/// Someone at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Attendee {
    pub person_id: String,
    pub name: String,
}

/// One agenda item decided in a meeting, as the minutes keep it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingDecision {
    /// DEC-001
    pub id: String,
    pub meeting_id: String,
    /// The agenda item's key ("phase:PIL-001").
    pub item: String,
    pub kind: AgendaKind,
    pub subject_id: String,
    pub title: String,
    /// The evidence the item showed when it was decided (regression results, readiness).
    pub evidence: String,
    pub decision: DecisionChoice,
    pub rationale: String,
    pub decided_by: String,
    pub decided_at: String,
    /// What the decision did ("PH-004 Regional rollout started", "UC-021 created in discovery").
    pub outcome: String,
}

/// A follow-up agreed in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingAction {
    /// ACT-001
    pub id: String,
    pub meeting_id: String,
    pub description: String,
    pub owner_id: String,
    pub owner_name: String,
    pub due_on: String,
}

/// A steering meeting with its minutes so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Meeting {
    /// MTG-001
    pub id: String,
    pub held_on: String,
    pub attendees: Vec<Attendee>,
    pub created_by: String,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    /// The audit trail's last record when the meeting closed: its number and hash.
    pub audit_seq: Option<i64>,
    pub audit_head: Option<String>,
    pub decisions: Vec<MeetingDecision>,
    pub actions: Vec<MeetingAction>,
}

impl Meeting {
    pub fn is_closed(&self) -> bool {
        self.closed_at.is_some()
    }
}
