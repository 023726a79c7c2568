//! The demo's adapters. They are imported the way a user imports one: a real PEFT folder
//! (adapter_config.json and a small, genuine safetensors file) is written next to the portfolio,
//! read, hashed and registered; evaluations are CSV files imported with their hashes. So the
//! demo's registry and lineage show what the import path really produces.

use std::collections::HashMap;
use std::path::Path;

use safetensors::tensor::{Dtype, TensorView};
use serde::Deserialize;
use serde_json::json;

use crate::error::{CoreError, CoreResult};
use crate::hashing::hash_file;
use crate::registry::evaluation_files::parse_csv;
use crate::registry::peft::read_folder;
use crate::registry::{AdapterStatus, DeploymentInput};
use crate::store::adapter::{self, NewVersion};
use crate::store::{data_pack, deployment, evaluation, Tx};

#[derive(Debug, Clone, Deserialize)]
pub struct DemoAdapter {
    pub name: String,
    pub version: String,
    pub use_case: String,
    /// "name version" of each data pack.
    pub data_packs: Vec<String>,
    pub base_model: String,
    pub revision: Option<String>,
    pub r: usize,
    pub lora_alpha: f64,
    pub lora_dropout: f64,
    pub target_modules: serde_json::Value,
    pub layers: usize,
    pub status: AdapterStatus,
    pub deployment: Option<DemoDeployment>,
    pub evaluation: Option<DemoEvaluation>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoDeployment {
    pub target: String,
    pub deployed_on: String,
    pub approved_by: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DemoEvaluation {
    pub run_by: String,
    pub run_on: String,
    pub csv: String,
    /// Marked as the use case's baseline (before any sign-off, which covers it).
    #[serde(default)]
    pub baseline: bool,
}

/// The demo models' hidden size: small, so the files stay a few kilobytes.
const HIDDEN: usize = 64;

/// Writes each adapter's PEFT folder under `dir` and registers it, when no adapter is registered
/// yet. `use_cases` maps demo titles to ids.
pub(super) fn install(tx: &Tx, adapters: &[DemoAdapter], use_cases: &[(String, String)], dir: &Path) -> CoreResult<()> {
    if !adapter::list_adapters(tx)?.is_empty() || adapters.is_empty() {
        return Ok(());
    }
    let packs = data_pack::list(tx)?;
    for a in adapters {
        let folder = dir.join(format!("{}-{}", a.name, a.version));
        write_peft_folder(&folder, a)?;
        let use_case_id = use_cases.iter().find(|(t, _)| *t == a.use_case).map(|(_, id)| id.clone());
        let pack_ids = a
            .data_packs
            .iter()
            .map(|label| {
                packs
                    .iter()
                    .find(|p| format!("{} {}", p.name, p.version) == *label)
                    .map(|p| p.id.clone())
                    .ok_or_else(|| CoreError::Conflict(format!("the demo names an unknown data pack {label:?}")))
            })
            .collect::<CoreResult<Vec<_>>>()?;
        let peft = read_folder(&folder)?;
        let adapter_id = match adapter::find_adapter(tx, &a.name)? {
            Some((id, _)) => id,
            None => adapter::insert_adapter(tx, &a.name, use_case_id.as_deref())?,
        };
        let semver = crate::registry::parse_semver("version", &a.version)?;
        let id = adapter::insert_version(
            tx,
            &NewVersion {
                adapter_id: &adapter_id,
                version: &semver,
                folder: &peft,
                base_model: peft.config.base_model.as_deref(),
                source_dir: &folder.display().to_string(),
                imported_by: "demo",
                data_pack_ids: &pack_ids,
            },
        )?;
        if let Some(e) = &a.evaluation {
            let file = folder.join("evaluation.csv");
            std::fs::write(&file, &e.csv).map_err(|err| CoreError::io(format!("writing {}", file.display()), err))?;
            let parsed = parse_csv(e.csv.as_bytes(), &hash_file(&file)?)?;
            let evaluation_id = evaluation::insert(tx, &id, &parsed, &e.run_on, &e.run_by)?;
            if let (true, Some(use_case_id)) = (e.baseline, use_case_id.as_deref()) {
                evaluation::set_baseline(tx, use_case_id, &evaluation_id, &e.run_by)?;
            }
        }
        if a.status >= AdapterStatus::Approved {
            adapter::set_status(tx, &id, AdapterStatus::Approved)?;
        }
        if let Some(d) = &a.deployment {
            let input = DeploymentInput {
                adapter_version_id: id.clone(),
                target: d.target.clone(),
                deployed_on: d.deployed_on.clone(),
                approved_by: Some(d.approved_by.clone()),
                override_rationale: None,
            }
            .validated()?;
            deployment::insert(tx, &input)?;
            adapter::set_status(tx, &id, AdapterStatus::Deployed)?;
        }
    }
    Ok(())
}

fn write_peft_folder(folder: &Path, a: &DemoAdapter) -> CoreResult<()> {
    let io = |e: std::io::Error| CoreError::io(format!("writing {}", folder.display()), e);
    std::fs::create_dir_all(folder).map_err(io)?;
    let config = json!({
        "alpha_pattern": {},
        "auto_mapping": null,
        "base_model_name_or_path": a.base_model,
        "bias": "none",
        "fan_in_fan_out": false,
        "inference_mode": true,
        "init_lora_weights": true,
        "lora_alpha": a.lora_alpha,
        "lora_dropout": a.lora_dropout,
        "modules_to_save": null,
        "peft_type": "LORA",
        "r": a.r,
        "rank_pattern": {},
        "revision": a.revision,
        "target_modules": a.target_modules,
        "task_type": "CAUSAL_LM",
        "use_dora": false,
        "use_rslora": false
    });
    let text = serde_json::to_string_pretty(&config)?;
    std::fs::write(folder.join("adapter_config.json"), text).map_err(io)?;
    let targets: Vec<String> = match &a.target_modules {
        serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        serde_json::Value::String(pattern) => pattern.split('|').map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    // Deterministic bytes, so the demo's hashes are the same on every machine.
    let mut state = 0x2545_F491_4F6C_DD1Du64 ^ (a.r as u64);
    let data: Vec<u8> = (0..a.r * HIDDEN * 2)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Keep F16 values finite: clear the top exponent bit of each high byte.
            (state as u8) & 0x3F
        })
        .collect();
    let mut tensors = HashMap::new();
    for layer in 0..a.layers {
        for target in &targets {
            let prefix = format!("base_model.model.model.layers.{layer}.self_attn.{target}");
            let lora_a = TensorView::new(Dtype::F16, vec![a.r, HIDDEN], &data)
                .map_err(|e| CoreError::Conflict(format!("demo tensor: {e}")))?;
            let lora_b = TensorView::new(Dtype::F16, vec![HIDDEN, a.r], &data)
                .map_err(|e| CoreError::Conflict(format!("demo tensor: {e}")))?;
            tensors.insert(format!("{prefix}.lora_A.weight"), lora_a);
            tensors.insert(format!("{prefix}.lora_B.weight"), lora_b);
        }
    }
    let path = folder.join("adapter_model.safetensors");
    let metadata = HashMap::from([("format".to_owned(), "pt".to_owned())]);
    safetensors::serialize_to_file(tensors, Some(metadata), &path)
        .map_err(|e| CoreError::io(format!("writing {}", path.display()), std::io::Error::other(e.to_string())))
}
