//! steerco-core: the domain, the SQLite store and the pure computations behind Steerco. It knows
//! nothing of Tauri or clap, so the desktop app, the CLI, tests and benchmarks share it as is.

pub mod clock;
pub mod demo;
pub mod domain;
pub mod error;
pub mod overview;
pub mod store;

pub use error::{CoreError, CoreResult};
pub use store::{Db, OpenMode};
