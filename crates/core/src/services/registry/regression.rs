//! The regression gate: no expansion without a regression test against the earlier adapter.
//! Deploying an adapter version for a use case needs an evaluation of it on the same suites as
//! the version deployed before it (or, for the first deployment, the use case's recorded
//! baseline), with no metric worse than its tolerance. Only an executive's recorded decision,
//! with a rationale, lets a refused version through; the decision and the refusal it overrode
//! are kept (and on the audit trail).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read;
use crate::caller::{Caller, Permission};
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::regression::{self as rules, RegressionCheck, RegressionReference, Tolerance};
use crate::services::discovery::read::require_for as use_case_for;
use crate::store::{adapter, evaluation, regression, Db, Tx};

/// The gate's verdict on `adapter_version_id`, read inside the caller's transaction.
pub(crate) fn check_in(conn: &Connection, adapter_version_id: &str) -> CoreResult<RegressionCheck> {
    let version = read::version_for(conn, "adapter_version_id", adapter_version_id)?;
    let label = format!("{} {}", version.adapter_name, version.version);
    let decisions = regression::decisions(conn, &version.id)?;
    let unchecked = |reference| RegressionCheck {
        adapter_version_id: version.id.clone(),
        label: label.clone(),
        use_case_id: version.use_case_id.clone(),
        reference,
        comparisons: Vec::new(),
        passes: true,
        decisions: decisions.clone(),
    };
    let Some(use_case_id) = version.use_case_id.clone() else {
        return Ok(unchecked(RegressionReference::Nothing));
    };
    let (reference, reference_metrics) = match regression::latest_deployed(conn, &use_case_id)? {
        Some(deployed) if deployed == version.id => return Ok(unchecked(RegressionReference::AlreadyDeployed)),
        Some(deployed) => {
            let earlier = adapter::require_version(conn, &deployed)?;
            let metrics = rules::latest_metrics(&evaluation::for_version(conn, &deployed)?);
            let label = format!("{} {}", earlier.adapter_name, earlier.version);
            (RegressionReference::Deployed { adapter_version_id: deployed, label }, metrics)
        }
        None => match regression::baseline(conn, &use_case_id)? {
            Some(evaluation_id) => {
                let metrics = rules::latest_metrics(&[evaluation::require(conn, &evaluation_id)?]);
                (RegressionReference::Baseline { evaluation_id }, metrics)
            }
            None => return Ok(unchecked(RegressionReference::Nothing)),
        },
    };
    let candidate = rules::latest_metrics(&evaluation::for_version(conn, &version.id)?);
    let tolerances = regression::tolerances(conn, &use_case_id)?;
    let tolerance = |suite: &str, metric: &str| {
        tolerances.iter().find(|t| t.suite == suite && t.metric == metric).map_or(0.0, |t| t.tolerance)
    };
    let comparisons = rules::compare(&reference_metrics, &candidate, tolerance);
    let passes = comparisons.iter().all(|c| c.verdict == rules::MetricVerdict::Holds);
    Ok(RegressionCheck { comparisons, passes, reference, ..unchecked(RegressionReference::Nothing) })
}

pub fn check(db: &Db, adapter_version_id: &str) -> CoreResult<RegressionCheck> {
    db.read(|c| check_in(c, adapter_version_id))
}

/// Applies the gate to `adapter_version_id` inside a write: refuses with the failing metrics, or,
/// given an override rationale, records the executive's decision and lets it through.
pub(crate) fn enforce(tx: &Tx, adapter_version_id: &str, override_rationale: Option<&str>) -> CoreResult<()> {
    enforce_for(tx, adapter_version_id, adapter_version_id, "", override_rationale)
}

/// As `enforce`, for an expansion other than a deployment (`subject_id`, e.g. a pilot phase,
/// is what the decision lets through; `doing` prefixes the refusal, e.g. "PH-002 cannot start: ").
pub(crate) fn enforce_for(
    tx: &Tx,
    adapter_version_id: &str,
    subject_id: &str,
    doing: &str,
    override_rationale: Option<&str>,
) -> CoreResult<()> {
    let check = check_in(tx, adapter_version_id)?;
    let Some(refusal) = check.refusal() else {
        return Ok(());
    };
    let refusal = format!("{doing}{refusal}");
    let Some(rationale) = override_rationale else {
        return Err(CoreError::invalid(if doing.is_empty() { "adapter_version_id" } else { "pilot_id" }, refusal));
    };
    tx.actor().may(Permission::DecideGate)?;
    let executive = tx.actor().name.clone();
    let rationale = required_text("override_rationale", rationale, 2000)?;
    regression::insert_decision(tx, check.use_case_id.as_deref(), subject_id, &executive, &rationale, &refusal)?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ToleranceInput {
    pub use_case_id: String,
    pub suite: String,
    pub metric: String,
    /// How much worse the metric may get (absolute, in its unit); 0 restores the default.
    pub tolerance: f64,
}

/// Sets one metric's tolerance for a use case. Loosening the gate is a steering decision: only
/// an executive may set one.
pub fn set_tolerance(db: &Db, caller: &Caller, input: &ToleranceInput) -> CoreResult<Vec<Tolerance>> {
    let suite = required_text("suite", &input.suite, 200)?;
    let metric = required_text("metric", &input.metric, 200)?;
    if !input.tolerance.is_finite() || input.tolerance < 0.0 {
        return Err(CoreError::invalid("tolerance", format!("{} is not a number of 0 or more", input.tolerance)));
    }
    db.write(caller, crate::audit::Action::Update, |tx| {
        tx.actor().may(Permission::DecideGate)?;
        let who = tx.actor().name.clone();
        let use_case_id = use_case_for(tx, "use_case_id", &input.use_case_id)?.id;
        regression::set_tolerance(
            tx,
            &Tolerance {
                use_case_id: use_case_id.clone(),
                suite,
                metric,
                tolerance: input.tolerance,
                set_by: who,
                set_at: tx.now(),
            },
        )?;
        regression::tolerances(tx, &use_case_id)
    })
}

pub fn tolerances(db: &Db, use_case_id: &str) -> CoreResult<Vec<Tolerance>> {
    db.read(|c| {
        let id = use_case_for(c, "use_case_id", use_case_id)?.id;
        regression::tolerances(c, &id)
    })
}
