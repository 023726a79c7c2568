//! Signed content as people read it: the canonical JSON a signature binds, walked into sections
//! of labelled fields. Labels come from the field names (with the few that do not read well
//! spelled out); amounts are marked as money so the app formats them in the programme currency.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewSection {
    pub title: String,
    pub fields: Vec<ReviewField>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewField {
    pub label: String,
    /// The value as text ("—" when empty).
    pub text: String,
    /// Set for amounts, in currency units, for the app to format.
    pub money: Option<f64>,
}

const MONEY_FIELDS: &[&str] = &["annual_value", "one_time_cost", "monthly_run_cost"];

/// Field names whose plain humanised form would read wrong.
const LABELS: &[(&str, &str)] = &[
    ("id", "ID"),
    ("sha256", "SHA-256"),
    ("r", "Rank (r)"),
    ("lora_alpha", "LoRA alpha"),
    ("lora_dropout", "LoRA dropout"),
    ("peft_type", "PEFT type"),
    ("use_rslora", "Rank-stabilised LoRA"),
    ("use_dora", "DoRA"),
    ("monthly_run_cost", "Monthly run cost"),
    ("one_time_cost", "One-time cost"),
    ("max_intervention_minutes", "Maximum minutes to intervene"),
    ("baseline_evaluation", "Baseline evaluation"),
    ("adapter_versions", "Adapter versions"),
    ("use_case_id", "Use case"),
    ("adapter_version_id", "Adapter version"),
    ("data_packs", "Data packs"),
    ("bias_checks", "Bias checks"),
    ("risks", "Risk register"),
    ("oversight", "Human oversight"),
    ("dossier", "Dossier"),
    ("version", "Version"),
    ("evaluation", "Evaluation"),
    ("evaluations", "Evaluations"),
];

/// "data_readiness_notes" → "Data readiness notes".
pub(crate) fn label(key: &str) -> String {
    if let Some((_, l)) = LABELS.iter().find(|(k, _)| *k == key) {
        return (*l).to_owned();
    }
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The content's top level: each object or list becomes a section (a list of records, one
/// section per record), loose values gather in a first "Record" section.
pub(crate) fn sections(content: &Value) -> Vec<ReviewSection> {
    let Some(top) = content.as_object() else {
        return vec![ReviewSection { title: "Record".into(), fields: vec![field("value", content)] }];
    };
    let mut loose = Vec::new();
    let mut out = Vec::new();
    for (key, value) in top {
        if key == "kind" {
            continue;
        }
        match value {
            Value::Object(_) => out.push(ReviewSection { title: label(key), fields: fields_of(value, "") }),
            Value::Array(items) if items.iter().any(Value::is_object) => {
                for (i, item) in items.iter().enumerate() {
                    out.push(ReviewSection { title: item_title(key, item, i), fields: fields_of(item, "") });
                }
            }
            Value::Array(items) if items.is_empty() => {
                out.push(ReviewSection { title: label(key), fields: vec![ReviewField::text("Recorded", "none")] })
            }
            _ => loose.push(field(key, value)),
        }
    }
    if !loose.is_empty() {
        out.insert(0, ReviewSection { title: "Record".into(), fields: loose });
    }
    out
}

fn item_title(key: &str, item: &Value, index: usize) -> String {
    let singular = label(key.strip_suffix('s').unwrap_or(key));
    let id = item.get("id").and_then(Value::as_str);
    let title = item.get("title").or_else(|| item.get("name")).and_then(Value::as_str);
    match (id, title) {
        (Some(id), Some(title)) => format!("{singular} {id}: {title}"),
        (Some(id), None) => format!("{singular} {id}"),
        _ => format!("{singular} {}", index + 1),
    }
}

/// An object's fields; nested objects are flattened under their label ("Ratings · Value").
fn fields_of(value: &Value, prefix: &str) -> Vec<ReviewField> {
    let Some(map) = value.as_object() else { return vec![field(prefix, value)] };
    let mut out = Vec::new();
    for (key, v) in map {
        let name = if prefix.is_empty() { label(key) } else { format!("{prefix} · {}", label(key)) };
        match v {
            Value::Object(inner) if !inner.is_empty() && !looks_like_map_of_text(inner) => {
                out.extend(fields_of(v, &name))
            }
            _ => {
                let mut f = field(key, v);
                f.label = name;
                out.push(f);
            }
        }
    }
    out
}

/// Free-form maps (training parameters, a PEFT config) read better as one "k = v" line each.
fn looks_like_map_of_text(map: &serde_json::Map<String, Value>) -> bool {
    map.len() > 8
}

fn field(key: &str, value: &Value) -> ReviewField {
    let money = MONEY_FIELDS.contains(&key).then(|| value.as_f64()).flatten();
    ReviewField { label: label(key), text: text(value), money }
}

fn text(value: &Value) -> String {
    match value {
        Value::Null => "—".into(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.is_empty() => "—".into(),
        Value::String(s) => humanise_code(s),
        Value::Array(items) if items.is_empty() => "none".into(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
        Value::Object(map) if map.is_empty() => "—".into(),
        Value::Object(map) => map.iter().map(|(k, v)| format!("{k} = {}", text(v))).collect::<Vec<_>>().join("; "),
    }
}

/// Stored codes ("demographic_parity", "compliance_officer") read as words; free text with
/// spaces or capitals is left as typed.
fn humanise_code(s: &str) -> String {
    let is_code = s.contains('_') && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if is_code {
        label(s)
    } else {
        s.to_owned()
    }
}

impl ReviewField {
    fn text(label: &str, text: &str) -> ReviewField {
        ReviewField { label: label.to_owned(), text: text.to_owned(), money: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn content_reads_as_labelled_sections_with_money_marked() {
        let content = json!({
            "kind": "use_case",
            "dossier": {"id": "UC-001", "one_time_cost": 250000.0, "ratings": {"value": 4.0}, "risk_class": "high",
                        "executive_sponsor": null},
            "risks": [{"id": "R-001", "title": "Leak", "status": "open"}],
            "bias_checks": [],
        });
        let s = sections(&content);
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Bias checks", "Dossier", "Risk R-001: Leak"]);
        let dossier = &s[1].fields;
        let cost = dossier.iter().find(|f| f.label == "One-time cost").unwrap();
        assert_eq!(cost.money, Some(250000.0));
        assert!(dossier.iter().any(|f| f.label == "Ratings · Value" && f.text == "4.0"));
        assert!(dossier.iter().any(|f| f.label == "Executive sponsor" && f.text == "—"));
        assert!(s.iter().all(|s| s.fields.iter().all(|f| !f.label.contains('_'))));
    }
}
