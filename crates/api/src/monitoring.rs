//! Handlers for a pilot's drift and feedback: the two imports, the alerts and the monitoring view.

use steerco_core::services::pilots::monitoring::{
    self as service, AlertAcknowledge, AlertQuery, ChartExport, DriftAlert, FeedbackImported, MonitoringImport,
    MonitoringImported, MonitoringView,
};

use crate::types::ExportOutcome;
use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn view(ctx: &Ctx, req: UseCaseRef) -> ApiResult<MonitoringView> {
    Ok(service::view(&ctx.db, &req.id)?)
}

pub fn import(ctx: &Ctx, req: MonitoringImport) -> ApiResult<MonitoringImported> {
    Ok(service::import_monitoring(&ctx.db, &ctx.caller(), &req)?)
}

pub fn import_feedback(ctx: &Ctx, req: MonitoringImport) -> ApiResult<FeedbackImported> {
    Ok(service::import_feedback(&ctx.db, &ctx.caller(), &req)?)
}

pub fn alerts(ctx: &Ctx, req: AlertQuery) -> ApiResult<Vec<DriftAlert>> {
    Ok(service::alerts(&ctx.db, &req)?)
}

pub fn acknowledge(ctx: &Ctx, req: AlertAcknowledge) -> ApiResult<DriftAlert> {
    Ok(service::acknowledge(&ctx.db, &ctx.caller(), &req)?)
}

pub fn export_chart(ctx: &Ctx, req: ChartExport) -> ApiResult<ExportOutcome> {
    Ok(service::export_chart(&ctx.db, &ctx.caller(), &req)?)
}
