//! The registry against real files written here: genuine safetensors files (made with the
//! safetensors crate), PEFT configs of the shape PEFT writes, lm-eval results, and the broken
//! variants, each of which must store nothing. MLflow run folders are in `mlflow.rs`.

use std::collections::HashMap;
use std::path::Path;

use chrono::{TimeZone, Utc};
use safetensors::tensor::{Dtype, TensorView};
use steerco_core::registry::evaluation_files::parse_any;
use steerco_core::registry::hashing::hash_file;
use steerco_core::registry::lineage::{check, GapKind};
use steerco_core::registry::peft::read_folder;
use steerco_core::registry::{
    AdapterStatus, Classification, DataPackInput, DataSourceInput, DeploymentInput, PackApproval, PersonalData,
    PolicyCategory, PolicyInput, WeightsFormat,
};
use steerco_core::store::adapter::{self, NewVersion};
use steerco_core::store::{data_pack, data_source, deployment, evaluation, lineage, policy};
use steerco_core::Db;

const CONFIG: &str = r#"{
  "alpha_pattern": {},
  "auto_mapping": null,
  "base_model_name_or_path": "mistralai/Mistral-7B-Instruct-v0.3",
  "bias": "none",
  "fan_in_fan_out": false,
  "inference_mode": true,
  "init_lora_weights": true,
  "lora_alpha": 32,
  "lora_dropout": 0.05,
  "megatron_config": null,
  "modules_to_save": null,
  "peft_type": "LORA",
  "r": 8,
  "rank_pattern": {},
  "revision": "c170c708c41dac9275d15a8fff4eca08d52bab71",
  "target_modules": ["q_proj", "v_proj"],
  "task_type": "CAUSAL_LM",
  "use_dora": false,
  "use_rslora": false
}"#;

/// Writes a PEFT folder: `config` as adapter_config.json and a real safetensors file with two
/// F32 LoRA matrices per target (r × 64 and 64 × r) and one BF16 bias vector.
fn peft_folder(dir: &Path, config: &str, r: usize) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("adapter_config.json"), config).unwrap();
    let a = vec![0u8; r * 64 * 4];
    let b = vec![1u8; 64 * r * 4];
    let bias = vec![2u8; 64 * 2];
    let mut tensors = HashMap::new();
    for target in ["q_proj", "v_proj"] {
        let prefix = format!("base_model.model.model.layers.0.self_attn.{target}");
        tensors.insert(format!("{prefix}.lora_A.weight"), TensorView::new(Dtype::F32, vec![r, 64], &a).unwrap());
        tensors.insert(format!("{prefix}.lora_B.weight"), TensorView::new(Dtype::F32, vec![64, r], &b).unwrap());
    }
    tensors.insert("base_model.model.lm_head.bias".into(), TensorView::new(Dtype::BF16, vec![64], &bias).unwrap());
    safetensors::serialize_to_file(tensors, None, &dir.join("adapter_model.safetensors")).unwrap();
}

