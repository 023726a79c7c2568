//! The launch readiness gate's verdict, pure: seven items, each met or not with where to fix it.
//! A pilot's first phase cannot start until every item holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReadinessItem {
    /// blueprint, signoff, protocols, oversight, baseline, lineage, monitoring
    pub key: String,
    pub title: String,
    pub met: bool,
    /// What holds, or what is missing and where to fix it.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Readiness {
    pub use_case_id: String,
    pub ready: bool,
    pub items: Vec<ReadinessItem>,
}

impl Readiness {
    pub fn new(use_case_id: String, items: Vec<ReadinessItem>) -> Readiness {
        Readiness { use_case_id, ready: items.iter().all(|i| i.met), items }
    }

    /// The refusal naming every unmet item, or `None` when ready.
    pub fn refusal(&self) -> Option<String> {
        let unmet: Vec<String> =
            self.items.iter().filter(|i| !i.met).map(|i| format!("{} ({})", i.title, i.detail)).collect();
        (!unmet.is_empty())
            .then(|| format!("{} is not ready to launch; not met: {}", self.use_case_id, unmet.join("; ")))
    }
}
