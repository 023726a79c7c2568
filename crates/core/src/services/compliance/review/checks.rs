//! The checks shown beside a record under review: what a compliance officer would otherwise
//! gather from five pages. Each names the record it is about, so the pane links there.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::compliance::{BiasKind, Oversight, RiskStatus, SignoffKind};
use crate::domain::Lane;
use crate::error::CoreResult;
use crate::services::compliance::signoffs;
use crate::services::discovery::read as use_cases;
use crate::services::registry::read as registry;
use crate::store::{adapter, bias_check, evaluation, oversight, risk};

/// Where a check's record lives, so the app can open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckArea {
    Dossier,
    Oversight,
    RiskRegister,
    BiasChecks,
    Lineage,
    Registry,
    Signoffs,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewCheck {
    pub passed: bool,
    pub area: CheckArea,
    pub message: String,
    /// The record the check is about (UC-…, AV-…, R-…, BC-…, DP-…), to open it.
    pub record_id: Option<String>,
}

fn check(passed: bool, area: CheckArea, record_id: &str, message: String) -> ReviewCheck {
    ReviewCheck { passed, area, message, record_id: Some(record_id.to_owned()) }
}

pub(super) fn for_record(c: &Connection, kind: SignoffKind, id: &str) -> CoreResult<Vec<ReviewCheck>> {
    match kind {
        SignoffKind::UseCase => use_case_checks(c, id),
        SignoffKind::AdapterVersion => version_checks(c, id),
        SignoffKind::Evaluation => evaluation_checks(c, id),
    }
}

fn use_case_checks(c: &Connection, id: &str) -> CoreResult<Vec<ReviewCheck>> {
    let case = use_cases::require(c, id)?;
    let mut out = Vec::new();
    let missing_owners: Vec<&str> =
        [(case.executive_sponsor.is_none(), "an executive sponsor"), (case.product_owner.is_none(), "a product owner")]
            .into_iter()
            .filter_map(|(absent, what)| absent.then_some(what))
            .collect();
    out.push(check(
        missing_owners.is_empty(),
        CheckArea::Dossier,
        &case.id,
        if missing_owners.is_empty() {
            "Owned: an executive sponsor and a product owner are named".into()
        } else {
            format!("No {} named", missing_owners.join(" and no "))
        },
    ));
    out.push(check(
        case.lane == Lane::Portfolio || case.requested_lane != Lane::Portfolio,
        CheckArea::Dossier,
        &case.id,
        match (&case.lane_reason, &case.lane_override) {
            (Some(reason), _) => format!("Fails the payback gate: {reason}"),
            (None, Some(o)) => format!("Kept in the portfolio lane by {}'s override: {}", o.decided_by, o.reason),
            (None, None) if case.lane == Lane::Portfolio => "Passes the payback gate".into(),
            (None, None) => format!("In the {} lane by decision", case.lane),
        },
    ));
    let plan = Oversight::from_stored(&case.id, oversight::get(c, &case.id)?);
    out.push(check(
        plan.missing.is_empty(),
        CheckArea::Oversight,
        &case.id,
        if plan.missing.is_empty() {
            "Human oversight plan complete".into()
        } else {
            format!("Human oversight plan incomplete: no {}", plan.missing.join(", no "))
        },
    ));
    let risks = risk::list(c, Some(&case.id))?;
    let open: Vec<_> = risks.iter().filter(|r| r.status == RiskStatus::Open).collect();
    if risks.is_empty() {
        out.push(check(false, CheckArea::RiskRegister, &case.id, "No risk recorded in the risk register".into()));
    }
    for r in &open {
        out.push(check(
            false,
            CheckArea::RiskRegister,
            &r.id,
            format!(
                "Open risk {}: {} (likelihood {} × impact {}, owner {})",
                r.id, r.title, r.likelihood, r.impact, r.owner
            ),
        ));
    }
    if !risks.is_empty() && open.is_empty() {
        out.push(check(
            true,
            CheckArea::RiskRegister,
            &case.id,
            format!("{} risk{} recorded, none open", risks.len(), if risks.len() == 1 { "" } else { "s" }),
        ));
    }
    let checks = bias_check::list(c, Some(&case.id))?;
    for kind in [BiasKind::DemographicParity, BiasKind::AdversarialPrompts] {
        let name = match kind {
            BiasKind::DemographicParity => "demographic parity",
            BiasKind::AdversarialPrompts => "adversarial prompts",
        };
        // The newest check of each kind is the one that counts.
        match checks.iter().filter(|b| b.kind == kind).max_by_key(|b| b.checked_at) {
            Some(b) if b.passed => {
                out.push(check(true, CheckArea::BiasChecks, &b.id, format!("Bias check {} ({name}) passed", b.id)))
            }
            Some(b) => out.push(check(
                false,
                CheckArea::BiasChecks,
                &b.id,
                format!("Bias check {} ({name}) failed its threshold of {}", b.id, b.threshold),
            )),
            None => out.push(check(false, CheckArea::BiasChecks, &case.id, format!("No {name} bias check recorded"))),
        }
    }
    let versions: Vec<_> =
        adapter::all_versions(c)?.into_iter().filter(|v| v.use_case_id.as_deref() == Some(&case.id)).collect();
    for v in versions {
        out.extend(lineage_checks(c, v)?);
    }
    Ok(out)
}

