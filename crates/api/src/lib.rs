//! steerco-api: every action Steerco offers, as a plain function `fn(&Ctx, Req) -> Result<Res,
//! ApiError>`. The Tauri commands and the CLI subcommands are one-line adapters over these, and
//! tests call them directly.

pub mod adapter;
pub mod audit;
pub mod bindings;
pub mod ctx;
pub mod data_governance;
pub mod error;
pub mod evaluation;
pub mod exchange;
pub mod frameworks;
pub mod lineage;
pub mod people;
pub mod portfolio;
pub mod programme;
pub mod recent;
pub mod risk_controls;
pub mod scoring;
pub mod session;
pub mod signoff;
pub mod use_case;
pub mod workshop;

pub use ctx::{Ctx, Paths};
pub use error::{ApiError, ApiResult, ErrorCode};
