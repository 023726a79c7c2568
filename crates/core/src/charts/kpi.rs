//! The KPI chart: one KPI by month against the pilot's target (dashed) and baseline, points that
//! meet the target in green, the direction in the title.

use plotters::prelude::*;

use super::value::{
    dashed_across, empty, legend, month_label, render, DrawResult, BENEFIT, INK, PLAN, ROI, VALUE_SIZE,
};
use super::{labels, CHART_FONT};
use crate::error::CoreResult;

/// What the KPI chart shows.
pub struct KpiSeries<'a> {
    pub title: &'a str,
    pub unit: &'a str,
    /// (YYYY-MM, value), oldest first.
    pub points: &'a [(String, f64)],
    pub target: Option<f64>,
    pub baseline: Option<f64>,
    pub higher_is_better: bool,
}

pub fn kpi_chart(s: &KpiSeries) -> CoreResult<String> {
    render("KPI", |svg| draw_kpi(s, svg))
}

fn draw_kpi(s: &KpiSeries, svg: &mut String) -> DrawResult {
    let points: Vec<(f64, f64)> =
        s.points.iter().enumerate().filter(|(_, p)| p.1.is_finite()).map(|(i, p)| (i as f64, p.1)).collect();
    if points.is_empty() {
        return empty(svg, &format!("{}: no values yet", s.title));
    }
    let months: Vec<&str> = s.points.iter().map(|(m, _)| m.as_str()).collect();
    let n = s.points.len() as f64;
    let extra: Vec<f64> = [s.target, s.baseline].into_iter().flatten().filter(|v| v.is_finite()).collect();
    let lo = points.iter().map(|p| p.1).chain(extra.iter().copied()).fold(f64::INFINITY, f64::min);
    let hi = points.iter().map(|p| p.1).chain(extra.iter().copied()).fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.05).max(1e-6);
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
        .x_labels(s.points.len().min(8))
        .x_label_formatter(&|x| month_label(&months, *x))
        .y_labels(6)
        .y_label_formatter(&|y| trim(*y))
        .y_desc(s.unit.to_owned())
        .label_style((CHART_FONT, 13))
        .axis_desc_style((CHART_FONT, 13))
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;
    let line_label = |text: String, y: f64, colour: RGBColor| {
        let width = labels::text_width(&text, 12);
        EmptyElement::at((n - 0.5, y)) + Text::new(text, (-width - 4, -17), (CHART_FONT, 12).into_font().color(&colour))
    };
    if let Some(t) = s.target.filter(|t| t.is_finite()) {
        chart.draw_series(dashed_across(-0.5, n - 0.5, t, BENEFIT))?;
        chart.draw_series(std::iter::once(line_label(format!("target {}", trim(t)), t, BENEFIT)))?;
    }
    if let Some(b) = s.baseline.filter(|b| b.is_finite()) {
        chart.draw_series(std::iter::once(PathElement::new(vec![(-0.5, b), (n - 0.5, b)], PLAN.stroke_width(1))))?;
        chart.draw_series(std::iter::once(line_label(format!("baseline {}", trim(b)), b, PLAN)))?;
    }
    chart.draw_series(std::iter::once(PathElement::new(points.clone(), ROI.stroke_width(3))))?;
    let met = |v: f64| s.target.is_some_and(|t| if s.higher_is_better { v >= t } else { v <= t });
    chart.draw_series(points.iter().map(|&(x, y)| {
        let colour = if met(y) { BENEFIT } else { ROI };
        Circle::new((x, y), 4, colour.filled())
    }))?;
    let better = if s.higher_is_better { "higher is better" } else { "lower is better" };
    root.draw(&Text::new(
        labels::fit(&format!("{} ({better})", s.title), 15, VALUE_SIZE.0 as i32 - 72 - 8),
        (72, 8),
        (CHART_FONT, 15).into_font().color(&INK),
    ))?;
    let mut entries = vec![("Value by month", ROI, false)];
    if s.target.is_some() {
        entries.push(("Target", BENEFIT, true));
    }
    if s.baseline.is_some() {
        entries.push(("Baseline", PLAN, false));
    }
    legend(&root, &entries)?;
    root.present()?;
    Ok(())
}

fn trim(v: f64) -> String {
    let text = format!("{v:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kpi_chart_labels_its_target_baseline_and_direction() {
        let points = vec![("2026-01".to_owned(), 12.0), ("2026-02".to_owned(), 9.5)];
        let k = kpi_chart(&KpiSeries {
            title: "Handling time",
            unit: "minutes",
            points: &points,
            target: Some(10.0),
            baseline: Some(14.0),
            higher_is_better: false,
        })
        .unwrap();
        assert!(k.contains("target 10") && k.contains("baseline 14") && k.contains("lower is better"), "{k}");
        assert!(k.contains("Jan 2026"), "months on the axis: {k}");
    }
}
