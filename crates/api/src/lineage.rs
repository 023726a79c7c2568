//! Handlers for lineage: one version's graph, the release check, the OpenLineage export.

use steerco_core::registry::lineage::LineageGraph;
use steerco_core::services::portfolio::exports::ExportOutcome;
use steerco_core::services::registry::adapters::AdapterVersionRef;
use steerco_core::services::registry::lineage::{self as service, LineageCheck, OpenLineageExportRequest};

use crate::{ApiResult, Ctx};

pub fn graph(ctx: &Ctx, req: AdapterVersionRef) -> ApiResult<LineageGraph> {
    Ok(service::graph(&ctx.db, &req.id)?)
}

/// The graph as Graphviz DOT (the CLI's `--dot`).
pub fn graph_dot(ctx: &Ctx, req: AdapterVersionRef) -> ApiResult<String> {
    Ok(service::graph_dot(&ctx.db, &req.id)?)
}

pub fn check(ctx: &Ctx, _: ()) -> ApiResult<LineageCheck> {
    Ok(service::check_all(&ctx.db)?)
}

pub fn export_openlineage(ctx: &Ctx, req: OpenLineageExportRequest) -> ApiResult<ExportOutcome> {
    Ok(service::export_openlineage(&ctx.db, &ctx.caller(), &req)?)
}
