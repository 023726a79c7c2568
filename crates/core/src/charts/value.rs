//! The value charts executives read: one use case's cumulative benefit against cumulative cost
//! with the business case dashed and the payback month marked; the portfolio's ROI by month;
//! (the KPI chart, in `kpi.rs`, shares the helpers here). Amounts on the axes are in the
//! programme's currency.

use plotters::prelude::*;

use super::{labels, CHART_FONT};
use crate::error::{CoreError, CoreResult};
use crate::value::returns::MonthReturn;
use crate::value::Month;

pub const VALUE_SIZE: (u32, u32) = (760, 340);

pub(super) const BENEFIT: RGBColor = RGBColor(47, 158, 68);
const COST: RGBColor = RGBColor(224, 49, 49);
pub(super) const PLAN: RGBColor = RGBColor(134, 142, 150);
const PLAN_COST: RGBColor = RGBColor(240, 140, 140);
pub(super) const ROI: RGBColor = RGBColor(34, 139, 230);
pub(super) const INK: RGBColor = RGBColor(33, 37, 41);
pub(super) const MUTED: RGBColor = RGBColor(73, 80, 87);

pub(super) type DrawResult = Result<(), Box<dyn std::error::Error>>;

pub(super) fn render(what: &str, draw: impl FnOnce(&mut String) -> DrawResult) -> CoreResult<String> {
    let mut svg = String::new();
    draw(&mut svg).map_err(|e| CoreError::Conflict(format!("the {what} chart could not be drawn: {e}")))?;
    Ok(svg)
}

/// 1,250,000 → "1.25M"; 48,000 → "48k"; for axis ticks (the axis names the currency).
pub fn compact_amount(units: f64) -> String {
    let a = units.abs();
    let sign = if units < 0.0 { "−" } else { "" };
    let trim = |t: String| t.trim_end_matches('0').trim_end_matches('.').to_owned();
    if a >= 1e6 {
        format!("{sign}{}M", trim(format!("{:.2}", a / 1e6)))
    } else if a >= 1e3 {
        format!("{sign}{}k", trim(format!("{:.1}", a / 1e3)))
    } else {
        format!("{sign}{}", trim(format!("{a:.2}")))
    }
}

/// A percentage as the charts print it: "−21.7 %", with a true minus sign like the amounts.
fn percent_label(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$} %");
    match text.strip_prefix('-') {
        Some(magnitude) => format!("\u{2212}{magnitude}"),
        None => text,
    }
}

/// The axis label at `x` of a chart with one point per month ("Nov 2026"), blank between months.
pub(super) fn month_label(months: &[&str], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 0.01 || i < 0.0 {
        return String::new();
    }
    months.get(i as usize).and_then(|m| Month::parse(m).ok()).map_or_else(String::new, Month::short_label)
}

fn month_names(months: &[MonthReturn]) -> Vec<&str> {
    months.iter().map(|m| m.month.as_str()).collect()
}

fn dashed(points: &[(f64, f64)], colour: RGBColor) -> Vec<PathElement<(f64, f64)>> {
    // Each month-to-month step drawn as three dashes: dashed lines read as "plan" in print too.
    let mut out = Vec::new();
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        for k in 0..3 {
            let (a, b) = (k as f64 / 3.0, (k as f64 + 0.6) / 3.0);
            out.push(PathElement::new(
                vec![(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b)],
                colour.stroke_width(2),
            ));
        }
    }
    out
}

/// A horizontal reference line (a target) as short dashes across the plot.
pub(super) fn dashed_across(from: f64, to: f64, y: f64, colour: RGBColor) -> Vec<PathElement<(f64, f64)>> {
    let step = (to - from) / 60.0;
    (0..60)
        .map(|k| {
            let x = from + step * k as f64;
            PathElement::new(vec![(x, y), (x + step * 0.6, y)], colour.stroke_width(2))
        })
        .collect()
}

/// A legend row under the title: a short line in each series' colour and its name.
pub(super) fn legend(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    entries: &[(&str, RGBColor, bool)],
) -> DrawResult {
    let mut x = 72;
    for (name, colour, is_dashed) in entries {
        let y = 36;
        if *is_dashed {
            root.draw(&PathElement::new(vec![(x, y), (x + 7, y)], colour.stroke_width(2)))?;
            root.draw(&PathElement::new(vec![(x + 11, y), (x + 18, y)], colour.stroke_width(2)))?;
        } else {
            root.draw(&PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(3)))?;
        }
        root.draw(&Text::new(name.to_string(), (x + 24, y - 7), (CHART_FONT, 13).into_font().color(&MUTED)))?;
        x += 24 + labels::text_width(name, 13) + 18;
    }
    Ok(())
}

