//! Reads a Hugging Face PEFT adapter folder as PEFT writes it: `adapter_config.json` and
//! `adapter_model.safetensors` (or the older pickled `adapter_model.bin`). Only the safetensors
//! header is parsed; the weights themselves are streamed through SHA-256 and never held in memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use safetensors::tensor::Metadata;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::{FileDigest, WeightsFormat};
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded, safe_text};
use crate::hashing::hash_file;

pub const CONFIG_FILE: &str = "adapter_config.json";
pub const SAFETENSORS_FILE: &str = "adapter_model.safetensors";
pub const PICKLE_FILE: &str = "adapter_model.bin";

/// safetensors refuses headers above 100 MB; so do we, before allocating for one.
const MAX_HEADER: u64 = 100_000_000;

/// The LoRA settings of `adapter_config.json`, plus the whole file for what we do not model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PeftConfig {
    pub peft_type: String,
    /// `base_model_name_or_path`; PEFT writes `null` when the model had no name (e.g. a
    /// diffusers UNet), which is recorded as not given, a gap to close with `--base-model`.
    pub base_model: Option<String>,
    pub revision: Option<String>,
    pub r: u32,
    pub lora_alpha: f64,
    pub lora_dropout: Option<f64>,
    pub target_modules: Vec<String>,
    pub bias: Option<String>,
    pub use_rslora: bool,
    pub use_dora: bool,
    pub task_type: Option<String>,
    pub config_json: String,
}

/// What the weights file holds, as far as its header tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeightsSummary {
    pub format: WeightsFormat,
    pub file: FileDigest,
    pub tensor_count: Option<u64>,
    pub parameters: Option<u64>,
    pub dtypes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PeftFolder {
    pub config: PeftConfig,
    pub weights: WeightsSummary,
}

/// Reads the PEFT folder at `dir`. Any problem (a missing file, invalid JSON, a truncated or
/// inconsistent safetensors file) is an `Invalid` error naming the file and what is wrong.
pub fn read_folder(dir: &Path) -> CoreResult<PeftFolder> {
    if !dir.is_dir() {
        return Err(CoreError::invalid(dir.display().to_string(), "is not a folder"));
    }
    let config_path = dir.join(CONFIG_FILE);
    let shown = config_path.display().to_string();
    if !config_path.exists() {
        return Err(CoreError::invalid(shown, "does not exist; is this a PEFT adapter folder?"));
    }
    let bytes = read_bounded(&shown, &config_path, limits::SMALL_TEXT)?;
    let config =
        parse_config(&bytes).map_err(|reason| CoreError::invalid(config_path.display().to_string(), reason))?;
    let safetensors = dir.join(SAFETENSORS_FILE);
    let pickle = dir.join(PICKLE_FILE);
    let weights = if safetensors.is_file() {
        read_safetensors(&safetensors)?
    } else if pickle.is_file() {
        WeightsSummary {
            format: WeightsFormat::Pickle,
            file: hash_file(&pickle)?,
            tensor_count: None,
            parameters: None,
            dtypes: Vec::new(),
        }
    } else {
        return Err(CoreError::invalid(
            dir.display().to_string(),
            format!("holds neither {SAFETENSORS_FILE} nor {PICKLE_FILE}"),
        ));
    };
    Ok(PeftFolder { config, weights })
}

