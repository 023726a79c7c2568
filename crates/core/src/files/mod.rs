//! Files a person hands Steerco and files Steerco hands back: bounded reading of inputs, the one
//! shared writer every output goes through, and neutralising what a spreadsheet or a terminal
//! would otherwise execute.

pub mod input;
pub mod output;
pub mod safe_text;

pub use input::{limits, read_bounded, read_text_bounded};
pub use output::{write_bytes, OutputFile, Written};
