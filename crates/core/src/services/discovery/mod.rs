//! Discovery: dossiers and the payback gate, the scoring matrix and ranking, workshops, the
//! portfolio CSV, and the programme's own settings.

pub mod consequences;
pub mod exchange;
pub mod programme;
pub(crate) mod read;
pub mod scoring;
pub mod use_cases;
pub mod withdrawal;
pub mod workshops;