/// Parses `adapter_config.json`; the error names the key and the problem.
pub fn parse_config(bytes: &[u8]) -> Result<PeftConfig, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("is not valid JSON ({e})"))?;
    let Value::Object(map) = &value else {
        return Err("is not a JSON object".to_owned());
    };
    let text = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => plain(key, s).map(|s| Some(s.trim().to_owned())),
            Some(other) => Err(format!("{key} should be text, found {other}")),
        }
    };
    let flag = |key: &str| -> Result<bool, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(true),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") || s.is_empty() => Ok(false),
            Some(other) => Err(format!("{key} should be true or false, found {other}")),
        }
    };
    let number = |key: &str| -> Result<Option<f64>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_f64().map(Some).ok_or_else(|| format!("{key} is out of range")),
            Some(other) => Err(format!("{key} should be a number, found {other}")),
        }
    };
    let peft_type = text("peft_type")?.ok_or("peft_type is missing")?;
    if !map.contains_key("base_model_name_or_path") {
        return Err("base_model_name_or_path is missing; is this a PEFT adapter_config.json?".to_owned());
    }
    let base_model = text("base_model_name_or_path")?;
    let r = match map.get("r") {
        Some(Value::Number(n)) => {
            n.as_u64()
                .filter(|r| *r > 0 && *r <= u32::MAX as u64)
                .ok_or_else(|| format!("r should be a positive whole number, found {n}"))? as u32
        }
        None | Some(Value::Null) => return Err(format!("r is missing; is this a LoRA adapter ({peft_type})?")),
        Some(other) => return Err(format!("r should be a positive whole number, found {other}")),
    };
    let lora_alpha = number("lora_alpha")?.ok_or("lora_alpha is missing")?;
    if lora_alpha <= 0.0 {
        return Err(format!("lora_alpha should be positive, found {lora_alpha}"));
    }
    let lora_dropout = number("lora_dropout")?;
    if let Some(d) = lora_dropout.filter(|d| !(0.0..1.0).contains(d)) {
        return Err(format!("lora_dropout should be at least 0 and below 1, found {d}"));
    }
    let target_modules = match map.get("target_modules") {
        None | Some(Value::Null) => Vec::new(),
        // A string is a single module name or a regular expression over module names.
        Some(Value::String(s)) => vec![plain("target_modules", s)?.to_owned()],
        Some(Value::Array(items)) => {
            let mut names = items
                .iter()
                .map(|v| match v.as_str() {
                    Some(name) => plain("target_modules", name).map(str::to_owned),
                    None => Err(format!("target_modules holds {v}, not a name")),
                })
                .collect::<Result<Vec<_>, _>>()?;
            // PEFT saves a set; its order carries no meaning, and a stable order makes diffs honest.
            names.sort();
            names.dedup();
            names
        }
        Some(other) => return Err(format!("target_modules should be a list of names or a string, found {other}")),
    };
    Ok(PeftConfig {
        revision: text("revision")?,
        lora_dropout,
        bias: text("bias")?,
        use_rslora: flag("use_rslora")?,
        use_dora: flag("use_dora")?,
        task_type: text("task_type")?,
        config_json: serde_json::to_string_pretty(&Map::clone(map)).map_err(|e| e.to_string())?,
        peft_type,
        base_model,
        r,
        lora_alpha,
        target_modules,
    })
}

/// Refuses a value holding control characters or text-direction overrides: it would be
/// printed to terminals and shown on screens.
fn plain<'a>(key: &str, value: &'a str) -> Result<&'a str, String> {
    match safe_text::first_forbidden(value) {
        Some(c) => Err(format!("{key} contains {} (a control or text-direction character)", c.escape_unicode())),
        None => Ok(value),
    }
}

/// What a safetensors header says about the tensors after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetensorsHeader {
    pub tensor_count: u64,
    pub parameters: u64,
    pub dtypes: Vec<String>,
}

/// Reads the header of the safetensors file at `path` and hashes the file.
pub fn read_safetensors(path: &Path) -> CoreResult<WeightsSummary> {
    let shown = path.display().to_string();
    let refuse = |reason: String| CoreError::invalid(shown.clone(), reason);
    let file = File::open(path).map_err(|e| refuse(format!("cannot be read ({e})")))?;
    let size = file.metadata().map_err(|e| refuse(format!("cannot be read ({e})")))?.len();
    let header = inspect_safetensors(size, file).map_err(refuse)?;
    Ok(WeightsSummary {
        format: WeightsFormat::Safetensors,
        file: hash_file(path)?,
        tensor_count: Some(header.tensor_count),
        parameters: Some(header.parameters),
        dtypes: header.dtypes,
    })
}

