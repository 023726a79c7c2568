//! Value tracking, pure: a calendar month, what a use case realised in each month (benefit, cost,
//! KPI values, a highlight), the metrics file that carries it, and what follows from the months —
//! cumulative sums, ROI, the payback month and the variance against the dossier's business case.

pub mod metrics_csv;
pub mod month;
pub mod portfolio;
pub mod returns;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::money::Money;

pub use month::Month;

/// One month's realised benefit and cost.
pub type MonthAmounts = (Month, crate::money::Money, crate::money::Money);

/// A KPI's value in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiValue {
    pub kpi: String,
    pub value: f64,
}

/// What a use case realised in one month, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueMonth {
    pub use_case_id: String,
    /// YYYY-MM
    pub month: String,
    pub benefit: Money,
    pub cost: Money,
    /// The month's qualitative highlight ("" when none).
    pub highlight: String,
    /// Who wrote the highlight.
    pub highlight_by: String,
    pub kpis: Vec<KpiValue>,
    pub recorded_by: String,
    pub recorded_at: String,
}
