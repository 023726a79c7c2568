//! Handlers for use cases.

use steerco_core::domain::UseCase;
use steerco_core::store::use_case;

use crate::ctx::Ctx;
use crate::error::ApiResult;

/// Every use case, in the order they were created.
pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<UseCase>> {
    Ok(ctx.db.read(use_case::list)?)
}
