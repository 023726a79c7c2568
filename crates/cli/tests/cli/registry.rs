//! The registry through the `steerco` command, on files written here as the tools write them:
//! PEFT folders with real safetensors files, lm-eval results, an MLflow store. Stored fields and
//! hashes are compared with the files (and with `sha256sum`); broken files must store nothing.

use std::collections::HashMap;
use std::path::Path;

use safetensors::tensor::{Dtype, TensorView};
use serde_json::Value;

use crate::support::Sandbox;

fn peft_folder(dir: &Path, r: usize, targets: &str) {
    std::fs::create_dir_all(dir).unwrap();
    let config = format!(
        r#"{{"base_model_name_or_path": "meta-llama/Llama-3.1-8B-Instruct", "bias": "none", "lora_alpha": {alpha},
            "lora_dropout": 0.1, "peft_type": "LORA", "r": {r}, "revision": null, "target_modules": {targets},
            "task_type": "CAUSAL_LM", "use_dora": false, "use_rslora": false, "layers_pattern": null}}"#,
        alpha = r * 2
    );
    std::fs::write(dir.join("adapter_config.json"), config).unwrap();
    let a = vec![7u8; r * 32 * 2];
    let mut tensors = HashMap::new();
    tensors.insert(
        "base_model.model.layers.0.q_proj.lora_A.weight".to_owned(),
        TensorView::new(Dtype::BF16, vec![r, 32], &a).unwrap(),
    );
    tensors.insert(
        "base_model.model.layers.0.q_proj.lora_B.weight".to_owned(),
        TensorView::new(Dtype::BF16, vec![32, r], &a).unwrap(),
    );
    safetensors::serialize_to_file(tensors, None, &dir.join("adapter_model.safetensors")).unwrap();
}

fn sha256sum(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum").arg(path).output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned()
}

fn setup() -> (Sandbox, std::path::PathBuf) {
    let s = Sandbox::new();
    let db = s.path("p.steerco");
    s.with_db(&db).arg("init").assert().success();
    (s, db)
}

