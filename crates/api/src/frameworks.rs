//! Handlers for regulatory framework coverage: which EU AI Act Annex IV, NIST AI RMF and
//! ISO/IEC 42001 items a use case has evidence for, and which record types evidence what.

use serde::{Deserialize, Serialize};
use steerco_core::compliance::frameworks::{self, EvidenceMapping, Framework, FrameworkCoverage};
use steerco_core::store::coverage;
use ts_rs::TS;

use crate::adapter::VersionRef;
use crate::ctx::Ctx;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCaseCoverage {
    pub use_case_id: String,
    pub title: String,
    /// The evidence kinds this use case has.
    pub evidence: Vec<String>,
    pub frameworks: Vec<FrameworkCoverage>,
}

pub fn list(_ctx: &Ctx, _req: ()) -> ApiResult<Vec<Framework>> {
    Ok(frameworks::all()?)
}

pub fn mapping(_ctx: &Ctx, _req: ()) -> ApiResult<Vec<EvidenceMapping>> {
    Ok(frameworks::mapping(&frameworks::all()?))
}

/// Coverage of one use case (`id` is the use case's id).
pub fn coverage_of(ctx: &Ctx, req: VersionRef) -> ApiResult<UseCaseCoverage> {
    let all = frameworks::all()?;
    Ok(ctx.db.read(|c| {
        let (case, evidence) = coverage::evidence(c, &req.id)?;
        Ok(UseCaseCoverage {
            use_case_id: case.id,
            title: case.title,
            frameworks: frameworks::coverage(&all, &evidence),
            evidence,
        })
    })?)
}
