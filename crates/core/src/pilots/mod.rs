//! From blueprint to pilot, the pure part: a use case's architecture blueprint (what each part
//! holds and when it is complete). Pilots, launch readiness, drift and feedback join it.

pub mod blueprint;
