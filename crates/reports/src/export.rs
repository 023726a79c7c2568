//! Exporting a document end to end: read the data in one snapshot, lay it out, then write it
//! through the shared writer and record it with its fingerprint. A cancelled or failed export
//! writes nothing.

use serde::{Deserialize, Serialize};
use steerco_core::caller::Caller;
use steerco_core::services::documents::exports::{self, Document, DocumentExported, DocumentKind, DocumentScope};
use steerco_core::store::Db;
use ts_rs::TS;

use crate::{Progress, ReportError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PackExport {
    /// Where the PDF goes.
    pub destination: String,
    /// The use cases to include; every use case in the pilot stage or later when empty.
    #[serde(default)]
    pub use_cases: Vec<String>,
}

pub fn pack(
    db: &Db,
    caller: &Caller,
    req: &PackExport,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<DocumentExported, ReportError> {
    let built = crate::pack::build(db, caller, &req.use_cases, progress)?;
    // Writing and recording a large file takes a moment: say so, and honour a Cancel made now.
    let step = format!("saving the file ({} pages)", built.rendered.pages);
    if !progress(Progress { done: 1, total: 1, step }) {
        return Err(ReportError::Cancelled);
    }
    let scope = DocumentScope { use_cases: built.use_cases, month: None };
    let document = Document {
        kind: DocumentKind::Pack,
        bytes: &built.rendered.bytes,
        pages: built.rendered.pages,
        scope: &scope,
        digest: &built.digest,
    };
    Ok(exports::record(db, caller, &req.destination, document)?)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeckExport {
    /// Where the PDF goes.
    pub destination: String,
    /// The month the deck reports on (YYYY-MM).
    pub month: String,
}

pub fn deck(
    db: &Db,
    caller: &Caller,
    req: &DeckExport,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Result<DocumentExported, ReportError> {
    let data = steerco_core::services::documents::deck::gather(db, caller, &req.month)?;
    let rendered = crate::deck::render(&data, progress)?;
    let scope = DocumentScope { use_cases: Vec::new(), month: Some(data.month.clone()) };
    let document = Document {
        kind: DocumentKind::Deck,
        bytes: &rendered.bytes,
        pages: rendered.pages,
        scope: &scope,
        digest: &data.digest,
    };
    Ok(exports::record(db, caller, &req.destination, document)?)
}
