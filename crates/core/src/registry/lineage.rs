//! Lineage of an adapter version: data source → data pack → adapter version → evaluation →
//! deployment, drawn from the stored links, with the gaps an auditor asks about marked on the
//! node where they are. Pure: records in, graph (and DOT text) out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AdapterStatus, AdapterVersion, DataPack, DataSource, Deployment, Evaluation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    DataSource,
    DataPack,
    AdapterVersion,
    Evaluation,
    Deployment,
}

impl NodeKind {
    /// Left-to-right position of the kind's column.
    pub fn column(self) -> u8 {
        self as u8
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    NoBaseModel,
    NoDataPack,
    UnapprovedDataPack,
    NoEvaluation,
    UnacceptedSource,
    /// Deployed while its use case has no current compliance sign-off (found by the release
    /// check, which knows the sign-offs; a version's own graph does not).
    NoCurrentSignoff,
}

impl GapKind {
    /// What closes a gap of this kind, as the app and the CLI tell the person who must act.
    pub fn how_to_close(self) -> &'static str {
        match self {
            GapKind::NoBaseModel => {
                "Set the base model on the version (Registry → the version → Base model, or `steerco adapter set-base-model`)."
            }
            GapKind::NoDataPack => {
                "Record the data pack it was trained on (Data → New data pack) and import the version again naming it."
            }
            GapKind::UnapprovedDataPack => {
                "A compliance officer approves the data pack (Data → the pack → Approve), after checking its sources."
            }
            GapKind::NoEvaluation => {
                "Import an evaluation of this version (Registry → the version → Import evaluation: lm-eval JSON, CSV or MLflow)."
            }
            GapKind::UnacceptedSource => {
                "Name the policy that accepts the source (Data → the source → Accepted under), or add that policy first (Policies)."
            }
            GapKind::NoCurrentSignoff => {
                "A compliance officer reviews and signs off the use case as it now stands (Sign-offs → Review)."
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Gap {
    pub kind: GapKind,
    /// The record the gap is on (shown red there).
    pub record_id: String,
    pub adapter_version_id: String,
    pub message: String,
    /// What closes it.
    pub how_to_close: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageNode {
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    pub detail: String,
    pub gap: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageEdge {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LineageGraph {
    pub adapter_version_id: String,
    pub label: String,
    pub status: AdapterStatus,
    pub nodes: Vec<LineageNode>,
    pub edges: Vec<LineageEdge>,
    pub gaps: Vec<Gap>,
}

/// Everything lineage needs about one version, as the store returns it.
#[derive(Debug, Clone)]
pub struct LineageRecords {
    pub version: AdapterVersion,
    pub packs: Vec<DataPack>,
    pub sources: Vec<DataSource>,
    pub evaluations: Vec<Evaluation>,
    pub deployments: Vec<Deployment>,
}

pub fn graph(records: &LineageRecords) -> LineageGraph {
    let v = &records.version;
    let label = format!("{} {}", v.adapter_name, v.version);
    let mut gaps = Vec::new();
    let mut gap = |kind: GapKind, record_id: &str, message: String| {
        gaps.push(Gap {
            kind,
            record_id: record_id.to_owned(),
            adapter_version_id: v.id.clone(),
            message,
            how_to_close: kind.how_to_close().to_owned(),
        });
    };
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut source_gaps = Vec::new();
    for source in &records.sources {
        let missing = source.policy_id.is_none().then(|| "no policy accepts this source".to_owned());
        if let Some(reason) = &missing {
            gap(
                GapKind::UnacceptedSource,
                &source.id,
                format!("{label} was trained on {} ({}): {reason}", source.id, source.name),
            );
            source_gaps.push(source.id.clone());
        }
        nodes.push(LineageNode {
            id: source.id.clone(),
            kind: NodeKind::DataSource,
            label: source.name.clone(),
            detail: format!("{} · {}", source.system, source.classification),
            gap: missing,
        });
    }
    if v.base_model.is_none() {
        gap(
            GapKind::NoBaseModel,
            &v.id,
            format!("{label} does not say which base model it adapts (its PEFT config gives none)"),
        );
    }
    if records.packs.is_empty() {
        gap(GapKind::NoDataPack, &v.id, format!("{label} has no data pack recorded"));
    }
    for pack in &records.packs {
        let missing = pack.approved_by.is_none().then(|| "not approved by compliance".to_owned());
        if let Some(reason) = &missing {
            gap(
                GapKind::UnapprovedDataPack,
                &pack.id,
                format!("{label} uses {} ({} {}): {reason}", pack.id, pack.name, pack.version),
            );
        }
        let approval = match (&pack.approved_by, &pack.approved_on) {
            (Some(by), Some(on)) => format!("approved by {by} on {on}"),
            _ => "awaiting approval".to_owned(),
        };
        nodes.push(LineageNode {
            id: pack.id.clone(),
            kind: NodeKind::DataPack,
            label: format!("{} {}", pack.name, pack.version),
            detail: format!("{} records · {approval}", pack.record_count),
            gap: missing,
        });
        for source_id in &pack.source_ids {
            edges.push(LineageEdge { from: source_id.clone(), to: pack.id.clone() });
        }
        edges.push(LineageEdge { from: pack.id.clone(), to: v.id.clone() });
    }
    let missing: Vec<&str> = [
        (v.base_model.is_none(), "no base model"),
        (records.packs.is_empty(), "no data pack"),
        (records.evaluations.is_empty(), "no evaluation"),
    ]
    .into_iter()
    .filter_map(|(absent, what)| absent.then_some(what))
    .collect();
    let version_gap = (!missing.is_empty()).then(|| format!("{} recorded", missing.join(", ")));
    if records.evaluations.is_empty() {
        gap(GapKind::NoEvaluation, &v.id, format!("{label} has no evaluation"));
    }
    nodes.push(LineageNode {
        id: v.id.clone(),
        kind: NodeKind::AdapterVersion,
        label: label.clone(),
        detail: format!("{} · r={} α={} · {}", v.status, v.r, v.lora_alpha, short_hash(&v.sha256)),
        gap: version_gap,
    });
    for e in &records.evaluations {
        nodes.push(LineageNode {
            id: e.id.clone(),
            kind: NodeKind::Evaluation,
            label: e.title.clone(),
            detail: format!("{} metrics · {} · {}", e.metrics.len(), e.run_on, e.run_by),
            gap: None,
        });
        edges.push(LineageEdge { from: v.id.clone(), to: e.id.clone() });
    }
    for d in &records.deployments {
        nodes.push(LineageNode {
            id: d.id.clone(),
            kind: NodeKind::Deployment,
            label: d.target.clone(),
            detail: format!("{} · approved by {}", d.deployed_on, d.approved_by),
            gap: None,
        });
        edges.push(LineageEdge { from: v.id.clone(), to: d.id.clone() });
    }
    LineageGraph { adapter_version_id: v.id.clone(), label, status: v.status, nodes, edges, gaps }
}

/// The gaps that matter for a release: those of versions currently deployed, each phrased as
/// "X is deployed …".
pub fn check(graphs: &[LineageGraph]) -> Vec<Gap> {
    graphs
        .iter()
        .filter(|g| g.status == AdapterStatus::Deployed)
        .flat_map(|g| {
            g.gaps.iter().map(move |gap| {
                let message = match gap.kind {
                    GapKind::NoBaseModel => format!(
                        "{} ({}) is deployed without a recorded base model; supply it with --base-model",
                        g.adapter_version_id, g.label
                    ),
                    GapKind::NoDataPack => {
                        format!(
                            "{} ({}) is deployed without an approved data pack: none is recorded",
                            g.adapter_version_id, g.label
                        )
                    }
                    GapKind::NoEvaluation => {
                        format!("{} ({}) is deployed without an evaluation", g.adapter_version_id, g.label)
                    }
                    GapKind::UnapprovedDataPack => format!(
                        "{} ({}) is deployed without an approved data pack: {}",
                        g.adapter_version_id,
                        g.label,
                        gap.message.split_once(" uses ").map_or(gap.message.as_str(), |(_, rest)| rest)
                    ),
                    GapKind::UnacceptedSource => format!(
                        "{} ({}) is deployed but trained on a source no policy accepts: {}",
                        g.adapter_version_id,
                        g.label,
                        gap.message.split_once(" was trained on ").map_or(gap.message.as_str(), |(_, rest)| rest)
                    ),
                    GapKind::NoCurrentSignoff => gap.message.clone(),
                };
                Gap { message, ..gap.clone() }
            })
        })
        .collect()
}

/// Graphviz DOT, left to right, gaps in red.
pub fn dot(graph: &LineageGraph) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out =
        String::from("digraph lineage {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
    for node in &graph.nodes {
        let label = format!("{}\\n{}\\n{}", node.id, node.label.replace('"', "'"), node.detail.replace('"', "'"));
        let colour = if node.gap.is_some() { ", color=red, fontcolor=red" } else { "" };
        out.push_str(&format!("  {} [label=\"{label}\"{colour}];\n", quote(&node.id)));
    }
    for edge in &graph.edges {
        out.push_str(&format!("  {} -> {};\n", quote(&edge.from), quote(&edge.to)));
    }
    out.push_str("}\n");
    out
}

fn short_hash(sha256: &str) -> String {
    format!("sha256 {}…", &sha256[..sha256.len().min(12)])
}
