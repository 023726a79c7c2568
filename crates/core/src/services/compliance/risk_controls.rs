//! Risk controls: the human-oversight plan of each use case, bias checks (demographic parity and
//! adversarial prompt suites, from the CSV files evaluation teams produce) and the risk register.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::Action;
use crate::caller::Caller;
use crate::compliance::bias::{
    adversarial_from_csv, meets, parity_from_csv, DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE,
};
use crate::compliance::{
    BiasCheck, BiasFigures, BiasKind, Oversight, OversightField, OversightInput, Risk, RiskField, RiskInput,
};
use crate::domain::required_text;
use crate::edits;
use crate::error::{CoreError, CoreResult};
use crate::files::{limits, read_bounded};
use crate::hashing::hash_bytes;
use crate::registry::FileDigest;
use crate::services::discovery::read as use_cases;
use crate::services::registry::read as registry;
use crate::store::bias_check::{self, NewBiasCheck};
use crate::store::{oversight, risk, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseFilter {
    pub use_case_id: Option<String>,
}

/// Every use case's plan (an empty plan where none is recorded).
pub fn oversight_list(db: &Db) -> CoreResult<Vec<Oversight>> {
    db.read(|c| {
        let mut stored: std::collections::HashMap<String, _> =
            oversight::all(c)?.into_iter().map(|(o, at)| (o.use_case_id.clone(), (o, at))).collect();
        Ok(use_cases::list(c)?
            .into_iter()
            .map(|case| Oversight::from_stored(&case.id, stored.remove(&case.id)))
            .collect())
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OversightUpdate {
    pub use_case_id: String,
    pub changes: Vec<OversightField>,
    /// The plan as the editor showed it; `None` sets the fields whatever they hold now.
    pub loaded: Option<OversightInput>,
}

pub fn oversight_set(db: &Db, caller: &Caller, req: &OversightUpdate) -> CoreResult<Oversight> {
    db.write(caller, Action::Update, |tx| {
        let case = use_cases::require_for(tx, "use_case_id", &req.use_case_id)?;
        let stored = Oversight::from_stored(&case.id, oversight::get(tx, &case.id)?).to_input();
        let o = edits::apply(&case.id, &stored, req.loaded.as_ref(), &req.changes)?.validated()?;
        oversight::upsert(tx, &o)?;
        Ok(Oversight::from_stored(&case.id, oversight::get(tx, &case.id)?))
    })
}

pub fn bias_list(db: &Db, filter: &UseCaseFilter) -> CoreResult<Vec<BiasCheck>> {
    db.read(|c| bias_check::list(c, filter.use_case_id.as_deref()))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BiasImport {
    pub kind: BiasKind,
    pub path: String,
    pub use_case_id: String,
    pub adapter_version_id: Option<String>,
    pub title: Option<String>,
    /// Parity: the lowest acceptable selection-rate ratio (default 0.8). Adversarial: the lowest
    /// acceptable pass rate per category (required).
    pub threshold: Option<f64>,
    /// Why this threshold; required unless the parity default is used.
    pub rationale: Option<String>,
}

/// What a bias check of one kind starts from in an import form: the default threshold and its
/// rationale where there is a convention (parity's four-fifths rule), nothing where the person
/// must choose (an adversarial suite's pass rate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BiasDefault {
    pub kind: BiasKind,
    pub threshold: Option<f64>,
    pub rationale: Option<String>,
}

pub fn bias_defaults() -> Vec<BiasDefault> {
    vec![
        BiasDefault {
            kind: BiasKind::DemographicParity,
            threshold: Some(DEFAULT_PARITY_RATIO),
            rationale: Some(DEFAULT_PARITY_RATIONALE.to_owned()),
        },
        BiasDefault { kind: BiasKind::AdversarialPrompts, threshold: None, rationale: None },
    ]
}

/// The threshold and its reason: the four-fifths default for parity (with its own rationale)
/// or a threshold the person sets and explains.
pub fn threshold_and_rationale(
    kind: BiasKind,
    threshold: Option<f64>,
    rationale: Option<&str>,
) -> CoreResult<(f64, String)> {
    let rationale = rationale.map(str::trim).filter(|r| !r.is_empty());
    match (kind, threshold, rationale) {
        (_, Some(t), _) if !(0.0..=1.0).contains(&t) || t.is_nan() => {
            Err(CoreError::invalid("threshold", format!("must be between 0 and 1, not {t}")))
        }
        (_, Some(t), Some(r)) => Ok((t, r.to_owned())),
        (BiasKind::DemographicParity, Some(t), None) if (t - DEFAULT_PARITY_RATIO).abs() < 1e-12 => {
            Ok((DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE.to_owned()))
        }
        (BiasKind::DemographicParity, None, None) => Ok((DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE.to_owned())),
        (BiasKind::DemographicParity, None, Some(r)) => Ok((DEFAULT_PARITY_RATIO, r.to_owned())),
        (_, Some(_), None) => Err(CoreError::invalid("rationale", "say why this threshold fits the use case")),
        (BiasKind::AdversarialPrompts, None, _) => {
            Err(CoreError::invalid("threshold", "give the lowest acceptable pass rate per category (0–1)"))
        }
    }
}

/// Reads the results file, computes the figures and the verdict, and stores them with the
/// SHA-256 of the very bytes computed from. A bad file or threshold stores nothing.
pub fn bias_import(db: &Db, caller: &Caller, req: &BiasImport) -> CoreResult<BiasCheck> {
    let (threshold, rationale) = threshold_and_rationale(req.kind, req.threshold, req.rationale.as_deref())?;
    let path = Path::new(req.path.trim());
    let bytes = read_bounded("path", path, limits::CSV)?;
    let file = FileDigest {
        file_name: path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        bytes: bytes.len() as u64,
        sha256: hash_bytes(&bytes),
    };
    let (figures, passed, default_title) = match req.kind {
        BiasKind::DemographicParity => {
            let result = parity_from_csv(&bytes)?;
            let passed = meets(result.ratio, threshold);
            (BiasFigures::DemographicParity(result), passed, "Demographic parity")
        }
        BiasKind::AdversarialPrompts => {
            let result = adversarial_from_csv(&bytes, threshold)?;
            let passed = result.categories.iter().all(|c| c.meets_threshold);
            (BiasFigures::AdversarialPrompts(result), passed, "Adversarial prompt suite")
        }
    };
    let title = match req.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => required_text("title", t, 200)?,
        None => format!("{default_title} · {}", file.file_name),
    };
    db.write(caller, Action::Import, |tx| {
        let case = use_cases::require_for(tx, "use_case_id", &req.use_case_id)?;
        let version = match req.adapter_version_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => Some(registry::version_for(tx, "adapter_version_id", id)?.id),
            None => None,
        };
        let run_by = tx.actor().name.clone();
        let id = bias_check::insert(
            tx,
            &NewBiasCheck {
                use_case_id: &case.id,
                adapter_version_id: version.as_deref(),
                title: &title,
                threshold,
                threshold_rationale: &rationale,
                file: &file,
                figures: &figures,
                passed,
                run_by: &run_by,
            },
        )?;
        bias_check::require(tx, &id)
    })
}

pub fn risk_list(db: &Db, filter: &UseCaseFilter) -> CoreResult<Vec<Risk>> {
    db.read(|c| risk::list(c, filter.use_case_id.as_deref()))
}

pub fn risk_create(db: &Db, caller: &Caller, input: &RiskInput) -> CoreResult<Risk> {
    let r = input.validated()?;
    db.write(caller, Action::Create, |tx| {
        let case = use_cases::require_for(tx, "use_case_id", &r.use_case_id)?;
        let id = risk::insert(tx, &RiskInput { use_case_id: case.id, ..r })?;
        risk::require(tx, &id)
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskUpdate {
    pub id: String,
    pub changes: Vec<RiskField>,
    /// The risk as the editor showed it; `None` sets the fields whatever they hold now.
    pub loaded: Option<RiskInput>,
}

pub fn risk_update(db: &Db, caller: &Caller, req: &RiskUpdate) -> CoreResult<Risk> {
    db.write(caller, Action::Update, |tx| {
        let current = risk::require(tx, &req.id)?;
        let r = edits::apply(&current.id, &current.to_input(), req.loaded.as_ref(), &req.changes)?.validated()?;
        risk::update(tx, &current.id, &r)?;
        risk::require(tx, &current.id)
    })
}
