//! Steerco's small typesetting layer over printpdf: measured text, wrapping, flowing blocks,
//! tables that break across pages with their header repeated, and the document assembly (contents
//! with page numbers, footers, outline, metadata). The pack and the deck are written with it and
//! nothing else places text on a page.

pub mod chunks;
pub mod compact;
pub mod document;
pub mod flow;
pub mod fonts;
mod object_writer;
pub mod packed;
mod svg_form;
pub mod table;
pub mod wrap;

pub use document::{Composer, DocumentInfo, TypesetError};
pub use flow::{Flow, Geometry, Heading, Style};
pub use fonts::{Face, Metrics};
pub use table::{Align, Column};