fn lineage_checks(c: &Connection, v: crate::registry::AdapterVersion) -> CoreResult<Vec<ReviewCheck>> {
    let label = format!("{} {} {}", v.id, v.adapter_name, v.version);
    let graph = crate::registry::lineage::graph(&registry::records(c, v)?);
    if graph.gaps.is_empty() {
        return Ok(vec![check(
            true,
            CheckArea::Lineage,
            &graph.adapter_version_id,
            format!("Lineage of {label} complete (base model, approved data, evaluation)"),
        )]);
    }
    Ok(graph
        .gaps
        .iter()
        .map(|gap| check(false, CheckArea::Lineage, &gap.record_id, format!("Lineage gap: {}", gap.message)))
        .collect())
}

fn version_checks(c: &Connection, id: &str) -> CoreResult<Vec<ReviewCheck>> {
    let v = adapter::require_version(c, id)?;
    let use_case = v.use_case_id.clone();
    let mut out = lineage_checks(c, v)?;
    match use_case {
        Some(uc) => {
            let signed = signoffs::latest_in(c, &uc)?;
            out.push(check(
                signed.as_ref().is_some_and(|s| !s.stale),
                CheckArea::Signoffs,
                &uc,
                match signed {
                    Some(s) if !s.stale => format!("Its use case {uc} has a current sign-off ({})", s.signoff.id),
                    Some(s) => format!("Its use case {uc}'s sign-off ({}) is stale", s.signoff.id),
                    None => format!("Its use case {uc} has no sign-off"),
                },
            ));
        }
        None => out.push(ReviewCheck {
            passed: false,
            area: CheckArea::Registry,
            message: "Not linked to a use case".into(),
            record_id: Some(id.to_owned()),
        }),
    }
    Ok(out)
}

fn evaluation_checks(c: &Connection, id: &str) -> CoreResult<Vec<ReviewCheck>> {
    let e = evaluation::require(c, id)?;
    let mut out = vec![check(
        !e.metrics.is_empty(),
        CheckArea::Registry,
        &e.id,
        format!("{} metrics recorded from {} (SHA-256 pinned)", e.metrics.len(), e.file_name),
    )];
    let v = adapter::require_version(c, &e.adapter_version_id)?;
    out.push(check(
        true,
        CheckArea::Registry,
        &v.id,
        format!("Evaluates {} {} {} ({})", v.id, v.adapter_name, v.version, v.status),
    ));
    Ok(out)
}
