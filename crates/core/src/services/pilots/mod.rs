//! From blueprint to pilot: the architecture blueprint of each use case (its four parts, owned
//! and reviewed), pilots (workflow, protocols, phases) and the launch readiness gate that a
//! pilot's first phase must pass.

pub mod blueprint;
pub mod board;
pub mod monitoring;
pub mod operations;
pub mod readiness;
pub mod rollout;
