//! Which kinds of evidence a use case has, as framework items name them: the use case's own
//! records, its adapters' registry records, and the controls recorded against it.

use rusqlite::Connection;

use super::{adapter, bias_check, deployment, evaluation, lineage, oversight, risk, signoff, use_case};
use crate::compliance::BiasKind;
use crate::domain::UseCase;
use crate::error::CoreResult;

pub fn evidence(conn: &Connection, use_case_id: &str) -> CoreResult<(UseCase, Vec<String>)> {
    let case = use_case::require(conn, use_case_id)?;
    let mut kinds: Vec<&str> = vec!["use_case"];
    let count = |sql: &str| -> CoreResult<i64> { Ok(conn.query_row(sql, [&case.id], |r| r.get(0))?) };
    if conn.query_row("SELECT count(*) FROM policy", [], |r| r.get::<_, i64>(0))? > 0 {
        kinds.push("policy");
    }
    let versions: Vec<_> = adapter::all_versions(conn)?
        .into_iter()
        .filter(|v| v.use_case_id.as_deref() == Some(case.id.as_str()))
        .collect();
    if !versions.is_empty() {
        kinds.push("adapter_version");
    }
    if versions.iter().any(|v| !v.data_pack_ids.is_empty()) {
        kinds.extend(["data_pack", "data_source"]);
    }
    let mut evaluated = count("SELECT count(*) FROM use_case_baseline WHERE use_case_id = ?1")? > 0;
    let mut deployed = false;
    let mut clean_lineage = false;
    for v in &versions {
        evaluated |= !evaluation::for_version(conn, &v.id)?.is_empty();
        deployed |= !deployment::for_version(conn, &v.id)?.is_empty();
        clean_lineage |= lineage::graph(conn, &v.id)?.gaps.is_empty();
    }
    if evaluated {
        kinds.push("evaluation");
    }
    if deployed {
        kinds.push("deployment");
    }
    if clean_lineage {
        kinds.push("lineage");
    }
    if oversight::get(conn, &case.id)?.missing.is_empty() {
        kinds.push("oversight_plan");
    }
    let checks = bias_check::list(conn, Some(&case.id))?;
    if checks.iter().any(|b| b.kind == BiasKind::DemographicParity) {
        kinds.push("bias_check");
    }
    if checks.iter().any(|b| b.kind == BiasKind::AdversarialPrompts) {
        kinds.push("adversarial_suite");
    }
    if !risk::list(conn, Some(&case.id))?.is_empty() {
        kinds.push("risk_register");
    }
    if signoff::current(conn, &case.id)?.is_some() {
        kinds.push("signoff");
    }
    if count("SELECT count(*) FROM audit WHERE subject = ?1 OR entity_id = ?1")? > 0 {
        kinds.push("audit_trail");
    }
    if count("SELECT count(*) FROM lane_override WHERE use_case_id = ?1")? > 0 {
        kinds.push("steering_decision");
    }
    Ok((case, kinds.into_iter().map(str::to_owned).collect()))
}
