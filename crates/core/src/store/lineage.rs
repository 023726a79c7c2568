//! Gathers the records lineage is drawn from: for a version, its packs, their sources, its
//! evaluations and deployments.

use rusqlite::Connection;

use super::{adapter, data_pack, data_source, deployment, evaluation};
use crate::error::CoreResult;
use crate::registry::lineage::{self, LineageGraph, LineageRecords};
use crate::registry::AdapterVersion;

pub fn records(conn: &Connection, version: AdapterVersion) -> CoreResult<LineageRecords> {
    let packs = version.data_pack_ids.iter().map(|id| data_pack::require(conn, id)).collect::<CoreResult<Vec<_>>>()?;
    let mut source_ids: Vec<&String> = packs.iter().flat_map(|p| &p.source_ids).collect();
    source_ids.sort();
    source_ids.dedup();
    let sources = source_ids.into_iter().map(|id| data_source::require(conn, id)).collect::<CoreResult<Vec<_>>>()?;
    Ok(LineageRecords {
        evaluations: evaluation::for_version(conn, &version.id)?,
        deployments: deployment::for_version(conn, &version.id)?,
        version,
        packs,
        sources,
    })
}

pub fn graph(conn: &Connection, adapter_version_id: &str) -> CoreResult<LineageGraph> {
    let version = adapter::require_version(conn, adapter_version_id)?;
    Ok(lineage::graph(&records(conn, version)?))
}

pub fn all_graphs(conn: &Connection) -> CoreResult<Vec<LineageGraph>> {
    adapter::all_versions(conn)?.into_iter().map(|v| Ok(lineage::graph(&records(conn, v)?))).collect()
}
