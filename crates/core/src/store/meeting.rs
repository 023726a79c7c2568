//! Reads and writes of `meeting`, `meeting_attendee`, `meeting_decision` and `meeting_action`.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::{CoreError, CoreResult};
use crate::steering::{Attendee, Meeting, MeetingAction, MeetingDecision};

pub(crate) const MEETING_PREFIX: &str = "MTG";
pub(crate) const DECISION_PREFIX: &str = "DEC";
pub(crate) const ACTION_PREFIX: &str = "ACT";

pub(crate) fn insert(tx: &Tx, held_on: &str, attendees: &[String], created_by: &str) -> CoreResult<String> {
    let id = sequence::next_id(tx, MEETING_PREFIX)?;
    tx.execute("INSERT INTO meeting (id, held_on, created_by) VALUES (?1, ?2, ?3)", params![id, held_on, created_by])?;
    for person_id in attendees {
        tx.execute("INSERT INTO meeting_attendee (meeting_id, person_id) VALUES (?1, ?2)", params![id, person_id])?;
    }
    Ok(id)
}

pub(crate) struct NewDecision<'a> {
    pub meeting_id: &'a str,
    pub item: &'a str,
    pub kind: &'a str,
    pub subject_id: &'a str,
    pub title: &'a str,
    pub evidence: &'a str,
    pub decision: &'a str,
    pub rationale: &'a str,
    pub outcome: &'a str,
    pub decided_by: &'a str,
}

pub(crate) fn insert_decision(tx: &Tx, d: &NewDecision<'_>) -> CoreResult<String> {
    let id = sequence::next_id(tx, DECISION_PREFIX)?;
    tx.execute(
        "INSERT INTO meeting_decision (id, meeting_id, item, kind, subject_id, title, evidence, decision, rationale,
             decided_by, decided_at, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            d.meeting_id,
            d.item,
            d.kind,
            d.subject_id,
            d.title,
            d.evidence,
            d.decision,
            d.rationale,
            d.decided_by,
            tx.now().to_rfc3339(),
            d.outcome
        ],
    )?;
    Ok(id)
}

pub(crate) fn insert_action(
    tx: &Tx,
    meeting_id: &str,
    description: &str,
    owner: &str,
    due_on: &str,
) -> CoreResult<String> {
    let id = sequence::next_id(tx, ACTION_PREFIX)?;
    tx.execute(
        "INSERT INTO meeting_action (id, meeting_id, description, owner, due_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, meeting_id, description, owner, due_on],
    )?;
    Ok(id)
}

/// Closes the meeting, stamping the trail's head as it stands before this change.
pub(crate) fn close(tx: &Tx, id: &str, closed_by: &str) -> CoreResult<()> {
    let (seq, hash): (i64, String) = tx
        .cached_row("SELECT seq, hash FROM audit_anchor WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| CoreError::Conflict("the audit trail has no head to stamp the minutes with".to_owned()))?;
    tx.execute(
        "UPDATE meeting SET closed_at = ?2, closed_by = ?3, audit_seq = ?4, audit_head = ?5 WHERE id = ?1",
        params![id, tx.now().to_rfc3339(), closed_by, seq, hash],
    )?;
    Ok(())
}

fn decisions(conn: &Connection, meeting_id: &str) -> CoreResult<Vec<MeetingDecision>> {
    let rows: Vec<(MeetingDecision, String, String)> = conn
        .prepare_cached(
            "SELECT id, meeting_id, item, kind, subject_id, title, evidence, decision, rationale, decided_by, decided_at,
                 outcome
             FROM meeting_decision WHERE meeting_id = ?1 ORDER BY id",
        )?
        .query_map([meeting_id], |r| {
            Ok((
                MeetingDecision {
                    id: r.get(0)?,
                    meeting_id: r.get(1)?,
                    item: r.get(2)?,
                    kind: crate::steering::AgendaKind::PhaseDecision,
                    subject_id: r.get(4)?,
                    title: r.get(5)?,
                    evidence: r.get(6)?,
                    decision: crate::steering::DecisionChoice::Defer,
                    rationale: r.get(8)?,
                    decided_by: r.get(9)?,
                    decided_at: r.get(10)?,
                    outcome: r.get(11)?,
                },
                r.get(3)?,
                r.get(7)?,
            ))
        })?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(mut d, kind, decision)| {
            d.kind = stored_enum(&kind)?;
            d.decision = stored_enum(&decision)?;
            Ok(d)
        })
        .collect()
}

fn actions(conn: &Connection, meeting_id: &str) -> CoreResult<Vec<MeetingAction>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.id, a.meeting_id, a.description, a.owner, p.name, a.due_on
             FROM meeting_action a JOIN person p ON p.id = a.owner WHERE a.meeting_id = ?1 ORDER BY a.id",
        )?
        .query_map([meeting_id], |r| {
            Ok(MeetingAction {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                description: r.get(2)?,
                owner_id: r.get(3)?,
                owner_name: r.get(4)?,
                due_on: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?)
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<Meeting>> {
    let head = conn
        .prepare_cached(
            "SELECT id, held_on, created_by, closed_at, closed_by, audit_seq, audit_head FROM meeting WHERE id = ?1",
        )?
        .query_row([id.trim()], |r| {
            Ok(Meeting {
                id: r.get(0)?,
                held_on: r.get(1)?,
                attendees: Vec::new(),
                created_by: r.get(2)?,
                closed_at: r.get(3)?,
                closed_by: r.get(4)?,
                audit_seq: r.get(5)?,
                audit_head: r.get(6)?,
                decisions: Vec::new(),
                actions: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut meeting) = head else { return Ok(None) };
    meeting.attendees = conn
        .prepare_cached(
            "SELECT p.id, p.name FROM meeting_attendee a JOIN person p ON p.id = a.person_id
             WHERE a.meeting_id = ?1 ORDER BY p.name",
        )?
        .query_map([&meeting.id], |r| Ok(Attendee { person_id: r.get(0)?, name: r.get(1)? }))?
        .collect::<Result<_, _>>()?;
    meeting.decisions = decisions(conn, &meeting.id)?;
    meeting.actions = actions(conn, &meeting.id)?;
    Ok(Some(meeting))
}

/// Every meeting's id, newest date first.
pub(crate) fn ids(conn: &Connection) -> CoreResult<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM meeting ORDER BY held_on DESC, id DESC")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

/// The date of the latest decision on `subject_id` of `kind`, across meetings.
pub(crate) fn last_decided(conn: &Connection, kind: &str, subject_id: &str) -> CoreResult<Option<String>> {
    Ok(conn
        .cached_row(
            "SELECT MAX(m.held_on) FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
             WHERE d.kind = ?1 AND d.subject_id = ?2",
            params![kind, subject_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// The ids of decisions taken on any of `subjects` (a use case, its pilot, its versions…).
pub(crate) fn decisions_on(conn: &Connection, subjects: &[&str]) -> CoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT id FROM meeting_decision WHERE subject_id = ?1 ORDER BY id")?;
    let mut out = Vec::new();
    for s in subjects {
        out.extend(stmt.query_map([s], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?);
    }
    Ok(out)
}

/// The latest closed meeting's date.
pub(crate) fn last_closed_on(conn: &Connection) -> CoreResult<Option<String>> {
    Ok(conn.cached_row("SELECT MAX(held_on) FROM meeting WHERE closed_at IS NOT NULL", [], |r| r.get(0))?)
}
