//! Every field of every signable record is either in its signed view or listed as excluded with
//! a reason: add a field to a dossier (or a version, a pack, a risk…) and these tests fail until
//! the field is signed or its exclusion explained.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Utc;
use serde::Serialize;
use serde_json::Value;

use super::*;
use crate::compliance::bias::ParityResult;
use crate::compliance::{BiasFigures, BiasKind};
use crate::domain::{LaneOverride, Stage};
use crate::registry::{AdapterStatus, EvaluationFormat, FileDigest, PolicyCategory, WeightsFormat};

fn keys<T: Serialize>(record: &T) -> BTreeSet<String> {
    match serde_json::to_value(record).unwrap() {
        Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not a record: {other}"),
    }
}

fn object_keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap_or_else(|| panic!("not an object: {value}")).keys().cloned().collect()
}

/// Every key of `record` is signed (a key of `view`) or excluded; every exclusion names a field
/// the record has and the view leaves out, with a reason.
fn assert_covered<T: Serialize>(what: &str, record: &T, view: &Value, excluded: &[(&str, &str)]) {
    let record_keys = keys(record);
    let signed = object_keys(view);
    for key in &record_keys {
        let reason = excluded.iter().find(|(k, _)| k == key);
        assert!(
            signed.contains(key) || reason.is_some(),
            "{what}.{key} is neither signed nor excluded: add it to the {what} view, or to its EXCLUDED list with the reason"
        );
    }
    for (key, reason) in excluded {
        assert!(record_keys.contains(*key), "{what}: the exclusion of {key:?} names no field of the record");
        assert!(!signed.contains(*key), "{what}: {key:?} is both signed and excluded");
        assert!(reason.len() > 8, "{what}: the exclusion of {key:?} needs a reason");
    }
}

fn samples() -> Evidence {
    let now = Utc::now();
    let case = UseCase {
        id: "UC-001".into(),
        title: "Claims triage".into(),
        business_unit: "Claims".into(),
        description: "d".into(),
        workflow: "w".into(),
        executive_sponsor: Some("Henrik".into()),
        product_owner: Some("Aisha".into()),
        annual_value: Money::units(100),
        one_time_cost: Money::units(10),
        monthly_run_cost: Money::units(1),
        ratings: Ratings::default(),
        data_readiness: Some(3),
        data_readiness_notes: "n".into(),
        risk_class: Some(RiskClass::Limited),
        risk_notes: "r".into(),
        stage: Stage::Pilot,
        lane: Lane::Portfolio,
        requested_lane: Lane::Portfolio,
        lane_reason: Some("x".into()),
        payback_months: Some(1.0),
        lane_override: Some(LaneOverride { decided_by: "Claire".into(), reason: "why".into(), decided_at: now }),
        created_at: now,
        updated_at: now,
    };
    let version = AdapterVersion {
        id: "AV-001".into(),
        adapter_id: "AD-001".into(),
        adapter_name: "claims".into(),
        use_case_id: Some("UC-001".into()),
        version: "1.0.0".into(),
        status: AdapterStatus::Approved,
        peft_type: "LORA".into(),
        base_model: Some("org/model".into()),
        revision: Some("main".into()),
        r: 8,
        lora_alpha: 16.0,
        lora_dropout: Some(0.05),
        target_modules: vec!["q_proj".into()],
        bias: Some("none".into()),
        use_rslora: false,
        use_dora: false,
        task_type: Some("CAUSAL_LM".into()),
        config_json: "{}".into(),
        weights_file: "adapter_model.safetensors".into(),
        weights_format: WeightsFormat::Safetensors,
        file_bytes: 10,
        sha256: "a".repeat(64),
        tensor_count: Some(2),
        parameters: Some(100),
        dtypes: vec!["F32".into()],
        training_params: BTreeMap::from([("lr".to_owned(), "1e-4".to_owned())]),
        data_pack_ids: vec!["DP-001".into()],
        source_dir: "/tmp".into(),
        imported_by: "Ana".into(),
        imported_at: now,
    };
    let pack = DataPack {
        id: "DP-001".into(),
        name: "claims".into(),
        version: "1".into(),
        source_ids: vec!["SRC-001".into()],
        curated_by: "Ben".into(),
        record_count: 10,
        personal_data: PersonalData::Pseudonymised,
        file: Some(FileDigest { file_name: "f".into(), bytes: 1, sha256: "b".repeat(64) }),
        approved_by: Some("Carla".into()),
        approved_on: Some("2026-01-01".into()),
        created_at: now,
    };
    let source = DataSource {
        id: "SRC-001".into(),
        name: "Claims".into(),
        system: "Guidewire".into(),
        owner: "Ops".into(),
        classification: Classification::Confidential,
        policy_id: Some("POL-001".into()),
        created_at: now,
        updated_at: now,
    };
    let metric = Metric {
        suite: "s".into(),
        metric: "acc".into(),
        value: 0.5,
        stderr: Some(0.01),
        higher_is_better: Some(true),
    };
    let evaluation = Evaluation {
        id: "EV-001".into(),
        adapter_version_id: "AV-001".into(),
        format: EvaluationFormat::Csv,
        title: "t".into(),
        file_name: "f.csv".into(),
        sha256: "c".repeat(64),
        run_on: "2026-01-01".into(),
        run_by: "Dee".into(),
        imported_at: now,
        metrics: vec![metric],
        baseline_for: vec!["UC-001".into()],
    };
    let risk = Risk {
        id: "RISK-001".into(),
        use_case_id: "UC-001".into(),
        title: "r".into(),
        likelihood: 2,
        impact: 3,
        owner: "o".into(),
        mitigation: "m".into(),
        status: RiskStatus::Open,
        created_at: now,
        updated_at: now,
    };
    let bias = BiasCheck {
        id: "BC-001".into(),
        use_case_id: "UC-001".into(),
        adapter_version_id: Some("AV-001".into()),
        kind: BiasKind::DemographicParity,
        title: "t".into(),
        threshold: 0.8,
        threshold_rationale: "why".into(),
        file_name: "f".into(),
        sha256: "d".repeat(64),
        figures: BiasFigures::DemographicParity(ParityResult { groups: vec![], difference: 0.0, ratio: 1.0 }),
        passed: true,
        run_by: "Eve".into(),
        checked_at: now,
    };
    let plan = Oversight {
        use_case_id: "UC-001".into(),
        accountable_person: "a".into(),
        intervention_procedure: "i".into(),
        fallback_owner: "f".into(),
        max_intervention_minutes: Some(5),
        missing: vec![],
        updated_at: Some(now),
    };
    let _ = PolicyCategory::AcceptableDataSources;
    Evidence {
        use_cases: HashMap::from([(case.id.clone(), case)]),
        versions: vec![version],
        evaluations: HashMap::from([(evaluation.id.clone(), evaluation)]),
        oversight: HashMap::from([(plan.use_case_id.clone(), plan)]),
        risks: vec![risk],
        bias_checks: vec![bias],
        packs: HashMap::from([(pack.id.clone(), pack)]),
        sources: HashMap::from([(source.id.clone(), source)]),
        baselines: HashMap::from([("UC-001".to_owned(), "EV-001".to_owned())]),
    }
}