fn sha256sum(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum").arg(path).output().expect("sha256sum");
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

#[test]
fn a_peft_folder_is_read_as_peft_wrote_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("support-bot");
    peft_folder(&dir, CONFIG, 8);
    let folder = read_folder(&dir).unwrap();
    let c = &folder.config;
    assert_eq!(
        (c.peft_type.as_str(), c.base_model.as_str(), c.r, c.lora_alpha),
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

struct Registry {
    db: Db,
    tmp: tempfile::TempDir,
}

impl Registry {
    fn new() -> Self {
        Registry { db: Db::open_in_memory().unwrap(), tmp: tempfile::tempdir().unwrap() }
    }

    fn import(&self, name: &str, version: &str, packs: &[String]) -> steerco_core::CoreResult<String> {
        let dir = self.tmp.path().join(format!("{name}-{version}"));
        peft_folder(&dir, CONFIG, 8);
        let folder = read_folder(&dir)?;
        let new = NewVersion {
            adapter_name: name,
            version,
            use_case_id: None,
            data_pack_ids: packs,
            folder: &folder,
            source_dir: &dir.display().to_string(),
            imported_by: "Ana",
        };
        Ok(self
            .db
            .write(
                &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
                |tx| adapter::import_version(tx, &new, now()),
            )?
            .id)
    }

    fn counts(&self) -> (i64, i64) {
        self.db
            .read(|c| {
                Ok((
                    c.query_row("SELECT count(*) FROM adapter", [], |r| r.get(0))?,
                    c.query_row("SELECT count(*) FROM adapter_version", [], |r| r.get(0))?,
                ))
            })
            .unwrap()
    }
}

#[test]
fn versions_are_semver_unique_per_adapter_and_move_forward() {
    let reg = Registry::new();
    let v1 = reg.import("support-bot", "1.0.0", &[]).unwrap();
    assert!(reg.import("support-bot", "1.0", &[]).unwrap_err().to_string().starts_with("version:"));
    let again = reg.import("support-bot", "1.0.0", &[]).unwrap_err().to_string();
    assert!(again.contains("already registered"), "{again}");
    let unknown_pack = reg.import("support-bot", "1.1.0", &["DP-404".into()]).unwrap_err().to_string();
    assert!(unknown_pack.contains("DP-404"), "{unknown_pack}");
    assert_eq!(reg.counts(), (1, 1), "refused imports store nothing");
    let v2 = reg.import("support-bot", "1.10.0", &[]).unwrap();
    let listed: Vec<String> =
        reg.db.read(|c| adapter::versions(c, "support-bot")).unwrap().into_iter().map(|v| v.version).collect();
    assert_eq!(listed, ["1.10.0", "1.0.0"], "semantic, not text, order");
    reg.import("support-bot", "1.0.0-rc.1", &[]).unwrap();
    let listed: Vec<String> =
        reg.db.read(|c| adapter::versions(c, "support-bot")).unwrap().into_iter().map(|v| v.version).collect();
    assert_eq!(listed, ["1.10.0", "1.0.0", "1.0.0-rc.1"], "a pre-release comes before its release");
    let build = reg.import("support-bot", "1.0.0+build.7", &[]).unwrap_err().to_string();
    assert!(build.contains("build metadata"), "{build}");
    reg.db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| adapter::set_status(tx, &v1, AdapterStatus::Approved),
        )
        .unwrap();
    let back = reg
        .db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| adapter::set_status(tx, &v1, AdapterStatus::Candidate),
        )
        .unwrap_err();
    assert!(back.to_string().contains("cannot become candidate"));
    let early = DeploymentInput {
        adapter_version_id: v2.clone(),
        target: "pilot phase 1".into(),
        deployed_on: "2026-11-28".into(),
        approved_by: "Exec".into(),
    };
    assert!(reg
        .db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| deployment::create(tx, &early, now())
        )
        .unwrap_err()
        .to_string()
        .contains("only an approved version"));
}

