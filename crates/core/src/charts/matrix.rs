//! The scoring matrix: annualised value rating (up) against guardrail complexity (right), each
//! bubble's area proportional to annual value, coloured by lane, labelled with a short title
//! where a label fits without overlapping another. Past `MATRIX_DETAIL_LIMIT` cases no one reads
//! bubbles one by one, so cases are grouped by rating spot: one bubble per spot, sized by the
//! spot's total value and labelled with how many cases it holds.

use std::collections::HashMap;

use plotters::prelude::*;

use super::labels::{place, text_width, Boxed};
use super::CHART_FONT;
use crate::domain::Lane;
use crate::error::{CoreError, CoreResult};

/// One use case on the scoring matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixPoint {
    pub id: String,
    pub title: String,
    pub value_rating: f64,
    pub guardrail_rating: f64,
    pub annual_value: f64,
    pub lane: Lane,
}

pub const MATRIX_SIZE: (u32, u32) = (760, 480);
/// Above this many cases the matrix groups them by rating spot.
pub const MATRIX_DETAIL_LIMIT: usize = 60;
const LABEL_SIZE: i32 = 13;
const LEGEND_WIDTH: i32 = 120;

fn lane_colour(lane: Lane) -> RGBColor {
    match lane {
        Lane::Portfolio => RGBColor(34, 139, 230),
        Lane::Research => RGBColor(190, 75, 219),
        Lane::Rejected => RGBColor(134, 142, 150),
    }
}

/// What is drawn: one bubble per case, or per rating spot when grouped.
struct Bubble {
    x: f64,
    y: f64,
    value: f64,
    lane: Lane,
    label: String,
}

