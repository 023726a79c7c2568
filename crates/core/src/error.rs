//! The errors steerco-core can raise. Each variant is a distinct situation a caller may want to
//! explain differently; the API crate maps them to `ApiError` codes at the boundary.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// A value the user typed or a file row held is not acceptable. `field` names where.
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    /// A file or batch with problems in several rows: every problem, each naming its row and
    /// column ("row 4, column annual_value: …"). Nothing of the batch was stored. The message
    /// lists the first `SHOWN_PROBLEMS` and counts the rest; the list itself is complete.
    #[error("{}", rows_message(.0))]
    InvalidRows(Vec<String>),

    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: String },

    /// The person working lacks the role the action needs (a clear message says which).
    #[error("{0}")]
    Forbidden(String),

    /// The operation is refused in the store's current state (e.g. loading the demo over data).
    #[error("{0}")]
    Conflict(String),

    /// An edit to fields someone else changed after the editor loaded the record.
    #[error(
        "{record} was changed by someone else while you were editing ({}); reload it to see their change, then \
         make yours again",
        .fields.join(", ")
    )]
    EditConflict { record: String, fields: Vec<String> },

    /// The portfolio is open read-only; the reason says why.
    #[error("this portfolio is open read-only ({0}); changes cannot be saved")]
    ReadOnly(String),

    /// Another Steerco held the write lock for longer than a person should wait.
    #[error("{0}")]
    Busy(String),

    #[error("{path} is not a Steerco portfolio: {reason}")]
    NotAPortfolio { path: PathBuf, reason: String },

    #[error(
        "{path} was written by a newer Steerco (schema version {found}; this build knows up to \
         {supported}). Update Steerco to open it; the file was not changed."
    )]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },

    #[error("{path} is damaged and cannot be opened safely ({detail}); the file was not changed")]
    Corrupt { path: PathBuf, detail: String },

    #[error("no portfolio at {0}")]
    Missing(PathBuf),

    #[error("this portfolio has no programme yet; run `steerco init` or load the demo")]
    NoProgramme,

    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("stored data is not readable: {0}")]
    Serde(#[from] serde_json::Error),
}

/// How many row problems a message lists before it only counts the rest.
pub const SHOWN_PROBLEMS: usize = 50;

fn rows_message(problems: &[String]) -> String {
    let n = problems.len();
    let mut out = format!("{n} problem{} found; nothing was stored:", if n == 1 { "" } else { "s" });
    for p in problems.iter().take(SHOWN_PROBLEMS) {
        out.push('\n');
        out.push_str(p);
    }
    if n > SHOWN_PROBLEMS {
        out.push_str(&format!("\n… and {} more", n - SHOWN_PROBLEMS));
    }
    out
}

impl CoreError {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::Invalid { field: field.into(), reason: reason.into() }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io { context: context.into(), source }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;
