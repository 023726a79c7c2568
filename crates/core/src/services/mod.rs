//! The rules of each area, over the store: one module per area (discovery, registry, compliance,
//! the portfolio file; pilots, value and meetings join them). Handlers call these and nothing
//! else; these reach the tables through `store`'s sealed transactions.
//!
//! Dependencies point one way. Each area's `read` module turns stored rows into the records
//! people see (a use case with its payback and lane after the gate); compliance builds on those
//! reads (what a sign-off binds, whether it is stale, whether a stage may be entered); the
//! areas' commands build on compliance (moving a case to pilot asks the stage gate). Nothing
//! below calls back up.

pub mod compliance;
pub mod discovery;
pub mod documents;
pub mod pilots;
pub mod portfolio;
pub mod registry;
pub mod steering;
pub mod value;
