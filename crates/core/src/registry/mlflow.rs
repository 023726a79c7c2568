//! Reads one run from a local MLflow file store as MLflow writes it:
//! `<mlruns>/<experiment>/<run>/meta.yaml`, `params/`, `metrics/` and `tags/`, where a key with
//! slashes is a nested path. Params become the adapter version's training parameters; the last
//! value of each metric becomes an evaluation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::{EvaluationFormat, Metric, ParsedEvaluation};
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded, safe_text};
use crate::hashing::hex;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MlflowRun {
    pub run_id: String,
    pub run_name: Option<String>,
    pub experiment_id: String,
    pub experiment_name: Option<String>,
    pub status: Option<String>,
    pub user: Option<String>,
    pub started_on: Option<String>,
    /// When the run started and ended (RFC 3339), from meta.yaml's millisecond times.
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub params: BTreeMap<String, String>,
    pub tags: BTreeMap<String, String>,
    /// The last value logged for each metric (highest step, then latest timestamp).
    pub metrics: BTreeMap<String, f64>,
    /// SHA-256 over every file read, in path order, so the evidence can be re-checked later.
    pub sha256: String,
    pub run_dir: String,
}

/// Finds `run_id` under `mlruns` (the store's root or one experiment's folder) and reads it.
pub fn read_run(mlruns: &Path, run_id: &str) -> CoreResult<MlflowRun> {
    let run_id = run_id.trim();
    if run_id.is_empty() || !run_id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(CoreError::invalid("run", format!("{run_id:?} is not an MLflow run id")));
    }
    if !mlruns.is_dir() {
        return Err(CoreError::invalid(mlruns.display().to_string(), "is not a folder (an MLflow mlruns store)"));
    }
    let run_dir = find_run(mlruns, run_id)?;
    let mut hasher = Sha256::new();
    let meta_path = run_dir.join("meta.yaml");
    let meta_bytes = read(&meta_path)?;
    feed(&mut hasher, "meta.yaml", &meta_bytes);
    let meta = flat_yaml(&meta_bytes).map_err(|r| CoreError::invalid(meta_path.display().to_string(), r))?;
    if meta.get("lifecycle_stage").map(String::as_str) == Some("deleted") {
        return Err(CoreError::invalid("run", format!("{run_id} was deleted in MLflow")));
    }
    let status = meta.get("status").map(|s| match s.as_str() {
        "1" => "RUNNING".to_owned(),
        "2" => "SCHEDULED".to_owned(),
        "3" => "FINISHED".to_owned(),
        "4" => "FAILED".to_owned(),
        "5" => "KILLED".to_owned(),
        other => other.to_owned(),
    });
    match status.as_deref() {
        Some(s @ ("FAILED" | "KILLED")) => {
            return Err(CoreError::invalid("run", format!("{run_id} ended {s}; only completed runs are evidence")))
        }
        Some(s @ ("RUNNING" | "SCHEDULED")) => {
            return Err(CoreError::invalid("run", format!("{run_id} is still {s}; import it once it has finished")))
        }
        _ => {}
    }
    let params = read_tree(&run_dir, "params", &mut hasher)?
        .into_iter()
        .map(|(k, v)| {
            Ok((text_of(&run_dir.join("params"), k.as_bytes())?, text_of(&run_dir.join("params").join(&k), &v)?))
        })
        .collect::<CoreResult<_>>()?;
    let tags: BTreeMap<String, String> = read_tree(&run_dir, "tags", &mut hasher)?
        .into_iter()
        .map(|(k, v)| {
            let value = text_of(&run_dir.join("tags").join(&k), &v)?;
            Ok((text_of(&run_dir.join("tags"), k.as_bytes())?, value.trim_end().to_owned()))
        })
        .collect::<CoreResult<_>>()?;
    let mut metrics = BTreeMap::new();
    for (key, bytes) in read_tree(&run_dir, "metrics", &mut hasher)? {
        let shown = run_dir.join("metrics").join(&key).display().to_string();
        if let Some(value) = last_value(&bytes).map_err(|r| CoreError::invalid(shown, r))? {
            metrics.insert(key, value);
        }
    }
    let experiment_id = meta.get("experiment_id").cloned().unwrap_or_else(|| {
        run_dir.parent().and_then(Path::file_name).map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    });
    let experiment_name = run_dir
        .parent()
        .map(|p| p.join("meta.yaml"))
        .and_then(|p| read(&p).ok())
        .and_then(|b| flat_yaml(&b).ok())
        .and_then(|m| m.get("name").cloned());
    // MLflow records start and end times in milliseconds; a hand-made store may have neither,
    // in which case the date meta.yaml was written is the best evidence of when the run was.
    let started_on = ["start_time", "end_time"]
        .iter()
        .find_map(|k| meta.get(*k).and_then(|t| t.parse::<i64>().ok()).and_then(DateTime::from_timestamp_millis))
        .or_else(|| std::fs::metadata(&meta_path).and_then(|m| m.modified()).ok().map(DateTime::<chrono::Utc>::from))
        .map(|d| d.format("%Y-%m-%d").to_string());
    let instant = |key: &str| {
        meta.get(key)
            .and_then(|t| t.parse::<i64>().ok())
            .and_then(DateTime::from_timestamp_millis)
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    };
    Ok(MlflowRun {
        start_time: instant("start_time"),
        end_time: instant("end_time"),
        run_id: run_id.to_owned(),
        run_name: meta.get("run_name").cloned().or_else(|| tags.get("mlflow.runName").cloned()),
        user: tags.get("mlflow.user").cloned().or_else(|| meta.get("user_id").cloned()).filter(|u| !u.is_empty()),
        experiment_id,
        experiment_name,
        status,
        started_on,
        params,
        tags,
        metrics,
        sha256: hex(&hasher.finalize()),
        run_dir: run_dir.display().to_string(),
    })
}

