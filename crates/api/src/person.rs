//! Handlers for the people who work on a portfolio and their roles.

use steerco_core::compliance::{Person, PersonInput};
use steerco_core::services::compliance::people::{self as service, PersonUpdate};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Person>> {
    Ok(service::list(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: PersonInput) -> ApiResult<Person> {
    Ok(service::create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn update(ctx: &Ctx, req: PersonUpdate) -> ApiResult<Person> {
    Ok(service::update(&ctx.db, &ctx.caller(), &req)?)
}
