//! Output for value: a metrics import, a use case's months and returns, the dashboard.

use steerco_api::types::{Dashboard, MetricsImported, UseCaseValue};
use steerco_core::services::steering::dashboard::PilotState;
use steerco_core::value::returns::{PlanStatus, Variance};

use super::{emit, json, money, table, Printed};

pub(crate) fn percent(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "—".to_owned(), |r| format!("{:.1} %", r * 100.0))
}

fn variance(v: &Variance) -> String {
    let sign = if v.difference.cents() >= 0 { "+" } else { "" };
    match v.percent {
        Some(p) => format!("{sign}{} ({sign}{p:.1} %)", money(v.difference)),
        None => format!("{sign}{}", money(v.difference)),
    }
}

fn status(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::AheadOfPlan => "ahead of plan",
        PlanStatus::BehindPlan => "behind plan",
        PlanStatus::NoPlan => "no benefit planned",
        PlanStatus::BeforeLaunch => "before launch",
        PlanStatus::NotStarted => "no value yet",
    }
}

pub fn metrics_imported(r: &MetricsImported, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    let verb = if r.dry_run { "Would import" } else { "Imported" };
    // A file about the whole portfolio names how many cases, not each of them.
    let cases = match r.use_cases.len() {
        n if n > 8 => format!("{n} use cases"),
        _ => r.use_cases.join(", "),
    };
    emit(&format!(
        "{verb} {} new month(s), replace {} and leave {} unchanged, with {} KPI value(s), for {cases}.{}\n",
        r.added,
        r.replaced,
        r.unchanged,
        r.kpi_values,
        if r.dry_run { " Nothing was stored (dry run)." } else { "" }
    ))
}

pub fn use_case_value(v: &UseCaseValue, as_json: bool) -> Printed {
    if as_json {
        return json(v);
    }
    let r = &v.returns;
    let mut text = format!(
        "{} {}\nBusiness case: {} a year; one-time {}; {} a month to run{}\n",
        v.use_case_id,
        v.title,
        money(v.annual_value),
        money(v.one_time_cost),
        money(v.monthly_run_cost),
        v.benefits_from.as_deref().map(|m| format!("; benefits planned from {m}")).unwrap_or_default()
    );
    text.push_str(&format!(
        "Cumulative benefit {}, cost {}, net {}; ROI {}; {}; {}\n",
        money(r.cumulative_benefit),
        money(r.cumulative_cost),
        money(r.net),
        percent(r.roi),
        match (&r.payback_month, r.months_to_payback) {
            (Some(m), Some(n)) => format!("paid back in {m} (month {n})"),
            _ => "not paid back yet".to_owned(),
        },
        status(r.status)
    ));
    text.push_str(&format!(
        "Against the business case: benefit {}, cost {}\n\n",
        variance(&r.benefit_variance),
        variance(&r.cost_variance)
    ));
    let rows: Vec<Vec<String>> = r
        .months
        .iter()
        .map(|m| {
            let stored = v.months.iter().find(|s| s.month == m.month);
            vec![
                m.month.clone(),
                money(m.benefit),
                money(m.cost),
                money(m.cumulative_benefit),
                money(m.cumulative_cost),
                percent(m.roi),
                money(m.planned_benefit),
                stored.map_or_else(String::new, |s| {
                    s.kpis.iter().map(|k| format!("{}={}", k.kpi, k.value)).collect::<Vec<_>>().join(" ")
                }),
                stored.map_or_else(String::new, |s| s.highlight.clone()),
            ]
        })
        .collect();
    text.push_str(&table(
        &["MONTH", "BENEFIT", "COST", "CUM. BENEFIT", "CUM. COST", "ROI", "PLANNED BENEFIT", "KPIS", "HIGHLIGHT"],
        &rows,
    ));
    emit(&text)
}

pub fn dashboard(d: &Dashboard, as_json: bool) -> Printed {
    if as_json {
        return json(d);
    }
    let p = &d.portfolio;
    let mut text = format!("Dashboard as of {} (amounts in {})\n\n", d.as_of, d.currency);
    if d.has_value {
        text.push_str(&format!(
            "Portfolio: benefit {}, cost {}, net {}, ROI {}; {}\nAgainst the business cases: benefit {}, cost {}\n\n",
            money(p.cumulative_benefit),
            money(p.cumulative_cost),
            money(p.net),
            percent(p.roi),
            p.payback_month.as_deref().map_or_else(|| "not paid back yet".to_owned(), |m| format!("paid back in {m}")),
            variance(&p.benefit_variance),
            variance(&p.cost_variance),
        ));
        let rows: Vec<Vec<String>> = d
            .use_cases
            .iter()
            .map(|u| {
                vec![
                    u.use_case_id.clone(),
                    u.title.clone(),
                    u.stage.to_string(),
                    money(u.net),
                    percent(u.roi),
                    u.payback_month.clone().unwrap_or_else(|| "—".to_owned()),
                    variance(&u.benefit_variance),
                    status(u.status).to_owned(),
                ]
            })
            .collect();
        text.push_str(&table(&["ID", "TITLE", "STAGE", "NET", "ROI", "PAYBACK", "BENEFIT VS PLAN", "STATUS"], &rows));
    } else {
        text.push_str("No value recorded yet (`steerco metrics import FILE.csv`).\n");
    }
    if !d.highlights.is_empty() {
        text.push_str("\nHighlights\n");
        for h in &d.highlights {
            text.push_str(&format!("  {} {} — {} ({})\n", h.month, h.use_case_id, h.text, h.by));
        }
    }
    if !d.pilots.is_empty() {
        text.push_str("\nPilots\n");
        for p in &d.pilots {
            let phase =
                p.phase.as_deref().map(|ph| format!(": {ph} ({} of {})", p.position, p.phases)).unwrap_or_default();
            let state = match p.state {
                PilotState::Planned => "not started",
                PilotState::Running => "running",
                PilotState::Done => "rolled out",
                PilotState::Stopped => "stopped",
            };
            text.push_str(&format!("  {} {} {} — {state}{phase}\n", p.pilot_id, p.use_case_id, p.title));
        }
    }
    if !d.decisions.is_empty() || d.open_meeting.is_some() {
        text.push_str("\nDecisions needed\n");
        if let Some(m) = &d.open_meeting {
            text.push_str(&format!("  steering meeting {} on {} is open ({} decided)\n", m.id, m.held_on, m.decided));
        }
        for dec in &d.decisions {
            // Some titles already start with their record's id.
            let title = if dec.title.starts_with(&dec.record_id) {
                dec.title.clone()
            } else {
                format!("{} {}", dec.record_id, dec.title)
            };
            text.push_str(&format!("  {title} — {}\n", dec.detail));
        }
    }
    if !d.incidents.is_empty() {
        text.push_str("\nOpen incidents\n");
        for i in &d.incidents {
            let compliance = if i.compliance { ", compliance" } else { "" };
            text.push_str(&format!(
                "  {} {} ({}{compliance}) {} — {}\n",
                i.id, i.use_case_id, i.severity, i.occurred_on, i.description
            ));
        }
    }
    text.push_str(&format!("\nRisk indicators ({})\n", d.risks.len()));
    for r in &d.risks {
        text.push_str(&format!("  {} {} — {}: {}\n", r.kind.label(), r.record_id, r.title, r.detail));
    }
    emit(&text)
}
