//! Handlers for the people who work on a portfolio and their roles. Managing people is an
//! administrator's job; the very first person may be added by anyone, and must be an
//! administrator, so that a new portfolio can get going.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::{Person, PersonInput, Role};
use steerco_core::store::person;
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonUpdate {
    pub id: String,
    pub person: PersonInput,
}

pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Person>> {
    Ok(ctx.db.read(person::list)?)
}

pub fn create(ctx: &Ctx, req: PersonInput) -> ApiResult<Person> {
    let first = ctx.db.read(person::count)? == 0;
    if first {
        if !req.roles.contains(&Role::Administrator) {
            return Err(ApiError::invalid(
                "roles",
                "the first person on a portfolio must be an administrator, who then adds the others",
            ));
        }
    } else {
        ctx.require_role(Role::Administrator, "add people")?;
    }
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| person::create(tx, &req, now))
}

pub fn update(ctx: &Ctx, req: PersonUpdate) -> ApiResult<Person> {
    ctx.require_role(Role::Administrator, "change people's roles")?;
    ctx.write(Action::Update, |tx| person::update(tx, &req.id, &req.person))
}
