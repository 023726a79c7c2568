//! The monthly steering deck: landscape slides, one message each, in large type — programme
//! summary, value against plan, one ROI slide per valued use case, pilots and the decisions they
//! need, risk indicators, what changed, the decisions log and the next meeting's agenda. Long
//! tables continue on the next slide with their header; nothing is cut off.

use chrono::NaiveDate;
use steerco_core::charts::{portfolio_roi_chart, roi_chart, RoiSeries};
use steerco_core::services::documents::deck::DeckData;
use steerco_core::value::Month;

use crate::text::{money_whole, percent, words};
use crate::typeset::flow::{fill_ops, grey, rgb, text_ops, FontIds, Heading, Style};
use crate::typeset::wrap::{fit_one_line, wrap};
use crate::typeset::{Column, Composer, DocumentInfo, Face, Flow, Geometry};
use crate::{Progress, Rendered, ReportError};

const TITLE: Style = Style { face: Face::Bold, size: 28.0, grey: 0.05, leading: 1.2 };
const MESSAGE: Style = Style { face: Face::Regular, size: 18.0, grey: 0.3, leading: 1.3 };
const BODY: Style = Style { face: Face::Regular, size: 16.0, grey: 0.1, leading: 1.35 };
const TABLE: Style = Style { face: Face::Regular, size: 13.0, grey: 0.1, leading: 1.3 };

/// "November 2026" for 2026-11.
pub fn month_name(month: &str) -> String {
    Month::parse(month).map_or_else(|_| month.to_owned(), |m| m.first_day().format("%B %Y").to_string())
}

/// A new slide with its title (in the outline) and its one message.
fn slide(flow: &mut Flow<'_>, title: &str, message: &str) {
    flow.start_part(Some((
        format!("{title} (continued)"),
        Style { face: Face::Bold, size: 22.0, grey: 0.2, leading: 1.2 },
    )));
    flow.headings.push(Heading { level: 1, title: title.to_owned(), page: flow.page_index(), y: flow.y });
    flow.paragraph_styled(&at_most_two_lines(flow, title), TITLE, 0.0);
    if !message.is_empty() {
        flow.paragraph_styled(message, MESSAGE, 0.0);
    }
    flow.space(6.0);
}

/// A slide title on two lines at most, the second cut with an ellipsis: a use case's title can
/// run to 200 characters, and seven lines of it would squeeze the slide's chart to a thumbnail.
/// The outline keeps the whole title.
fn at_most_two_lines(flow: &Flow<'_>, title: &str) -> String {
    let width = flow.geometry.content_width();
    let lines = wrap(flow.metrics, title, TITLE.face, TITLE.size, width);
    if lines.len() <= 2 {
        return title.to_owned();
    }
    let rest = lines[1..].join(" ");
    format!("{}\n{}", lines[0], fit_one_line(flow.metrics, &rest, TITLE.face, TITLE.size, width))
}

