//! Evaluation evidence as the tools write it: lm-evaluation-harness results JSON and a plain CSV
//! (`suite,metric,value,higher_is_better`). Parsing is pure: bytes and the file's digest in, an
//! unsaved evaluation out, or an error naming where the file is wrong.

use std::collections::BTreeMap;

use chrono::DateTime;
use serde_json::Value;

use super::{EvaluationFormat, FileDigest, Metric, ParsedEvaluation};
use crate::csv_io::{number, Table};
use crate::error::{CoreError, CoreResult};
use crate::files::safe_text;

/// A suite or metric name read from a file: refused when it carries control characters (it is
/// printed to terminals and shown on screens).
fn name_in(field: &str, name: &str) -> Result<(), String> {
    match safe_text::first_forbidden(name) {
        Some(c) => Err(format!(
            "{field} {:?} contains {} (a control or text-direction character)",
            safe_text::for_terminal(name, false),
            c.escape_unicode()
        )),
        None => Ok(()),
    }
}

/// Reads an lm-evaluation-harness results file: `results` → task → `"metric,filter"` values,
/// with `"metric_stderr,filter"` entries as their standard errors and `higher_is_better` →
/// task → metric as the direction.
pub fn parse_lm_eval(bytes: &[u8], file: &FileDigest) -> CoreResult<ParsedEvaluation> {
    let refuse = |reason: String| CoreError::invalid(file.file_name.clone(), reason);
    let (cleaned, non_finite) = without_non_finite(bytes);
    let root: Value = serde_json::from_slice(&cleaned).map_err(|e| refuse(format!("is not valid JSON ({e})")))?;
    let Some(results) = root.get("results").and_then(Value::as_object) else {
        return Err(refuse("has no \"results\" object; is this an lm-evaluation-harness results file?".to_owned()));
    };
    let directions = root.get("higher_is_better").and_then(Value::as_object);
    let mut metrics = Vec::new();
    let tasks: BTreeMap<&String, &Value> = results.iter().collect();
    for (task, entries) in tasks {
        name_in("task", task).map_err(refuse)?;
        let Some(entries) = entries.as_object() else {
            return Err(refuse(format!("results.{task} is not an object of metrics")));
        };
        let keys: BTreeMap<&String, &Value> = entries.iter().collect();
        for (key, value) in &keys {
            let Some(value) = value.as_f64() else { continue };
            let (name, filter) = key.split_once(',').map_or((key.as_str(), None), |(n, f)| (n, Some(f)));
            if name.ends_with("_stderr") {
                continue;
            }
            name_in("metric", key).map_err(refuse)?;
            // Files from the harness's transition years carry both "acc" and "acc,none"; the
            // filtered key is the current form, so the bare one is not counted twice.
            if filter.is_none() && entries.contains_key(&format!("{name},none")) {
                continue;
            }
            let stderr_key = match filter {
                Some(f) => format!("{name}_stderr,{f}"),
                None => format!("{name}_stderr"),
            };
            let stderr = entries.get(&stderr_key).and_then(Value::as_f64);
            let higher_is_better =
                directions.and_then(|d| d.get(task.as_str())).and_then(|t| t.get(name)).and_then(Value::as_bool);
            let metric = match filter {
                None | Some("none") => name.to_owned(),
                Some(f) => format!("{name},{f}"),
            };
            metrics.push(Metric { suite: task.clone(), metric, value, stderr, higher_is_better });
        }
    }
    if metrics.is_empty() && non_finite > 0 {
        return Err(refuse(format!(
            "holds no usable metric: its {non_finite} value(s) under \"results\" are NaN or Infinity, which are \
             not results (the run failed to compute them)"
        )));
    }
    if metrics.is_empty() {
        return Err(refuse("holds no numeric metrics under \"results\"".to_owned()));
    }
    let run_on = root
        .get("date")
        .and_then(Value::as_f64)
        .and_then(|secs| DateTime::from_timestamp(secs as i64, 0))
        .map(|d| d.format("%Y-%m-%d").to_string());
    let model = root
        .get("model_name")
        .and_then(Value::as_str)
        .or_else(|| root.pointer("/config/model_args").and_then(Value::as_str))
        .filter(|m| !m.is_empty());
    if let Some(model) = model {
        name_in("model_name", model).map_err(refuse)?;
    }
    let suites: Vec<&str> = {
        let mut s: Vec<&str> = metrics.iter().map(|m| m.suite.as_str()).collect();
        s.dedup();
        s
    };
    let title = match model {
        Some(model) => format!("lm-eval {} ({model})", suites.join(", ")),
        None => format!("lm-eval {}", suites.join(", ")),
    };
    Ok(ParsedEvaluation {
        format: EvaluationFormat::LmEval,
        title,
        file_name: file.file_name.clone(),
        sha256: file.sha256.clone(),
        run_on,
        run_by: None,
        metrics,
    })
}

/// Python's `json.dump` writes `NaN` and `Infinity` (a stderr that could not be computed), which
/// JSON does not allow; outside strings they are read as null, i.e. "no value". Also returns how
/// many there were, so a file of nothing else can say so.
fn without_non_finite(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, usize) {
    let mut count = 0;
    let tokens: [&[u8]; 3] = [b"-Infinity", b"Infinity", b"NaN"];
    let mut out: Option<Vec<u8>> = None;
    let (mut in_string, mut escaped, mut i) = (false, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if let Some(token) = tokens.iter().find(|t| bytes[i..].starts_with(t)) {
            let buffer = out.get_or_insert_with(|| bytes[..i].to_vec());
            buffer.extend_from_slice(b"null");
            i += token.len();
            count += 1;
            continue;
        }
        if let Some(buffer) = out.as_mut() {
            buffer.push(b);
        }
        i += 1;
    }
    (out.map_or(std::borrow::Cow::Borrowed(bytes), std::borrow::Cow::Owned), count)
}

