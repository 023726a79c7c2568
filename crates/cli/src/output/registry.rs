//! Printing the registry: policies, data, adapters and their versions, evaluations, lineage.

use steerco_api::types::{AdapterVersionDetail, LineageCheck, MlflowImportOutcome};
use steerco_core::registry::diff::VersionDiff;
use steerco_core::registry::lineage::{LineageGraph, NodeKind};
use steerco_core::registry::{AdapterSummary, AdapterVersion, DataPack, DataSource, Evaluation, Policy};

use super::{emit, json, table, PrintError, Printed};

pub fn policies(list: &[Policy], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.title.clone(),
                p.category.to_string(),
                p.owner.clone(),
                p.effective_on.clone(),
                p.version.clone(),
            ]
        })
        .collect();
    emit(&table(&["ID", "TITLE", "CATEGORY", "OWNER", "EFFECTIVE", "VERSION"], &rows))
}

pub fn sources(list: &[DataSource], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.name.clone(),
                s.system.clone(),
                s.owner.clone(),
                s.classification.to_string(),
                s.policy_id.clone().unwrap_or_else(|| "NOT ACCEPTED".into()),
            ]
        })
        .collect();
    emit(&table(&["ID", "NAME", "SYSTEM", "OWNER", "CLASSIFICATION", "ACCEPTED UNDER"], &rows))
}

pub fn packs(list: &[DataPack], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.name.clone(),
                p.version.clone(),
                p.source_ids.join(","),
                p.record_count.to_string(),
                p.personal_data.to_string(),
                match (&p.approved_by, &p.approved_on) {
                    (Some(by), Some(on)) => format!("{by} {on}"),
                    _ => "AWAITING APPROVAL".into(),
                },
                p.file.as_ref().map_or_else(|| "—".into(), |f| short(&f.sha256)),
            ]
        })
        .collect();
    emit(&table(&["ID", "NAME", "VERSION", "SOURCES", "RECORDS", "PERSONAL DATA", "APPROVED", "SHA-256"], &rows))
}

pub fn adapters(list: &[AdapterSummary], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.name.clone(),
                a.use_case_id.clone().unwrap_or_else(|| "—".into()),
                a.version_count.to_string(),
                a.deployed_version.clone().unwrap_or_else(|| "—".into()),
                a.latest_version.clone().unwrap_or_default(),
                a.latest_status.map(|s| s.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    emit(&table(&["ID", "NAME", "USE CASE", "VERSIONS", "DEPLOYED", "LATEST", "LATEST STATUS"], &rows))
}

pub fn versions(list: &[AdapterVersion], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|v| {
            vec![
                v.id.clone(),
                v.adapter_name.clone(),
                v.version.clone(),
                v.status.to_string(),
                v.base_model.clone().unwrap_or_else(|| "(not given)".into()),
                v.r.to_string(),
                v.lora_alpha.to_string(),
                parameters(v),
                short(&v.sha256),
            ]
        })
        .collect();
    emit(&table(&["ID", "ADAPTER", "VERSION", "STATUS", "BASE MODEL", "R", "ALPHA", "PARAMETERS", "SHA-256"], &rows))
}

fn parameters(v: &AdapterVersion) -> String {
    v.parameters.map_or_else(|| "unknown (adapter_model.bin)".into(), |p| p.to_string())
}

fn short(sha256: &str) -> String {
    sha256.chars().take(12).collect()
}

/// The version record itself with its evidence alongside, so `.r`, `.sha256` … sit at the top.
pub fn version_detail(d: &AdapterVersionDetail, as_json: bool) -> Printed {
    if as_json {
        let mut value = serde_json::to_value(&d.version).map_err(|e| PrintError(e.to_string()))?;
        if let Some(map) = value.as_object_mut() {
            map.insert(
                "evaluations".into(),
                serde_json::to_value(&d.evaluations).map_err(|e| PrintError(e.to_string()))?,
            );
            map.insert(
                "deployments".into(),
                serde_json::to_value(&d.deployments).map_err(|e| PrintError(e.to_string()))?,
            );
        }
        return json(&value);
    }
    let v = &d.version;
    let mut text = format!("{}  {} {}  [{}]\n", v.id, v.adapter_name, v.version, v.status);
    let mut field = |name: &str, value: String| text.push_str(&format!("  {name:<16}{value}\n"));
    field("use case", v.use_case_id.clone().unwrap_or_else(|| "—".into()));
    field("peft type", v.peft_type.clone());
    field(
        "base model",
        v.base_model.clone().unwrap_or_else(|| "(not given: supply it with `steerco adapter base-model`)".into()),
    );
    field("revision", v.revision.clone().unwrap_or_else(|| "—".into()));
    field("r", v.r.to_string());
    field("lora_alpha", v.lora_alpha.to_string());
    field("lora_dropout", v.lora_dropout.map_or_else(|| "—".into(), |d| d.to_string()));
    field("target modules", v.target_modules.join(", "));
    field("task type", v.task_type.clone().unwrap_or_else(|| "—".into()));
    field("weights", format!("{} ({}, {} bytes)", v.weights_file, v.weights_format, v.file_bytes));
    field("tensors", v.tensor_count.map_or_else(|| "unknown".into(), |t| t.to_string()));
    field("parameters", parameters(v));
    field("dtypes", if v.dtypes.is_empty() { "unknown".into() } else { v.dtypes.join(", ") });
    field("sha256", v.sha256.clone());
    field("data packs", if v.data_pack_ids.is_empty() { "none recorded".into() } else { v.data_pack_ids.join(", ") });
    field("imported", format!("{} by {} from {}", v.imported_at.format("%Y-%m-%d %H:%M"), v.imported_by, v.source_dir));
    for (key, value) in &v.training_params {
        field(&format!("param {key}"), value.clone());
    }
    text.push_str(&format!("Evaluations: {}\n", if d.evaluations.is_empty() { "none" } else { "" }));
    for e in &d.evaluations {
        text.push_str(&format!(
            "  {}  {} ({} metrics, {} by {})\n",
            e.id,
            e.title,
            e.metrics.len(),
            e.run_on,
            e.run_by
        ));
    }
    text.push_str(&format!("Deployments: {}\n", if d.deployments.is_empty() { "none" } else { "" }));
    for dep in &d.deployments {
        text.push_str(&format!(
            "  {}  {} on {} (approved by {})\n",
            dep.id, dep.target, dep.deployed_on, dep.approved_by
        ));
    }
    emit(&text)
}