#[test]
fn import_show_diff_round_trip_the_folder_contents() {
    let (s, db) = setup();
    let v1 = s.path("adapters/v1");
    let v2 = s.path("adapters/v2");
    peft_folder(&v1, 8, r#"["q_proj", "v_proj"]"#);
    peft_folder(&v2, 16, r#""q_proj|k_proj|v_proj""#);
    let imported = s.json(
        &db,
        &["adapter", "import", v1.to_str().unwrap(), "--name", "claims-triage", "--version", "1.0.0", "--json"],
    );
    let id = imported["id"].as_str().unwrap().to_owned();
    let shown = s.json(&db, &["adapter", "show", &id, "--json"]);
    assert_eq!(shown["r"], 8);
    assert_eq!(shown["lora_alpha"], 16.0);
    assert_eq!(shown["target_modules"], serde_json::json!(["q_proj", "v_proj"]));
    assert_eq!(shown["base_model"], "meta-llama/Llama-3.1-8B-Instruct");
    assert_eq!(shown["revision"], Value::Null);
    assert_eq!(shown["parameters"], 2 * 8 * 32);
    assert_eq!(shown["tensor_count"], 2);
    assert_eq!(shown["dtypes"], serde_json::json!(["BF16"]));
    assert_eq!(shown["sha256"], sha256sum(&v1.join("adapter_model.safetensors")));
    assert_eq!(shown["status"], "candidate");
    let second = s.json(
        &db,
        &["adapter", "import", v2.to_str().unwrap(), "--name", "claims-triage", "--version", "1.1.0", "--json"],
    );
    let id2 = second["id"].as_str().unwrap();
    let diff = s.with_db(&db).args(["adapter", "diff", &id, id2]).output().unwrap();
    let text = String::from_utf8(diff.stdout).unwrap();
    for expected in ["r ", "lora_alpha", "target_modules", "parameters", "q_proj|k_proj|v_proj"] {
        assert!(text.contains(expected), "diff should mention {expected}:\n{text}");
    }
    let list = s.json(&db, &["adapter", "list", "--json"]);
    assert_eq!(list[0]["version_count"], 2);
    assert_eq!(list[0]["latest_version"], "1.1.0");
}

#[test]
fn broken_folders_exit_2_and_store_nothing() {
    let (s, db) = setup();
    let good = s.path("good");
    peft_folder(&good, 4, r#"["q_proj"]"#);
    let weights = std::fs::read(good.join("adapter_model.safetensors")).unwrap();
    let broken = |name: &str, config: Option<&str>, weights: &[u8]| {
        let dir = s.path(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(good.join("adapter_config.json"), dir.join("adapter_config.json")).unwrap();
        if let Some(c) = config {
            std::fs::write(dir.join("adapter_config.json"), c).unwrap();
        }
        std::fs::write(dir.join("adapter_model.safetensors"), weights).unwrap();
        let out = s
            .with_db(&db)
            .args(["adapter", "import", dir.to_str().unwrap(), "--name", "x", "--version", "1.0.0"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(broken("json", Some("{\"r\": 4,"), &weights).contains("not valid JSON"));
    assert!(broken("truncated", None, &weights[..weights.len() - 3]).contains("truncated"));
    let mut past = weights.clone();
    past[..8].copy_from_slice(&u64::MAX.wrapping_div(2).to_le_bytes());
    assert!(broken("past-end", None, &past).contains("past the end of the file"));
    let bad_version = s
        .with_db(&db)
        .args(["adapter", "import", good.to_str().unwrap(), "--name", "x", "--version", "one"])
        .output()
        .unwrap();
    assert_eq!(bad_version.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_version.stderr).contains("version:"));
    assert_eq!(s.json(&db, &["adapter", "list", "--json"]), serde_json::json!([]), "nothing was stored");
}

#[test]
fn evaluations_mlflow_lineage_check_and_openlineage() {
    let (s, db) = setup();
    let run = |args: &[&str]| {
        let out = s.with_db(&db).args(args).output().unwrap();
        assert!(out.status.success(), "steerco {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&[
        "policy",
        "add",
        "--title",
        "Acceptable sources",
        "--category",
        "acceptable_data_sources",
        "--owner",
        "CDO",
        "--effective",
        "2026-01-01",
    ]);
    run(&[
        "source",
        "add",
        "--name",
        "Claims notes",
        "--system",
        "Guidewire",
        "--owner",
        "Claims",
        "--classification",
        "confidential",
        "--policy",
        "POL-001",
    ]);
    run(&[
        "source",
        "add",
        "--name",
        "Web forum",
        "--system",
        "Scraper",
        "--owner",
        "Marketing",
        "--classification",
        "public",
    ]);
    let pack_file = s.path("claims.jsonl");
    std::fs::write(&pack_file, "{\"text\": \"claim 1\"}\n").unwrap();
    let pack = s.json(
        &db,
        &[
            "pack",
            "add",
            "--name",
            "claims",
            "--pack-version",
            "3",
            "--source",
            "SRC-001",
            "--curated-by",
            "Data team",
            "--records",
            "1",
            "--personal-data",
            "pseudonymised",
            "--file",
            pack_file.to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(pack[0]["file"]["sha256"], sha256sum(&pack_file));
    run(&["pack", "approve", "DP-001", "--by", "Carla (compliance)", "--on", "2026-11-02"]);
    run(&[
        "pack",
        "add",
        "--name",
        "forum",
        "--pack-version",
        "1",
        "--source",
        "SRC-002",
        "--curated-by",
        "Data team",
        "--records",
        "50",
        "--personal-data",
        "none",
    ]);
    let folder = s.path("a");
    peft_folder(&folder, 8, r#"["q_proj"]"#);
    let good = s.json(
        &db,
        &[
            "adapter",
            "import",
            folder.to_str().unwrap(),
            "--name",
            "claims",
            "--version",
            "1.0.0",
            "--data-pack",
            "DP-001",
            "--json",
        ],
    );
    let bad = s.json(
        &db,
        &[
            "adapter",
            "import",
            folder.to_str().unwrap(),
            "--name",
            "forum-bot",
            "--version",
            "0.9.0",
            "--data-pack",
            "DP-002",
            "--json",
        ],
    );
    let (good, bad) = (good["id"].as_str().unwrap().to_owned(), bad["id"].as_str().unwrap().to_owned());

    let results = s.path("results.json");
    std::fs::write(
        &results,
        r#"{"results": {"hellaswag": {"acc,none": 0.6, "acc_stderr,none": 0.005}}, "date": 1764300000}"#,
    )
    .unwrap();
    let e = s.json(
        &db,
        &["eval", "import", results.to_str().unwrap(), "--adapter-version", &good, "--run-by", "Ana", "--json"],
    );
    assert_eq!(e["sha256"], sha256sum(&results));
    assert_eq!((e["run_by"].as_str(), e["metrics"][0]["stderr"].as_f64()), (Some("Ana"), Some(0.005)));
    let csv = s.path("eval.csv");
    std::fs::write(&csv, "suite,metric,value,higher_is_better\nadversarial,pass_rate,0.93,true\n").unwrap();
    let e2 = s.json(&db, &["eval", "import", csv.to_str().unwrap(), "--adapter-version", &good, "--json"]);
    assert_eq!(e2["format"], "csv");
    let bad_csv = s.path("bad.csv");
    std::fs::write(&bad_csv, "suite,metric,value,higher_is_better\nx,y,lots,true\n").unwrap();
    let refused = s
        .with_db(&db)
        .args(["eval", "import", bad_csv.to_str().unwrap(), "--adapter-version", &good])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("row 2, column value"));

    let run_dir = s.path("mlruns/1/abc123");
    for sub in ["params", "metrics", "tags"] {
        std::fs::create_dir_all(run_dir.join(sub)).unwrap();
    }
    std::fs::write(s.path("mlruns/1/meta.yaml"), "experiment_id: '1'\nname: claims-lora\nlifecycle_stage: active\n")
        .unwrap();
    std::fs::write(run_dir.join("meta.yaml"), "run_id: abc123\nrun_name: r8\nexperiment_id: '1'\nstatus: 3\nstart_time: 1764000000000\nlifecycle_stage: active\nuser_id: ana\n").unwrap();
    std::fs::write(run_dir.join("params/learning_rate"), "0.0002").unwrap();
    std::fs::write(run_dir.join("metrics/eval_loss"), "1764000000000 1.5 0\n1764000100000 0.9 10\n").unwrap();
    let m = s.json(
        &db,
        &[
            "mlflow",
            "import",
            s.path("mlruns").to_str().unwrap(),
            "--run",
            "abc123",
            "--adapter-version",
            &good,
            "--json",
        ],
    );
    assert_eq!(m["version"]["training_params"]["learning_rate"], "0.0002");
    assert_eq!(m["evaluation"]["metrics"][0]["value"], 0.9);

    for id in [&good, &bad] {
        run(&["adapter", "status", id, "approved"]);
        run(&["adapter", "deploy", id, "--target", "pilot phase 1", "--approved-by", "Exec"]);
    }
    let check = s.with_db(&db).args(["lineage", "--check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(
        text.contains(&format!("{bad} (forum-bot 0.9.0) is deployed without an approved data pack: DP-002")),
        "{text}"
    );
    assert!(text.contains(&format!("{bad} (forum-bot 0.9.0) is deployed without an evaluation")), "{text}");
    assert!(text.contains("trained on a source no policy accepts: SRC-002"), "{text}");
    assert!(!text.contains(&format!("{good} ")), "the complete lineage has no gaps:\n{text}");

    let graph = s.json(&db, &["lineage", &good, "--json"]);
    let kinds: Vec<&str> = graph["nodes"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["data_source", "data_pack", "adapter_version", "evaluation", "evaluation", "evaluation", "deployment"]
    );
    let dot = run(&["lineage", &bad, "--dot"]);
    assert!(
        dot.contains("rankdir=LR") && dot.contains("color=red") && dot.contains("\"DP-002\" -> \"AV-002\""),
        "{dot}"
    );

    let out = s.path("lineage.jsonl");
    run(&["lineage", "export", "--openlineage", out.to_str().unwrap()]);
    let events: Vec<Value> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(events.len(), 4, "a START and a COMPLETE per training run");
    let e = events.iter().find(|e| e["outputs"][0]["facets"]["steercoAdapter"]["id"] == good.as_str()).unwrap();
    assert_eq!(e["eventType"], "COMPLETE");
    assert_eq!(e["job"]["name"], "train/claims");
    assert_eq!(e["inputs"][0]["name"], "data_pack/claims");
    assert_eq!(e["run"]["runId"].as_str().unwrap().len(), 36);
}
