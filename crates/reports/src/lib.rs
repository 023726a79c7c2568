//! Steerco's documents — the regulator pack and the monthly steering deck as PDF, the workbooks
//! as XLSX — built from the core services' views, charted by the same plotters functions the app
//! shows, and written through the one shared writer.

pub mod deck;
pub mod export;
pub mod fuzzing;
pub mod pack;
pub mod rating_sheet;
pub mod text;
pub mod typeset;
pub mod workbook;

use steerco_core::error::CoreError;

/// A step of a long export, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub step: String,
}

/// A laid-out document.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Typeset(#[from] typeset::TypesetError),
    #[error("the workbook could not be written: {0}")]
    Workbook(String),
    #[error("the export was cancelled; no file was written")]
    Cancelled,
}
