//! The registry against real files written here: genuine safetensors files (made with the
//! safetensors crate), PEFT configs of the shape PEFT writes, lm-eval results, and the broken
//! variants, each of which must store nothing. MLflow run folders are in `mlflow.rs`.

mod support;

use std::path::Path;

use steerco_core::registry::lineage::GapKind;
use steerco_core::registry::peft::read_folder;
use steerco_core::registry::{
    AdapterStatus, Classification, DataPackInput, DataSourceInput, DeploymentInput, PackApproval, PersonalData,
    PolicyCategory, PolicyInput, WeightsFormat,
};
use steerco_core::services::registry::adapters::{self, AdapterRef, AdapterStatusChange, BaseModelChange};
use steerco_core::services::registry::evaluations::{self, EvaluationImport};
use steerco_core::services::registry::governance::{self, DataPackCreate};
use steerco_core::services::registry::lineage;
use steerco_core::CoreError;
use support::registry::*;
use support::*;

#[test]
fn a_peft_folder_is_read_as_peft_wrote_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("support-bot");
    peft_folder(&dir, CONFIG, 8);
    let folder = read_folder(&dir).unwrap();
    let c = &folder.config;
    assert_eq!(
        (c.peft_type.as_str(), c.base_model.as_deref().unwrap(), c.r, c.lora_alpha),
        ("LORA", "mistralai/Mistral-7B-Instruct-v0.3", 8, 32.0)
    );
    assert_eq!(c.revision.as_deref(), Some("c170c708c41dac9275d15a8fff4eca08d52bab71"));
    assert_eq!(c.target_modules, ["q_proj", "v_proj"]);
    assert_eq!(
        (c.lora_dropout, c.bias.as_deref(), c.task_type.as_deref()),
        (Some(0.05), Some("none"), Some("CAUSAL_LM"))
    );
    assert!(c.config_json.contains("megatron_config"), "unknown keys are kept");
    let w = &folder.weights;
    assert_eq!(w.format, WeightsFormat::Safetensors);
    assert_eq!(w.tensor_count, Some(5));
    assert_eq!(w.parameters, Some(2 * (8 * 64 + 64 * 8) + 64));
    assert_eq!(w.dtypes, ["BF16", "F32"]);
    let file = dir.join("adapter_model.safetensors");
    assert_eq!(w.file.sha256, sha256sum(&file), "the streamed hash matches sha256sum");
    assert_eq!(w.file.bytes, std::fs::metadata(&file).unwrap().len());
}

#[test]
fn a_string_target_and_a_pickle_only_folder_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bin-only");
    std::fs::create_dir_all(&dir).unwrap();
    let config = CONFIG.replace(r#"["q_proj", "v_proj"]"#, r#""all-linear""#);
    std::fs::write(dir.join("adapter_config.json"), &config).unwrap();
    std::fs::write(dir.join("adapter_model.bin"), b"PK\x03\x04 not unpickled").unwrap();
    let folder = read_folder(&dir).unwrap();
    assert_eq!(folder.config.target_modules, ["all-linear"]);
    assert_eq!(folder.weights.format, WeightsFormat::Pickle);
    assert_eq!((folder.weights.parameters, folder.weights.tensor_count), (None, None));
    assert_eq!(folder.weights.file.sha256, sha256sum(&dir.join("adapter_model.bin")));
}

#[test]
fn broken_folders_are_refused_with_the_file_and_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good");
    peft_folder(&good, CONFIG, 4);
    let weights = std::fs::read(good.join("adapter_model.safetensors")).unwrap();
    let case = |name: &str, config: &str, weights: &[u8]| {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("adapter_config.json"), config).unwrap();
        std::fs::write(dir.join("adapter_model.safetensors"), weights).unwrap();
        read_folder(&dir).unwrap_err().to_string()
    };
    let invalid_json = case("json", "{ \"r\": 8, ", &weights);
    assert!(invalid_json.contains("adapter_config.json") && invalid_json.contains("not valid JSON"), "{invalid_json}");
    let truncated = case("truncated", CONFIG, &weights[..weights.len() - 10]);
    assert!(truncated.contains("adapter_model.safetensors") && truncated.contains("truncated"), "{truncated}");
    let mut past_end = weights.clone();
    past_end[..8].copy_from_slice(&(weights.len() as u64 * 4).to_le_bytes());
    let past_end = case("past-end", CONFIG, &past_end);
    assert!(past_end.contains("runs past the end of the file"), "{past_end}");
    let tiny = case("tiny", CONFIG, b"\x01\x02");
    assert!(tiny.contains("8-byte header length"), "{tiny}");
    let garbage_header = {
        let mut w = 16u64.to_le_bytes().to_vec();
        w.extend_from_slice(b"{not a header!!}");
        case("garbage", CONFIG, &w)
    };
    assert!(garbage_header.contains("invalid safetensors header"), "{garbage_header}");
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    assert!(read_folder(&empty).unwrap_err().to_string().contains("adapter_config.json"));
}

