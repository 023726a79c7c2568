//! From blueprint to pilot, the pure part: a use case's architecture blueprint, its pilot
//! (workflow, protocols, phases), the launch readiness verdict, and the pilot in operation
//! (KPIs, incidents, drift and feedback).

pub mod blueprint;
pub mod monitoring;
pub mod operations;
pub mod pilot;
pub mod readiness;
