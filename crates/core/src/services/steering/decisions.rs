//! Decisions that act. An executive decides an agenda item with a rationale, and the decision
//! does what it says in the same transaction: an approved phase move happens (through the
//! regression gate, which only an explicit override passes), an authorised backlog item becomes
//! a use case in discovery, a stop stops the running phase, an acknowledged alert is closed, a
//! research case is retired or kept in the portfolio by a payback-gate override.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::agenda::{implied, AgendaEntry};
use crate::caller::Permission;
use crate::domain::{required_text, DossierInput, Lane, Ratings, Stage};
use crate::error::{CoreError, CoreResult};
use crate::money::Money;
use crate::services::compliance::stage_gate;
use crate::services::discovery::read;
use crate::services::pilots::blueprint;
use crate::services::pilots::rollout::{self, PhaseAdvance, PhaseStop};
use crate::services::registry::regression;
use crate::steering::{AgendaKind, BacklogStatus, DecisionChoice, Meeting, MeetingDecision};
use crate::store::meeting::{self as store, NewDecision};
use crate::store::{lane_override, monitoring, pilot, steering, use_case, Tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DecisionInput {
    pub meeting_id: String,
    /// The agenda item's key ("phase:PIL-001").
    pub item: String,
    pub decision: DecisionChoice,
    pub rationale: String,
}

/// Decides `input.item` in the open `meeting` as the person working, who must be an executive,
/// and acts on it.
pub(crate) fn decide_in(tx: &Tx, meeting: &Meeting, input: &DecisionInput) -> CoreResult<MeetingDecision> {
    tx.actor().may(Permission::DecideGate)?;
    let decider = tx.actor().name.clone();
    decide_as(tx, meeting, input, &decider)
}

/// As `decide_in`, recorded as decided by `decider` (the demo's executive).
pub(crate) fn decide_as(
    tx: &Tx,
    meeting: &Meeting,
    input: &DecisionInput,
    decider: &str,
) -> CoreResult<MeetingDecision> {
    let rationale = required_text("rationale", &input.rationale, 2000)?;
    if meeting.is_closed() {
        return Err(CoreError::Conflict(format!("{} is closed; its minutes are final", meeting.id)));
    }
    let key = input.item.trim();
    if let Some(d) = meeting.decisions.iter().find(|d| d.item == key) {
        return Err(CoreError::invalid(
            "item",
            format!("{key} was decided in this meeting already ({}: {} by {})", d.id, d.decision, d.decided_by),
        ));
    }
    let on = chrono::NaiveDate::parse_from_str(&meeting.held_on, "%Y-%m-%d").unwrap_or_default();
    let item = implied(tx, on)?.into_iter().find(|i| i.item == key).ok_or_else(|| {
        CoreError::invalid(
            "item",
            format!("{key} is not on {}'s agenda (`steerco meeting agenda {}`)", meeting.id, meeting.id),
        )
    })?;
    if !item.choices.contains(&input.decision) {
        let allowed: Vec<&str> = item.choices.iter().map(|c| c.as_str()).collect();
        return Err(CoreError::invalid(
            "decision",
            format!(
                "a {} is decided with {}, not {}",
                item.kind.label().to_lowercase(),
                allowed.join(", "),
                input.decision
            ),
        ));
    }
    let outcome = act(tx, meeting, &item, input.decision, &rationale, decider)?;
    let id = store::insert_decision(
        tx,
        &NewDecision {
            meeting_id: &meeting.id,
            item: &item.item,
            kind: item.kind.as_str(),
            subject_id: &item.subject_id,
            title: &item.title,
            evidence: &item.evidence.join("\n"),
            decision: input.decision.as_str(),
            rationale: &rationale,
            outcome: &outcome,
            decided_by: decider,
        },
    )?;
    store::get(tx, &meeting.id)?
        .and_then(|m| m.decisions.into_iter().find(|d| d.id == id))
        .ok_or_else(|| CoreError::Conflict(format!("{id} was not stored")))
}

fn act(
    tx: &Tx,
    meeting: &Meeting,
    item: &AgendaEntry,
    decision: DecisionChoice,
    rationale: &str,
    decider: &str,
) -> CoreResult<String> {
    use DecisionChoice::*;
    let on = meeting.held_on.clone();
    let deferred = || Ok("Deferred: back on the next meeting's agenda".to_owned());
    match (item.kind, decision) {
        (_, Defer) if item.kind != AgendaKind::BacklogItem => deferred(),
        (AgendaKind::PhaseDecision, Approve | Override) => {
            let before = rollout::require_in(tx, "item", &item.subject_id)?;
            let running = before.running().map(|p| p.name.clone()).unwrap_or_default();
            let after = rollout::advance_in(
                tx,
                &PhaseAdvance {
                    pilot_id: item.subject_id.clone(),
                    on: Some(on),
                    override_rationale: (decision == Override).then(|| rationale.to_owned()),
                },
            )?;
            Ok(match after.running() {
                Some(next) => format!("{running} done; {} ({}) started", next.name, next.id),
                None => format!("{running} done; {} finished its rollout", after.id),
            })
        }
        (AgendaKind::PhaseDecision, Stop) => {
            let p = rollout::stop_in(
                tx,
                &PhaseStop { pilot_id: item.subject_id.clone(), reason: rationale.to_owned(), on: Some(on) },
            )?;
            Ok(format!("{} stopped; the fallback protocol takes over", p.id))
        }
        (AgendaKind::Expansion, Approve | Override) => {
            let case = use_case::require(tx, &item.subject_id)?;
            if decision == Override {
                if let Some(version) = blueprint::read_in(tx, &case.id)?.launch_version().map(str::to_owned) {
                    let doing = format!("{} cannot move from pilot to scaled: ", case.id);
                    regression::enforce_for(tx, &version, &version, &doing, Some(rationale))?;
                }
            }
            use_case::update(tx, &case.id, &DossierInput { stage: Stage::Scaled, ..case.dossier.clone() })?;
            stage_gate::check_move(tx, &case.id, case.dossier.stage, Stage::Scaled, false)
                .map_err(|e| CoreError::invalid("decision", crate::csv_io::reason_of(&e)))?;
            Ok(format!("{} moved to scaled", case.id))
        }
        (AgendaKind::Expansion, Stop) => Ok(format!("{} stays in pilot; no expansion", item.subject_id)),
        (AgendaKind::DriftAlert, Approve) => {
            monitoring::acknowledge(tx, &item.subject_id, decider, rationale)?;
            Ok(format!("{} acknowledged", item.subject_id))
        }
        (AgendaKind::StaleSignoff | AgendaKind::RiskIndicator, Approve) => {
            Ok("Accepted as it stands; the owner closes it".to_owned())
        }
        (AgendaKind::StaleSignoff | AgendaKind::DriftAlert | AgendaKind::RiskIndicator, Stop) => {
            let mut outcome = stop_running_pilot(tx, item.use_case_id.as_deref(), rationale, &on)?;
            if item.kind == AgendaKind::DriftAlert {
                monitoring::acknowledge(tx, &item.subject_id, decider, rationale)?;
                outcome.push_str(&format!("; {} acknowledged", item.subject_id));
            }
            Ok(outcome)
        }
        (AgendaKind::BacklogItem, Authorise) => authorise(tx, meeting, &item.subject_id, rationale, decider),
        (AgendaKind::BacklogItem, Defer) => {
            steering::set_backlog_status(tx, &item.subject_id, BacklogStatus::Deferred, None)?;
            Ok(format!("{} deferred", item.subject_id))
        }
        (AgendaKind::BacklogItem, Stop) => {
            steering::set_backlog_status(tx, &item.subject_id, BacklogStatus::Rejected, None)?;
            Ok(format!("{} rejected", item.subject_id))
        }
        (AgendaKind::ResearchReview, Approve) => Ok(format!(
            "{} stays in the research lane; reviewed again in {} months",
            item.subject_id,
            super::agenda::research_interval(tx)?
        )),
        (AgendaKind::ResearchReview, Stop) => {
            let case = use_case::require(tx, &item.subject_id)?;
            use_case::update(tx, &case.id, &DossierInput { stage: Stage::Retired, ..case.dossier.clone() })?;
            Ok(format!("{} retired", case.id))
        }
        (AgendaKind::ResearchReview, Override) => {
            let case = read::require(tx, &item.subject_id)?;
            if case.requested_lane != Lane::Portfolio || case.lane_reason.is_none() || case.lane_override.is_some() {
                return Err(CoreError::invalid(
                    "decision",
                    format!(
                        "{} is in the research lane by choice, not by the payback gate; there is no gate to override",
                        case.id
                    ),
                ));
            }
            lane_override::insert(tx, &case.id, decider, rationale)?;
            Ok(format!("{} kept in the portfolio lane despite the payback gate", case.id))
        }
        (kind, choice) => {
            Err(CoreError::invalid("decision", format!("a {} is not decided with {choice}", kind.label())))
        }
    }
}

fn stop_running_pilot(tx: &Tx, use_case_id: Option<&str>, reason: &str, on: &str) -> CoreResult<String> {
    let Some(uc) = use_case_id else { return Ok("Recorded: there is no pilot to stop".to_owned()) };
    let Some(pilot_id) = pilot::id_for_use_case(tx, uc)? else {
        return Ok(format!("Recorded: {uc} has no pilot to stop"));
    };
    let p = rollout::require_in(tx, "item", &pilot_id)?;
    if p.running().is_none() {
        return Ok(format!("Recorded: {pilot_id} has no running phase to stop"));
    }
    rollout::stop_in(
        tx,
        &PhaseStop { pilot_id: pilot_id.clone(), reason: reason.to_owned(), on: Some(on.to_owned()) },
    )?;
    Ok(format!("{pilot_id} stopped; the fallback protocol takes over"))
}

/// The backlog item becomes a use case in discovery, sponsored by the item's sponsor or else by
/// the executive deciding, with the proposer's estimate where there is one.
fn authorise(tx: &Tx, meeting: &Meeting, backlog_id: &str, rationale: &str, decider: &str) -> CoreResult<String> {
    let b = steering::backlog_item(tx, backlog_id)?
        .ok_or_else(|| CoreError::invalid("item", format!("{backlog_id} is not a backlog item")))?;
    let e = &b.estimate;
    let input = DossierInput {
        title: b.title.clone(),
        business_unit: e.business_unit.clone().unwrap_or_else(|| "To be assigned".to_owned()),
        description: format!(
            "Proposed by {} on {}: {}\n\nAuthorised by the steering meeting {} of {} ({}).",
            b.proposer, b.proposed_on, b.rationale, meeting.id, meeting.held_on, rationale
        ),
        workflow: String::new(),
        executive_sponsor: Some(b.sponsor.clone().unwrap_or_else(|| decider.to_owned())),
        product_owner: None,
        annual_value: e.annual_value.unwrap_or(Money::ZERO),
        one_time_cost: e.one_time_cost.unwrap_or(Money::ZERO),
        monthly_run_cost: e.monthly_run_cost.unwrap_or(Money::ZERO),
        ratings: Ratings::default(),
        data_readiness: None,
        data_readiness_notes: String::new(),
        risk_class: None,
        risk_notes: String::new(),
        stage: Stage::Discovery,
        lane: Lane::Portfolio,
    }
    .validated()?;
    let id = use_case::insert(tx, &input)?;
    steering::set_backlog_status(tx, &b.id, BacklogStatus::Authorised, Some(&id))?;
    Ok(format!("{id} created in discovery, sponsored by {}", input.executive_sponsor.unwrap_or_default()))
}
