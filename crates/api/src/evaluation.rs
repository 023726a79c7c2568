//! Handlers for evaluation evidence.

use steerco_core::registry::Evaluation;
use steerco_core::services::registry::evaluations::{
    self as service, BaselineRequest, EvaluationImport, EvaluationRef, MlflowImport, MlflowImportOutcome,
};

use crate::{ApiResult, Ctx};

pub fn get(ctx: &Ctx, req: EvaluationRef) -> ApiResult<Evaluation> {
    Ok(service::get(&ctx.db, &req)?)
}

pub fn import(ctx: &Ctx, req: EvaluationImport) -> ApiResult<Evaluation> {
    Ok(service::import(&ctx.db, &ctx.caller(), &req)?)
}

pub fn import_mlflow(ctx: &Ctx, req: MlflowImport) -> ApiResult<MlflowImportOutcome> {
    Ok(service::import_mlflow(&ctx.db, &ctx.caller(), &req)?)
}

pub fn mark_baseline(ctx: &Ctx, req: BaselineRequest) -> ApiResult<Evaluation> {
    Ok(service::mark_baseline(&ctx.db, &ctx.caller(), &req)?)
}
