//! OpenLineage export: each adapter version's training run as a START and a COMPLETE `RunEvent`
//! (the spec requires both), with its data packs and its base model as input datasets and the
//! adapter version as the output dataset. Events are written one JSON object per line, as
//! OpenLineage's file transport does, so the file can be replayed into Marquez or any other
//! consumer. Run ids derive from the version's id and weights hash, so exporting twice describes
//! the same runs; event times come from the training run where MLflow recorded them.
//!
//! Steerco's own facets (`steercoTraining`, `steercoDataPack`, `steercoAdapter`) each have a
//! versioned JSON schema shipped in `assets/openlineage/facets/`, named by their `_schemaURL`.

use serde_json::{json, Value};

use super::{AdapterVersion, DataPack, DataSource, Deployment, Evaluation};
use crate::hashing::hash_bytes;

pub const NAMESPACE: &str = "steerco";
const PRODUCER: &str = concat!("https://steerco.io/steerco-core/", env!("CARGO_PKG_VERSION"));
const RUN_EVENT_SCHEMA: &str = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
const VERSION_FACET_SCHEMA: &str =
    "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet";
const DATASOURCE_FACET_SCHEMA: &str =
    "https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json#/$defs/DatasourceDatasetFacet";

/// Steerco's facets: (key, schema URL).
pub const TRAINING_FACET: (&str, &str) = (
    "steercoTraining",
    "https://steerco.io/spec/facets/1-0-0/SteercoTrainingRunFacet.json#/$defs/SteercoTrainingRunFacet",
);
pub const DATA_PACK_FACET: (&str, &str) = (
    "steercoDataPack",
    "https://steerco.io/spec/facets/1-0-0/SteercoDataPackDatasetFacet.json#/$defs/SteercoDataPackDatasetFacet",
);
pub const ADAPTER_FACET: (&str, &str) = (
    "steercoAdapter",
    "https://steerco.io/spec/facets/1-0-0/SteercoAdapterDatasetFacet.json#/$defs/SteercoAdapterDatasetFacet",
);

/// The training parameters that record when training ran (see the MLflow import).
const STARTED: &str = "mlflow.start_time";
const ENDED: &str = "mlflow.end_time";

/// A UUID (RFC 9562 version 8, "custom") made from a hash of the version, stable across exports.
pub fn run_id(version: &AdapterVersion) -> String {
    let h = hash_bytes(format!("{}:{}", version.id, version.sha256).as_bytes());
    let mut hex: Vec<char> = h[..32].chars().collect();
    hex[12] = '8';
    hex[16] = ['8', '9', 'a', 'b'][usize::from_str_radix(&hex[16].to_string(), 16).unwrap_or(0) % 4];
    let s: String = hex.into_iter().collect();
    format!("{}-{}-{}-{}-{}", &s[0..8], &s[8..12], &s[12..16], &s[16..20], &s[20..32])
}

fn facet(schema: &str, fields: Value) -> Value {
    let mut value = json!({ "_producer": PRODUCER, "_schemaURL": schema });
    if let (Some(target), Value::Object(extra)) = (value.as_object_mut(), fields) {
        target.extend(extra);
    }
    value
}

/// Whether `model` names a model on the Hugging Face Hub ("org/name" or "name"), as opposed to a
/// path on someone's disk.
pub fn is_hub_id(model: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && !p.starts_with(['.', '-'])
            && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            && !p.contains("..")
    };
    let parts: Vec<&str> = model.split('/').collect();
    matches!(parts.len(), 1 | 2) && parts.iter().all(|p| part(p))
}