/// A portfolio with a registry to fill, and a folder to write PEFT folders and files into.
#[test]
fn versions_are_semver_unique_per_adapter_and_move_forward() {
    let reg = Registry::new();
    let v1 = reg.import("support-bot", "1.0.0", &[]).unwrap();
    assert!(reg.import("support-bot", "1.0", &[]).unwrap_err().to_string().starts_with("version:"));
    let again = reg.import("support-bot", "1.0.0", &[]).unwrap_err().to_string();
    assert!(again.contains("already registered"), "{again}");
    let unknown_pack = reg.import("support-bot", "1.1.0", &["DP-404".into()]).unwrap_err().to_string();
    assert!(unknown_pack.contains("DP-404"), "{unknown_pack}");
    let v2 = reg.import("support-bot", "1.10.0", &[]).unwrap();
    let listed = |reg: &Registry| -> Vec<String> {
        adapters::versions(&reg.p.db, &AdapterRef { adapter: "support-bot".into() })
            .unwrap()
            .into_iter()
            .map(|v| v.version)
            .collect()
    };
    assert_eq!(listed(&reg), ["1.10.0", "1.0.0"], "semantic, not text, order; refused imports store nothing");
    reg.import("support-bot", "1.0.0-rc.1", &[]).unwrap();
    assert_eq!(listed(&reg), ["1.10.0", "1.0.0", "1.0.0-rc.1"], "a pre-release comes before its release");
    let build = reg.import("support-bot", "1.0.0+build.7", &[]).unwrap_err().to_string();
    assert!(build.contains("build metadata"), "{build}");
    // Approving a version is a compliance officer's decision.
    let consultant = AdapterStatusChange { id: v1.clone(), status: AdapterStatus::Approved };
    assert!(matches!(adapters::set_status(&reg.p.db, &caller(CONSULTANT), &consultant), Err(CoreError::Forbidden(_))));
    reg.status(&v1, AdapterStatus::Approved).unwrap();
    assert!(reg.status(&v1, AdapterStatus::Candidate).unwrap_err().to_string().contains("cannot become candidate"));
    assert!(reg.deploy(&v2).unwrap_err().to_string().contains("only an approved version"));
    // A deployment is approved by the person working, never in someone else's name.
    let in_another_name = DeploymentInput {
        adapter_version_id: v1.clone(),
        target: "production".into(),
        deployed_on: "2026-11-28".into(),
        approved_by: Some("Somebody Else".into()),
        override_rationale: None,
    };
    let err = adapters::deploy(&reg.p.db, &caller(EXECUTIVE), &in_another_name).unwrap_err();
    assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "approved_by"), "{err}");
    reg.deploy(&v1).unwrap();
    assert_eq!(adapters::deployments(&reg.p.db).unwrap()[0].approved_by, EXECUTIVE);
}

#[test]
fn a_base_model_peft_leaves_null_is_a_lineage_gap_until_supplied() {
    let reg = Registry::new();
    let unnamed = CONFIG.replace("\"mistralai/Mistral-7B-Instruct-v0.3\"", "null");
    let v = reg.import_with("unet", "1.0.0", &[], &unnamed, None).unwrap();
    let graph = lineage::graph(&reg.p.db, &v).unwrap();
    assert!(graph.gaps.iter().any(|g| g.kind == GapKind::NoBaseModel), "{:?}", graph.gaps);
    let change = BaseModelChange { id: v.clone(), base_model: "stabilityai/sdxl-base-1.0".into() };
    adapters::set_base_model(&reg.p.db, &caller(CONSULTANT), &change).unwrap();
    let graph = lineage::graph(&reg.p.db, &v).unwrap();
    assert!(!graph.gaps.iter().any(|g| g.kind == GapKind::NoBaseModel));
    assert!(adapters::set_base_model(&reg.p.db, &caller(CONSULTANT), &change).is_err(), "a recorded model stays");
    // Supplied at import time instead; a config that names one cannot be overridden.
    let w = reg.import_with("unet", "1.1.0", &[], &unnamed, Some("stabilityai/sdxl-base-1.0")).unwrap();
    assert_eq!(
        adapters::all_versions(&reg.p.db).unwrap().iter().find(|x| x.id == w).unwrap().base_model.as_deref(),
        Some("stabilityai/sdxl-base-1.0")
    );
    let clash = reg.import_with("named", "1.0.0", &[], CONFIG, Some("other/model")).unwrap_err();
    assert!(matches!(clash, CoreError::Invalid { ref field, .. } if field == "base_model"), "{clash}");
}