impl MlflowRun {
    /// The run's metrics as an evaluation (suite: the experiment), or `None` when it logged none.
    pub fn evaluation(&self) -> Option<ParsedEvaluation> {
        if self.metrics.is_empty() {
            return None;
        }
        let suite = self.experiment_name.clone().unwrap_or_else(|| format!("experiment {}", self.experiment_id));
        let metrics = self
            .metrics
            .iter()
            .map(|(k, v)| Metric {
                suite: suite.clone(),
                metric: k.clone(),
                value: *v,
                stderr: None,
                higher_is_better: None,
            })
            .collect();
        Some(ParsedEvaluation {
            format: EvaluationFormat::Mlflow,
            title: format!("MLflow run {}", self.run_name.as_deref().unwrap_or(&self.run_id)),
            file_name: format!("mlruns/{}/{}", self.experiment_id, self.run_id),
            sha256: self.sha256.clone(),
            run_on: self.started_on.clone(),
            run_by: self.user.clone(),
            metrics,
        })
    }
}

fn find_run(mlruns: &Path, run_id: &str) -> CoreResult<PathBuf> {
    if mlruns.join(run_id).join("meta.yaml").is_file() {
        return Ok(mlruns.join(run_id));
    }
    let entries = std::fs::read_dir(mlruns).map_err(|e| CoreError::io(format!("reading {}", mlruns.display()), e))?;
    for entry in entries.flatten() {
        let candidate = entry.path().join(run_id);
        // Deleted runs wait in .trash until garbage-collected; they are not evidence.
        if entry.file_name() != ".trash" && candidate.join("meta.yaml").is_file() {
            return Ok(candidate);
        }
    }
    Err(CoreError::invalid("run", format!("{run_id} is not a run in {}", mlruns.display())))
}

fn read(path: &Path) -> CoreResult<Vec<u8>> {
    let limit =
        if path.components().any(|c| c.as_os_str() == "metrics") { limits::METRIC_HISTORY } else { limits::SMALL_TEXT };
    read_bounded(&path.display().to_string(), path, limit)
}

