//! Registry fixtures: PEFT folders of the shape PEFT writes (with real safetensors weights) and a
//! portfolio with the registry steps the tests repeat (import, approve, deploy).

use std::collections::HashMap;
use std::path::Path;

use safetensors::tensor::{Dtype, TensorView};
use steerco_core::registry::{AdapterStatus, DeploymentInput};
use steerco_core::services::registry::adapters::{self, AdapterImport, AdapterStatusChange};

use super::*;

pub const CONFIG: &str = r#"{
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
pub fn peft_folder(dir: &Path, config: &str, r: usize) {
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

pub fn sha256sum(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum").arg(path).output().expect("sha256sum");
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_owned()
}

/// A portfolio with one use case, and the registry steps the tests repeat.
pub struct Registry {
    pub p: Portfolio,
}

impl Registry {
    pub fn new() -> Self {
        Registry { p: portfolio(&["Support bot"]) }
    }

    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.p.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    }

    pub fn import_with(
        &self,
        name: &str,
        version: &str,
        packs: &[String],
        config: &str,
        base_model: Option<&str>,
    ) -> steerco_core::CoreResult<String> {
        let dir = self.p.dir.path().join(format!("{name}-{version}"));
        peft_folder(&dir, config, 8);
        let req = AdapterImport {
            path: dir.display().to_string(),
            name: name.into(),
            version: version.into(),
            use_case_id: Some(self.p.ids[0].clone()),
            data_pack_ids: packs.to_vec(),
            base_model: base_model.map(Into::into),
        };
        Ok(adapters::import(&self.p.db, &caller(CONSULTANT), &req)?.id)
    }

    pub fn import(&self, name: &str, version: &str, packs: &[String]) -> steerco_core::CoreResult<String> {
        self.import_with(name, version, packs, CONFIG, None)
    }

    pub fn status(&self, id: &str, status: AdapterStatus) -> steerco_core::CoreResult<()> {
        adapters::set_status(&self.p.db, &caller(OFFICER), &AdapterStatusChange { id: id.into(), status }).map(|_| ())
    }

    pub fn deploy(&self, id: &str) -> steerco_core::CoreResult<()> {
        let d = DeploymentInput {
            adapter_version_id: id.into(),
            target: "production".into(),
            deployed_on: "2026-11-28".into(),
            approved_by: None,
            override_rationale: None,
        };
        adapters::deploy(&self.p.db, &caller(EXECUTIVE), &d).map(|_| ())
    }
}
