//! Sign-offs: a compliance officer's signature over the canonical JSON of a use case, an adapter
//! version or an evaluation together with the evidence linked to it at that moment. A sign-off
//! is stale as soon as that content hashes differently; signing again adds a record.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row, Transaction};
use serde_json::{json, Value};

use super::{
    adapter, bias_check, data_pack, data_source, evaluation, oversight, risk, sequence, stored_enum, use_case,
};
use crate::compliance::signoff::{canonical, content_hash};
use crate::compliance::{Person, Role, Signoff, SignoffKind, SignoffStatus};
use crate::domain::optional_text;
use crate::error::{CoreError, CoreResult};

pub const ID_PREFIX: &str = "SO";
const COLUMNS: &str = "id, entity_kind, entity_id, signed_by, role, signed_at, comment, content_sha256, content_json";

/// The content a sign-off of `id` covers now, and a title to show it by. Timestamps, the stage
/// and statuses are left out: moving a case to pilot or deploying an approved adapter is what
/// a sign-off permits, not a change to what was signed.
pub fn content(conn: &Connection, id: &str) -> CoreResult<(SignoffKind, Value, String)> {
    let id = id.trim();
    let kind = SignoffKind::of_id(id).ok_or_else(|| {
        CoreError::invalid(
            "entity",
            format!("{id:?} is not a use case (UC-…), adapter version (AV-…) or evaluation (EV-…)"),
        )
    })?;
    Ok(match kind {
        SignoffKind::UseCase => {
            let c = use_case::require(conn, id)?;
            let adapters: Vec<Value> = adapter::all_versions(conn)?
                .into_iter()
                .filter(|v| v.use_case_id.as_deref() == Some(c.id.as_str()))
                .map(|v| json!({ "id": v.id, "adapter": v.adapter_name, "version": v.version, "sha256": v.sha256 }))
                .collect();
            let baseline: Option<String> = conn
                .query_row("SELECT evaluation_id FROM use_case_baseline WHERE use_case_id = ?1", [&c.id], |r| r.get(0))
                .ok();
            let o = oversight::get(conn, &c.id)?;
            let risks: Vec<Value> = risk::list(conn, Some(&c.id))?
                .into_iter()
                .map(|r| json!({ "id": r.id, "title": r.title, "likelihood": r.likelihood, "impact": r.impact, "owner": r.owner, "mitigation": r.mitigation, "status": r.status }))
                .collect();
            let checks: Vec<Value> = bias_check::list(conn, Some(&c.id))?
                .into_iter()
                .map(|b| json!({ "id": b.id, "kind": b.kind, "sha256": b.sha256, "threshold": b.threshold, "passed": b.passed }))
                .collect();
            let value = json!({
                "kind": "use_case",
                "dossier": {
                    "id": c.id, "title": c.title, "business_unit": c.business_unit, "description": c.description,
                    "workflow": c.workflow, "executive_sponsor": c.executive_sponsor, "product_owner": c.product_owner,
                    "annual_value": c.annual_value, "one_time_cost": c.one_time_cost, "monthly_run_cost": c.monthly_run_cost,
                    "ratings": c.ratings, "data_readiness": c.data_readiness, "data_readiness_notes": c.data_readiness_notes,
                    "risk_class": c.risk_class, "risk_notes": c.risk_notes, "requested_lane": c.requested_lane,
                    "lane_override": c.lane_override.as_ref().map(|o| json!({ "decided_by": o.decided_by, "reason": o.reason })),
                },
                "oversight": {
                    "accountable_person": o.accountable_person, "intervention_procedure": o.intervention_procedure,
                    "fallback_owner": o.fallback_owner, "max_intervention_minutes": o.max_intervention_minutes,
                },
                "risks": risks,
                "bias_checks": checks,
                "adapter_versions": adapters,
                "baseline_evaluation": baseline,
            });
            (kind, value, format!("{} {}", c.id, c.title))
        }
        SignoffKind::AdapterVersion => {
            let v = adapter::require_version(conn, id)?;
            let packs: Vec<Value> = v
                .data_pack_ids
                .iter()
                .map(|p| data_pack::require(conn, p))
                .collect::<CoreResult<Vec<_>>>()?
                .into_iter()
                .map(|p| {
                    let sources: Vec<Value> = p
                        .source_ids
                        .iter()
                        .filter_map(|id| data_source::require(conn, id).ok())
                        .map(|src| json!({ "id": src.id, "name": src.name, "classification": src.classification, "accepted_under": src.policy_id }))
                        .collect();
                    json!({ "id": p.id, "name": p.name, "version": p.version, "sources": sources, "approved_by": p.approved_by, "approved_on": p.approved_on, "sha256": p.file.map(|f| f.sha256) })
                })
                .collect();
            let evaluations: Vec<Value> = evaluation::for_version(conn, &v.id)?
                .into_iter()
                .map(|e| json!({ "id": e.id, "sha256": e.sha256, "metrics": e.metrics }))
                .collect();
            let title = format!("{} {} {}", v.id, v.adapter_name, v.version);
            let value = json!({
                "kind": "adapter_version",
                "version": {
                    "id": v.id, "adapter": v.adapter_name, "use_case_id": v.use_case_id, "version": v.version,
                    "peft_type": v.peft_type, "base_model": v.base_model, "revision": v.revision, "r": v.r,
                    "lora_alpha": v.lora_alpha, "lora_dropout": v.lora_dropout, "target_modules": v.target_modules,
                    "weights_file": v.weights_file, "sha256": v.sha256, "parameters": v.parameters,
                    "training_params": v.training_params, "bias": v.bias, "use_rslora": v.use_rslora,
                    "use_dora": v.use_dora, "task_type": v.task_type,
                    "config": serde_json::from_str::<Value>(&v.config_json).unwrap_or(Value::Null),
                },
                "data_packs": packs,
                "evaluations": evaluations,
            });
            (kind, value, title)
        }
        SignoffKind::Evaluation => {
            let e = evaluation::require(conn, id)?;
            let title = format!("{} {}", e.id, e.title);
            let value = json!({
                "kind": "evaluation",
                "evaluation": {
                    "id": e.id, "adapter_version_id": e.adapter_version_id, "format": e.format, "title": e.title,
                    "file_name": e.file_name, "sha256": e.sha256, "run_on": e.run_on, "run_by": e.run_by,
                    "metrics": e.metrics,
                },
            });
            (kind, value, title)
        }
    })
}