pub(super) fn empty(svg: &mut String, text: &str) -> DrawResult {
    let root = SVGBackend::with_string(svg, VALUE_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    root.draw(&Text::new(text.to_owned(), (24, 24), (CHART_FONT, 15)))?;
    root.present()?;
    Ok(())
}

/// What the use case's chart shows.
pub struct RoiSeries<'a> {
    /// "UC-001 Claims triage"
    pub title: &'a str,
    pub currency: &'a str,
    pub months: &'a [MonthReturn],
    pub payback_month: Option<&'a str>,
}

/// Cumulative benefit (green) and cost (red) by month, the business case's cumulative benefit
/// and cost dashed, and the payback month marked where benefit reaches cost.
pub fn roi_chart(s: &RoiSeries) -> CoreResult<String> {
    render("ROI", |svg| draw_roi(s, svg))
}

fn draw_roi(s: &RoiSeries, svg: &mut String) -> DrawResult {
    if s.months.is_empty() {
        return empty(svg, &format!("{}: no value recorded yet", s.title));
    }
    let n = s.months.len() as f64;
    let units = |m: crate::money::Money| m.as_f64();
    let hi = s
        .months
        .iter()
        .flat_map(|m| [m.cumulative_benefit, m.cumulative_cost, m.planned_benefit, m.planned_cost])
        .map(units)
        .fold(1.0, f64::max);
    let names = month_names(s.months);
    let root = SVGBackend::with_string(svg, VALUE_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .margin_top(52)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(-0.5..n - 0.5, 0.0..hi * 1.12)?;
    chart
        .configure_mesh()
        .x_labels(s.months.len().min(8))
        .x_label_formatter(&|x| month_label(&names, *x))
        .y_labels(6)
        .y_label_formatter(&|y| compact_amount(*y))
        .y_desc(format!("Cumulative, {}", s.currency))
        .label_style((CHART_FONT, 13))
        .axis_desc_style((CHART_FONT, 13))
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;
    let series = |f: &dyn Fn(&MonthReturn) -> f64| -> Vec<(f64, f64)> {
        s.months.iter().enumerate().map(|(i, m)| (i as f64, f(m))).collect()
    };
    chart.draw_series(dashed(&series(&|m| units(m.planned_cost)), PLAN_COST))?;
    chart.draw_series(dashed(&series(&|m| units(m.planned_benefit)), PLAN))?;
    chart
        .draw_series(std::iter::once(PathElement::new(series(&|m| units(m.cumulative_cost)), COST.stroke_width(3))))?;
    chart.draw_series(std::iter::once(PathElement::new(
        series(&|m| units(m.cumulative_benefit)),
        BENEFIT.stroke_width(3),
    )))?;
    if let Some((i, m)) = s.payback_month.and_then(|p| s.months.iter().enumerate().find(|(_, m)| m.month == p)) {
        let at = (i as f64, units(m.cumulative_benefit));
        let text = format!("paid back {}", Month::parse(&m.month).map(Month::short_label).unwrap_or_default());
        let width = labels::text_width(&text, 13);
        // The label sits left of the point when the point is in the right half, so it stays inside.
        let dx = if (i as f64) > n / 2.0 { -width - 10 } else { 10 };
        chart.draw_series(std::iter::once(
            EmptyElement::at(at)
                + Circle::new((0, 0), 7, BENEFIT.filled())
                + Circle::new((0, 0), 10, BENEFIT.stroke_width(2))
                + Text::new(text, (dx, -24), (CHART_FONT, 13).into_font().color(&BENEFIT)),
        ))?;
    }
    root.draw(&Text::new(
        labels::fit(s.title, 15, VALUE_SIZE.0 as i32 - 72 - 8),
        (72, 8),
        (CHART_FONT, 15).into_font().color(&INK),
    ))?;
    legend(
        &root,
        &[
            ("Benefit", BENEFIT, false),
            ("Cost", COST, false),
            ("Business case: benefit", PLAN, true),
            ("Business case: cost", PLAN_COST, true),
        ],
    )?;
    root.present()?;
    Ok(())
}

/// The portfolio's ROI by month, in percent, with the zero line.
pub fn portfolio_roi_chart(months: &[MonthReturn], currency: &str) -> CoreResult<String> {
    render("portfolio ROI", |svg| draw_portfolio(months, currency, svg))
}

fn draw_portfolio(months: &[MonthReturn], currency: &str, svg: &mut String) -> DrawResult {
    let points: Vec<(f64, f64)> =
        months.iter().enumerate().filter_map(|(i, m)| m.roi.map(|r| (i as f64, r * 100.0))).collect();
    if points.is_empty() {
        return empty(svg, "Portfolio ROI: no cost recorded yet");
    }
    let n = months.len() as f64;
    let lo = points.iter().map(|p| p.1).fold(0.0, f64::min);
    let hi = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let pad = ((hi - lo) * 0.12).max(5.0);
    let names = month_names(months);
    let root = SVGBackend::with_string(svg, VALUE_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .margin_top(52)
        .x_label_area_size(36)
        .y_label_area_size(64)
        .build_cartesian_2d(-0.5..n - 0.5, (lo - pad)..(hi + pad))?;
    chart
        .configure_mesh()
        .x_labels(months.len().min(8))
        .x_label_formatter(&|x| month_label(&names, *x))
        .y_labels(6)
        .y_label_formatter(&|y| percent_label(*y, 0))
        .y_desc("ROI, cumulative")
        .label_style((CHART_FONT, 13))
        .axis_desc_style((CHART_FONT, 13))
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(-0.5, 0.0), (n - 0.5, 0.0)], PLAN.stroke_width(1))))?;
    chart.draw_series(std::iter::once(PathElement::new(points.clone(), ROI.stroke_width(3))))?;
    chart.draw_series(points.iter().map(|&(x, y)| Circle::new((x, y), 3, ROI.filled())))?;
    if let (Some(&(x, y)), Some(last)) = (points.last(), months.last()) {
        let net = last.cumulative_benefit - last.cumulative_cost;
        let text = format!("{} · net {} {currency}", percent_label(y, 1), compact_amount(net.as_f64()));
        let width = labels::text_width(&text, 13);
        chart.draw_series(std::iter::once(
            EmptyElement::at((x, y)) + Text::new(text, (-width - 8, -22), (CHART_FONT, 13).into_font().color(&ROI)),
        ))?;
    }
    root.draw(&Text::new(
        format!("Portfolio ROI by month ({currency})"),
        (72, 8),
        (CHART_FONT, 15).into_font().color(&INK),
    ))?;
    legend(&root, &[("ROI = (cumulative benefit − cumulative cost) / cumulative cost", ROI, false)])?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use crate::value::returns::{returns, BusinessCase};

    fn sample() -> crate::value::returns::Returns {
        let months: Vec<_> = (0..12)
            .map(|i| (Month::parse("2026-01").unwrap().plus(i), Money::units(9_000), Money::units(4_000)))
            .collect();
        let case = BusinessCase {
            annual_value: Money::units(100_000),
            one_time_cost: Money::units(20_000),
            monthly_run_cost: Money::units(4_000),
        };
        returns(&months, &case, months.first().map(|m| m.0))
    }

    #[test]
    fn the_roi_chart_marks_payback_and_names_the_currency() {
        let r = sample();
        let svg = roi_chart(&RoiSeries {
            title: "UC-001 Claims triage",
            currency: "EUR",
            months: &r.months,
            payback_month: r.payback_month.as_deref(),
        })
        .unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Cumulative, EUR") && svg.contains("Business case: benefit"), "{svg}");
        assert!(svg.contains("paid back Jan 2026"), "{svg}");
    }

    #[test]
    fn an_empty_series_says_so_and_the_portfolio_chart_labels_its_axes() {
        let svg = roi_chart(&RoiSeries { title: "UC-009", currency: "EUR", months: &[], payback_month: None }).unwrap();
        assert!(svg.contains("no value recorded yet"));
        let r = sample();
        let p = portfolio_roi_chart(&r.months, "EUR").unwrap();
        assert!(p.contains("ROI, cumulative") && p.contains("Portfolio ROI by month (EUR)"), "{p}");
    }

    #[test]
    fn amounts_on_axes_are_compact() {
        assert_eq!(compact_amount(1_250_000.0), "1.25M");
        assert_eq!(compact_amount(48_000.0), "48k");
        assert_eq!(compact_amount(-2_500.0), "−2.5k");
        assert_eq!(compact_amount(0.0), "0");
        assert_eq!(percent_label(-21.74, 1), "\u{2212}21.7 %");
        assert_eq!(percent_label(12.0, 0), "12 %");
    }
}
