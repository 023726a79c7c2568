//! steerco-api: every action Steerco offers, as a plain function `fn(&Ctx, Req) -> Result<Res,
//! ApiError>` over the core services. The commands the desktop app calls are declared once in
//! `commands.rs`; the Tauri commands, their permissions and the typed TypeScript client are
//! generated from that list. The CLI and tests call the functions directly.
//!
//! Naming: a command `area_verb` is the handler `area::verb` and the client function `areaVerb`
//! (`use_case_update` → `use_case::update` → `useCaseUpdate`). Request types are named after
//! what they carry: `<Record>Ref` names one record, `<Record>Input` creates one, `<Record>Update`
//! edits one field by field; other requests are `<Area><Verb>` (`AdapterImport`,
//! `AuditAcknowledge`).

pub mod adapter;
pub mod adapter_version;
pub mod audit;
pub mod backup;
pub mod bias;
pub mod bindings;
pub mod blueprint;
pub mod command_names;
pub mod commands;
pub mod ctx;
pub mod deployment;
pub mod error;
pub mod evaluation;
pub mod framework;
pub mod lineage;
pub mod meeting;
pub mod monitoring;
pub mod oversight;
pub mod pack;
pub mod person;
pub mod pilot;
pub mod policy;
pub mod portfolio;
pub mod programme;
pub mod recent;
pub mod regression;
pub mod report;
pub mod risk;
pub mod scoring;
pub mod session;
pub mod signoff;
pub mod source;
pub mod steering;
pub mod types;
pub mod use_case;
pub mod value;
pub mod workshop;

pub use commands::{command_specs, COMMAND_NAMES};
pub use ctx::{Ctx, Paths};
pub use error::{ApiError, ApiResult, ErrorCode};
