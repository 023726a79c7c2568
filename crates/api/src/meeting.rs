//! Handlers for steering meetings and the backlog they decide on.

use steerco_core::services::steering::backlog;
use steerco_core::services::steering::meetings::{
    self as service, ActionInput, DecisionInput, MeetingAgenda, MeetingInput, MeetingRef, MeetingSummary,
};
use steerco_core::steering::{BacklogInput, BacklogItem, Meeting, MeetingDecision};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<MeetingSummary>> {
    Ok(service::list(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: MeetingInput) -> ApiResult<MeetingAgenda> {
    Ok(service::create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn agenda(ctx: &Ctx, req: MeetingRef) -> ApiResult<MeetingAgenda> {
    Ok(service::agenda(&ctx.db, &req)?)
}

pub fn decide(ctx: &Ctx, req: DecisionInput) -> ApiResult<MeetingDecision> {
    Ok(service::decide(&ctx.db, &ctx.caller(), &req)?)
}

pub fn add_action(ctx: &Ctx, req: ActionInput) -> ApiResult<Meeting> {
    Ok(service::add_action(&ctx.db, &ctx.caller(), &req)?)
}

pub fn close(ctx: &Ctx, req: MeetingRef) -> ApiResult<Meeting> {
    Ok(service::close(&ctx.db, &ctx.caller(), &req)?)
}

pub fn minutes(ctx: &Ctx, req: MeetingRef) -> ApiResult<Meeting> {
    Ok(service::minutes(&ctx.db, &req)?)
}

pub fn backlog(ctx: &Ctx, _: ()) -> ApiResult<Vec<BacklogItem>> {
    Ok(backlog::list(&ctx.db)?)
}

pub fn propose(ctx: &Ctx, req: BacklogInput) -> ApiResult<BacklogItem> {
    Ok(backlog::add(&ctx.db, &ctx.caller(), &req)?)
}
