//! OpenLineage export: one `RunEvent` per adapter version's training, with its data packs (and
//! base model) as input datasets and the adapter version as the output dataset. Events are
//! written one JSON object per line, as OpenLineage's file transport does, so the file can be
//! replayed into Marquez or any other consumer. Run ids are derived from the version's id and
//! weights hash, so exporting twice describes the same runs.

use serde_json::{json, Value};

use super::hashing::hash_bytes;
use super::{AdapterVersion, DataPack, DataSource};

pub const NAMESPACE: &str = "steerco";
const PRODUCER: &str = concat!("https://steerco.io/steerco-core/", env!("CARGO_PKG_VERSION"));
const RUN_EVENT_SCHEMA: &str = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
const VERSION_FACET_SCHEMA: &str =
    "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet";
const DATASOURCE_FACET_SCHEMA: &str =
    "https://openlineage.io/spec/facets/1-0-1/DatasourceDatasetFacet.json#/$defs/DatasourceDatasetFacet";
const STEERCO_FACET_SCHEMA: &str = "https://steerco.io/spec/facets/1-0-0/SteercoFacet.json";

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

/// The training run of `version`, which consumed `packs` (drawn from `sources`).
pub fn run_event(version: &AdapterVersion, packs: &[DataPack], sources: &[DataSource]) -> Value {
    let inputs: Vec<Value> = packs
        .iter()
        .map(|pack| {
            let drawn_from: Vec<Value> = pack
                .source_ids
                .iter()
                .filter_map(|id| sources.iter().find(|s| &s.id == id))
                .map(|s| json!({ "id": s.id, "name": s.name, "system": s.system, "classification": s.classification, "accepted_under_policy": s.policy_id }))
                .collect();
            json!({
                "namespace": NAMESPACE,
                "name": format!("data_pack/{}", pack.name),
                "facets": {
                    "version": facet(VERSION_FACET_SCHEMA, json!({ "datasetVersion": pack.version })),
                    "steerco_data_pack": facet(STEERCO_FACET_SCHEMA, json!({
                        "id": pack.id,
                        "record_count": pack.record_count,
                        "personal_data": pack.personal_data,
                        "curated_by": pack.curated_by,
                        "approved_by": pack.approved_by,
                        "approved_on": pack.approved_on,
                        "sha256": pack.file.as_ref().map(|f| f.sha256.clone()),
                        "sources": drawn_from,
                    })),
                }
            })
        })
        .chain(std::iter::once(json!({
            "namespace": "huggingface",
            "name": version.base_model,
            "facets": {
                "dataSource": facet(DATASOURCE_FACET_SCHEMA, json!({
                    "name": "huggingface",
                    "uri": format!("https://huggingface.co/{}", version.base_model),
                })),
                "version": facet(VERSION_FACET_SCHEMA, json!({ "datasetVersion": version.revision.clone().unwrap_or_else(|| "unspecified".into()) })),
            }
        })))
        .collect();
    json!({
        "eventType": "COMPLETE",
        "eventTime": version.imported_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "producer": PRODUCER,
        "schemaURL": RUN_EVENT_SCHEMA,
        "run": {
            "runId": run_id(version),
            "facets": {
                "steerco_training": facet(STEERCO_FACET_SCHEMA, json!({ "parameters": version.training_params })),
            }
        },
        "job": { "namespace": NAMESPACE, "name": format!("train/{}", version.adapter_name) },
        "inputs": inputs,
        "outputs": [{
            "namespace": NAMESPACE,
            "name": format!("adapter/{}", version.adapter_name),
            "facets": {
                "version": facet(VERSION_FACET_SCHEMA, json!({ "datasetVersion": version.version })),
                "steerco_adapter": facet(STEERCO_FACET_SCHEMA, json!({
                    "id": version.id,
                    "status": version.status,
                    "peft_type": version.peft_type,
                    "r": version.r,
                    "lora_alpha": version.lora_alpha,
                    "target_modules": version.target_modules,
                    "parameters": version.parameters,
                    "sha256": version.sha256,
                })),
            }
        }],
    })
}

/// Events as newline-delimited JSON.
pub fn to_ndjson(events: &[Value]) -> String {
    events.iter().map(|e| format!("{e}\n")).collect()
}
