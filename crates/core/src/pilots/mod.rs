//! From blueprint to pilot, the pure part: a use case's architecture blueprint, its pilot
//! (workflow, protocols, phases) and the launch readiness verdict.

pub mod blueprint;
pub mod pilot;
pub mod readiness;
