//! Handlers for the audit trail: read it, filtered, and verify its chain.

use serde::{Deserialize, Serialize};
use steerco_core::audit::{Action, AuditRecord, VerifyReport};
use steerco_core::store::audit::{self, LogFilter};
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditQuery {
    /// An entity id (UC-005, AV-002, …): its records and those of rows belonging to it.
    pub entity: Option<String>,
    pub action: Option<Action>,
    pub actor: Option<String>,
    pub newest_first: bool,
    pub limit: Option<u32>,
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    pub records: Vec<AuditRecord>,
    /// Records in the whole trail (not only this page).
    pub total: u64,
}

pub fn log(ctx: &Ctx, req: AuditQuery) -> ApiResult<AuditPage> {
    let filter = LogFilter {
        entity: req.entity,
        action: req.action,
        actor: req.actor.filter(|a| !a.trim().is_empty()),
        newest_first: req.newest_first,
        limit: req.limit,
        offset: req.offset,
    };
    Ok(ctx.db.read(|c| Ok(AuditPage { records: audit::log(c, &filter)?, total: audit::count(c)? as u64 }))?)
}

pub fn verify(ctx: &Ctx, _req: ()) -> ApiResult<VerifyReport> {
    Ok(match ctx.db.path() {
        Some(path) => audit::verify_file(path)?,
        None => ctx.db.read(audit::verify)?,
    })
}
