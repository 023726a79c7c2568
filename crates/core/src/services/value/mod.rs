//! Value: the months each use case realised (recorded by hand or imported from the metrics
//! file), what they add up to against the business case, and the charts of them.

pub mod charts;
pub mod tracking;
