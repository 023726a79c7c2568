//! Lineage: one version's graph (as data or Graphviz DOT), the release check over every
//! deployed version, and the OpenLineage export.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::caller::Caller;
use crate::error::CoreResult;
use crate::registry::lineage::{check, dot, Gap, GapKind, LineageGraph};
use crate::registry::openlineage;
use crate::registry::AdapterStatus;
use crate::services::compliance::signoffs;
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::store::{adapter, data_pack, data_source, deployment, evaluation, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageCheck {
    pub versions_checked: u32,
    pub deployed_versions: u32,
    /// Deployed versions with at least one gap.
    pub versions_with_gaps: u32,
    /// Every deployed version with how many gaps it has (zero included), in id order.
    pub deployed: Vec<DeployedVersionCheck>,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeployedVersionCheck {
    pub adapter_version_id: String,
    pub label: String,
    pub use_case_id: Option<String>,
    pub gap_count: u32,
}

pub fn graph(db: &Db, adapter_version_id: &str) -> CoreResult<LineageGraph> {
    db.read(|s| read::graph(s, adapter_version_id))
}

pub fn graph_dot(db: &Db, adapter_version_id: &str) -> CoreResult<String> {
    Ok(dot(&graph(db, adapter_version_id)?))
}

pub fn check_all(db: &Db) -> CoreResult<LineageCheck> {
    db.read(|s| check_in(s))
}

/// The release check: every deployed version's lineage gaps, and a deployment whose use case
/// has no current compliance sign-off (the deployment went ahead, or the dossier changed since).
pub(crate) fn check_in(conn: &rusqlite::Connection) -> CoreResult<LineageCheck> {
    let graphs = read::all_graphs(conn)?;
    let mut gaps = check(&graphs);
    let versions: std::collections::HashMap<String, Option<String>> =
        adapter::all_versions(conn)?.into_iter().map(|v| (v.id, v.use_case_id)).collect();
    let mut deployed = Vec::new();
    for g in graphs.iter().filter(|g| g.status == AdapterStatus::Deployed) {
        let use_case_id = versions.get(&g.adapter_version_id).cloned().flatten();
        let signoff_gap = match &use_case_id {
            Some(uc) => match signoffs::latest_in(conn, uc) {
                Ok(Some(s)) if !s.stale => None,
                Ok(Some(s)) => Some((
                    uc.clone(),
                    format!("its use case's sign-off ({}, {}) is stale", s.signoff.id, s.signoff.signed_by),
                )),
                Ok(None) => Some((uc.clone(), "its use case has no sign-off".to_owned())),
                // A version of a withdrawn or missing case: nothing to sign against.
                Err(crate::error::CoreError::NotFound { .. }) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        if let Some((uc, why)) = signoff_gap {
            gaps.push(Gap {
                kind: GapKind::NoCurrentSignoff,
                record_id: uc,
                adapter_version_id: g.adapter_version_id.clone(),
                message: format!(
                    "{} ({}) is deployed without a current sign-off: {why}",
                    g.adapter_version_id, g.label
                ),
                how_to_close: GapKind::NoCurrentSignoff.how_to_close().to_owned(),
            });
        }
        deployed.push(DeployedVersionCheck {
            adapter_version_id: g.adapter_version_id.clone(),
            label: g.label.clone(),
            use_case_id,
            gap_count: 0,
        });
    }
    deployed.sort_by(|a, b| a.adapter_version_id.cmp(&b.adapter_version_id));
    for d in &mut deployed {
        d.gap_count = gaps.iter().filter(|gap| gap.adapter_version_id == d.adapter_version_id).count() as u32;
    }
    Ok(LineageCheck {
        versions_checked: graphs.len() as u32,
        deployed_versions: deployed.len() as u32,
        versions_with_gaps: deployed.iter().filter(|d| d.gap_count > 0).count() as u32,
        deployed,
        gaps,
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
