//! Steering: what an executive reads and decides. The dashboard (value against plan, pilots,
//! decisions, incidents, risk indicators), monthly meetings with an agenda built from the data
//! and decisions that act, the backlog they authorise from, the improvement cadence and the
//! playbook's implementation checklist.

pub mod backlog;
pub mod cadence;
pub mod checklist;
pub mod dashboard;
pub mod indicators;
pub mod meetings;

pub(crate) mod agenda;
pub(crate) mod decisions;
