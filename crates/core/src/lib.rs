//! steerco-core: the domain, the SQLite store and the pure computations behind Steerco. It knows
//! nothing of Tauri or clap, so the desktop app, the CLI, tests and benchmarks share it as is.

pub mod audit;
pub mod charts;
pub mod clock;
pub mod compliance;
pub mod csv_io;
pub mod demo;
pub mod domain;
pub mod error;
pub mod gate;
pub mod overview;
pub mod portfolio;
pub mod registry;
pub mod scoring;
pub mod store;
mod text_enum;
pub mod workshop;

pub use error::{CoreError, CoreResult};
pub use store::{Db, OpenMode};
