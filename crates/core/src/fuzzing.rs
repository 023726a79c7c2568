//! Every importer, bytes in, as the fuzz targets (`fuzz/`) and their regression-corpus replay
//! (`tests/fuzz_corpus.rs`) drive it. Each entry point parses what it is given and checks what
//! must hold of any answer: no panic, and no control character or text-direction override in a
//! name it accepts or a message it gives back (both reach terminals and screens).

use crate::csv_io::{dossiers, rating_sheet};
use crate::error::CoreError;
use crate::files::safe_text;
use crate::registry::{evaluation_files, mlflow, peft, FileDigest};

/// One fuzz target: its name (the folder of its corpus) and its entry point.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

/// Every importer, in the order the README lists them.
pub const TARGETS: &[Target] = &[
    Target { name: "dossier_csv", run: dossier_csv },
    Target { name: "rating_sheet", run: rating_sheet },
    Target { name: "peft_config", run: peft_config },
    Target { name: "safetensors_header", run: safetensors_header },
    Target { name: "lm_eval_json", run: lm_eval_json },
    Target { name: "evaluation_csv", run: evaluation_csv },
    Target { name: "mlflow_meta", run: mlflow_meta },
    Target { name: "mlflow_metric", run: mlflow_metric },
    Target { name: "bias_parity_csv", run: bias_parity_csv },
    Target { name: "bias_adversarial_csv", run: bias_adversarial_csv },
    Target { name: "monitoring_csv", run: monitoring_csv },
    Target { name: "feedback_csv", run: feedback_csv },
    Target { name: "metrics_csv", run: metrics_csv },
];

fn shown_safely(what: &str, text: &str) {
    let hazard = text.chars().find(|&c| safe_text::forbidden_in_text(c) && c != '\t');
    assert!(hazard.is_none(), "{what} carries {:?} raw: {text:?}", hazard.map(char::escape_unicode));
}

fn message_is_safe(error: &CoreError) {
    shown_safely("an error message", &error.to_string());
    if let CoreError::InvalidRows(rows) = error {
        for row in rows {
            shown_safely("a row problem", row);
        }
    }
}

fn digest() -> FileDigest {
    FileDigest { file_name: "fuzzed".to_owned(), bytes: 0, sha256: String::new() }
}

pub fn dossier_csv(data: &[u8]) {
    match dossiers::parse(data) {
        Ok(rows) => {
            for row in rows {
                match row.input.validated() {
                    Ok(valid) => {
                        for text in [&valid.title, &valid.business_unit, &valid.workflow] {
                            shown_safely("an imported dossier", text);
                        }
                    }
                    Err(e) => message_is_safe(&e),
                }
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn rating_sheet(data: &[u8]) {
    match rating_sheet::parse(data, "WS-001") {
        Ok(entries) => {
            for (_, entry) in entries {
                assert!(entry.rating.is_some_and(|r| (1..=5).contains(&r)), "a rating outside 1–5 was accepted");
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn peft_config(data: &[u8]) {
    match peft::parse_config(data) {
        Ok(config) => {
            shown_safely("peft_type", &config.peft_type);
            for module in &config.target_modules {
                shown_safely("a target module", module);
            }
            if let Some(model) = &config.base_model {
                shown_safely("base_model_name_or_path", model);
            }
        }
        Err(reason) => shown_safely("a PEFT config refusal", &reason),
    }
}

pub fn safetensors_header(data: &[u8]) {
    match peft::inspect_safetensors(data.len() as u64, data) {
        Ok(header) => assert!(header.tensor_count > 0),
        Err(reason) => shown_safely("a safetensors refusal", &reason),
    }
}

fn evaluation(parsed: Result<crate::registry::ParsedEvaluation, CoreError>) {
    match parsed {
        Ok(evaluation) => {
            shown_safely("an evaluation title", &evaluation.title);
            for metric in &evaluation.metrics {
                assert!(metric.value.is_finite(), "a non-finite metric was accepted");
                shown_safely("a suite", &metric.suite);
                shown_safely("a metric", &metric.metric);
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn lm_eval_json(data: &[u8]) {
    evaluation(evaluation_files::parse_lm_eval(data, &digest()));
}

pub fn evaluation_csv(data: &[u8]) {
    evaluation(evaluation_files::parse_csv(data, &digest()));
}

pub fn mlflow_meta(data: &[u8]) {
    match mlflow::flat_yaml(data) {
        Ok(meta) => {
            for (key, value) in &meta {
                shown_safely("a meta.yaml key", key);
                shown_safely("a meta.yaml value", value);
            }
        }
        Err(reason) => shown_safely("a meta.yaml refusal", &reason),
    }
}

pub fn mlflow_metric(data: &[u8]) {
    match mlflow::last_value(data) {
        Ok(value) => assert!(value.is_none_or(f64::is_finite)),
        Err(reason) => shown_safely("a metric refusal", &reason),
    }
}

pub fn bias_parity_csv(data: &[u8]) {
    match crate::compliance::bias::parity_from_csv(data) {
        Ok(result) => {
            assert!((0.0..=1.0).contains(&result.ratio), "parity ratio {} outside 0–1", result.ratio);
            for group in &result.groups {
                assert!(group.positive <= group.total);
                shown_safely("a group", &group.group);
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn bias_adversarial_csv(data: &[u8]) {
    match crate::compliance::bias::adversarial_from_csv(data, 0.95) {
        Ok(result) => {
            assert!(result.passed <= result.prompts);
            for category in &result.categories {
                shown_safely("a category", &category.category);
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn monitoring_csv(data: &[u8]) {
    match crate::pilots::monitoring::points_from_csv(data) {
        Ok(points) => {
            for p in &points {
                assert!(p.value.is_finite(), "a monitored value {} is not finite", p.value);
                shown_safely("a metric", &p.metric);
            }
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn feedback_csv(data: &[u8]) {
    match crate::pilots::monitoring::feedback_from_csv(data) {
        Ok(entries) => {
            for e in &entries {
                assert!((1.0..=5.0).contains(&e.rating) && e.count > 0, "feedback out of bounds: {e:?}");
                shown_safely("a channel", &e.channel);
                shown_safely("a comment", &e.comment);
            }
            let weeks = crate::pilots::monitoring::feedback_by_week(&entries);
            assert!(weeks.iter().all(|w| (1.0..=5.0 + 1e-9).contains(&w.mean_rating)));
        }
        Err(e) => message_is_safe(&e),
    }
}

pub fn metrics_csv(data: &[u8]) {
    let latest = crate::value::Month::new(2026, 11).unwrap_or_else(|| unreachable!("a valid month"));
    // Read in two halves (as a large file is), it must come out as read in one go.
    let in_one_go = crate::value::metrics_csv::parse_in_halves(data, latest, None);
    let in_halves = crate::value::metrics_csv::parse_in_halves(data, latest, Some(data.len() / 2));
    assert_eq!(format!("{in_halves:?}"), format!("{in_one_go:?}"), "the halves disagree with one reading");
    match in_one_go {
        Ok(entries) => {
            for e in &entries {
                assert!(e.month <= latest, "a month after the latest: {}", e.month);
                assert!(e.benefit >= crate::Money::ZERO && e.cost >= crate::Money::ZERO, "a negative amount: {e:?}");
                shown_safely("a use case id", &e.use_case_id);
                shown_safely("a highlight", &e.highlight);
                for k in &e.kpis {
                    assert!(k.value.is_finite(), "a KPI value {} is not finite", k.value);
                    shown_safely("a KPI", &k.kpi);
                }
            }
        }
        Err(e) => message_is_safe(&e),
    }
}