#[test]
fn lineage_check_names_each_planted_gap() {
    let reg = Registry::new();
    let db = &reg.p.db;
    let who = caller(OFFICER);
    let pol = governance::create_policy(
        db,
        &who,
        &PolicyInput {
            title: "Acceptable sources for fine-tuning".into(),
            body: "Internal tickets after PII scrubbing.".into(),
            category: PolicyCategory::AcceptableDataSources,
            owner: "CDO".into(),
            effective_on: "2026-01-01".into(),
            version: "2".into(),
        },
    )
    .unwrap();
    let source = |name: &str, policy_id: Option<String>| DataSourceInput {
        name: name.into(),
        system: "ServiceNow".into(),
        owner: "IT".into(),
        classification: Classification::Internal,
        policy_id,
    };
    let src_ok = governance::create_source(db, &who, &source("Tickets", Some(pol.id.clone()))).unwrap().id;
    let src_unaccepted = governance::create_source(db, &who, &source("Call recordings", None)).unwrap().id;
    let pack = |name: &str, source: &str| DataPackCreate {
        pack: DataPackInput {
            name: name.into(),
            version: "1".into(),
            source_ids: vec![source.into()],
            curated_by: "Data team".into(),
            record_count: 1200,
            personal_data: PersonalData::Pseudonymised,
        },
        file_path: None,
    };
    let pack_ok = governance::create_pack(db, &who, &pack("tickets", &src_ok)).unwrap().id;
    let approval = PackApproval {
        data_pack_id: pack_ok.clone(),
        approved_by: Some(OFFICER.into()),
        approved_on: "2026-11-01".into(),
    };
    let err = governance::approve_pack(db, &caller(CONSULTANT), &approval).unwrap_err();
    assert!(matches!(err, CoreError::Forbidden(_)), "only a compliance officer approves: {err}");
    governance::approve_pack(db, &who, &approval).unwrap();
    let pack_unapproved = governance::create_pack(db, &who, &pack("calls", &src_unaccepted)).unwrap().id;
    let clean = reg.import("clean", "1.0.0", std::slice::from_ref(&pack_ok)).unwrap();
    let no_pack = reg.import("no-pack", "1.0.0", &[]).unwrap();
    let dirty = reg.import("dirty", "2.0.0", std::slice::from_ref(&pack_unapproved)).unwrap();
    let candidate_with_gaps = reg.import("draft", "0.1.0", &[]).unwrap();
    let eval = reg.file("eval.csv", "suite,metric,value,higher_is_better\nrefusals,pass_rate,0.98,true\n");
    let req = EvaluationImport {
        path: eval,
        adapter_version_id: clean.clone(),
        run_on: Some("2026-11-20".into()),
        run_by: None,
    };
    let ev = evaluations::import(db, &caller(CONSULTANT), &req).unwrap();
    assert_eq!(ev.run_by, CONSULTANT, "who ran it defaults to the person importing");
    // The evaluated version goes out last: the regression gate would refuse an unevaluated
    // version after it (tests/regression.rs), and this test is about lineage gaps.
    for id in [&no_pack, &dirty, &clean] {
        reg.status(id, AdapterStatus::Approved).unwrap();
        reg.deploy(id).unwrap();
    }
    let gaps = lineage::check_all(db).unwrap().gaps;
    let messages: Vec<&str> = gaps.iter().map(|g| g.message.as_str()).collect();
    let on = |id: &str, kind: GapKind| gaps.iter().any(|g| g.adapter_version_id == id && g.kind == kind);
    // Nobody has signed the use cases off, which the release check also reports.
    assert!(on(&clean, GapKind::NoCurrentSignoff), "{messages:?}");
    assert!(
        !gaps.iter().any(|g| g.adapter_version_id == clean && g.kind != GapKind::NoCurrentSignoff),
        "a complete lineage has no gaps: {messages:?}"
    );
    assert!(
        gaps.iter().all(|g| !g.how_to_close.is_empty() && !g.how_to_close.contains("  ")),
        "every gap says how to close it"
    );
    assert!(!gaps.iter().any(|g| g.adapter_version_id == candidate_with_gaps), "only deployed versions are checked");
    assert!(on(&no_pack, GapKind::NoDataPack) && on(&no_pack, GapKind::NoEvaluation), "{messages:?}");
    assert!(on(&dirty, GapKind::UnapprovedDataPack) && on(&dirty, GapKind::UnacceptedSource), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains(&src_unaccepted) && m.contains("no policy accepts")), "{messages:?}");
    assert!(on(&dirty, GapKind::NoEvaluation));
    assert_eq!(gaps.len(), 5 + 3, "five lineage gaps and three unsigned deployments: {messages:?}");
    let check = lineage::check_all(db).unwrap();
    let per_version: Vec<(&str, u32)> =
        check.deployed.iter().map(|d| (d.adapter_version_id.as_str(), d.gap_count)).collect();
    assert_eq!(per_version, [(clean.as_str(), 1), (no_pack.as_str(), 3), (dirty.as_str(), 4)]);
    assert_eq!(check.versions_with_gaps, 3);
    let graph = lineage::graph(db, &clean).unwrap();
    let ids: Vec<&str> = graph.nodes.iter().map(|n| n.id.as_str()).collect();
    let deployment = adapters::deployments(db).unwrap().into_iter().find(|d| d.adapter_version_id == clean).unwrap().id;
    assert_eq!(ids, [src_ok.as_str(), pack_ok.as_str(), clean.as_str(), ev.id.as_str(), deployment.as_str()]);
    assert!(graph.nodes.iter().all(|n| n.gap.is_none()));
}

