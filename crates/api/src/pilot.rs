//! Handlers for pilots (phases, protocols, KPIs, incidents), the launch readiness gate and the
//! stage board.

use steerco_core::pilots::operations::{IncidentInput, KpiInput};
use steerco_core::pilots::pilot::{PhaseInput, Pilot};
use steerco_core::pilots::readiness::Readiness;
use steerco_core::services::pilots::board::{self, StageBoard};
use steerco_core::services::pilots::operations::{self, IncidentResolve};
use steerco_core::services::pilots::readiness;
use steerco_core::services::pilots::rollout::{
    self as service, PhaseAdvance, PhaseStop, PilotCreate, PilotRef, PilotStart, ProtocolsUpdate,
};

use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Pilot>> {
    Ok(service::list(&ctx.db)?)
}

pub fn get(ctx: &Ctx, req: PilotRef) -> ApiResult<Pilot> {
    Ok(service::get(&ctx.db, &req)?)
}

pub fn create(ctx: &Ctx, req: PilotCreate) -> ApiResult<Pilot> {
    Ok(service::create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn set_protocols(ctx: &Ctx, req: ProtocolsUpdate) -> ApiResult<Pilot> {
    Ok(service::set_protocols(&ctx.db, &ctx.caller(), &req)?)
}

pub fn add_phase(ctx: &Ctx, req: PhaseInput) -> ApiResult<Pilot> {
    Ok(service::add_phase(&ctx.db, &ctx.caller(), &req)?)
}

pub fn start(ctx: &Ctx, req: PilotStart) -> ApiResult<Pilot> {
    Ok(service::start(&ctx.db, &ctx.caller(), &req)?)
}

pub fn advance(ctx: &Ctx, req: PhaseAdvance) -> ApiResult<Pilot> {
    Ok(service::advance(&ctx.db, &ctx.caller(), &req)?)
}

pub fn stop(ctx: &Ctx, req: PhaseStop) -> ApiResult<Pilot> {
    Ok(service::stop(&ctx.db, &ctx.caller(), &req)?)
}

pub fn readiness(ctx: &Ctx, req: UseCaseRef) -> ApiResult<Readiness> {
    Ok(readiness::check(&ctx.db, &req.id)?)
}

pub fn add_kpi(ctx: &Ctx, req: KpiInput) -> ApiResult<Pilot> {
    Ok(operations::add_kpi(&ctx.db, &ctx.caller(), &req)?)
}

pub fn add_incident(ctx: &Ctx, req: IncidentInput) -> ApiResult<Pilot> {
    Ok(operations::add_incident(&ctx.db, &ctx.caller(), &req)?)
}

pub fn resolve_incident(ctx: &Ctx, req: IncidentResolve) -> ApiResult<Pilot> {
    Ok(operations::resolve_incident(&ctx.db, &ctx.caller(), &req)?)
}

pub fn board(ctx: &Ctx, _: ()) -> ApiResult<StageBoard> {
    Ok(board::board(&ctx.db)?)
}
