//! What changed between two adapter versions: the LoRA settings a reviewer compares (rank,
//! alpha, target modules, base model, parameter count), the weights, the data packs and the
//! training parameters.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AdapterVersion;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VersionDiff {
    pub from_id: String,
    pub from_label: String,
    pub to_id: String,
    pub to_label: String,
    pub changes: Vec<FieldChange>,
    pub targets_added: Vec<String>,
    pub targets_removed: Vec<String>,
}

fn shown<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "—".to_owned(), T::to_string)
}

pub fn diff(a: &AdapterVersion, b: &AdapterVersion) -> VersionDiff {
    let params =
        |v: &AdapterVersion| v.training_params.iter().map(|(k, x)| format!("{k}={x}")).collect::<Vec<_>>().join(", ");
    let fields: [(&str, String, String); 18] = [
        (
            "base_model",
            a.base_model.clone().unwrap_or_else(|| "(not given)".into()),
            b.base_model.clone().unwrap_or_else(|| "(not given)".into()),
        ),
        ("revision", shown(&a.revision), shown(&b.revision)),
        ("peft_type", a.peft_type.clone(), b.peft_type.clone()),
        ("r", a.r.to_string(), b.r.to_string()),
        ("lora_alpha", a.lora_alpha.to_string(), b.lora_alpha.to_string()),
        ("lora_dropout", shown(&a.lora_dropout), shown(&b.lora_dropout)),
        ("target_modules", a.target_modules.join(", "), b.target_modules.join(", ")),
        ("bias", shown(&a.bias), shown(&b.bias)),
        ("use_rslora", a.use_rslora.to_string(), b.use_rslora.to_string()),
        ("use_dora", a.use_dora.to_string(), b.use_dora.to_string()),
        ("task_type", shown(&a.task_type), shown(&b.task_type)),
        ("parameters", shown(&a.parameters), shown(&b.parameters)),
        ("tensor_count", shown(&a.tensor_count), shown(&b.tensor_count)),
        ("dtypes", a.dtypes.join(", "), b.dtypes.join(", ")),
        ("weights_format", a.weights_format.to_string(), b.weights_format.to_string()),
        ("file_bytes", a.file_bytes.to_string(), b.file_bytes.to_string()),
        ("data_packs", a.data_pack_ids.join(", "), b.data_pack_ids.join(", ")),
        ("training_params", params(a), params(b)),
    ];
    let mut changes: Vec<FieldChange> = fields
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| FieldChange { field: field.to_owned(), before, after })
        .collect();
    if a.sha256 != b.sha256 {
        changes.push(FieldChange { field: "sha256".into(), before: a.sha256.clone(), after: b.sha256.clone() });
    }
    VersionDiff {
        from_id: a.id.clone(),
        from_label: format!("{} {}", a.adapter_name, a.version),
        to_id: b.id.clone(),
        to_label: format!("{} {}", b.adapter_name, b.version),
        targets_added: b.target_modules.iter().filter(|t| !a.target_modules.contains(t)).cloned().collect(),
        targets_removed: a.target_modules.iter().filter(|t| !b.target_modules.contains(t)).cloned().collect(),
        changes,
    }
}
