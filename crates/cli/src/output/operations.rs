//! Output for a pilot in operation: the stage board, monitoring imports and views, drift alerts.

use steerco_api::types::{DriftAlert, ExportOutcome, FeedbackImported, MonitoringImported, MonitoringView, StageBoard};

use super::{emit, json, table, Printed};

pub fn board(b: &StageBoard, as_json: bool) -> Printed {
    if as_json {
        return json(b);
    }
    let mut text = String::new();
    for column in &b.columns {
        text.push_str(&format!("{} ({})\n", column.stage, column.cards.len()));
        for card in &column.cards {
            text.push_str(&format!("  {} {}", card.id, card.title));
            if let Some(state) = &card.pilot_state {
                text.push_str(&format!(" — {state}"));
            }
            if let (Some(met), Some(total)) = (card.readiness_met, card.readiness_total) {
                text.push_str(&format!(" — readiness {met} of {total}"));
            }
            if card.open_alerts > 0 {
                text.push_str(&format!(" — {} open drift alert{}", card.open_alerts, plural(card.open_alerts)));
            }
            text.push('\n');
            if let (Some(gate), Some(reason)) = (&card.waits_on, &card.reason) {
                text.push_str(&format!("      waits on {gate}: {reason}\n"));
            }
        }
    }
    emit(&text)
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub fn monitoring_imported(r: &MonitoringImported, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    let mut text = format!(
        "Imported {} value{} for {} ({} already recorded).\n",
        r.added,
        plural(r.added),
        r.pilot_id,
        r.unchanged
    );
    if let Some(why) = &r.unchecked {
        text.push_str(&format!("Not checked for drift: {why}.\n"));
    }
    for a in &r.alerts {
        text.push_str(&format!(
            "ALERT {}: {} {} on {} is {} the threshold {}\n",
            a.id, a.metric, a.value, a.observed_on, a.direction, a.threshold
        ));
    }
    emit(&text)
}

pub fn feedback_imported(r: &FeedbackImported, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    emit(&format!(
        "Imported {} feedback row{} for {} ({} already recorded).\n",
        r.added,
        plural(r.added),
        r.pilot_id,
        r.unchanged
    ))
}

pub fn monitoring_view(v: &MonitoringView, as_json: bool) -> Printed {
    if as_json {
        return json(v);
    }
    let mut text = format!("Monitoring of {} ({})\n", v.use_case_id, v.pilot_id);
    match (&v.drift_metric, v.drift_threshold, v.drift_direction) {
        (Some(metric), Some(threshold), Some(direction)) => {
            text.push_str(&format!("  drift: {metric}, alert {direction} {threshold}\n"));
            let values: Vec<String> = v
                .points
                .iter()
                .filter(|p| &p.metric == metric)
                .map(|p| format!("{} {}", p.observed_on, p.value))
                .collect();
            text.push_str(&format!("  {} value{}: {}\n", values.len(), plural(values.len() as u32), values.join(", ")));
        }
        _ => text.push_str("  drift: not defined in the blueprint's monitoring part\n"),
    }
    if v.feedback_weeks.is_empty() {
        text.push_str("  feedback: none yet\n");
    } else {
        let rows: Vec<Vec<String>> = v
            .feedback_weeks
            .iter()
            .map(|w| vec![w.week_of.clone(), w.count.to_string(), format!("{:.2}", w.mean_rating)])
            .collect();
        text.push_str("  feedback by week:\n");
        text.push_str(
            &table(&["WEEK OF", "ANSWERS", "MEAN RATING"], &rows)
                .lines()
                .map(|l| format!("    {l}\n"))
                .collect::<String>(),
        );
    }
    let open = v.alerts.iter().filter(|a| a.acknowledged_by.is_none()).count();
    text.push_str(&format!("  alerts: {} ({open} open)\n", v.alerts.len()));
    emit(&text)
}

pub fn alerts(list: &[DriftAlert], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    if list.is_empty() {
        return emit("No open drift alert.\n");
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.use_case_id.clone(),
                a.observed_on.clone(),
                a.metric.clone(),
                a.value.to_string(),
                format!("{} {}", a.direction, a.threshold),
                match (&a.acknowledged_by, &a.note) {
                    (Some(by), Some(note)) => format!("acknowledged by {by}: {note}"),
                    _ => "OPEN".to_owned(),
                },
            ]
        })
        .collect();
    emit(&table(&["ALERT", "USE CASE", "DATE", "METRIC", "VALUE", "THRESHOLD", "STATE"], &rows))
}

pub fn exported(saved: &ExportOutcome, as_json: bool) -> Printed {
    if as_json {
        return json(saved);
    }
    emit(&format!("Saved {} ({} bytes, sha256 {}).\n", saved.path, saved.bytes, saved.sha256))
}