/// Checks a safetensors stream of `size` bytes: its header is well formed, within limits, and
/// describes exactly the bytes that follow it. Reads the header only, never the tensors.
pub fn inspect_safetensors(size: u64, mut source: impl Read) -> Result<SafetensorsHeader, String> {
    let unreadable = |e: std::io::Error| format!("cannot be read ({e})");
    let mut prefix = [0u8; 8];
    if size < 8 {
        return Err(format!("is {size} bytes long; a safetensors file starts with an 8-byte header length"));
    }
    source.read_exact(&mut prefix).map_err(unreadable)?;
    let header_len = u64::from_le_bytes(prefix);
    if header_len > size - 8 {
        return Err(format!(
            "is truncated or not safetensors: its header length ({header_len} bytes) runs past the end of the file ({size} bytes)"
        ));
    }
    if header_len > MAX_HEADER {
        return Err(format!("declares a {header_len}-byte header; safetensors allows at most {MAX_HEADER}"));
    }
    let mut header = vec![0u8; header_len as usize];
    source.read_exact(&mut header).map_err(unreadable)?;
    let metadata: Metadata = serde_json::from_slice(&header).map_err(|e| {
        // The message can quote a tensor name, which is the file's text, not ours.
        format!("has an invalid safetensors header ({})", safe_text::for_terminal(&e.to_string(), false))
    })?;
    let described = metadata.data_len() as u64;
    let present = size - 8 - header_len;
    if described > present {
        return Err(format!(
            "is truncated: its header describes {described} bytes of tensor data but only {present} follow"
        ));
    }
    if described < present {
        return Err(format!(
            "has {} bytes after the last tensor its header describes; the file is not a clean safetensors file",
            present - described
        ));
    }
    let tensors = metadata.tensors();
    if tensors.is_empty() {
        return Err("holds no tensors; an adapter's weights file has at least one".to_owned());
    }
    // The header's offsets are checked against the shapes by safetensors, but a count of
    // parameters summed over many tensors is ours to keep from overflowing.
    let mut parameters = 0u64;
    let mut dtypes = Vec::new();
    for info in tensors.values() {
        let elements = info.shape.iter().try_fold(1u64, |n, &d| n.checked_mul(d as u64));
        parameters = elements
            .and_then(|e| parameters.checked_add(e))
            .ok_or_else(|| "describes more parameters than can be counted".to_owned())?;
        let dtype = info.dtype.to_string();
        if !dtypes.contains(&dtype) {
            dtypes.push(dtype);
        }
    }
    dtypes.sort();
    Ok(SafetensorsHeader { tensor_count: tensors.len() as u64, parameters, dtypes })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL_SHAPE: &str = r#"{
      "alpha_pattern": {}, "auto_mapping": null,
      "base_model_name_or_path": "meta-llama/Llama-3.1-8B-Instruct",
      "bias": "none", "fan_in_fan_out": false, "inference_mode": true, "init_lora_weights": true,
      "layers_pattern": null, "layers_to_transform": null, "lora_alpha": 32, "lora_dropout": 0.05,
      "modules_to_save": null, "peft_type": "LORA", "r": 16, "rank_pattern": {},
      "revision": null, "target_modules": ["v_proj", "q_proj"], "task_type": "CAUSAL_LM",
      "use_dora": false, "use_rslora": false
    }"#;

    #[test]
    fn reads_the_real_shape_with_list_or_string_targets() {
        let c = parse_config(REAL_SHAPE.as_bytes()).unwrap();
        assert_eq!((c.peft_type.as_str(), c.r, c.lora_alpha), ("LORA", 16, 32.0));
        assert_eq!(c.target_modules, ["q_proj", "v_proj"]);
        assert_eq!(c.revision, None);
        assert!(c.config_json.contains("\"alpha_pattern\""), "unknown keys are kept");
        let as_string = REAL_SHAPE.replace(r#"["v_proj", "q_proj"]"#, r#"".*\\.(q|v)_proj""#);
        assert_eq!(parse_config(as_string.as_bytes()).unwrap().target_modules, [r".*\.(q|v)_proj"]);
    }

    #[test]
    fn refusals_name_the_key() {
        assert!(parse_config(b"{ not json").unwrap_err().starts_with("is not valid JSON"));
        let no_r = REAL_SHAPE.replace("\"r\": 16,", "");
        assert!(parse_config(no_r.as_bytes()).unwrap_err().starts_with("r is missing"));
        let bad_targets = REAL_SHAPE.replace(r#"["v_proj", "q_proj"]"#, "42");
        assert!(parse_config(bad_targets.as_bytes()).unwrap_err().starts_with("target_modules"));
        let negative = REAL_SHAPE.replace("\"lora_alpha\": 32", "\"lora_alpha\": -5");
        assert!(parse_config(negative.as_bytes()).unwrap_err().starts_with("lora_alpha"));
        let dropout = REAL_SHAPE.replace("\"lora_dropout\": 0.05", "\"lora_dropout\": 7.5");
        assert!(parse_config(dropout.as_bytes()).unwrap_err().starts_with("lora_dropout"));
        let text_flag = REAL_SHAPE.replace("\"use_rslora\": false", "\"use_rslora\": \"False\"");
        assert!(!parse_config(text_flag.as_bytes()).unwrap().use_rslora, "\"False\" is false");
        let escape = REAL_SHAPE.replace("\"bias\": \"none\"", "\"bias\": \"none\\u001b]0;x\\u0007\"");
        assert!(parse_config(escape.as_bytes()).unwrap_err().starts_with("bias contains \\u{1b}"));
    }

    #[test]
    fn a_null_base_model_is_not_given_and_a_missing_key_is_refused() {
        let unnamed = REAL_SHAPE.replace("\"meta-llama/Llama-3.1-8B-Instruct\"", "null");
        assert_eq!(parse_config(unnamed.as_bytes()).unwrap().base_model, None);
        let absent = REAL_SHAPE.replace("\"base_model_name_or_path\": \"meta-llama/Llama-3.1-8B-Instruct\",", "");
        assert!(parse_config(absent.as_bytes()).unwrap_err().starts_with("base_model_name_or_path is missing"));
    }
}