/// `file://` URI for an absolute path, percent-encoding everything but unreserved characters
/// and `/`, so non-ASCII names stay valid URIs.
fn file_uri(path: &str) -> String {
    let mut out = String::from("file://");
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The base model as an input dataset: a Hub model under the `huggingface` namespace with its Hub
/// page, a local path under the `file` namespace (OpenLineage's naming for local files).
fn base_model_input(version: &AdapterVersion) -> Option<Value> {
    let model = version.base_model.as_deref()?;
    let revision = facet(
        VERSION_FACET_SCHEMA,
        json!({ "datasetVersion": version.revision.clone().unwrap_or_else(|| "unspecified".into()) }),
    );
    Some(if is_hub_id(model) {
        json!({
            "namespace": "huggingface",
            "name": model,
            "facets": {
                "dataSource": facet(DATASOURCE_FACET_SCHEMA, json!({ "name": "huggingface", "uri": format!("https://huggingface.co/{model}") })),
                "version": revision,
            }
        })
    } else {
        let mut source = json!({ "name": "file" });
        if model.starts_with('/') {
            source["uri"] = json!(file_uri(model));
        }
        json!({
            "namespace": "file",
            "name": model,
            "facets": { "dataSource": facet(DATASOURCE_FACET_SCHEMA, source), "version": revision }
        })
    })
}

fn pack_input(pack: &DataPack, sources: &[DataSource]) -> Value {
    let drawn_from: Vec<Value> = pack
        .source_ids
        .iter()
        .filter_map(|id| sources.iter().find(|s| &s.id == id))
        .map(|s| {
            json!({ "id": s.id, "name": s.name, "system": s.system, "classification": s.classification, "acceptedUnderPolicy": s.policy_id })
        })
        .collect();
    json!({
        "namespace": NAMESPACE,
        "name": format!("data_pack/{}", pack.name),
        "facets": {
            "version": facet(VERSION_FACET_SCHEMA, json!({ "datasetVersion": pack.version })),
            DATA_PACK_FACET.0: facet(DATA_PACK_FACET.1, json!({
                "id": pack.id,
                "recordCount": pack.record_count,
                "personalData": pack.personal_data,
                "curatedBy": pack.curated_by,
                "approvedBy": pack.approved_by,
                "approvedOn": pack.approved_on,
                "sha256": pack.file.as_ref().map(|f| f.sha256.clone()),
                "sources": drawn_from,
            })),
        }
    })
}

/// The START and COMPLETE events of `version`'s training run, which consumed `packs` (drawn from
/// `sources`). Evaluations and deployments follow the run; they are named in Steerco's lineage,
/// not as OpenLineage runs of their own.
pub fn run_events(
    version: &AdapterVersion,
    packs: &[DataPack],
    sources: &[DataSource],
    _evaluations: &[Evaluation],
    _deployments: &[Deployment],
) -> Vec<Value> {
    let imported = version.imported_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let started = version.training_params.get(STARTED).cloned().unwrap_or_else(|| imported.clone());
    let ended = version.training_params.get(ENDED).cloned().unwrap_or_else(|| started.clone());
    let inputs: Vec<Value> = packs.iter().map(|p| pack_input(p, sources)).chain(base_model_input(version)).collect();
    let run = json!({
        "runId": run_id(version),
        "facets": {
            TRAINING_FACET.0: facet(TRAINING_FACET.1, json!({
                "adapterVersionId": version.id,
                "parameters": version.training_params,
            })),
        }
    });
    let job = json!({ "namespace": NAMESPACE, "name": format!("train/{}", version.adapter_name) });
    let output = json!({
        "namespace": NAMESPACE,
        "name": format!("adapter/{}", version.adapter_name),
        "facets": {
            "version": facet(VERSION_FACET_SCHEMA, json!({ "datasetVersion": version.version })),
            ADAPTER_FACET.0: facet(ADAPTER_FACET.1, json!({
                "id": version.id,
                "status": version.status,
                "peftType": version.peft_type,
                "r": version.r,
                "loraAlpha": version.lora_alpha,
                "targetModules": version.target_modules,
                "parameters": version.parameters,
                "sha256": version.sha256,
            })),
        }
    });
    let event = |kind: &str, time: &str, with_outputs: bool| {
        json!({
            "eventType": kind,
            "eventTime": time,
            "producer": PRODUCER,
            "schemaURL": RUN_EVENT_SCHEMA,
            "run": run,
            "job": job,
            "inputs": inputs,
            "outputs": if with_outputs { vec![output.clone()] } else { Vec::new() },
        })
    };
    vec![event("START", &started, false), event("COMPLETE", &ended, true)]
}

/// Events as newline-delimited JSON.
pub fn to_ndjson(events: &[Value]) -> String {
    events.iter().map(|e| format!("{e}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hub_ids_map_to_the_hub() {
        for hub in ["meta-llama/Llama-3.1-8B-Instruct", "gpt2", "org/model_v1.5"] {
            assert!(is_hub_id(hub), "{hub}");
        }
        for local in
            ["/models/llama", "./checkpoints/base", "~/m", "C:\\models\\x", "a/b/c", "../up", "Bäse/modèle", ""]
        {
            assert!(!is_hub_id(local), "{local}");
        }
        assert_eq!(file_uri("/models/Bäse model"), "file:///models/B%C3%A4se%20model");
    }
}
