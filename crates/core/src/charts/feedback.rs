//! The feedback chart: answers per ISO week as bars (left axis) and their mean rating, 1–5, as a
//! line (right axis), so a drop in satisfaction reads against how many people said so.

use plotters::prelude::*;

use super::CHART_FONT;
use crate::error::{CoreError, CoreResult};
use crate::pilots::monitoring::FeedbackWeek;

pub const FEEDBACK_SIZE: (u32, u32) = (760, 300);

const BARS: RGBColor = RGBColor(165, 216, 255);
const LINE: RGBColor = RGBColor(112, 72, 232);

pub fn feedback_chart(weeks: &[FeedbackWeek]) -> CoreResult<String> {
    let mut svg = String::new();
    draw(weeks, &mut svg).map_err(|e| CoreError::Conflict(format!("the feedback chart could not be drawn: {e}")))?;
    Ok(svg)
}

fn draw(weeks: &[FeedbackWeek], svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, FEEDBACK_SIZE).into_drawing_area();
    root.fill(&WHITE)?;
    if weeks.is_empty() {
        root.draw(&Text::new("No feedback yet", (24, 24), (CHART_FONT, 15)))?;
        root.present()?;
        return Ok(());
    }
    let n = weeks.len() as f64;
    let most = weeks.iter().map(|w| w.count).max().unwrap_or(1).max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .margin_top(34)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .right_y_label_area_size(48)
        .build_cartesian_2d(-0.5..n - 0.5, 0.0..most * 1.15)?
        .set_secondary_coord(-0.5..n - 0.5, 1.0..5.0);
    let label = |x: &f64| -> String {
        let i = x.round();
        if (x - i).abs() > 0.01 || i < 0.0 {
            return String::new();
        }
        weeks.get(i as usize).map_or_else(String::new, |w| format!("wk {}", &w.week_of[5..]))
    };
    chart
        .configure_mesh()
        .x_labels(weeks.len().min(12))
        .x_label_formatter(&label)
        .y_labels(5)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .y_desc("Answers")
        .label_style((CHART_FONT, 13))
        .axis_desc_style((CHART_FONT, 13))
        .disable_x_mesh()
        .light_line_style(RGBColor(241, 243, 245))
        .bold_line_style(RGBColor(222, 226, 230))
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_labels(5)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .y_desc("Mean rating")
        .label_style((CHART_FONT, 13))
        .axis_desc_style((CHART_FONT, 13))
        .draw()?;
    chart.draw_series(weeks.iter().enumerate().map(|(i, w)| {
        let x = i as f64;
        Rectangle::new([(x - 0.35, 0.0), (x + 0.35, f64::from(w.count))], BARS.filled())
    }))?;
    let line: Vec<(f64, f64)> = weeks.iter().enumerate().map(|(i, w)| (i as f64, w.mean_rating)).collect();
    chart.draw_secondary_series(std::iter::once(PathElement::new(line.clone(), LINE.stroke_width(2))))?;
    chart.draw_secondary_series(line.iter().map(|p| Circle::new(*p, 4, LINE.filled())))?;
    let total: u64 = weeks.iter().map(|w| u64::from(w.count)).sum();
    root.draw(&Text::new(
        format!("{total} answers over {} week{}", weeks.len(), if weeks.len() == 1 { "" } else { "s" }),
        (72, 10),
        (CHART_FONT, 14).into_font().color(&RGBColor(33, 37, 41)),
    ))?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_a_rating_line_for_each_week() {
        let weeks = vec![
            FeedbackWeek { week_of: "2026-11-02".into(), count: 40, mean_rating: 4.2 },
            FeedbackWeek { week_of: "2026-11-09".into(), count: 25, mean_rating: 3.1 },
        ];
        let svg = feedback_chart(&weeks).unwrap();
        assert!(svg.contains("65 answers over 2 weeks"), "{svg}");
        assert!(svg.contains("wk 11-09"));
        assert!(svg.contains("Mean rating"));
    }
}