pub const CSV_COLUMNS: [&str; 4] = ["suite", "metric", "value", "higher_is_better"];

/// Reads the plain CSV form. All-or-nothing: every bad row is reported.
pub fn parse_csv(bytes: &[u8], file: &FileDigest) -> CoreResult<ParsedEvaluation> {
    let table = Table::read(bytes, &CSV_COLUMNS[..3], &["higher_is_better", "stderr"])?;
    let mut problems = Vec::new();
    let mut metrics: Vec<Metric> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (row, record) in &table.rows {
        let at = |column: &str, reason: String| format!("row {row}, column {column}: {reason}");
        let suite = table.field(record, "suite");
        let metric = table.field(record, "metric");
        if suite.is_empty() {
            problems.push(at("suite", "is required".to_owned()));
        }
        if metric.is_empty() {
            problems.push(at("metric", "is required".to_owned()));
        }
        for (column, name) in [("suite", suite), ("metric", metric)] {
            if let Err(reason) = name_in(column, name) {
                problems.push(at(column, reason));
            }
        }
        let value = number(table.field(record, "value")).map_err(|r| problems.push(at("value", r))).ok();
        let stderr = match table.field(record, "stderr") {
            "" => None,
            text => number(text).map_err(|r| problems.push(at("stderr", r))).ok(),
        };
        let higher_is_better = match table.field(record, "higher_is_better").to_ascii_lowercase().as_str() {
            "" => None,
            "true" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            other => {
                problems.push(at("higher_is_better", format!("{other:?} is not true or false")));
                None
            }
        };
        if !seen.insert((suite.to_owned(), metric.to_owned())) {
            problems.push(format!("row {row}: {suite} / {metric} appears twice"));
        }
        if let Some(value) = value {
            metrics.push(Metric {
                suite: suite.to_owned(),
                metric: metric.to_owned(),
                value,
                stderr,
                higher_is_better,
            });
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    if metrics.is_empty() {
        return Err(CoreError::InvalidRows(vec!["the file holds no metric rows".to_owned()]));
    }
    let mut suites: Vec<&str> = metrics.iter().map(|m| m.suite.as_str()).collect();
    suites.sort();
    suites.dedup();
    Ok(ParsedEvaluation {
        format: EvaluationFormat::Csv,
        title: format!("Evaluation {}", suites.join(", ")),
        file_name: file.file_name.clone(),
        sha256: file.sha256.clone(),
        run_on: None,
        run_by: None,
        metrics,
    })
}

/// Chooses the reader by content: a JSON object is lm-eval, anything else is CSV.
pub fn parse_any(bytes: &[u8], file: &FileDigest) -> CoreResult<ParsedEvaluation> {
    let first = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        parse_lm_eval(bytes, file)
    } else {
        parse_csv(bytes, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest() -> FileDigest {
        FileDigest { file_name: "results.json".into(), bytes: 0, sha256: "0".repeat(64) }
    }

    #[test]
    fn lm_eval_metrics_carry_their_stderr_and_direction() {
        let json = r#"{"results": {"hellaswag": {"alias": "hellaswag", "acc,none": 0.61, "acc_stderr,none": 0.0049,
            "acc_norm,none": 0.79, "acc_norm_stderr,none": "N/A"},
            "gsm8k": {"exact_match,strict-match": 0.42, "exact_match_stderr,strict-match": 0.013}},
            "higher_is_better": {"hellaswag": {"acc": true, "acc_norm": true}},
            "model_name": "llama-lora", "date": 1764000000.5}"#;
        let e = parse_lm_eval(json.as_bytes(), &digest()).unwrap();
        let m: Vec<_> =
            e.metrics.iter().map(|m| (m.suite.as_str(), m.metric.as_str(), m.stderr, m.higher_is_better)).collect();
        assert_eq!(
            m,
            [
                ("gsm8k", "exact_match,strict-match", Some(0.013), None),
                ("hellaswag", "acc", Some(0.0049), Some(true)),
                ("hellaswag", "acc_norm", None, Some(true)),
            ]
        );
        assert_eq!(e.run_on.as_deref(), Some("2025-11-24"));
        assert!(parse_lm_eval(br#"{"config": {}}"#, &digest()).unwrap_err().to_string().contains("\"results\""));
        let python =
            br#"{"results": {"t": {"acc": 0.5, "acc,none": 0.6, "acc_stderr,none": NaN, "note": "NaN stays"}}}"#;
        let m = parse_lm_eval(python, &digest()).unwrap().metrics;
        assert_eq!(m.len(), 1, "the bare key is not counted twice: {m:?}");
        assert_eq!((m[0].value, m[0].stderr), (0.6, None));
    }

    #[test]
    fn csv_rows_are_checked_all_at_once() {
        let ok = "suite,metric,value,higher_is_better\nrefusals,pass_rate,0.97,true\nlatency,p95_ms,840,false\n";
        assert_eq!(parse_csv(ok.as_bytes(), &digest()).unwrap().metrics.len(), 2);
        let bad = "suite,metric,value,higher_is_better\nrefusals,pass_rate,high,maybe\n,x,1,\n";
        let err = parse_csv(bad.as_bytes(), &digest()).unwrap_err().to_string();
        assert!(err.contains("row 2, column value"), "{err}");
        assert!(err.contains("row 2, column higher_is_better"), "{err}");
        assert!(err.contains("row 3, column suite"), "{err}");
    }
}
