//! steerco-core: the domain, the SQLite store, the rules of each area (services) and the pure
//! computations behind Steerco. It knows nothing of Tauri or clap, so the desktop app, the CLI,
//! tests and benchmarks share it as is.
//!
//! The layers: pure modules (the domain, scoring, the payback gate, file formats, charts, the
//! audit chain) take data and return data; `store` is reads and writes per table behind sealed
//! transactions; `services` hold the rules over the store, one module per area. Callers outside
//! this crate use the services and the pure modules; they cannot reach the tables.

pub mod audit;
pub mod caller;
pub mod charts;
pub mod clock;
pub mod compliance;
pub mod csv_io;
pub(crate) mod demo;
pub mod domain;
pub mod edits;
pub mod error;
pub mod files;
#[doc(hidden)]
pub mod fuzzing;
pub mod gate;
pub mod hashing;
pub mod money;
pub mod overview;
pub mod pilots;
pub mod portfolio;
pub mod registry;
pub mod scoring;
pub mod services;
pub mod steering;
pub mod store;
mod text_enum;
pub mod value;
pub mod workshop;

pub use caller::Caller;
pub use error::{CoreError, CoreResult};
pub use money::Money;
pub use store::{Db, OpenMode};

/// Synthetic use cases for scale tests and benchmarks, as `steerco demo --scale N` adds them.
pub use demo::synthetic_use_cases;
