//! The drift chart: a monitored metric over time, its threshold as a dashed red line and its
//! baseline as a grey one (each labelled), every value past the threshold marked, the first
//! crossing named with its date.

use chrono::NaiveDate;
use plotters::prelude::*;

use super::{labels, CHART_FONT};
use crate::error::{CoreError, CoreResult};
use crate::pilots::blueprint::DriftDirection;
use crate::pilots::monitoring::crosses;

pub const DRIFT_SIZE: (u32, u32) = (760, 320);

const LINE: RGBColor = RGBColor(34, 139, 230);
const ALERT: RGBColor = RGBColor(224, 49, 49);
const BASELINE: RGBColor = RGBColor(134, 142, 150);

/// What the chart shows: the series (ISO dates, any order) and the blueprint's drift settings.
#[derive(Debug, Clone, PartialEq)]
pub struct DriftSeries<'a> {
    pub metric: &'a str,
    pub points: &'a [(String, f64)],
    pub threshold: f64,
    pub baseline: Option<f64>,
    pub direction: DriftDirection,
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

pub fn drift_chart(series: &DriftSeries) -> CoreResult<String> {
    let mut svg = String::new();
    draw(series, &mut svg).map_err(|e| CoreError::Conflict(format!("the drift chart could not be drawn: {e}")))?;
    Ok(svg)
}

fn draw(s: &DriftSeries, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let mut points: Vec<(NaiveDate, f64)> =
        s.points.iter().filter_map(|(d, v)| day(d).map(|d| (d, *v))).filter(|(_, v)| v.is_finite()).collect();
    points.sort_by_key(|(d, _)| *d);
    let root = SVGBackend::with_string(svg, DRIFT_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    let Some(first) = points.first().map(|(d, _)| *d) else {
        root.draw(&Text::new(format!("No values of {} yet", s.metric), (24, 24), (CHART_FONT, 15)))?;
        root.present()?;
        return Ok(());
    };
    let last = points.last().map_or(first, |(d, _)| *d);
    let x_of = |d: NaiveDate| (d - first).num_days() as f64;
    let span = x_of(last).max(1.0);
    let mut lo = points.iter().map(|(_, v)| *v).fold(s.threshold, f64::min);
    let mut hi = points.iter().map(|(_, v)| *v).fold(s.threshold, f64::max);
    if let Some(b) = s.baseline.filter(|b| b.is_finite()) {
        lo = lo.min(b);
        hi = hi.max(b);
    }
    let pad = ((hi - lo) * 0.12).max(hi.abs() * 0.05).max(1e-6);
    let (lo, hi) = (lo - pad, hi + pad);
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .margin_top(34)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5..span + 0.5, lo..hi)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|x| {
            let d = first + chrono::Duration::days(x.round() as i64);
            d.format("%d %b").to_string()
        })
        .y_label_formatter(&|y| format!("{y:.2}"))
        .label_style((CHART_FONT, 13))
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;
    let dashed = |y: f64, colour: RGBColor| {
        let mut segments = Vec::new();
        let step = (span + 1.0) / 60.0;
        let mut x = -0.5;
        while x < span + 0.5 {
            segments
                .push(PathElement::new(vec![(x, y), ((x + step * 0.6).min(span + 0.5), y)], colour.stroke_width(2)));
            x += step;
        }
        segments
    };
    chart.draw_series(dashed(s.threshold, ALERT))?;
    if let Some(b) = s.baseline.filter(|b| b.is_finite()) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(-0.5, b), (span + 0.5, b)],
            BASELINE.mix(0.7).stroke_width(1),
        )))?;
    }
    // Each line says what it is at its right end: the threshold above it, the baseline below
    // (where the series, drifting away from it, is least likely to be).
    let line_label = |text: String, y: f64, colour: RGBColor, above: bool| {
        let width = labels::text_width(&text, 12);
        EmptyElement::at((span + 0.5, y))
            + Text::new(text, (-width - 4, if above { -17 } else { 4 }), (CHART_FONT, 12).into_font().color(&colour))
    };
    let threshold_label = format!("threshold {}", trim_number(s.threshold));
    chart.draw_series(std::iter::once(line_label(threshold_label, s.threshold, ALERT, true)))?;
    if let Some(b) = s.baseline.filter(|b| b.is_finite()) {
        chart.draw_series(std::iter::once(line_label(format!("baseline {}", trim_number(b)), b, BASELINE, false)))?;
    }
    chart.draw_series(std::iter::once(PathElement::new(
        points.iter().map(|(d, v)| (x_of(*d), *v)).collect::<Vec<_>>(),
        LINE.stroke_width(2),
    )))?;
    let crossing: Vec<&(NaiveDate, f64)> =
        points.iter().filter(|(_, v)| crosses(*v, s.threshold, s.direction)).collect();
    chart.draw_series(
        points
            .iter()
            .filter(|(_, v)| !crosses(*v, s.threshold, s.direction))
            .map(|(d, v)| Circle::new((x_of(*d), *v), 3, LINE.filled())),
    )?;
    chart.draw_series(crossing.iter().map(|(d, v)| Circle::new((x_of(*d), *v), 6, ALERT.filled())))?;
    let title = (CHART_FONT, 14).into_font().color(&RGBColor(33, 37, 41));
    let direction = match s.direction {
        DriftDirection::Above => "above",
        DriftDirection::Below => "below",
    };
    root.draw(&Text::new(
        format!("{} — alert {direction} {}", s.metric, trim_number(s.threshold)),
        (72, 10),
        title.clone(),
    ))?;
    let note = (CHART_FONT, 13).into_font().color(&ALERT);
    let summary = match crossing.first() {
        Some((d, v)) => format!(
            "crossed on {} ({}); {} value{} past the threshold",
            d.format("%Y-%m-%d"),
            trim_number(*v),
            crossing.len(),
            if crossing.len() == 1 { "" } else { "s" }
        ),
        None => "no value past the threshold".to_owned(),
    };
    let (w, _) = DRIFT_SIZE;
    root.draw(&Text::new(summary.clone(), (w as i32 - 16 - (summary.chars().count() as i32 * 7), 10), note))?;
    root.present()?;
    Ok(())
}

/// 0.2 → "0.2", 0.125 → "0.125": a threshold as people typed it.
fn trim_number(v: f64) -> String {
    let text = format!("{v:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_crossing_is_named_and_marked() {
        let points: Vec<(String, f64)> =
            [("2026-10-01", 0.10), ("2026-10-02", 0.14), ("2026-10-03", 0.26), ("2026-10-04", 0.18)]
                .iter()
                .map(|(d, v)| ((*d).to_owned(), *v))
                .collect();
        let svg = drift_chart(&DriftSeries {
            metric: "escalation_rate",
            points: &points,
            threshold: 0.2,
            baseline: Some(0.1),
            direction: DriftDirection::Above,
        })
        .unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("crossed on 2026-10-03 (0.26); 1 value past the threshold"), "{svg}");
        assert!(svg.contains("alert above 0.2"));
        assert_eq!(svg.matches(r#"r="6""#).count(), 1, "one marked crossing");
    }

    #[test]
    fn an_empty_series_says_so() {
        let svg = drift_chart(&DriftSeries {
            metric: "escalation_rate",
            points: &[],
            threshold: 0.2,
            baseline: None,
            direction: DriftDirection::Below,
        })
        .unwrap();
        assert!(svg.contains("No values of escalation_rate yet"));
    }
}
