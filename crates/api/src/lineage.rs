//! Handlers for lineage: one version's graph (as data or Graphviz DOT), the release check over
//! every deployed version, and the OpenLineage export.

use serde::{Deserialize, Serialize};
use steerco_core::registry::lineage::{check, dot, Gap, LineageGraph};
use steerco_core::registry::openlineage::{run_event, to_ndjson};
use steerco_core::store::{adapter, data_pack, data_source, lineage};
use ts_rs::TS;

use crate::adapter::VersionRef;
use crate::ctx::Ctx;
use crate::error::ApiResult;
use crate::exchange::{write_file, ExportRequest};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageCheck {
    pub versions_checked: u32,
    pub deployed_versions: u32,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpenLineageExport {
    pub path: String,
    pub events: u32,
}

pub fn graph(ctx: &Ctx, req: VersionRef) -> ApiResult<LineageGraph> {
    Ok(ctx.db.read(|c| lineage::graph(c, &req.id))?)
}

pub fn graph_dot(ctx: &Ctx, req: VersionRef) -> ApiResult<String> {
    Ok(dot(&graph(ctx, req)?))
}

pub fn check_all(ctx: &Ctx, _req: ()) -> ApiResult<LineageCheck> {
    let graphs = ctx.db.read(lineage::all_graphs)?;
    Ok(LineageCheck {
        versions_checked: graphs.len() as u32,
        deployed_versions: graphs.iter().filter(|g| g.status == steerco_core::registry::AdapterStatus::Deployed).count()
            as u32,
        gaps: check(&graphs),
    })
}

/// Writes one OpenLineage RunEvent per adapter version (its training run), newline-delimited.
pub fn export_openlineage(ctx: &Ctx, req: ExportRequest) -> ApiResult<OpenLineageExport> {
    let events = ctx.db.read(|c| {
        let sources = data_source::list(c)?;
        adapter::all_versions(c)?
            .iter()
            .map(|v| {
                let packs =
                    v.data_pack_ids.iter().map(|id| data_pack::require(c, id)).collect::<Result<Vec<_>, _>>()?;
                Ok(run_event(v, &packs, &sources))
            })
            .collect::<steerco_core::CoreResult<Vec<_>>>()
    })?;
    let path = write_file(ctx, &req.destination, to_ndjson(&events).as_bytes())?;
    Ok(OpenLineageExport { path, events: events.len() as u32 })
}
