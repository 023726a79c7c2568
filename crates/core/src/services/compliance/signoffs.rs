//! Sign-offs: a compliance officer's signature over the content of a use case, an adapter
//! version or an evaluation with its evidence. A sign-off is stale as soon as that content
//! hashes differently; signing again adds a record. The queue is what awaits a compliance
//! officer: records heading for or in use without a sign-off, stale sign-offs with what changed,
//! and current ones.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::signed_content::{kind_of, Content, Evidence};
use crate::audit::Action;
use crate::caller::Caller;
use crate::caller::Permission;
use crate::compliance::signoff::changes;
use crate::compliance::{Signoff, SignoffKind, SignoffStatus};
use crate::domain::{optional_text, Stage};
use crate::error::{CoreError, CoreResult};
use crate::registry::diff::FieldChange;
use crate::registry::AdapterStatus;
use crate::services::compliance::review::SignoffDecline;
use crate::store::signoff::{self, NewSignoff};
use crate::store::Db;
use crate::store::{signoff_decline, use_case};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignRequest {
    /// UC-…, AV-… or EV-….
    pub entity_id: String,
    pub comment: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffFilter {
    pub entity_id: Option<String>,
    /// Only sign-offs whose content has changed since (and that no newer sign-off replaces).
    pub stale_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AwaitingSignoff {
    pub entity_id: String,
    pub kind: SignoffKind,
    pub title: String,
    /// Why it needs a sign-off now.
    pub reason: String,
    /// A compliance officer's refusal of the content as it stands, if there is one.
    pub declined: Option<SignoffDecline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StaleSignoff {
    pub status: SignoffStatus,
    /// What changed between the signed content and the content now.
    pub changes: Vec<FieldChange>,
    /// A compliance officer's refusal to sign the content as it now stands, if there is one.
    pub declined: Option<SignoffDecline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignoffQueue {
    pub awaiting: Vec<AwaitingSignoff>,
    pub stale: Vec<StaleSignoff>,
    pub current: Vec<SignoffStatus>,
}

/// Signs `req.entity_id` as the person working, who must be a compliance officer.
pub fn sign(db: &Db, caller: &Caller, req: &SignRequest) -> CoreResult<SignoffStatus> {
    let comment = optional_text("comment", Some(&req.comment), 2000)?.unwrap_or_default();
    kind_of(&req.entity_id)?;
    db.write(caller, Action::Sign, |tx| {
        let person = tx.actor().must(Permission::SignOff)?.clone();
        let content = Evidence::for_entity(tx, &req.entity_id)?.content(&req.entity_id)?;
        let entity_id = req.entity_id.trim();
        let id = signoff::insert(
            tx,
            &NewSignoff {
                kind: content.kind,
                entity_id,
                person: &person,
                comment: &comment,
                content_sha256: &content.sha256,
                content_json: &content.json,
            },
        )?;
        statuses_of(signoff::list(tx, Some(entity_id))?, |_| Ok(Some(content.clone())))?
            .into_iter()
            .find(|s| s.signoff.id == id)
            .ok_or_else(|| CoreError::NotFound { entity: "sign-off", id })
    })
}

/// Every sign-off (of one record, when given), newest first, each with its staleness now.
pub fn list(db: &Db, filter: &SignoffFilter) -> CoreResult<Vec<SignoffStatus>> {
    let all = db.read(|c| match filter.entity_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => {
            kind_of(id)?;
            let evidence = Evidence::for_entity(c, id).or_else(|e| match e {
                // The signed record is gone: its sign-offs are shown stale.
                CoreError::NotFound { .. } => Ok(Evidence::default()),
                other => Err(other),
            })?;
            statuses_of(signoff::list(c, Some(id))?, |entity| found(evidence.content(entity)))
        }
        None => {
            let evidence = Evidence::all(c)?;
            statuses_of(signoff::list(c, None)?, |entity| found(evidence.content(entity)))
        }
    })?;
    // A stale sign-off that has been superseded by a newer one no longer needs attention.
    Ok(all.into_iter().filter(|s| !filter.stale_only || (s.stale && !s.superseded)).collect())
}

/// The newest sign-off of `entity_id` with whether it is stale; `None` when never signed.
pub fn latest(db: &Db, entity_id: &str) -> CoreResult<Option<SignoffStatus>> {
    Ok(list(db, &SignoffFilter { entity_id: Some(entity_id.to_owned()), stale_only: false })?.into_iter().next())
}

/// The newest sign-off of a record read inside a transaction, with its staleness.
pub(crate) fn latest_in(conn: &rusqlite::Connection, entity_id: &str) -> CoreResult<Option<SignoffStatus>> {
    let signed = signoff::list(conn, Some(entity_id))?;
    if signed.is_empty() {
        // Nothing to compare the content with, so it is not gathered (the stage board asks this
        // of every case in the data stage, most of them never signed); the record must still exist.
        Evidence::require_record(conn, entity_id)?;
        return Ok(None);
    }
    let evidence = Evidence::for_entity(conn, entity_id)?;
    Ok(statuses_of(signed, |e| found(evidence.content(e)))?.into_iter().next())
}

fn found(content: CoreResult<Content>) -> CoreResult<Option<Content>> {
    match content {
        Ok(c) => Ok(Some(c)),
        Err(CoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Sign-offs (newest first) with their staleness against the content `now` gives for each
/// record (`None`: the record no longer exists, so every sign-off of it is stale).
fn statuses_of(
    signoffs: Vec<Signoff>,
    mut now: impl FnMut(&str) -> CoreResult<Option<Content>>,
) -> CoreResult<Vec<SignoffStatus>> {
    let mut current: std::collections::HashMap<String, (String, String)> = std::collections::HashMap::new();
    let mut out: Vec<SignoffStatus> = Vec::with_capacity(signoffs.len());
    // The first sign-off of a record in `signoffs` is its newest; the later ones are superseded.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for s in signoffs {
        if !current.contains_key(&s.entity_id) {
            let entry = match now(&s.entity_id)? {
                Some(c) => (c.sha256, c.title),
                None => (String::new(), format!("{} (deleted)", s.entity_id)),
            };
            current.insert(s.entity_id.clone(), entry);
        }
        let (sha, title) = current[&s.entity_id].clone();
        let superseded = !seen.insert(s.entity_id.clone());
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

/// A field a sign-off leaves out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnsignedField {
    /// The kind of sign-off whose content holds the record.
    pub kind: SignoffKind,
    pub record: String,
    pub field: String,
    pub reason: String,
}

/// Everything a sign-off does not bind (every other field of the record and its evidence is
/// bound), so the person signing knows exactly what their signature covers.
pub fn unsigned_fields() -> Vec<UnsignedField> {
    super::signed_content::exclusions()
        .into_iter()
        .flat_map(|(record, kind, fields)| {
            fields.iter().map(move |(field, reason)| UnsignedField {
                kind,
                record: record.to_owned(),
                field: (*field).to_owned(),
                reason: (*reason).to_owned(),
            })
        })
        .collect()
}

/// What awaits a compliance officer, computed from one read of each table. Withdrawn use cases
/// are out of the portfolio, so out of the queue.
pub fn queue(db: &Db) -> CoreResult<SignoffQueue> {
    db.read(|c| queue_in(c))
}

pub(crate) fn queue_in(c: &rusqlite::Connection) -> CoreResult<SignoffQueue> {
    queue_with(c, &crate::services::discovery::read::list(c)?)
}

/// As `queue_in`, with the portfolio's use cases already read.
pub(crate) fn queue_with(c: &rusqlite::Connection, cases: &[crate::domain::UseCase]) -> CoreResult<SignoffQueue> {
    let evidence = Evidence::all_with(c, cases)?;
    let withdrawn: std::collections::HashSet<String> = use_case::list_withdrawn(c)?.into_iter().map(|u| u.id).collect();
    let all = statuses_of(signoff::list(c, None)?, |entity| found(evidence.content(entity)))?;
    let newest: Vec<&SignoffStatus> =
        all.iter().filter(|s| !s.superseded && !withdrawn.contains(&s.signoff.entity_id)).collect();
    let declines: std::collections::HashMap<String, SignoffDecline> =
        signoff_decline::latest_all(c)?.into_iter().map(|d| (d.entity_id.clone(), d)).collect();
    // A refusal holds only while the content is the one refused; the content is hashed only for
    // records someone declined (hashing every awaiting record would dominate a large portfolio).
    let declined_now = |id: &str| -> Option<SignoffDecline> {
        let d = declines.get(id)?;
        let sha = evidence.content(id).ok()?.sha256;
        (d.content_sha256 == sha).then(|| d.clone())
    };
    let declined = |id: &str, sha: &str| declines.get(id).filter(|d| d.content_sha256 == sha).cloned();
    let mut stale = Vec::new();
    for s in newest.iter().filter(|s| s.stale) {
        let signed: serde_json::Value = serde_json::from_str(&s.signoff.content_json)?;
        let now = found(evidence.content(&s.signoff.entity_id))?.map_or(serde_json::Value::Null, |c| c.value);
        stale.push(StaleSignoff {
            status: (*s).clone(),
            changes: changes(&signed, &now),
            declined: declined(&s.signoff.entity_id, &s.current_sha256),
        });
    }
    let signed_ids: std::collections::HashSet<&str> = newest.iter().map(|s| s.signoff.entity_id.as_str()).collect();
    let mut awaiting = Vec::new();
    for case in cases {
        let reason = match case.stage {
            Stage::Data => "heading for pilot: the pilot stage needs a current compliance sign-off",
            Stage::Pilot | Stage::Scaled => "in pilot or scaled without a compliance sign-off",
            _ => continue,
        };
        if !signed_ids.contains(case.id.as_str()) {
            awaiting.push(AwaitingSignoff {
                title: format!("{} {}", case.id, case.title),
                declined: declined_now(&case.id),
                entity_id: case.id.clone(),
                kind: SignoffKind::UseCase,
                reason: reason.to_owned(),
            });
        }
    }
    for v in crate::store::adapter::all_versions(c)? {
        if matches!(v.status, AdapterStatus::Approved | AdapterStatus::Deployed) && !signed_ids.contains(v.id.as_str())
        {
            awaiting.push(AwaitingSignoff {
                title: format!("{} {} {}", v.id, v.adapter_name, v.version),
                declined: declined_now(&v.id),
                entity_id: v.id,
                kind: SignoffKind::AdapterVersion,
                reason: format!("{} without a compliance sign-off", v.status),
            });
        }
    }
    let current = newest.into_iter().filter(|s| !s.stale).cloned().collect();
    Ok(SignoffQueue { awaiting, stale, current })
}
