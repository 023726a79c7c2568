//! Handlers for value tracking: a use case's months and returns, a month entered by hand, the
//! metrics file, and the value charts.

use steerco_core::services::value::charts::{self, ValueChart, ValueChartExport};
use steerco_core::services::value::tracking::{
    self as service, MetricsImport, MetricsImported, MonthInput, UseCaseValue,
};

use crate::types::ExportOutcome;
use crate::use_case::UseCaseRef;
use crate::{ApiResult, Ctx};

pub fn get(ctx: &Ctx, req: UseCaseRef) -> ApiResult<UseCaseValue> {
    Ok(service::view(&ctx.db, &req.id)?)
}

pub fn record_month(ctx: &Ctx, req: MonthInput) -> ApiResult<UseCaseValue> {
    Ok(service::record_month(&ctx.db, &ctx.caller(), &req)?)
}

pub fn import(ctx: &Ctx, req: MetricsImport) -> ApiResult<MetricsImported> {
    Ok(service::import_metrics(&ctx.db, &ctx.caller(), &req)?)
}

/// The chart as SVG text.
pub fn chart(ctx: &Ctx, req: ValueChart) -> ApiResult<String> {
    Ok(charts::svg(&ctx.db, &req)?.0)
}

pub fn export_chart(ctx: &Ctx, req: ValueChartExport) -> ApiResult<ExportOutcome> {
    Ok(charts::export(&ctx.db, &ctx.caller(), &req)?)
}