/// Signs `entity_id` as `person`, who must be an active compliance officer.
pub fn sign(
    tx: &Transaction,
    entity_id: &str,
    person: &Person,
    comment: &str,
    now: DateTime<Utc>,
) -> CoreResult<SignoffStatus> {
    if !person.has(Role::ComplianceOfficer) {
        return Err(CoreError::Forbidden(format!(
            "only a compliance officer signs off; {} is {}",
            person.name,
            roles_text(person)
        )));
    }
    let comment = optional_text("comment", Some(comment), 2000)?.unwrap_or_default();
    let (kind, value, _) = content(tx, entity_id)?;
    let entity_id = entity_id.trim();
    let id = sequence::next_id(tx, ID_PREFIX)?;
    tx.execute(
        "INSERT INTO signoff (id, entity_kind, entity_id, signed_by, role, signed_at, comment, content_sha256, content_json)
         VALUES (?1, ?2, ?3, ?4, 'compliance_officer', ?5, ?6, ?7, ?8)",
        params![id, kind.as_str(), entity_id, person.name, now, comment, content_hash(&value), canonical(&value)],
    )?;
    Ok(statuses(tx, Some(entity_id))?.into_iter().find(|s| s.signoff.id == id).expect("the sign-off just stored"))
}

pub(crate) fn roles_text(person: &Person) -> String {
    if !person.active {
        return "inactive".to_owned();
    }
    let roles: Vec<String> = person.roles.iter().map(|r| r.with_article()).collect();
    if roles.is_empty() {
        "without a role".to_owned()
    } else {
        roles.join(" and ")
    }
}

/// Every sign-off (of one entity, when given), newest first, each with its staleness now.
pub fn statuses(conn: &Connection, entity_id: Option<&str>) -> CoreResult<Vec<SignoffStatus>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM signoff WHERE (?1 IS NULL OR entity_id = ?1) ORDER BY signed_at DESC, id DESC"
    ))?;
    let signoffs: Vec<Signoff> = stmt
        .query_map([entity_id.map(str::trim)], |r| Ok(from_row(r)))?
        .collect::<Result<CoreResult<Vec<_>>, _>>()??;
    let mut out: Vec<SignoffStatus> = Vec::with_capacity(signoffs.len());
    let mut current: Vec<(String, String, String)> = Vec::new();
    for s in signoffs {
        let (sha, title) = match current.iter().find(|(id, _, _)| *id == s.entity_id) {
            Some((_, sha, title)) => (sha.clone(), title.clone()),
            None => {
                // A signed record that no longer exists is stale by definition.
                let (sha, title) = match content(conn, &s.entity_id) {
                    Ok((_, value, title)) => (content_hash(&value), title),
                    Err(CoreError::NotFound { .. }) => (String::new(), format!("{} (deleted)", s.entity_id)),
                    Err(e) => return Err(e),
                };
                current.push((s.entity_id.clone(), sha.clone(), title.clone()));
                (sha, title)
            }
        };
        let superseded = out.iter().any(|o| o.signoff.entity_id == s.entity_id);
        out.push(SignoffStatus {
            stale: sha != s.content_sha256,
            superseded,
            current_sha256: sha,
            entity_title: title,
            signoff: s,
        });
    }
    Ok(out)
}

/// The newest sign-off of `entity_id` when it still matches the content.
pub fn current(conn: &Connection, entity_id: &str) -> CoreResult<Option<SignoffStatus>> {
    Ok(statuses(conn, Some(entity_id))?.into_iter().next().filter(|s| !s.stale))
}

fn from_row(r: &Row) -> CoreResult<Signoff> {
    Ok(Signoff {
        id: r.get(0)?,
        entity_kind: stored_enum(&r.get::<_, String>(1)?)?,
        entity_id: r.get(2)?,
        signed_by: r.get(3)?,
        role: stored_enum(&r.get::<_, String>(4)?)?,
        signed_at: r.get(5)?,
        comment: r.get(6)?,
        content_sha256: r.get(7)?,
        content_json: r.get(8)?,
    })
}
