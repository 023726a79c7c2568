//! From blueprint to pilot: the architecture blueprint of each use case (its four parts, owned
//! and reviewed). Pilots, the launch readiness gate, drift and feedback join this area.

pub mod blueprint;