/// "Claims document triage and routing" → "Claims document tr…": a label that reads at a glance.
fn short_title(title: &str, max: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max {
        return title.to_owned();
    }
    let cut: String = title.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Spreads cases that share a rating pair so their bubbles stay apart.
fn jitter(total_at_spot: usize, position: usize) -> (f64, f64) {
    if total_at_spot <= 1 {
        return (0.0, 0.0);
    }
    let angle = std::f64::consts::TAU * position as f64 / total_at_spot as f64;
    (0.22 * angle.cos(), 0.22 * angle.sin())
}

fn spot_key(guardrail: f64, value: f64) -> (i64, i64) {
    ((guardrail * 2.0).round() as i64, (value * 2.0).round() as i64)
}

fn one_per_case(points: &[MatrixPoint]) -> Vec<Bubble> {
    let mut totals: HashMap<(i64, i64), usize> = HashMap::new();
    for p in points {
        *totals.entry(spot_key(p.guardrail_rating, p.value_rating)).or_default() += 1;
    }
    let mut seen: HashMap<(i64, i64), usize> = HashMap::new();
    points
        .iter()
        .map(|p| {
            let key = spot_key(p.guardrail_rating, p.value_rating);
            let position = seen.entry(key).or_default();
            let (dx, dy) = jitter(totals[&key], *position);
            *position += 1;
            Bubble {
                x: p.guardrail_rating + dx,
                y: p.value_rating + dy,
                value: p.annual_value,
                lane: p.lane,
                label: short_title(&p.title, 18),
            }
        })
        .collect()
}

/// The cases at one rating spot, when grouped.
#[derive(Default)]
struct Spot {
    count: usize,
    value: f64,
    value_by_lane: HashMap<Lane, f64>,
}

fn one_per_spot(points: &[MatrixPoint]) -> Vec<Bubble> {
    let mut spots: HashMap<(i64, i64), Spot> = HashMap::new();
    for p in points {
        let spot = spots.entry(spot_key(p.guardrail_rating, p.value_rating)).or_default();
        spot.count += 1;
        spot.value += p.annual_value;
        *spot.value_by_lane.entry(p.lane).or_default() += p.annual_value.max(1.0);
    }
    let mut out: Vec<Bubble> = spots
        .into_iter()
        .map(|((gx, vy), Spot { count, value, value_by_lane: lanes })| Bubble {
            x: gx as f64 / 2.0,
            y: vy as f64 / 2.0,
            value,
            // The lane holding most of the spot's value colours it.
            lane: Lane::ALL
                .iter()
                .copied()
                .max_by(|a, b| lanes.get(a).unwrap_or(&0.0).total_cmp(lanes.get(b).unwrap_or(&0.0)))
                .unwrap_or(Lane::Portfolio),
            label: format!("{} case{}", grouped_count(count), if count == 1 { "" } else { "s" }),
        })
        .collect();
    out.sort_by(|a, b| (a.x, a.y).partial_cmp(&(b.x, b.y)).unwrap_or(std::cmp::Ordering::Equal));
    out
}

/// 10000 → "10,000".
fn grouped_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The matrix as SVG; `points` in ranking order (labels of the best-ranked are placed first).
pub fn scoring_matrix(points: &[MatrixPoint]) -> CoreResult<String> {
    let mut svg = String::new();
    draw(points, &mut svg).map_err(|e| CoreError::Conflict(format!("the scoring matrix could not be drawn: {e}")))?;
    Ok(svg)
}

fn draw(points: &[MatrixPoint], svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let grouped = points.len() > MATRIX_DETAIL_LIMIT;
    let bubbles = if grouped { one_per_spot(points) } else { one_per_case(points) };
    let root = SVGBackend::with_string(svg, MATRIX_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .margin_top(if grouped { 34 } else { 16 })
        .margin_right(16 + LEGEND_WIDTH)
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
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let area = Boxed { left: xs.start, top: ys.start, right: xs.end, bottom: ys.end };
    let quick = (area.left + 6, area.top + 4);
    root.draw(&Text::new("quick wins", quick, (CHART_FONT, 15).into_font().color(&RGBColor(43, 138, 62))))?;
    let mut taken = vec![Boxed {
        left: quick.0,
        top: quick.1,
        right: quick.0 + text_width("quick wins", 15),
        bottom: quick.1 + 18,
    }];

    let max_value = bubbles.iter().map(|b| b.value).fold(0.0f64, f64::max);
    let radius = |value: f64| -> i32 {
        let share = if max_value > 0.0 { (value / max_value).sqrt() } else { 0.0 };
        (5.0 + 21.0 * share).round() as i32
    };
    let mut drawn: Vec<(i32, &Bubble)> = bubbles.iter().map(|b| (radius(b.value), b)).collect();
    // Largest first, so small bubbles stay visible on top.
    drawn.sort_by_key(|(r, _)| std::cmp::Reverse(*r));
    for (r, b) in &drawn {
        let colour = lane_colour(b.lane);
        chart.draw_series(std::iter::once(Circle::new((b.x, b.y), *r, colour.mix(0.45).filled())))?;
        chart.draw_series(std::iter::once(Circle::new((b.x, b.y), *r, colour.stroke_width(1))))?;
    }
    // Labels in ranking order (or, grouped, by spot): the first placed are the ones kept.
    let style = (CHART_FONT, LABEL_SIZE).into_font().color(&RGBColor(33, 37, 41));
    let mut left_out = 0;
    for b in &bubbles {
        let centre = chart.backend_coord(&(b.x, b.y));
        let size = (text_width(&b.label, LABEL_SIZE), LABEL_SIZE + 3);
        match place(&mut taken, &area, centre, radius(b.value), size) {
            Some(corner) => root.draw(&Text::new(b.label.clone(), corner, style.clone()))?,
            None => left_out += 1,
        }
    }

    let (w, _) = MATRIX_SIZE;
    let legend_x = w as i32 - LEGEND_WIDTH;
    for (i, lane) in Lane::ALL.iter().enumerate() {
        let y = area.top + 10 + i as i32 * 22;
        root.draw(&Circle::new((legend_x, y), 6, lane_colour(*lane).mix(0.6).filled()))?;
        root.draw(&Text::new(lane.to_string(), (legend_x + 12, y - 8), (CHART_FONT, 15)))?;
    }
    let note = (CHART_FONT, 13).into_font().color(&RGBColor(73, 80, 87));
    if grouped {
        root.draw(&Text::new(
            format!(
                "{} use cases, grouped by rating: each bubble is every case at that spot, sized by their total annual value",
                grouped_count(points.len())
            ),
            (area.left, 10),
            note.clone(),
        ))?;
    }
    if left_out > 0 {
        root.draw(&Text::new(
            format!("{left_out} label{} left out", if left_out == 1 { "" } else { "s" }),
            (legend_x - 8, area.top + 90),
            note,
        ))?;
    }
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(id: &str, title: &str, v: f64, g: f64, value: f64, lane: Lane) -> MatrixPoint {
        MatrixPoint {
            id: id.into(),
            title: title.into(),
            value_rating: v,
            guardrail_rating: g,
            annual_value: value,
            lane,
        }
    }

    #[test]
    fn every_case_gets_a_bubble_sized_by_value_and_a_short_title() {
        let svg = scoring_matrix(&[
            point("UC-001", "Claims document triage and routing", 5.0, 1.0, 2_000_000.0, Lane::Portfolio),
            point("UC-002", "Policy Q&A", 2.0, 4.0, 50_000.0, Lane::Research),
            point("UC-003", "Fraud hints", 2.0, 4.0, 500_000.0, Lane::Rejected),
        ])
        .unwrap();
        assert!(svg.starts_with("<svg"), "an SVG document");
        for label in ["Claims document t…", "Policy Q&amp;A", "Fraud hints"] {
            assert!(svg.contains(&format!("\n{label}\n</text>")), "{label} is labelled: {svg}");
        }
        assert!(svg.contains("Guardrail complexity"));
        assert!(svg.contains("r=\"26\""), "largest bubble has the maximum radius");
        assert!(svg.contains(&format!("font-family=\"{CHART_FONT}\"")));
        assert!(!svg.contains("left out"));
    }

    #[test]
    fn many_cases_at_one_spot_never_get_overlapping_labels() {
        let points: Vec<MatrixPoint> = (0..40)
            .map(|i| point(&format!("UC-{i:03}"), &format!("Case number {i}"), 3.0, 3.0, 100_000.0, Lane::Portfolio))
            .collect();
        let svg = scoring_matrix(&points).unwrap();
        assert!(svg.contains("labels left out"), "labels that would overlap are left out, and counted");
    }

    #[test]
    fn ten_thousand_cases_are_summarised_by_spot() {
        let points: Vec<MatrixPoint> = (0..10_000)
            .map(|i| {
                let v = 1.0 + (i % 5) as f64;
                let g = 1.0 + ((i / 5) % 5) as f64;
                point(&format!("UC-{i}"), "x", v, g, 1000.0 + i as f64, Lane::Portfolio)
            })
            .collect();
        let svg = scoring_matrix(&points).unwrap();
        assert!(svg.contains("10,000 use cases, grouped by rating"));
        assert!(svg.contains("\n400 cases\n</text>"));
        assert!(svg.len() < 200_000, "a summary, not 10,000 bubbles: {} bytes", svg.len());
    }

    #[test]
    fn an_empty_portfolio_still_draws_the_axes() {
        let svg = scoring_matrix(&[]).unwrap();
        assert!(svg.contains("Annualised value rating"));
    }
}
