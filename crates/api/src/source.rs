//! Handlers for data sources.

use steerco_core::registry::{DataSource, DataSourceInput};
use steerco_core::services::registry::governance::{self as service, DataSourceUpdate};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<DataSource>> {
    Ok(service::sources(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: DataSourceInput) -> ApiResult<DataSource> {
    Ok(service::create_source(&ctx.db, &ctx.caller(), &req)?)
}

pub fn update(ctx: &Ctx, req: DataSourceUpdate) -> ApiResult<DataSource> {
    Ok(service::update_source(&ctx.db, &ctx.caller(), &req)?)
}
