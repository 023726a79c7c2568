//! The one error shape that crosses to the UI and the CLI: a stable `code` to branch on and a
//! `message` for people. Core errors are mapped here, at the boundary, and nowhere else.

use serde::{Deserialize, Serialize};
use steerco_core::CoreError;
use ts_rs::TS;

/// What went wrong, as the UI and the CLI branch on it. Add a code only when a caller needs to
/// behave differently for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request itself is wrong; the message names the field and the reason.
    InvalidInput,
    NotFound,
    /// The person working lacks the role the action needs (the message says which).
    Forbidden,
    /// Refused in the current state (e.g. loading the demo over a non-empty portfolio).
    Conflict,
    /// Someone else changed the fields being edited after the editor loaded them; reload and
    /// show their change.
    EditConflict,
    /// The portfolio is open read-only (a read-only file or folder, or on request).
    ReadOnly,
    /// Another Steerco held the portfolio's write lock for too long.
    Busy,
    /// The file is not a Steerco portfolio (not SQLite, or another application's database).
    NotAPortfolio,
    /// The file was written by a newer Steerco.
    NewerSchema,
    /// The file fails SQLite's integrity check.
    Corrupt,
    /// No portfolio is open, or the file to open does not exist.
    NoPortfolio,
    /// Reading or writing a file failed.
    Io,
    /// The person cancelled a long export; nothing was written.
    Cancelled,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For `invalid_input`: the field that was refused (e.g. "programme.currency"), so a form
    /// can show the message beside it without parsing text. For `edit_conflict`: the first
    /// field someone else changed.
    pub field: Option<String>,
    /// For `invalid_input`: the reason alone, without the field's name, for showing beside the
    /// field (`message` names the field for everywhere else).
    pub reason: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None, reason: None }
    }

    pub fn invalid(field: &str, reason: impl std::fmt::Display) -> Self {
        Self {
            field: Some(field.to_owned()),
            reason: Some(reason.to_string()),
            ..Self::new(ErrorCode::InvalidInput, format!("{field}: {reason}"))
        }
    }

    /// True when the caller gave something unusable (a bad value or a file that is not a
    /// usable portfolio), as opposed to the program or the machine failing.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self.code,
            ErrorCode::InvalidInput
                | ErrorCode::NotAPortfolio
                | ErrorCode::NewerSchema
                | ErrorCode::Corrupt
                | ErrorCode::NoPortfolio
                | ErrorCode::Conflict
                | ErrorCode::NotFound
                | ErrorCode::Forbidden
                | ErrorCode::EditConflict
                | ErrorCode::ReadOnly
        )
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        let code = match &e {
            CoreError::Invalid { .. } | CoreError::InvalidRows(_) => ErrorCode::InvalidInput,
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::Conflict(_) => ErrorCode::Conflict,
            CoreError::EditConflict { .. } => ErrorCode::EditConflict,
            CoreError::ReadOnly(_) => ErrorCode::ReadOnly,
            CoreError::Busy(_) => ErrorCode::Busy,
            CoreError::NoProgramme => ErrorCode::NoPortfolio,
            CoreError::Forbidden(_) => ErrorCode::Forbidden,
            CoreError::NotAPortfolio { .. } => ErrorCode::NotAPortfolio,
            CoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            CoreError::Corrupt { .. } => ErrorCode::Corrupt,
            CoreError::Missing(_) => ErrorCode::NoPortfolio,
            CoreError::Io { .. } => ErrorCode::Io,
            CoreError::Sqlite(_) | CoreError::Serde(_) => ErrorCode::Internal,
        };
        let (field, reason) = match &e {
            CoreError::Invalid { field, reason } => (Some(field.clone()), Some(reason.clone())),
            CoreError::EditConflict { fields, .. } => (fields.first().cloned(), None),
            _ => (None, None),
        };
        Self { code, message: e.to_string(), field, reason }
    }
}

impl From<steerco_reports::ReportError> for ApiError {
    fn from(e: steerco_reports::ReportError) -> Self {
        use steerco_reports::ReportError as R;
        match e {
            R::Core(core) => core.into(),
            R::Cancelled => ApiError::new(ErrorCode::Cancelled, e.to_string()),
            R::Typeset(_) | R::Workbook(_) => ApiError::new(ErrorCode::Internal, e.to_string()),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
