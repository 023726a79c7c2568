//! Handlers for risk controls: human oversight per use case, bias checks (demographic parity and
//! adversarial prompt suites, from the CSV files evaluation teams produce) and the risk register.

use std::path::Path;

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::bias::{
    adversarial_from_csv, meets, parity_from_csv, DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE,
};
use steerco_core::compliance::{BiasCheck, BiasFigures, BiasKind, Oversight, OversightInput, Risk, RiskInput};
use steerco_core::registry::hashing::hash_file;
use steerco_core::store::bias_check::{self, NewBiasCheck};
use steerco_core::store::{oversight, risk};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseFilter {
    pub use_case_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BiasImportRequest {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskUpdate {
    pub id: String,
    pub risk: RiskInput,
}

pub fn oversight_list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Oversight>> {
    Ok(ctx.db.read(oversight::list)?)
}

pub fn oversight_set(ctx: &Ctx, req: OversightInput) -> ApiResult<Oversight> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| oversight::upsert(tx, &req, now))
}

pub fn bias_list(ctx: &Ctx, req: UseCaseFilter) -> ApiResult<Vec<BiasCheck>> {
    Ok(ctx.db.read(|c| bias_check::list(c, req.use_case_id.as_deref()))?)
}

/// Reads the results file, computes the figures and the verdict, and stores them with the
/// file's SHA-256. A bad file or threshold stores nothing.
pub fn bias_import(ctx: &Ctx, req: BiasImportRequest) -> ApiResult<BiasCheck> {
    let path = Path::new(req.path.trim());
    if !path.is_file() {
        return Err(ApiError::invalid("path", format!("{} is not a file", path.display())));
    }
    let (threshold, rationale) = match (req.kind, req.threshold, req.rationale.as_deref().map(str::trim)) {
        (_, Some(t), _) if !(0.0..=1.0).contains(&t) || t.is_nan() => {
            return Err(ApiError::invalid("threshold", format!("must be between 0 and 1, not {t}")))
        }
        (_, Some(t), Some(r)) if !r.is_empty() => (t, r.to_owned()),
        (BiasKind::DemographicParity, Some(t), _) if (t - DEFAULT_PARITY_RATIO).abs() < 1e-12 => {
            (DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE.to_owned())
        }
        (BiasKind::DemographicParity, None, None | Some("")) => {
            (DEFAULT_PARITY_RATIO, DEFAULT_PARITY_RATIONALE.to_owned())
        }
        (BiasKind::DemographicParity, None, Some(r)) => (DEFAULT_PARITY_RATIO, r.to_owned()),
        (_, Some(_), _) => return Err(ApiError::invalid("rationale", "say why this threshold fits the use case")),
        (BiasKind::AdversarialPrompts, None, _) => {
            return Err(ApiError::invalid("threshold", "give the lowest acceptable pass rate per category (0–1)"))
        }
    };
    let file = hash_file(path)?;
    let bytes = std::fs::read(path).map_err(|e| ApiError::invalid("path", format!("cannot be read ({e})")))?;
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
    let title =
        req.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| format!("{default_title} · {}", file.file_name));
    let run_by = ctx.actor();
    let now = ctx.clock.now();
    let new = NewBiasCheck {
        use_case_id: &req.use_case_id,
        adapter_version_id: req.adapter_version_id.as_deref(),
        title: &title,
        threshold,
        threshold_rationale: &rationale,
        file: &file,
        figures: &figures,
        passed,
        run_by: &run_by,
    };
    ctx.write(Action::Import, |tx| bias_check::insert(tx, &new, now))
}

pub fn risk_list(ctx: &Ctx, req: UseCaseFilter) -> ApiResult<Vec<Risk>> {
    Ok(ctx.db.read(|c| risk::list(c, req.use_case_id.as_deref()))?)
}

pub fn risk_create(ctx: &Ctx, req: RiskInput) -> ApiResult<Risk> {
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| risk::create(tx, &req, now))
}

pub fn risk_update(ctx: &Ctx, req: RiskUpdate) -> ApiResult<Risk> {
    let now = ctx.clock.now();
    ctx.write(Action::Update, |tx| risk::update(tx, &req.id, &req.risk, now))
}