const LM_EVAL: &str = r#"{"results": {"arc_easy": {"alias": "arc_easy", "acc,none": 0.8127104377104377, "acc_stderr,none": 0.008006547117003585,
    "acc_norm,none": 0.7718855218855218, "acc_norm_stderr,none": 0.008610355160815657}},
   "higher_is_better": {"arc_easy": {"acc": true, "acc_norm": true}},
   "config": {"model": "hf", "model_args": "pretrained=mistral,peft=./support-bot"},
   "date": 1763632800.0}"#;

#[test]
fn an_lm_eval_results_file_is_read_exactly_and_hashed_as_read() {
    let reg = Registry::new();
    let v = reg.import("support-bot", "1.0.0", &[]).unwrap();
    let path = reg.file("results_2026-11-20T10-00-00.json", LM_EVAL);
    let req = EvaluationImport {
        path: path.clone(),
        adapter_version_id: v.clone(),
        run_on: None,
        run_by: Some("Ana".into()),
    };
    let stored = evaluations::import(&reg.p.db, &caller(CONSULTANT), &req).unwrap();
    assert_eq!(stored.sha256, sha256sum(Path::new(&path)));
    assert_eq!(stored.run_on, "2025-11-20");
    assert_eq!(stored.metrics[0].stderr, Some(0.008006547117003585));
    // The same figures as CSV come back as the very same doubles (serde_json reads exactly).
    let csv = reg.file(
        "same.csv",
        "suite,metric,value,higher_is_better\narc_easy,acc,0.8127104377104377,true\narc_easy,acc_norm,0.7718855218855218,true\n",
    );
    let from_csv = evaluations::import(
        &reg.p.db,
        &caller(CONSULTANT),
        &EvaluationImport { path: csv, adapter_version_id: v.clone(), run_on: Some("2025-11-20".into()), run_by: None },
    )
    .unwrap();
    for (a, b) in stored.metrics.iter().zip(&from_csv.metrics) {
        assert_eq!((a.metric.as_str(), a.value.to_bits()), (b.metric.as_str(), b.value.to_bits()), "exact value");
    }
    let twice = evaluations::import(&reg.p.db, &caller(CONSULTANT), &req).unwrap_err();
    assert!(twice.to_string().contains("already imported"));
}

#[test]
fn a_results_file_whose_only_metric_is_infinite_says_so() {
    let reg = Registry::new();
    let v = reg.import("support-bot", "1.0.0", &[]).unwrap();
    let path = reg.file("inf.json", r#"{"results": {"task": {"perplexity,none": Infinity}}}"#);
    let req = EvaluationImport { path, adapter_version_id: v, run_on: Some("2026-01-01".into()), run_by: None };
    let err = evaluations::import(&reg.p.db, &caller(CONSULTANT), &req).unwrap_err().to_string();
    assert!(err.contains("NaN or Infinity"), "{err}");
}
