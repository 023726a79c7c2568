//! Compliance: people and their roles, sign-offs bound to content (and the stage gate they
//! open), the audit trail, risk controls (oversight, bias checks, the risk register) and what
//! each use case's records evidence of the regulatory frameworks.

pub mod audit;
pub mod coverage;
mod coverage_pilots;
pub mod people;
pub mod review;
pub mod risk_controls;
pub(crate) mod signed_content;
pub mod signoffs;
pub(crate) mod stage_gate;
