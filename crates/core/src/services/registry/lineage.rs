//! Lineage: one version's graph (as data or Graphviz DOT), the release check over every
//! deployed version, and the OpenLineage export.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::caller::Caller;
use crate::error::CoreResult;
use crate::registry::lineage::{check, dot, Gap, LineageGraph};
use crate::registry::openlineage;
use crate::registry::AdapterStatus;
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::{adapter, data_pack, data_source, deployment, evaluation, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageCheck {
    pub versions_checked: u32,
    pub deployed_versions: u32,
    pub gaps: Vec<Gap>,
}

pub fn graph(db: &Db, adapter_version_id: &str) -> CoreResult<LineageGraph> {
    db.read(|s| read::graph(s, adapter_version_id))
}

pub fn graph_dot(db: &Db, adapter_version_id: &str) -> CoreResult<String> {
    Ok(dot(&graph(db, adapter_version_id)?))
}

pub fn check_all(db: &Db) -> CoreResult<LineageCheck> {
    let graphs = db.read(|s| read::all_graphs(s))?;
    Ok(LineageCheck {
        versions_checked: graphs.len() as u32,
        deployed_versions: graphs.iter().filter(|g| g.status == AdapterStatus::Deployed).count() as u32,
        gaps: check(&graphs),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenLineageExportRequest {
    pub destination: String,
}

/// Writes a START and a COMPLETE RunEvent per adapter version (its training run), newline-
/// delimited, as OpenLineage consumers read them.
pub fn export_openlineage(db: &Db, caller: &Caller, req: &OpenLineageExportRequest) -> CoreResult<ExportOutcome> {
    let events = db.read(|c| {
        let sources = data_source::list(c)?;
        let packs = data_pack::list(c)?;
        let evaluations = evaluation::all(c)?;
        let deployments = deployment::list(c)?;
        let mut events = Vec::new();
        for v in adapter::all_versions(c)? {
            let mine: Vec<_> = packs.iter().filter(|p| v.data_pack_ids.contains(&p.id)).cloned().collect();
            let evals: Vec<_> = evaluations.iter().filter(|e| e.adapter_version_id == v.id).cloned().collect();
            let deps: Vec<_> = deployments.iter().filter(|d| d.adapter_version_id == v.id).cloned().collect();
            events.extend(openlineage::run_events(&v, &mine, &sources, &evals, &deps));
        }
        Ok(events)
    })?;
    let text = openlineage::to_ndjson(&events);
    export_bytes(db, caller, &req.destination, "OpenLineage events (JSON lines)", text.as_bytes(), events.len() as u32)
}
