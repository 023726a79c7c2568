//! Charts, rendered once by plotters as SVG: the UI shows that SVG and PDF packs embed it.
//! Renderers are pure (data in, SVG text out).

mod drift;
mod feedback;
mod kpi;
mod labels;
mod matrix;
mod value;

pub use drift::{drift_chart, DriftSeries, DRIFT_SIZE};
pub use feedback::{feedback_chart, FEEDBACK_SIZE};
pub use kpi::{kpi_chart, KpiSeries};
pub use matrix::{scoring_matrix, MatrixPoint, MATRIX_DETAIL_LIMIT, MATRIX_SIZE};
pub use value::{compact_amount, portfolio_roi_chart, roi_chart, RoiSeries, VALUE_SIZE};

/// The family written into the SVG; PDF packs embed a font under this name.
pub const CHART_FONT: &str = "sans-serif";