pub fn diff(d: &VersionDiff, as_json: bool) -> Printed {
    if as_json {
        return json(d);
    }
    let mut text = format!("{} ({}) → {} ({})\n", d.from_label, d.from_id, d.to_label, d.to_id);
    if d.changes.is_empty() {
        text.push_str("No differences.\n");
        return emit(&text);
    }
    let rows: Vec<Vec<String>> =
        d.changes.iter().map(|c| vec![c.field.clone(), c.before.clone(), c.after.clone()]).collect();
    text.push_str(&table(&["FIELD", "BEFORE", "AFTER"], &rows));
    if !d.targets_added.is_empty() {
        text.push_str(&format!("Targets added: {}\n", d.targets_added.join(", ")));
    }
    if !d.targets_removed.is_empty() {
        text.push_str(&format!("Targets removed: {}\n", d.targets_removed.join(", ")));
    }
    emit(&text)
}

pub fn evaluation(e: &Evaluation, as_json: bool) -> Printed {
    if as_json {
        return json(e);
    }
    let mut text = format!(
        "{}  {} for {}\n  file {} (sha256 {})\n  run on {} by {}\n",
        e.id, e.title, e.adapter_version_id, e.file_name, e.sha256, e.run_on, e.run_by
    );
    let rows: Vec<Vec<String>> = e
        .metrics
        .iter()
        .map(|m| {
            vec![
                m.suite.clone(),
                m.metric.clone(),
                format!("{}", m.value),
                m.stderr.map_or_else(String::new, |s| format!("± {s}")),
                match m.higher_is_better {
                    Some(true) => "higher is better".into(),
                    Some(false) => "lower is better".into(),
                    None => String::new(),
                },
            ]
        })
        .collect();
    text.push_str(&table(&["SUITE", "METRIC", "VALUE", "STDERR", "DIRECTION"], &rows));
    emit(&text)
}

pub fn mlflow(o: &MlflowImportOutcome, as_json: bool) -> Printed {
    if as_json {
        return json(o);
    }
    let mut text = format!(
        "Read MLflow run {} ({} params, {} metrics) into {}.\n",
        o.run.run_id,
        o.run.params.len(),
        o.run.metrics.len(),
        o.version.id
    );
    if let Some(e) = &o.evaluation {
        text.push_str(&format!("Stored its metrics as evaluation {}.\n", e.id));
    }
    emit(&text)
}

pub fn lineage(g: &LineageGraph, as_json: bool) -> Printed {
    if as_json {
        return json(g);
    }
    let mut text = format!("Lineage of {} ({}, {})\n", g.adapter_version_id, g.label, g.status);
    let mut kinds: Vec<_> = g.nodes.iter().map(|n| n.kind).collect();
    kinds.dedup();
    for kind in kinds {
        for n in g.nodes.iter().filter(|n| n.kind == kind) {
            let gap = n.gap.as_ref().map_or_else(String::new, |g| format!("  !! {g}"));
            let kind = match kind {
                NodeKind::DataSource => "source",
                NodeKind::DataPack => "data pack",
                NodeKind::AdapterVersion => "version",
                NodeKind::Evaluation => "evaluation",
                NodeKind::Deployment => "deployment",
            };
            text.push_str(&format!("  {kind:<12}{}  {} — {}{gap}\n", n.id, n.label, n.detail));
        }
    }
    for e in &g.edges {
        text.push_str(&format!("  {} → {}\n", e.from, e.to));
    }
    if g.gaps.is_empty() {
        text.push_str("No gaps.\n");
    } else {
        text.push_str("Gaps:\n");
        for gap in &g.gaps {
            text.push_str(&format!("  - {}\n", gap.message));
        }
    }
    emit(&text)
}

pub fn lineage_check(c: &LineageCheck, as_json: bool) -> Printed {
    if as_json {
        return json(c);
    }
    if c.deployed_versions == 0 {
        return emit(&format!(
            "Nothing is deployed yet ({} version(s) registered); the release check covers deployed versions.\n",
            c.versions_checked
        ));
    }
    if c.gaps.is_empty() {
        return emit(&format!("Lineage holds: {} deployed version(s) checked, no gaps.\n", c.deployed_versions));
    }
    let mut text = format!(
        "{} gap(s) in {} of {} deployed version(s):\n",
        c.gaps.len(),
        c.versions_with_gaps,
        c.deployed_versions
    );
    for d in c.deployed.iter().filter(|d| d.gap_count > 0) {
        text.push_str(&format!("  {} {}: {} gap(s)\n", d.adapter_version_id, d.label, d.gap_count));
        for gap in c.gaps.iter().filter(|g| g.adapter_version_id == d.adapter_version_id) {
            text.push_str(&format!("    - {}\n      to close: {}\n", gap.message, gap.how_to_close));
        }
    }
    let whole = c.deployed_versions - c.versions_with_gaps;
    if whole > 0 {
        text.push_str(&format!("{whole} other deployed version(s) have no gaps.\n"));
    }
    emit(&text)
}