/// Big figures in tiles, three to a row.
fn tiles(flow: &mut Flow<'_>, figures: &[(&str, String)]) {
    let (gap, per_row) = (16.0, 3usize);
    let width = (flow.geometry.content_width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
    let height = 92.0;
    let metrics = flow.metrics;
    for row in figures.chunks(per_row) {
        flow.ensure(height + gap);
        let top = flow.y;
        for (i, (label, value)) in row.iter().enumerate() {
            let x = flow.geometry.margin + i as f32 * (width + gap);
            let ops = flow.ops();
            fill_ops(ops, x, top - height, width, height, grey(0.95));
            let big = Style { face: Face::Bold, size: 30.0, grey: 0.08, leading: 1.2 };
            let value = fit_one_line(metrics, value, big.face, big.size, width - 24.0);
            text_ops(ops, big, Some(rgb(0.09, 0.33, 0.55)), x + 12.0, top - 44.0, &value);
            let small = Style { face: Face::Regular, size: 14.0, grey: 0.3, leading: 1.2 };
            let label = fit_one_line(metrics, label, small.face, small.size, width - 24.0);
            text_ops(ops, small, None, x + 12.0, top - 72.0, &label);
        }
        flow.y = top - height - gap;
    }
}

pub fn render(data: &DeckData, progress: &mut dyn FnMut(Progress) -> bool) -> Result<Rendered, ReportError> {
    let total = 8 + data.values.len() as u32;
    let mut done = 0u32;
    let mut step = |what: &str| -> Result<(), ReportError> {
        done += 1;
        if progress(Progress { done, total, step: what.to_owned() }) {
            Ok(())
        } else {
            Err(ReportError::Cancelled)
        }
    };
    let currency = data.programme.currency.as_str();
    let g = Geometry::SLIDE;
    let mut composer = Composer::new("Steering deck", g)?;
    let fonts = composer.fonts().clone();
    let mut flow = Flow::new(&fonts, g);
    let month = month_name(&data.month);
    let d = &data.dashboard;
    let p = &d.portfolio;

    step("programme summary")?;
    let running = d.pilots.iter().filter(|x| words(&x.state) == "running").count();
    let pending = data.next_meeting.items.iter().filter(|i| i.decision.is_none()).count();
    slide(
        &mut flow,
        "Programme summary",
        &format!(
            "{} realised against {} spent to date: net {}{}.",
            money_whole(currency, p.cumulative_benefit),
            money_whole(currency, p.cumulative_cost),
            money_whole(currency, p.net),
            p.payback_month.as_ref().map_or(String::new(), |m| format!(", paid back in {}", month_name(m)))
        ),
    );
    tiles(
        &mut flow,
        &[
            ("Net value to date", money_whole(currency, p.net)),
            ("Return on cost", percent(p.roi)),
            ("Against plan (benefit)", p.benefit_variance.percent.map_or("—".into(), |v| format!("{v:+.0}%"))),
            ("Pilots running", running.to_string()),
            ("Decisions on the agenda", pending.to_string()),
            ("Risk indicators", d.risks.len().to_string()),
        ],
    );

    step("value against plan")?;
    slide(
        &mut flow,
        "Value against plan",
        &format!(
            "Benefit {} against {} planned ({}); cost {} against {} planned.",
            money_whole(currency, p.benefit_variance.realised),
            money_whole(currency, p.benefit_variance.planned),
            p.benefit_variance.percent.map_or("no plan".into(), |v| format!("{v:+.1}%")),
            money_whole(currency, p.cost_variance.realised),
            money_whole(currency, p.cost_variance.planned)
        ),
    );
    if data.portfolio.is_empty() {
        flow.paragraph_styled("No month of value has been recorded yet.", BODY, 0.0);
    } else {
        let (id, w, h) = composer.add_svg(&portfolio_roi_chart(&data.portfolio, currency)?)?;
        let room = flow.room() - 8.0;
        flow.graphic(id, w, h, (room / h * w).min(g.content_width()));
    }
    for v in &data.values {
        step(&v.use_case_id)?;
        let r = &v.returns;
        slide(
            &mut flow,
            &format!("{} {}", v.use_case_id, v.title),
            &format!(
                "{} · net {} · ROI {}{}",
                words(&r.status),
                money_whole(currency, r.net),
                percent(r.roi),
                r.payback_month
                    .as_ref()
                    .map_or(" · not paid back yet".to_owned(), |m| format!(" · paid back in {}", month_name(m)))
            ),
        );
        let title = format!("{} — cumulative benefit and cost", v.use_case_id);
        let svg = roi_chart(&RoiSeries {
            title: &title,
            currency,
            months: &r.months,
            payback_month: r.payback_month.as_deref(),
        })?;
        let (id, w, h) = composer.add_svg(&svg)?;
        let room = flow.room() - 8.0;
        flow.graphic(id, w, h, (room / h * w).min(g.content_width()));
    }

    step("pilots")?;
    let needing: Vec<_> = data.next_meeting.items.iter().filter(|i| i.decision.is_none()).collect();
    slide(
        &mut flow,
        "Pilots and the decisions they need",
        &format!("{} pilots, {running} running; {} items wait for this committee.", d.pilots.len(), needing.len()),
    );
    if d.pilots.is_empty() {
        flow.paragraph_styled("No pilot has been set up yet.", BODY, 0.0);
    } else {
        let rows: Vec<Vec<String>> = d
            .pilots
            .iter()
            .map(|x| {
                vec![
                    format!("{} {}", x.use_case_id, x.title),
                    words(&x.state),
                    x.phase.as_ref().map_or("—".into(), |ph| format!("{ph} ({} of {})", x.position, x.phases)),
                    x.audience.clone().unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Use case", 2.2),
                Column::left("State", 0.8),
                Column::left("Phase", 1.4),
                Column::left("Audience", 1.6),
            ],
            &rows,
            TABLE,
        );
    }
    let decisions: Vec<Vec<String>> = needing
        .iter()
        .filter(|i| matches!(i.kind.label(), "Phase decision" | "Expansion"))
        .map(|i| vec![i.kind.label().to_owned(), i.title.clone(), i.detail.clone()])
        .collect();
    if !decisions.is_empty() {
        flow.table(
            &[Column::left("Decision", 0.8), Column::left("On", 1.5), Column::left("Why now", 2.5)],
            &decisions,
            TABLE,
        );
    }

    step("risk indicators")?;
    slide(
        &mut flow,
        "Risk indicators",
        &if d.risks.is_empty() {
            "No risk indicator is raised.".to_owned()
        } else {
            format!("{} indicators are raised; each names the record to open.", d.risks.len())
        },
    );
    if !d.risks.is_empty() {
        let rows: Vec<Vec<String>> = d
            .risks
            .iter()
            .map(|r| vec![r.kind.label().to_owned(), format!("{} {}", r.record_id, r.title), r.detail.clone()])
            .collect();
        flow.table(
            &[Column::left("Indicator", 0.9), Column::left("Record", 1.6), Column::left("Detail", 2.5)],
            &rows,
            TABLE,
        );
    }

    step("what changed")?;
    let changes: u32 = data.activity.iter().map(|a| a.count).sum();
    slide(
        &mut flow,
        &format!("What changed in {month}"),
        &match &data.previous {
            Some((id, at, c)) => format!(
                "{changes} changes recorded in the month; since the previous deck ({id}, {}): {} records changed, {} added, {} removed.",
                at.get(..10).unwrap_or(at),
                c.changed.len(),
                c.added.len(),
                c.removed.len()
            ),
            None => format!("{changes} changes recorded in the month (no deck was exported for the month before)."),
        },
    );
    if data.activity.is_empty() {
        flow.paragraph_styled("The audit trail records no change in the month.", BODY, 0.0);
    } else {
        let mut activity = data.activity.clone();
        activity.sort_by_key(|a| std::cmp::Reverse(a.count));
        let rows: Vec<Vec<String>> = activity
            .iter()
            .map(|a| vec![a.entity_kind.replace('_', " "), a.action.clone(), a.count.to_string()])
            .collect();
        flow.table(
            &[Column::left("Record", 2.0), Column::left("Change", 1.2), Column::right("Times", 0.6)],
            &rows,
            TABLE,
        );
    }
    if let Some((_, _, c)) = &data.previous {
        if !c.none() {
            flow.paragraph_styled(
                &format!("Changed since the previous deck: {}", c.changed.join(", ")),
                BODY.sized(14.0),
                0.0,
            );
        }
    }

    step("decisions log")?;
    slide(&mut flow, "Decisions log", &format!("{} decisions taken in steering meetings.", data.decisions.len()));
    if data.decisions.is_empty() {
        flow.paragraph_styled("No decision has been taken in a steering meeting yet.", BODY, 0.0);
    } else {
        let rows: Vec<Vec<String>> = data
            .decisions
            .iter()
            .rev()
            .map(|(m, x)| {
                vec![m.held_on.clone(), x.title.clone(), words(&x.decision), x.decided_by.clone(), x.outcome.clone()]
            })
            .collect();
        flow.table(
            &[
                Column::left("Meeting", 0.7),
                Column::left("On", 1.5),
                Column::left("Decision", 0.7),
                Column::left("By", 0.9),
                Column::left("Outcome", 2.0),
            ],
            &rows,
            TABLE,
        );
    }

    step("next agenda")?;
    let next = &data.next_meeting;
    let on = NaiveDate::parse_from_str(&next.held_on, "%Y-%m-%d")
        .map_or(next.held_on.clone(), |d| d.format("%-d %B %Y").to_string());
    slide(
        &mut flow,
        "Next meeting's agenda",
        &format!(
            "{} on {on}: {} items{}.",
            next.meeting_id.as_deref().unwrap_or("The next meeting"),
            next.items.len(),
            if pending > 0 { format!(", {pending} to decide") } else { String::new() }
        ),
    );
    if next.items.is_empty() {
        flow.paragraph_styled("Nothing in the data calls for a decision.", BODY, 0.0);
    } else {
        let rows: Vec<Vec<String>> = next
            .items
            .iter()
            .map(|i| {
                vec![
                    i.kind.label().to_owned(),
                    i.title.clone(),
                    i.decision
                        .as_ref()
                        .map_or_else(|| i.detail.clone(), |x| format!("Decided: {}", words(&x.decision))),
                ]
            })
            .collect();
        flow.table(&[Column::left("Item", 0.8), Column::left("On", 1.6), Column::left("Detail", 2.6)], &rows, TABLE);
    }

    step("saving")?;
    let (body, headings) = flow.finish();
    let cover = cover(&fonts, data, &month);
    let info = DocumentInfo {
        title: format!("{} — steering deck, {month}", data.programme.name),
        author: data.prepared_by.clone(),
        subject: format!("Monthly steering deck for {month}"),
        keywords: vec!["Steerco".into(), "steering deck".into(), format!("fingerprint {}", data.digest.fingerprint)],
        created: data.prepared_at,
        footer: format!("{} · Steering deck · {month}", data.programme.name),
        fingerprint: Some(data.digest.fingerprint.clone()),
    };
    let mut beat =
        |seconds: u64| progress(Progress { done: total, total, step: format!("writing the PDF ({seconds} s)") });
    let bytes = composer
        .finish_reporting(&info, vec![cover], false, body, &headings, &mut beat)?
        .ok_or(ReportError::Cancelled)?;
    let pages = crate::pack::count_pages(&bytes).unwrap_or(0);
    Ok(Rendered { bytes, pages })
}

fn cover(fonts: &FontIds, data: &DeckData, month: &str) -> crate::typeset::flow::Page {
    let g = Geometry::SLIDE;
    let mut flow = Flow::new(fonts, g);
    flow.y = g.height - 150.0;
    flow.paragraph_styled(
        "Steering committee",
        Style { face: Face::Regular, size: 22.0, grey: 0.35, leading: 1.3 },
        0.0,
    );
    flow.paragraph_styled(month, Style { face: Face::Bold, size: 44.0, grey: 0.05, leading: 1.2 }, 0.0);
    flow.paragraph_styled(
        &data.programme.name,
        Style { face: Face::Regular, size: 22.0, grey: 0.2, leading: 1.3 },
        0.0,
    );
    flow.space(20.0);
    flow.paragraph_styled(
        &format!(
            "Prepared by {} on {} · fingerprint {}",
            data.prepared_by,
            data.prepared_at.format("%-d %B %Y"),
            &data.digest.fingerprint[..16]
        ),
        Style { face: Face::Regular, size: 14.0, grey: 0.4, leading: 1.3 },
        0.0,
    );
    let (mut pages, _) = flow.finish();
    let mut ops = pages.swap_remove(0).unpack();
    fill_ops(&mut ops, 0.0, g.height - 14.0, g.width, 14.0, rgb(0.09, 0.33, 0.55));
    ops
}
