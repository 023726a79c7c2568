//! The value charts as SVG, drawn once by the functions in `crate::charts` for the app, the CLI
//! and the PDF packs alike: a use case's ROI, the portfolio's ROI by month, a KPI against its
//! target. Saving one goes through the shared writer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tracking::view;
use crate::caller::Caller;
use crate::charts::{kpi_chart, portfolio_roi_chart, roi_chart, KpiSeries, RoiSeries};
use crate::error::{CoreError, CoreResult};
use crate::services::discovery::read;
use crate::services::portfolio::exports::{export_bytes, ExportOutcome};
use crate::services::steering::dashboard::portfolio_series;
use crate::store::{pilot, pilot_operations, programme, value, Db};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "chart", rename_all = "snake_case")]
pub enum ValueChart {
    /// Cumulative benefit against cost for one use case, with the business case and payback.
    Roi { use_case_id: String },
    /// The portfolio's ROI by month.
    PortfolioRoi,
    /// One KPI by month against its target (the pilot's KPI of that name, if it has one).
    Kpi { use_case_id: String, kpi: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueChartExport {
    pub chart: ValueChart,
    /// Where the SVG goes.
    pub destination: String,
}

fn currency(db: &Db) -> CoreResult<String> {
    db.read(|c| Ok(programme::get(c)?.ok_or(CoreError::NoProgramme)?.currency))
}

/// The chart as SVG text, with a short name for what it shows.
pub fn svg(db: &Db, chart: &ValueChart) -> CoreResult<(String, String)> {
    let currency = currency(db)?;
    match chart {
        ValueChart::Roi { use_case_id } => {
            let v = view(db, use_case_id)?;
            let title = format!("{} {} — cumulative benefit and cost", v.use_case_id, v.title);
            let svg = roi_chart(&RoiSeries {
                title: &title,
                currency: &currency,
                months: &v.returns.months,
                payback_month: v.returns.payback_month.as_deref(),
            })?;
            Ok((svg, format!("{} ROI chart SVG", v.use_case_id)))
        }
        ValueChart::PortfolioRoi => {
            let months = db.read(|c| portfolio_series(c))?;
            Ok((portfolio_roi_chart(&months, &currency)?, "portfolio ROI chart SVG".to_owned()))
        }
        ValueChart::Kpi { use_case_id, kpi } => db.read(|c| {
            let case = read::require_for(c, "use_case_id", use_case_id)?;
            let points = value::kpi_series(c, &case.id, kpi)?;
            if points.is_empty() {
                let known = value::kpi_names(c, &case.id)?;
                return Err(CoreError::invalid(
                    "kpi",
                    if known.is_empty() {
                        format!("{} has no KPI values recorded", case.id)
                    } else {
                        format!("{} has no values of {kpi:?}; it has {}", case.id, known.join(", "))
                    },
                ));
            }
            let defined = match pilot::id_for_use_case(c, &case.id)? {
                Some(p) => pilot_operations::kpis(c, &p)?.into_iter().find(|k| k.name.eq_ignore_ascii_case(kpi)),
                None => None,
            };
            let title = format!("{} {} — {}", case.id, case.title, kpi.trim());
            let svg = kpi_chart(&KpiSeries {
                title: &title,
                unit: defined.as_ref().map_or("value", |k| k.unit.as_str()),
                points: &points,
                target: defined.as_ref().map(|k| k.target),
                baseline: defined.as_ref().map(|k| k.baseline),
                higher_is_better: defined.as_ref().is_none_or(|k| k.higher_is_better),
            })?;
            Ok((svg, format!("{} KPI chart SVG ({})", case.id, kpi.trim())))
        }),
    }
}

/// Saves the chart as SVG through the shared writer (and onto the trail).
pub fn export(db: &Db, caller: &Caller, req: &ValueChartExport) -> CoreResult<ExportOutcome> {
    let (svg, what) = svg(db, &req.chart)?;
    export_bytes(db, caller, &req.destination, &what, svg.as_bytes(), 1)
}
