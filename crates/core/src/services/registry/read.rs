//! Registry records gathered for others to read: one version's lineage records, and lookups
//! that name the request field an unknown id came from.

use rusqlite::Connection;

use crate::error::{CoreError, CoreResult};
use crate::registry::lineage::{self, LineageGraph, LineageRecords};
use crate::registry::AdapterVersion;
use crate::store::{adapter, data_pack, data_source, deployment, evaluation};

/// An adapter version named in a request field: an unknown id is bad input for that field.
pub(crate) fn version_for(conn: &Connection, field: &str, id: &str) -> CoreResult<AdapterVersion> {
    adapter::require_version(conn, id).map_err(|e| match e {
        CoreError::NotFound { .. } => CoreError::invalid(field, format!("{} is not an adapter version", id.trim())),
        other => other,
    })
}

pub(crate) fn records(conn: &Connection, version: AdapterVersion) -> CoreResult<LineageRecords> {
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

pub(crate) fn graph(conn: &Connection, adapter_version_id: &str) -> CoreResult<LineageGraph> {
    let version = adapter::require_version(conn, adapter_version_id)?;
    Ok(lineage::graph(&records(conn, version)?))
}

/// Every version's lineage, reading each table once.
pub(crate) fn all_graphs(conn: &Connection) -> CoreResult<Vec<LineageGraph>> {
    let packs = data_pack::list(conn)?;
    let sources = data_source::list(conn)?;
    let evaluations = evaluation::all(conn)?;
    let deployments = deployment::list(conn)?;
    adapter::all_versions(conn)?
        .into_iter()
        .map(|version| {
            let mine: Vec<_> = packs.iter().filter(|p| version.data_pack_ids.contains(&p.id)).cloned().collect();
            let source_ids: Vec<&String> = mine.iter().flat_map(|p| &p.source_ids).collect();
            let records = LineageRecords {
                sources: sources.iter().filter(|s| source_ids.contains(&&s.id)).cloned().collect(),
                packs: mine,
                evaluations: evaluations.iter().filter(|e| e.adapter_version_id == version.id).cloned().collect(),
                deployments: {
                    let mut d: Vec<_> =
                        deployments.iter().filter(|d| d.adapter_version_id == version.id).cloned().collect();
                    d.sort_by(|a, b| (&a.deployed_on, &a.id).cmp(&(&b.deployed_on, &b.id)));
                    d
                },
                version,
            };
            Ok(lineage::graph(&records))
        })
        .collect()
}
