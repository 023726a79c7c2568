//! Handlers for discovery workshops.

use steerco_core::services::discovery::workshops::{
    self as service, RateRequest, SheetExportRequest, SheetImportRequest, WorkshopDetail, WorkshopRef,
};
use steerco_core::services::portfolio::exports::ExportOutcome;
use steerco_core::workshop::{NewWorkshop, Workshop};

use crate::{ApiResult, Ctx};

pub fn list(ctx: &Ctx, _: ()) -> ApiResult<Vec<Workshop>> {
    Ok(service::list(&ctx.db)?)
}

pub fn create(ctx: &Ctx, req: NewWorkshop) -> ApiResult<Workshop> {
    Ok(service::create(&ctx.db, &ctx.caller(), &req)?)
}

pub fn get(ctx: &Ctx, req: WorkshopRef) -> ApiResult<WorkshopDetail> {
    Ok(service::detail(&ctx.db, &req)?)
}

pub fn rate(ctx: &Ctx, req: RateRequest) -> ApiResult<WorkshopDetail> {
    Ok(service::rate(&ctx.db, &ctx.caller(), &req)?)
}

pub fn export_sheet(ctx: &Ctx, req: SheetExportRequest) -> ApiResult<ExportOutcome> {
    Ok(steerco_reports::rating_sheet::export(&ctx.db, &ctx.caller(), &req)?)
}

pub fn import_sheet(ctx: &Ctx, req: SheetImportRequest) -> ApiResult<WorkshopDetail> {
    Ok(steerco_reports::rating_sheet::import(&ctx.db, &ctx.caller(), &req)?)
}
