//! Handlers for the people who work on a portfolio and their roles. Managing people is an
//! administrator's job once the portfolio has an administrator; until then anyone may add people,
//! so that a new portfolio can get going.

use serde::{Deserialize, Serialize};
use steerco_core::audit::Action;
use steerco_core::compliance::{Person, PersonInput, Role};
use steerco_core::store::person;
use ts_rs::TS;

use crate::ctx::Ctx;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonUpdate {
    pub id: String,
    pub person: PersonInput,
}

pub fn list(ctx: &Ctx, _req: ()) -> ApiResult<Vec<Person>> {
    Ok(ctx.db.read(person::list)?)
}

fn has_administrator(ctx: &Ctx) -> ApiResult<bool> {
    Ok(ctx.db.read(person::list)?.iter().any(|p| p.has(Role::Administrator)))
}

pub fn create(ctx: &Ctx, req: PersonInput) -> ApiResult<Person> {
    if has_administrator(ctx)? {
        ctx.require_role(Role::Administrator, "add people")?;
    }
    let now = ctx.clock.now();
    ctx.write(Action::Create, |tx| person::create(tx, &req, now))
}

pub fn update(ctx: &Ctx, req: PersonUpdate) -> ApiResult<Person> {
    if has_administrator(ctx)? {
        ctx.require_role(Role::Administrator, "change people's roles")?;
    }
    ctx.write(Action::Update, |tx| person::update(tx, &req.id, &req.person))
}
