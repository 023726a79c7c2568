//! Reads and writes of `pilot_kpi` and `pilot_incident`.

use rusqlite::{params, Connection, OptionalExtension};

use super::CachedQuery;
use super::{sequence, stored_enum, Tx};
use crate::error::CoreResult;
use crate::pilots::operations::{Incident, IncidentInput, Kpi, KpiInput};

pub(crate) const KPI_PREFIX: &str = "KPI";
pub(crate) const INCIDENT_PREFIX: &str = "INC";

pub(crate) fn insert_kpi(tx: &Tx, pilot_id: &str, k: &KpiInput) -> CoreResult<String> {
    let id = sequence::next_id(tx, KPI_PREFIX)?;
    tx.execute(
        "INSERT INTO pilot_kpi (id, pilot_id, name, unit, baseline, target, higher_is_better)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, pilot_id, k.name, k.unit, k.baseline, k.target, k.higher_is_better],
    )?;
    Ok(id)
}

pub(crate) fn kpi_named(conn: &Connection, pilot_id: &str, name: &str) -> CoreResult<bool> {
    Ok(conn.cached_row(
        "SELECT EXISTS (SELECT 1 FROM pilot_kpi WHERE pilot_id = ?1 AND lower(name) = lower(?2))",
        params![pilot_id, name],
        |r| r.get(0),
    )?)
}

pub(crate) fn kpis(conn: &Connection, pilot_id: &str) -> CoreResult<Vec<Kpi>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, pilot_id, name, unit, baseline, target, higher_is_better FROM pilot_kpi
             WHERE pilot_id = ?1 ORDER BY id",
        )?
        .query_map([pilot_id], |r| {
            Ok(Kpi {
                id: r.get(0)?,
                pilot_id: r.get(1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
                baseline: r.get(4)?,
                target: r.get(5)?,
                higher_is_better: r.get(6)?,
            })
        })?
        .collect::<Result<_, _>>()?)
}

pub(crate) fn insert_incident(tx: &Tx, pilot_id: &str, i: &IncidentInput, by: &str) -> CoreResult<String> {
    let id = sequence::next_id(tx, INCIDENT_PREFIX)?;
    tx.execute(
        "INSERT INTO pilot_incident (id, pilot_id, occurred_on, severity, compliance, description, resolution,
             resolved_on, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            pilot_id,
            i.occurred_on,
            i.severity.as_str(),
            i.compliance,
            i.description,
            i.resolution,
            i.resolved_on,
            by
        ],
    )?;
    Ok(id)
}

pub(crate) fn resolve_incident(tx: &Tx, id: &str, resolution: &str, resolved_on: &str) -> CoreResult<()> {
    tx.execute(
        "UPDATE pilot_incident SET resolution = ?2, resolved_on = ?3 WHERE id = ?1",
        params![id, resolution, resolved_on],
    )?;
    Ok(())
}

pub(crate) fn incidents(conn: &Connection, pilot_id: &str) -> CoreResult<Vec<Incident>> {
    conn.prepare_cached(
        "SELECT id, pilot_id, occurred_on, severity, compliance, description, resolution, resolved_on, recorded_by
         FROM pilot_incident WHERE pilot_id = ?1 ORDER BY occurred_on DESC, id DESC",
    )?
    .query_map([pilot_id], |r| {
        Ok((
            Incident {
                id: r.get(0)?,
                pilot_id: r.get(1)?,
                occurred_on: r.get(2)?,
                severity: crate::pilots::operations::Severity::Low,
                compliance: r.get(4)?,
                description: r.get(5)?,
                resolution: r.get(6)?,
                resolved_on: r.get(7)?,
                recorded_by: r.get(8)?,
            },
            r.get::<_, String>(3)?,
        ))
    })?
    .map(|row| {
        let (incident, severity) = row?;
        Ok(Incident { severity: stored_enum(&severity)?, ..incident })
    })
    .collect()
}

/// The pilot an incident belongs to.
pub(crate) fn incident_pilot(conn: &Connection, id: &str) -> CoreResult<Option<String>> {
    Ok(conn.cached_row("SELECT pilot_id FROM pilot_incident WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}
