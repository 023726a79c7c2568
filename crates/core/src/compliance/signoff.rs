//! What a sign-off is bound to: the canonical JSON of the record and its evidence, and the
//! SHA-256 of those bytes. Canonical means object keys sorted at every level, no whitespace,
//! numbers and strings as serde_json writes them, so the same content always hashes the same,
//! whichever binary (CLI or app) computes it.

use serde_json::Value;

use crate::hashing::hash_bytes;
use crate::registry::diff::FieldChange;

pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

pub fn content_hash(value: &Value) -> String {
    hash_bytes(canonical(value).as_bytes())
}

/// Field-by-field differences between what was signed and what is there now, as dotted paths
/// ("dossier.annual_value", "risks[0].status").
pub fn changes(signed: &Value, now: &Value) -> Vec<FieldChange> {
    let mut before = Vec::new();
    let mut after = Vec::new();
    flatten("", signed, &mut before);
    flatten("", now, &mut after);
    let mut out = Vec::new();
    for (path, old) in &before {
        match after.iter().find(|(p, _)| p == path) {
            Some((_, new)) if new != old => {
                out.push(FieldChange { field: path.clone(), before: old.clone(), after: new.clone() })
            }
            None => out.push(FieldChange { field: path.clone(), before: old.clone(), after: "(removed)".into() }),
            _ => {}
        }
    }
    for (path, new) in &after {
        if !before.iter().any(|(p, _)| p == path) {
            out.push(FieldChange { field: path.clone(), before: "(absent)".into(), after: new.clone() });
        }
    }
    out
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            for key in keys {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, &map[key], out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            // Records in a list are named by their id, so adding one shows as one addition
            // rather than every later position changing.
            for (i, item) in items.iter().enumerate() {
                let label = item.get("id").and_then(Value::as_str).map_or_else(|| i.to_string(), str::to_owned);
                flatten(&format!("{prefix}[{label}]"), item, out);
            }
        }
        Value::String(s) if s.is_empty() => out.push((prefix.to_owned(), "(empty)".to_owned())),
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        Value::Null => out.push((prefix.to_owned(), "—".to_owned())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_form_ignores_key_order_and_whitespace() {
        let a = json!({"b": 1, "a": {"y": [1, 2], "x": "é"}});
        let b: Value = serde_json::from_str("{ \"a\": {\"x\": \"é\", \"y\": [1,2]}, \"b\": 1 }").unwrap();
        assert_eq!(canonical(&a), r#"{"a":{"x":"é","y":[1,2]},"b":1}"#);
        assert_eq!(content_hash(&a), content_hash(&b));
    }

    #[test]
    fn changes_name_the_path() {
        let signed = json!({"dossier": {"annual_value": 100, "title": "A"}, "risks": []});
        let now = json!({"dossier": {"annual_value": 120, "title": "A"}, "risks": [{"status": "open"}]});
        let c = changes(&signed, &now);
        assert_eq!(c[0].field, "dossier.annual_value");
        assert_eq!((c[0].before.as_str(), c[0].after.as_str()), ("100", "120"));
        assert!(c.iter().any(|c| c.field == "risks[0].status" && c.before == "(absent)"));
        let one = json!({"evaluations": [{"id": "EV-002", "sha256": "b"}]});
        let two = json!({"evaluations": [{"id": "EV-001", "sha256": "a"}, {"id": "EV-002", "sha256": "b"}]});
        let added = changes(&one, &two);
        assert!(added.iter().all(|c| c.field.starts_with("evaluations[EV-001]")), "only the new record: {added:?}");
    }
}
