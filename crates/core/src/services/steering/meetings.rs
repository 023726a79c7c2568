//! Steering meetings: one is opened for a date with its attendees (people of the portfolio); its
//! agenda follows from the data; executives decide its items; follow-up actions get an owner and
//! a due date; closing it stamps the audit trail's head into the minutes, which are final from
//! then on.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::agenda::{AgendaEntry, MeetingAgenda};
pub use super::decisions::DecisionInput;

use super::{agenda, decisions};
use crate::audit::Action;
use crate::caller::Caller;
use crate::compliance::Person;
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::iso_date;
use crate::steering::{Meeting, MeetingDecision};
use crate::store::{meeting as store, person, Db, Tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingInput {
    /// YYYY-MM-DD
    pub held_on: String,
    /// People of the portfolio, by name or id; none means the person working.
    #[serde(default)]
    pub attendees: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingRef {
    /// MTG-001
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ActionInput {
    pub meeting_id: String,
    pub description: String,
    /// A person of the portfolio, by name or id.
    pub owner: String,
    /// YYYY-MM-DD
    pub due_on: String,
}

/// A meeting in the list: its date, state and how far its agenda got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MeetingSummary {
    pub id: String,
    pub held_on: String,
    pub closed: bool,
    pub attendees: u32,
    pub decisions: u32,
    pub actions: u32,
}

fn person_named(conn: &rusqlite::Connection, field: &str, who: &str) -> CoreResult<Person> {
    let who = who.trim();
    let found = match person::find(conn, who)? {
        Some(p) => Some(p),
        None if who.to_ascii_uppercase().starts_with("PER-") => person::require(conn, &who.to_ascii_uppercase()).ok(),
        None => None,
    };
    found.ok_or_else(|| {
        CoreError::invalid(field, format!("{who:?} is not one of the portfolio's people (`steerco person list`)"))
    })
}

pub(crate) fn require_in(conn: &rusqlite::Connection, id: &str) -> CoreResult<Meeting> {
    store::get(conn, &id.trim().to_ascii_uppercase())?
        .ok_or_else(|| CoreError::invalid("meeting_id", format!("{} is not a meeting (MTG-…)", id.trim())))
}

pub fn create(db: &Db, caller: &Caller, input: &MeetingInput) -> CoreResult<MeetingAgenda> {
    let held_on = iso_date("held_on", &input.held_on)?;
    db.write(caller, Action::Create, |tx| {
        let mut ids: Vec<String> = Vec::new();
        for (i, who) in input.attendees.iter().enumerate() {
            let p = person_named(tx, &format!("attendees[{i}]"), who)?;
            if !ids.contains(&p.id) {
                ids.push(p.id);
            }
        }
        if ids.is_empty() {
            match tx.actor().person.as_ref() {
                Some(me) => ids.push(me.id.clone()),
                None => return Err(CoreError::invalid("attendees", "name at least one of the portfolio's people")),
            }
        }
        let id = store::insert(tx, &held_on, &ids, &tx.actor().name)?;
        agenda::build(tx, require_in(tx, &id)?)
    })
}

pub fn list(db: &Db) -> CoreResult<Vec<MeetingSummary>> {
    db.read(|c| {
        store::ids(c)?
            .iter()
            .map(|id| {
                let m = require_in(c, id)?;
                Ok(MeetingSummary {
                    id: m.id.clone(),
                    held_on: m.held_on.clone(),
                    closed: m.is_closed(),
                    attendees: m.attendees.len() as u32,
                    decisions: m.decisions.len() as u32,
                    actions: m.actions.len() as u32,
                })
            })
            .collect()
    })
}

/// The meeting's agenda: for an open meeting, what the data implies now with this meeting's
/// decisions; for a closed one, what was decided.
pub fn agenda(db: &Db, req: &MeetingRef) -> CoreResult<MeetingAgenda> {
    db.read(|c| agenda::build(c, require_in(c, &req.id)?))
}

pub fn decide(db: &Db, caller: &Caller, input: &DecisionInput) -> CoreResult<MeetingDecision> {
    db.write(caller, Action::Decide, |tx| {
        let meeting = require_in(tx, &input.meeting_id)?;
        decisions::decide_in(tx, &meeting, input)
    })
}

fn open_in(tx: &Tx, id: &str) -> CoreResult<Meeting> {
    let m = require_in(tx, id)?;
    if m.is_closed() {
        return Err(CoreError::Conflict(format!("{} is closed; its minutes are final", m.id)));
    }
    Ok(m)
}

pub fn add_action(db: &Db, caller: &Caller, input: &ActionInput) -> CoreResult<Meeting> {
    let description = required_text("description", &input.description, 2000)?;
    let due_on = iso_date("due_on", &input.due_on)?;
    db.write(caller, Action::Create, |tx| {
        let m = open_in(tx, &input.meeting_id)?;
        if due_on < m.held_on {
            return Err(CoreError::invalid("due_on", format!("{due_on} is before the meeting ({})", m.held_on)));
        }
        let owner = person_named(tx, "owner", &input.owner)?;
        store::insert_action(tx, &m.id, &description, &owner.id, &due_on)?;
        require_in(tx, &m.id)
    })
}

/// Closes the meeting. Its minutes keep the trail's head as it stood when it closed.
pub fn close(db: &Db, caller: &Caller, req: &MeetingRef) -> CoreResult<Meeting> {
    db.write(caller, Action::Update, |tx| {
        let m = open_in(tx, &req.id)?;
        store::close(tx, &m.id, &tx.actor().name)?;
        require_in(tx, &m.id)
    })
}

/// The minutes: attendees, decisions with what they did, actions, and the audit head at the close.
pub fn minutes(db: &Db, req: &MeetingRef) -> CoreResult<Meeting> {
    db.read(|c| require_in(c, &req.id))
}