#[test]
fn lineage_check_names_each_planted_gap() {
    let reg = Registry::new();
    let (pol, src_ok, src_unaccepted, pack_ok, pack_unapproved) = reg
        .db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| {
                let pol = policy::create(
                    tx,
                    &PolicyInput {
                        title: "Acceptable sources for fine-tuning".into(),
                        body: "Internal tickets after PII scrubbing.".into(),
                        category: PolicyCategory::AcceptableDataSources,
                        owner: "CDO".into(),
                        effective_on: "2026-01-01".into(),
                        version: "2".into(),
                    },
                    now(),
                )?;
                let source = |name: &str, policy_id: Option<String>| DataSourceInput {
                    name: name.into(),
                    system: "ServiceNow".into(),
                    owner: "IT".into(),
                    classification: Classification::Internal,
                    policy_id,
                };
                let src_ok = data_source::create(tx, &source("Tickets", Some(pol.id.clone())), now())?;
                let src_bad = data_source::create(tx, &source("Call recordings", None), now())?;
                let pack = |name: &str, source: &str| DataPackInput {
                    name: name.into(),
                    version: "1".into(),
                    source_ids: vec![source.into()],
                    curated_by: "Data team".into(),
                    record_count: 1200,
                    personal_data: PersonalData::Pseudonymised,
                };
                let ok = data_pack::create(tx, &pack("tickets", &src_ok.id), None, now())?;
                data_pack::approve(
                    tx,
                    &PackApproval {
                        data_pack_id: ok.id.clone(),
                        approved_by: "Compliance".into(),
                        approved_on: "2026-11-01".into(),
                    },
                )?;
                let unapproved = data_pack::create(tx, &pack("calls", &src_bad.id), None, now())?;
                Ok((pol.id, src_ok.id, src_bad.id, ok.id, unapproved.id))
            },
        )
        .unwrap();
    assert_eq!(pol, "POL-001");
    let clean = reg.import("clean", "1.0.0", std::slice::from_ref(&pack_ok)).unwrap();
    let no_pack = reg.import("no-pack", "1.0.0", &[]).unwrap();
    let dirty = reg.import("dirty", "2.0.0", std::slice::from_ref(&pack_unapproved)).unwrap();
    let candidate_with_gaps = reg.import("draft", "0.1.0", &[]).unwrap();
    let eval_file = reg.tmp.path().join("eval.csv");
    std::fs::write(&eval_file, "suite,metric,value,higher_is_better\nrefusals,pass_rate,0.98,true\n").unwrap();
    let parsed = parse_any(&std::fs::read(&eval_file).unwrap(), &hash_file(&eval_file).unwrap()).unwrap();
    reg.db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| evaluation::insert(tx, &clean, &parsed, Some("2026-11-20"), Some("Ana"), now()),
        )
        .unwrap();
    for id in [&clean, &no_pack, &dirty] {
        reg.db
            .write(
                &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
                |tx| adapter::set_status(tx, id, AdapterStatus::Approved),
            )
            .unwrap();
        let d = DeploymentInput {
            adapter_version_id: id.clone(),
            target: "production".into(),
            deployed_on: "2026-11-28".into(),
            approved_by: "Exec".into(),
        };
        reg.db
            .write(
                &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
                |tx| deployment::create(tx, &d, now()),
            )
            .unwrap();
    }
    let graphs = reg.db.read(lineage::all_graphs).unwrap();
    let gaps = check(&graphs);
    let messages: Vec<&str> = gaps.iter().map(|g| g.message.as_str()).collect();
    let on = |id: &str, kind: GapKind| gaps.iter().any(|g| g.adapter_version_id == id && g.kind == kind);
    assert!(!gaps.iter().any(|g| g.adapter_version_id == clean), "a complete lineage has no gaps: {messages:?}");
    assert!(!gaps.iter().any(|g| g.adapter_version_id == candidate_with_gaps), "only deployed versions are checked");
    assert!(on(&no_pack, GapKind::NoDataPack) && on(&no_pack, GapKind::NoEvaluation), "{messages:?}");
    assert!(on(&dirty, GapKind::UnapprovedDataPack) && on(&dirty, GapKind::UnacceptedSource), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains(&src_unaccepted) && m.contains("no policy accepts")), "{messages:?}");
    assert!(on(&dirty, GapKind::NoEvaluation));
    assert_eq!(gaps.len(), 5, "{messages:?}");
    let graph = reg.db.read(|c| lineage::graph(c, &clean)).unwrap();
    let ids: Vec<&str> = graph.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, [src_ok.as_str(), pack_ok.as_str(), clean.as_str(), "EV-001", "DEP-001"]);
    assert!(graph.nodes.iter().all(|n| n.gap.is_none()));
}

#[test]
fn an_lm_eval_results_file_becomes_an_evaluation_with_its_hash() {
    let reg = Registry::new();
    let v = reg.import("support-bot", "1.0.0", &[]).unwrap();
    let file = reg.tmp.path().join("results_2026-11-20T10-00-00.json");
    std::fs::write(
        &file,
        r#"{"results": {"arc_easy": {"alias": "arc_easy", "acc,none": 0.81, "acc_stderr,none": 0.008,
            "acc_norm,none": 0.77, "acc_norm_stderr,none": 0.0086}},
           "higher_is_better": {"arc_easy": {"acc": true, "acc_norm": true}},
           "config": {"model": "hf", "model_args": "pretrained=mistral,peft=./support-bot"},
           "date": 1763632800.0}"#,
    )
    .unwrap();
    let digest = hash_file(&file).unwrap();
    let parsed = parse_any(&std::fs::read(&file).unwrap(), &digest).unwrap();
    let stored = reg
        .db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| evaluation::insert(tx, &v, &parsed, None, Some("Ana"), now()),
        )
        .unwrap();
    assert_eq!(stored.sha256, sha256sum(&file));
    assert_eq!(stored.run_on, "2025-11-20");
    assert_eq!(stored.metrics[0].stderr, Some(0.008));
    let twice = reg
        .db
        .write(
            &steerco_core::audit::AuditMeta::new("test", steerco_core::audit::Action::Update, chrono::Utc::now()),
            |tx| evaluation::insert(tx, &v, &parsed, None, Some("Ana"), now()),
        )
        .unwrap_err();
    assert!(twice.to_string().contains("already imported"));
}
