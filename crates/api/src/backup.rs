//! Handlers for backups of the open portfolio.

use steerco_core::services::portfolio::backup::{self as service, BackupFile, RestoreOutcome, RestoreRequest};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<BackupFile>> {
    Ok(service::list(&ctx.db)?)
}

pub fn create(ctx: &Ctx, _: ()) -> ApiResult<BackupFile> {
    Ok(service::take(&ctx.db, "manual")?)
}

/// Replaces the portfolio's contents with a backup's (the state before is backed up first).
pub fn restore(ctx: &Ctx, req: RestoreRequest) -> ApiResult<RestoreOutcome> {
    Ok(service::restore(&ctx.db, &ctx.caller(), &req)?)
}