/// A param or tag as text, refused when it carries control characters other than line breaks
/// and tabs (escape sequences would drive a terminal that prints it).
fn text_of(path: &Path, bytes: &[u8]) -> CoreResult<String> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    match safe_text::first_forbidden(&text) {
        Some(c) => Err(CoreError::invalid(
            path.display().to_string(),
            format!("contains {} (a control or text-direction character)", c.escape_unicode()),
        )),
        None => Ok(text),
    }
}

fn feed(hasher: &mut Sha256, name: &str, bytes: &[u8]) {
    hasher.update(name.as_bytes());
    hasher.update([0]);
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Every file under `run_dir/kind`, keyed by its path relative to that folder ("eval/loss").
fn read_tree(run_dir: &Path, kind: &str, hasher: &mut Sha256) -> CoreResult<BTreeMap<String, Vec<u8>>> {
    let root = run_dir.join(kind);
    let mut files = BTreeMap::new();
    if !root.is_dir() {
        return Ok(files);
    }
    let mut pending = vec![root.clone()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| CoreError::io(format!("reading {}", dir.display()), e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(&root) {
                let key = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                files.insert(key, read(&path)?);
            }
        }
    }
    for (key, bytes) in &files {
        feed(hasher, &format!("{kind}/{key}"), bytes);
    }
    Ok(files)
}

/// The last logged value in a metric file of `timestamp value [step]` lines.
pub(crate) fn last_value(bytes: &[u8]) -> Result<Option<f64>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "is not text".to_owned())?;
    let mut best: Option<((i64, i64), f64)> = None;
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let parse = || -> Option<((i64, i64), f64)> {
            let timestamp = fields.first()?.parse::<i64>().ok()?;
            let value = fields.get(1)?.parse::<f64>().ok()?;
            let step = fields.get(2).map_or(Some(0), |s| s.parse::<i64>().ok())?;
            Some(((step, timestamp), value))
        };
        let Some((order, value)) = parse() else {
            return Err(format!("line {} is not \"timestamp value step\"", n + 1));
        };
        if best.is_none_or(|(b, _)| order >= b) {
            best = Some((order, value));
        }
    }
    match best {
        Some((_, v)) if !v.is_finite() => Err(format!("its last value is {v}, which cannot be evidence")),
        other => Ok(other.map(|(_, v)| v)),
    }
}

/// The flat `key: value` YAML MLflow writes for meta.yaml (nested lists such as `tags: []` are
/// skipped: MLflow keeps tags in files).
pub(crate) fn flat_yaml(bytes: &[u8]) -> Result<BTreeMap<String, String>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_owned())?;
    let mut map = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t', '-', '#']) || line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!("{line:?} is not a \"key: value\" line"));
        };
        let value = value.trim();
        let unquoted = if value.len() >= 2
            && ((value.starts_with('\'') && value.ends_with('\'')) || (value.starts_with('"') && value.ends_with('"')))
        {
            value[1..value.len() - 1].replace("''", "'")
        } else {
            value.to_owned()
        };
        if let Some(c) = safe_text::first_forbidden(key).or_else(|| safe_text::first_forbidden(&unquoted)) {
            return Err(format!(
                "the line for {:?} contains {} (a control or text-direction character)",
                safe_text::for_terminal(key.trim(), false),
                c.escape_unicode()
            ));
        }
        if !matches!(unquoted.as_str(), "null" | "~" | "[]" | "{}") {
            map.insert(key.trim().to_owned(), unquoted);
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_step_wins() {
        assert_eq!(last_value(b"1700000000000 0.9 0\n1700000001000 0.4 2\n1700000000500 0.6 1\n"), Ok(Some(0.4)));
        assert_eq!(last_value(b""), Ok(None));
        assert!(last_value(b"garbage\n").unwrap_err().starts_with("line 1"));
    }

    #[test]
    fn meta_yaml_reads_quoted_and_plain_values() {
        let meta = flat_yaml(
            b"artifact_uri: file:///tmp/mlruns/1/abc/artifacts\nrun_name: 'lora ''r16'''\nstatus: 3\ntags: []\n",
        )
        .unwrap();
        assert_eq!(meta["run_name"], "lora 'r16'");
        assert_eq!(meta["status"], "3");
        assert!(!meta.contains_key("tags"));
    }
}
