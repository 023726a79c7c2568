//! Reads and writes of `pilot`, `pilot_acceptance` and `pilot_phase`; a pilot is read whole, with
//! its KPIs and incidents (`pilot_operations`).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::CachedQuery;
use super::{pilot_operations, sequence, stored_enum, Tx};
use crate::error::CoreResult;
use crate::pilots::pilot::{AcceptanceMetric, Phase, PhaseInput, PhaseStatus, Pilot, Protocols};

pub(crate) const ID_PREFIX: &str = "PIL";
pub(crate) const PHASE_PREFIX: &str = "PH";

pub(crate) fn insert(tx: &Tx, use_case_id: &str, workflow: &str, by: &str) -> CoreResult<String> {
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO pilot (id, use_case_id, workflow, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, use_case_id, workflow, by, tx.now()],
    )?;
    Ok(id)
}

pub(crate) fn set_protocols(tx: &Tx, pilot_id: &str, p: &Protocols) -> CoreResult<()> {
    tx.execute(
        "UPDATE pilot SET training_audience = ?2, training_materials = ?3, training_delivered_on = ?4,
             fallback_process = ?5, fallback_trigger = ?6, fallback_owner = ?7, evaluation_suite = ?8
         WHERE id = ?1",
        params![
            pilot_id,
            p.training_audience,
            p.training_materials,
            p.training_delivered_on,
            p.fallback_process,
            p.fallback_trigger,
            p.fallback_owner,
            p.evaluation_suite
        ],
    )?;
    tx.execute("DELETE FROM pilot_acceptance WHERE pilot_id = ?1", [pilot_id])?;
    for a in &p.acceptance {
        tx.execute(
            "INSERT INTO pilot_acceptance (pilot_id, metric, threshold, higher_is_better) VALUES (?1, ?2, ?3, ?4)",
            params![pilot_id, a.metric, a.threshold, a.higher_is_better],
        )?;
    }
    Ok(())
}

pub(crate) fn insert_phase(tx: &Tx, p: &PhaseInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, PHASE_PREFIX)?;
    let position: i64 = tx.cached_row(
        "SELECT coalesce(max(position), 0) + 1 FROM pilot_phase WHERE pilot_id = ?1",
        [&p.pilot_id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO pilot_phase (id, pilot_id, position, name, audience, planned_start, planned_end, status,
             oversight_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned', ?8)",
        params![id, p.pilot_id, position, p.name, p.audience, p.planned_start, p.planned_end, p.oversight_note],
    )?;
    Ok(id)
}

pub(crate) fn set_phase_status(
    tx: &Tx,
    phase_id: &str,
    status: PhaseStatus,
    actual_start: Option<&str>,
    actual_end: Option<&str>,
    stop_reason: Option<&str>,
) -> CoreResult<()> {
    tx.execute(
        "UPDATE pilot_phase SET status = ?2, actual_start = coalesce(?3, actual_start),
             actual_end = coalesce(?4, actual_end), stop_reason = coalesce(?5, stop_reason)
         WHERE id = ?1",
        params![phase_id, status.as_str(), actual_start, actual_end, stop_reason],
    )?;
    Ok(())
}

/// The pilot's id for a use case, if it has one.
pub(crate) fn id_for_use_case(conn: &Connection, use_case_id: &str) -> CoreResult<Option<String>> {
    Ok(conn.cached_row("SELECT id FROM pilot WHERE use_case_id = ?1", [use_case_id], |r| r.get(0)).optional()?)
}

pub(crate) fn ids(conn: &Connection) -> CoreResult<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT id FROM pilot ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

pub(crate) fn get(conn: &Connection, id: &str) -> CoreResult<Option<Pilot>> {
    let head = conn
        .cached_row(
            "SELECT p.id, p.use_case_id, u.title, p.workflow, p.training_audience, p.training_materials,
                 p.training_delivered_on, p.fallback_process, p.fallback_trigger, p.fallback_owner,
                 p.evaluation_suite, p.created_by
             FROM pilot p JOIN use_case u ON u.id = p.use_case_id WHERE p.id = ?1",
            [id.trim()],
            |r| {
                Ok(Pilot {
                    id: r.get(0)?,
                    use_case_id: r.get(1)?,
                    use_case_title: r.get(2)?,
                    workflow: r.get(3)?,
                    protocols: Protocols {
                        training_audience: r.get(4)?,
                        training_materials: r.get(5)?,
                        training_delivered_on: r.get(6)?,
                        fallback_process: r.get(7)?,
                        fallback_trigger: r.get(8)?,
                        fallback_owner: r.get(9)?,
                        evaluation_suite: r.get(10)?,
                        acceptance: Vec::new(),
                    },
                    missing_protocols: Vec::new(),
                    phases: Vec::new(),
                    kpis: Vec::new(),
                    incidents: Vec::new(),
                    created_by: r.get(11)?,
                })
            },
        )
        .optional()?;
    let Some(mut pilot) = head else {
        return Ok(None);
    };
    pilot.protocols.acceptance = conn
        .prepare_cached(
            "SELECT metric, threshold, higher_is_better FROM pilot_acceptance WHERE pilot_id = ?1 ORDER BY metric",
        )?
        .query_map([&pilot.id], |r| {
            Ok(AcceptanceMetric { metric: r.get(0)?, threshold: r.get(1)?, higher_is_better: r.get(2)? })
        })?
        .collect::<Result<_, _>>()?;
    pilot.missing_protocols = pilot.protocols.missing();
    pilot.phases = conn
        .prepare_cached(
            "SELECT id, position, name, audience, planned_start, planned_end, actual_start, actual_end, status,
                 stop_reason, oversight_note
             FROM pilot_phase WHERE pilot_id = ?1 ORDER BY position",
        )?
        .query_map([&pilot.id], |r| Ok(phase_from_row(r)))?
        .map(|row| row?)
        .collect::<CoreResult<_>>()?;
    pilot.kpis = pilot_operations::kpis(conn, &pilot.id)?;
    pilot.incidents = pilot_operations::incidents(conn, &pilot.id)?;
    Ok(Some(pilot))
}

fn phase_from_row(r: &Row) -> CoreResult<Phase> {
    Ok(Phase {
        id: r.get(0)?,
        position: r.get(1)?,
        name: r.get(2)?,
        audience: r.get(3)?,
        planned_start: r.get(4)?,
        planned_end: r.get(5)?,
        actual_start: r.get(6)?,
        actual_end: r.get(7)?,
        status: stored_enum(&r.get::<_, String>(8)?)?,
        stop_reason: r.get(9)?,
        oversight_note: r.get(10)?,
    })
}
