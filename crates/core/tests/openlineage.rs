//! The OpenLineage export against the spec: every event validates against the RunEvent schema
//! (Steerco's offline transcription of OpenLineage 2-0-2, formats checked), each Steerco facet
//! against the schema it names and ships, each run has a START and a COMPLETE, and a base model
//! goes to the Hub only when it is a Hub id.

mod support;

use std::path::Path;

use serde_json::Value;
use steerco_core::registry::openlineage::{ADAPTER_FACET, DATA_PACK_FACET, TRAINING_FACET};
use steerco_core::services::portfolio::{load_demo, DemoRequest};
use steerco_core::services::registry::lineage::{export_openlineage, OpenLineageExportRequest};
use support::*;

fn schema(path: &Path) -> jsonschema::Validator {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options().should_validate_formats(true).build(&value).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not validate: {errors:#?}\n{instance:#}");
}

fn exported_events() -> Vec<Value> {
    let p = portfolio(&[]);
    load_demo(&p.db, &nobody(), &DemoRequest { force: true, scale: 0 }).unwrap();
    let out = p.dir.path().join("lineage.jsonl");
    export_openlineage(&p.db, &caller(OFFICER), &OpenLineageExportRequest { destination: out.display().to_string() })
        .unwrap();
    std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn every_event_validates_against_the_openlineage_run_event_schema_and_its_facet_schemas() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run_event = schema(&root.join("tests/openlineage/run-event.schema.json"));
    let facets = root.join("../../assets/openlineage/facets/1-0-0");
    let facet_schema = |(_, url): (&str, &str)| {
        let file = url.split('#').next().unwrap().rsplit('/').next().unwrap();
        schema(&facets.join(file))
    };
    let (training, pack, adapter) =
        (facet_schema(TRAINING_FACET), facet_schema(DATA_PACK_FACET), facet_schema(ADAPTER_FACET));
    let events = exported_events();
    assert!(!events.is_empty());
    for event in &events {
        assert_valid(&run_event, event, "a RunEvent");
        assert_valid(&training, &event["run"]["facets"], "the run facets");
        for input in event["inputs"].as_array().unwrap() {
            assert_valid(&pack, &input["facets"], "an input's facets");
        }
        for output in event["outputs"].as_array().unwrap() {
            assert_valid(&adapter, &output["facets"], "the output's facets");
        }
        for (key, facet) in event["run"]["facets"].as_object().unwrap() {
            assert!(facet["_schemaURL"].as_str().unwrap().contains("#/$defs/"), "{key} names its schema");
        }
    }
    // The validators see bad events too: a missing runId, an unknown event type.
    let mut broken = events[0].clone();
    broken["run"].as_object_mut().unwrap().remove("runId");
    assert!(!run_event.is_valid(&broken));
    let mut broken = events[0].clone();
    broken["eventType"] = "FINISHED".into();
    assert!(!run_event.is_valid(&broken));
    let mut broken = events[0].clone();
    broken["run"]["facets"][TRAINING_FACET.0]["adapterVersionId"] = Value::Null;
    assert!(!training.is_valid(&broken["run"]["facets"]));
}

#[test]
fn each_training_run_starts_and_completes_and_base_models_are_named_by_where_they_live() {
    let events = exported_events();
    let runs: std::collections::BTreeSet<&str> = events.iter().map(|e| e["run"]["runId"].as_str().unwrap()).collect();
    for run in &runs {
        let kinds: Vec<&str> =
            events.iter().filter(|e| e["run"]["runId"] == *run).map(|e| e["eventType"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["START", "COMPLETE"], "run {run}");
    }
    for event in &events {
        for input in event["inputs"].as_array().unwrap() {
            if input["namespace"] == "huggingface" {
                let name = input["name"].as_str().unwrap();
                assert_eq!(input["facets"]["dataSource"]["uri"], format!("https://huggingface.co/{name}"));
                assert!(!name.starts_with('/') && !name.contains("//"), "{name}");
            }
        }
    }
}