#[test]
fn every_use_case_field_is_signed_or_excluded_with_a_reason() {
    let e = samples();
    let content = e.content("UC-001").unwrap().value;
    let case = &e.use_cases["UC-001"];
    assert_covered("use case", case, &content["dossier"], USE_CASE_EXCLUDED);
    assert_covered(
        "gate override",
        case.lane_override.as_ref().unwrap(),
        &content["dossier"]["lane_override"],
        OVERRIDE_EXCLUDED,
    );
    assert_covered("oversight plan", &e.oversight["UC-001"], &content["oversight"], OVERSIGHT_EXCLUDED);
    assert_covered("risk", &e.risks[0], &content["risks"][0], RISK_EXCLUDED);
    assert_covered("bias check", &e.bias_checks[0], &content["bias_checks"][0], BIAS_EXCLUDED);
    assert_eq!(content["baseline_evaluation"], "EV-001");
}

#[test]
fn every_adapter_version_field_is_signed_or_excluded_with_a_reason() {
    let e = samples();
    let content = e.content("AV-001").unwrap().value;
    assert_covered("adapter version", &e.versions[0], &content["version"], VERSION_EXCLUDED);
    assert_covered("data pack", &e.packs["DP-001"], &content["data_packs"][0], PACK_EXCLUDED);
    assert_covered("data source", &e.sources["SRC-001"], &content["data_packs"][0]["sources"][0], SOURCE_EXCLUDED);
    assert_eq!(content["evaluations"][0]["id"], "EV-001");
}

#[test]
fn every_evaluation_field_is_signed_or_excluded_with_a_reason() {
    let e = samples();
    let content = e.content("EV-001").unwrap().value;
    assert_covered("evaluation", &e.evaluations["EV-001"], &content["evaluation"], EVALUATION_EXCLUDED);
    let metric = &e.evaluations["EV-001"].metrics[0];
    assert_covered("metric", metric, &content["evaluation"]["metrics"][0], &[]);
}

#[test]
fn a_change_to_a_signed_field_changes_the_hash_and_a_bookkeeping_field_does_not() {
    let mut e = samples();
    let before = e.content("UC-001").unwrap().sha256;
    e.use_cases.get_mut("UC-001").unwrap().updated_at = Utc::now() + chrono::Duration::days(1);
    e.use_cases.get_mut("UC-001").unwrap().stage = Stage::Scaled;
    assert_eq!(e.content("UC-001").unwrap().sha256, before, "bookkeeping and the stage are not signed");
    e.use_cases.get_mut("UC-001").unwrap().annual_value = Money::units(101);
    assert_ne!(e.content("UC-001").unwrap().sha256, before);
    e.packs.get_mut("DP-001").unwrap().personal_data = PersonalData::Personal;
    let av = e.content("AV-001").unwrap().sha256;
    e.packs.get_mut("DP-001").unwrap().personal_data = PersonalData::None;
    assert_ne!(e.content("AV-001").unwrap().sha256, av, "a pack's personal-data status is signed with the version");
}

#[test]
fn a_record_that_is_gone_is_not_found_and_an_unknown_id_names_the_field() {
    let e = samples();
    assert!(matches!(e.content("UC-404"), Err(CoreError::NotFound { .. })));
    assert!(matches!(e.content("XX-1"), Err(CoreError::Invalid { ref field, .. }) if field == "entity_id"));
}
