//! Charts, rendered once by plotters as SVG: the UI shows that SVG and PDF packs embed it.
//! Renderers are pure (data in, SVG text out).

use plotters::prelude::*;

use crate::domain::Lane;
use crate::error::{CoreError, CoreResult};

/// One use case on the scoring matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixPoint {
    pub id: String,
    pub value_rating: f64,
    pub guardrail_rating: f64,
    pub annual_value: f64,
    pub lane: Lane,
}

pub const MATRIX_SIZE: (u32, u32) = (720, 480);
/// The family written into the SVG; PDF packs embed a font under this name.
pub const CHART_FONT: &str = "sans-serif";

fn lane_colour(lane: Lane) -> RGBColor {
    match lane {
        Lane::Portfolio => RGBColor(34, 139, 230),
        Lane::Research => RGBColor(190, 75, 219),
        Lane::Rejected => RGBColor(134, 142, 150),
    }
}

/// Spreads cases that share a rating pair so their bubbles and labels stay readable.
fn jitter(total_at_spot: usize, position: usize) -> (f64, f64) {
    if total_at_spot <= 1 {
        return (0.0, 0.0);
    }
    let angle = std::f64::consts::TAU * position as f64 / total_at_spot as f64;
    (0.22 * angle.cos(), 0.22 * angle.sin())
}

/// The scoring matrix: annualised value rating (up) against guardrail complexity (right), each
/// bubble's area proportional to the case's annual value, coloured by lane.
pub fn scoring_matrix(points: &[MatrixPoint]) -> CoreResult<String> {
    let mut svg = String::new();
    draw_matrix(points, &mut svg)
        .map_err(|e| CoreError::Conflict(format!("the scoring matrix could not be drawn: {e}")))?;
    Ok(svg)
}

fn draw_matrix(points: &[MatrixPoint], svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, MATRIX_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(50)
        .y_label_area_size(56)
        .build_cartesian_2d(0.5f64..5.5f64, 0.5f64..5.5f64)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .x_desc("Guardrail complexity (1 simple – 5 complex)")
        .y_desc("Annualised value rating")
        .label_style((CHART_FONT, 16))
        .axis_desc_style((CHART_FONT, 17))
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;

    // The quick-win quadrant: high value, simple guardrails.
    chart.draw_series(std::iter::once(Rectangle::new(
        [(0.5, 3.0), (3.0, 5.5)],
        RGBColor(211, 249, 216).mix(0.45).filled(),
    )))?;
    chart.draw_series(std::iter::once(Text::new(
        "quick wins",
        (0.6, 5.35),
        (CHART_FONT, 15).into_font().color(&RGBColor(43, 138, 62)),
    )))?;

    let max_value = points.iter().map(|p| p.annual_value).fold(0.0f64, f64::max);
    let radius = |value: f64| -> i32 {
        let share = if max_value > 0.0 { (value / max_value).sqrt() } else { 0.0 };
        (5.0 + 21.0 * share).round() as i32
    };
    let mut placed: Vec<(f64, f64, i32, &MatrixPoint)> = Vec::new();
    for (index, p) in points.iter().enumerate() {
        let spot = |q: &MatrixPoint| (q.guardrail_rating, q.value_rating) == (p.guardrail_rating, p.value_rating);
        let total = points.iter().filter(|q| spot(q)).count();
        let position = points[..index].iter().filter(|q| spot(q)).count();
        let (dx, dy) = jitter(total, position);
        placed.push((p.guardrail_rating + dx, p.value_rating + dy, radius(p.annual_value), p));
    }
    // Largest first, so small bubbles stay visible on top.
    placed.sort_by_key(|p| std::cmp::Reverse(p.2));
    for (x, y, r, p) in &placed {
        let colour = lane_colour(p.lane);
        chart.draw_series(std::iter::once(Circle::new((*x, *y), *r, colour.mix(0.45).filled())))?;
        chart.draw_series(std::iter::once(Circle::new((*x, *y), *r, colour.stroke_width(1))))?;
    }
    for (x, y, r, p) in &placed {
        // The label sits just right of its bubble.
        let style = (CHART_FONT, 14).into_font().color(&RGBColor(33, 37, 41));
        chart
            .draw_series(std::iter::once(EmptyElement::at((*x, *y)) + Text::new(p.id.clone(), (*r + 2, -6), style)))?;
    }

    // Legend: lanes, top right.
    let (w, _) = MATRIX_SIZE;
    for (i, lane) in Lane::ALL.iter().enumerate() {
        let x = w as i32 - 130;
        let y = 26 + i as i32 * 20;
        root.draw(&Circle::new((x, y), 6, lane_colour(*lane).mix(0.6).filled()))?;
        root.draw(&Text::new(lane.to_string(), (x + 12, y - 8), (CHART_FONT, 15)))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(id: &str, v: f64, g: f64, value: f64, lane: Lane) -> MatrixPoint {
        MatrixPoint { id: id.into(), value_rating: v, guardrail_rating: g, annual_value: value, lane }
    }

    #[test]
    fn every_case_gets_a_labelled_bubble_sized_by_value() {
        let svg = scoring_matrix(&[
            point("UC-001", 5.0, 1.0, 2_000_000.0, Lane::Portfolio),
            point("UC-002", 2.0, 4.0, 50_000.0, Lane::Research),
            point("UC-003", 2.0, 4.0, 500_000.0, Lane::Rejected),
        ])
        .unwrap();
        assert!(svg.starts_with("<svg"), "an SVG document");
        for id in ["UC-001", "UC-002", "UC-003"] {
            assert!(svg.contains(&format!("\n{id}\n</text>")), "{id} is labelled");
        }
        assert!(svg.contains("Guardrail complexity"));
        // The biggest annual value draws the biggest circle (r = 26).
        assert!(svg.contains("r=\"26\""), "largest bubble has the maximum radius");
        assert!(svg.contains(&format!("font-family=\"{CHART_FONT}\"")));
    }

    #[test]
    fn an_empty_portfolio_still_draws_the_axes() {
        let svg = scoring_matrix(&[]).unwrap();
        assert!(svg.contains("Annualised value rating"));
    }
}
