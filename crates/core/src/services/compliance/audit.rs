//! The audit trail as people use it: read it (filtered), verify it, and acknowledge changes made
//! outside Steerco, which a compliance officer must look at before the trail verifies again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::{Action, AuditRecord, VerifyReport};
use crate::caller::Caller;
use crate::caller::Permission;
use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::store::audit::{self, LogFilter};
use crate::store::{acknowledgement, Access, Db};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditQuery {
    /// An entity id (UC-005, AV-002, …): its records and those of rows belonging to it. Matched
    /// exactly; `%` and `_` are ordinary characters.
    pub entity: Option<String>,
    pub action: Option<Action>,
    pub actor: Option<String>,
    /// Include the bookkeeping of id counters (hidden by default).
    #[serde(default)]
    pub include_internal: bool,
    pub newest_first: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    pub records: Vec<AuditRecord>,
    /// Records matching the filter (not only this page).
    pub matching: u64,
    /// Records in the whole trail.
    pub total: u64,
}

pub fn log(db: &Db, q: &AuditQuery) -> CoreResult<AuditPage> {
    let filter = LogFilter {
        entity: q.entity.clone(),
        action: q.action,
        actor: q.actor.clone().filter(|a| !a.trim().is_empty()),
        hide_internal: !q.include_internal,
        newest_first: q.newest_first,
        limit: q.limit,
        offset: q.offset,
    };
    db.read(|c| {
        let (records, matching) = audit::log(c, &filter)?;
        Ok(AuditPage { records, matching, total: audit::count(c)? as u64 })
    })
}

/// Verifies the chain, the anchor, the capture triggers and every row against its last recorded
/// image, and lists outside changes (acknowledged or not). On a file on disk the chain is hashed
/// on two cores from one state of the trail.
pub fn verify(db: &Db) -> CoreResult<VerifyReport> {
    match (db.path(), db.access()) {
        (Some(path), Access::ReadWrite) => audit::verify_file(path),
        _ => db.read(|s| audit::verify(s)),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditAcknowledge {
    /// The `unaudited` record's sequence number.
    pub seq: i64,
    /// What was changed outside Steerco and why it is acceptable.
    pub comment: String,
}

/// A compliance officer acknowledges an unaudited change, with a comment; the acknowledgement is
/// itself on the trail.
pub fn acknowledge(db: &Db, caller: &Caller, req: &AuditAcknowledge) -> CoreResult<VerifyReport> {
    let comment = required_text("comment", &req.comment, 2000)?;
    db.write(caller, Action::Acknowledge, |tx| {
        let person = tx.actor().must(Permission::AcknowledgeAudit)?.clone();
        let record = audit::record(tx, req.seq)?
            .ok_or_else(|| CoreError::invalid("seq", format!("record {} is not on the trail", req.seq)))?;
        if record.action != Action::Unaudited.as_str() {
            return Err(CoreError::invalid(
                "seq",
                format!(
                    "record {} is a {} by {}, not a change made outside Steerco",
                    record.seq, record.action, record.actor
                ),
            ));
        }
        if let Some(by) = acknowledgement::by_seq(tx, req.seq)? {
            return Err(CoreError::invalid("seq", format!("record {} was already acknowledged by {by}", req.seq)));
        }
        audit::acknowledge(tx, req.seq, &person.name, tx.now(), &comment)?;
        Ok(())
    })?;
    verify(db)
}
