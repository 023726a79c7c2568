//! Output for the way to a pilot: a use case's blueprint part by part, pilots with their
//! protocols and phases, and the launch readiness list.

use steerco_api::types::{Blueprint, Pilot, Readiness};
use steerco_core::pilots::blueprint::PartContent;

use super::{emit, json, table, Printed};

fn or_dash(text: &str) -> &str {
    if text.is_empty() {
        "—"
    } else {
        text
    }
}

pub fn blueprint(b: &Blueprint, as_json: bool) -> Printed {
    if as_json {
        return json(b);
    }
    let mut text = format!("Blueprint of {}\n", b.use_case_id);
    for p in &b.parts {
        let state = match (&p.reviewed_by, p.missing.is_empty(), &p.updated_by) {
            (_, _, None) => "not written".to_owned(),
            (Some(by), _, _) => {
                format!(
                    "reviewed by {by} on {}",
                    p.reviewed_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default()
                )
            }
            (None, true, _) => "complete, awaiting review".to_owned(),
            (None, false, _) => "incomplete".to_owned(),
        };
        text.push_str(&format!("\n{} [{}] — owner {}: {state}\n", p.title, p.part, or_dash(&p.owner)));
        match &p.content {
            PartContent::Policies(c) => text.push_str(&format!("  policies: {}\n", or_dash(&c.policy_ids.join(", ")))),
            PartContent::Registry(c) => {
                text.push_str(&format!("  launch version: {}\n", c.adapter_version_id.as_deref().unwrap_or("—")))
            }
            PartContent::Security(c) => {
                text.push_str(&format!("  access: {} at {}\n", or_dash(&c.access_what), or_dash(&c.access_where)));
                text.push_str(&format!(
                    "  secrets: {} in {}\n",
                    or_dash(&c.secrets.join(", ")),
                    or_dash(&c.secrets_store)
                ));
                let accounts: Vec<String> =
                    c.service_accounts.iter().map(|a| format!("{} ({})", a.name, a.scopes.join(", "))).collect();
                text.push_str(&format!("  service accounts: {}\n", or_dash(&accounts.join("; "))));
                text.push_str(&format!(
                    "  least-privilege review: {} on {}: {}\n",
                    or_dash(&c.least_privilege_reviewed_by),
                    c.least_privilege_reviewed_on.as_deref().unwrap_or("—"),
                    or_dash(&c.least_privilege_findings)
                ));
            }
            PartContent::Monitoring(c) => {
                text.push_str(&format!("  traced: {} → {}\n", or_dash(&c.traced_what), or_dash(&c.traced_where)));
                let figure = |v: Option<f64>| v.map_or("—".to_owned(), |v| v.to_string());
                text.push_str(&format!(
                    "  drift: {} baseline {} threshold {} ({}), checked {}\n",
                    or_dash(&c.drift_metric),
                    figure(c.drift_baseline),
                    figure(c.drift_threshold),
                    c.drift_direction.map_or("—".to_owned(), |d| format!("alert {d}")),
                    or_dash(&c.drift_check_frequency)
                ));
                text.push_str(&format!(
                    "  feedback: {} owned by {}, reviewed {}\n",
                    or_dash(&c.feedback_channel),
                    or_dash(&c.feedback_owner),
                    or_dash(&c.feedback_review_frequency)
                ));
            }
        }
        for missing in &p.missing {
            text.push_str(&format!("  missing: {missing}\n"));
        }
    }
    emit(&text)
}

pub fn pilots(list: &[Pilot], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    if list.is_empty() {
        return emit("No pilot yet; `steerco pilot create UC --workflow …` starts one.\n");
    }
    let mut text = String::new();
    for p in list {
        let state = match (p.running(), p.started()) {
            (Some(phase), _) => format!("running: {}", phase.name),
            (None, true) => "started".to_owned(),
            (None, false) => "not started".to_owned(),
        };
        text.push_str(&format!("{} — {} ({}): {state}\n", p.id, p.use_case_title, p.use_case_id));
        text.push_str(&format!("  workflow: {}\n", p.workflow));
        let t = &p.protocols;
        text.push_str(&format!(
            "  training: {} with {}{}\n",
            or_dash(&t.training_audience),
            or_dash(&t.training_materials),
            t.training_delivered_on.as_deref().map(|d| format!(", delivered {d}")).unwrap_or_default()
        ));
        text.push_str(&format!(
            "  fallback: {} when {}, owned by {}\n",
            or_dash(&t.fallback_process),
            or_dash(&t.fallback_trigger),
            or_dash(&t.fallback_owner)
        ));
        let acceptance: Vec<String> = t
            .acceptance
            .iter()
            .map(|a| format!("{} {} {}", a.metric, if a.higher_is_better { "≥" } else { "≤" }, a.threshold))
            .collect();
        text.push_str(&format!(
            "  evaluation: {} — {}\n",
            or_dash(&t.evaluation_suite),
            or_dash(&acceptance.join(", "))
        ));
        for missing in &p.missing_protocols {
            text.push_str(&format!("  missing protocol: {missing}\n"));
        }
        if p.phases.is_empty() {
            text.push_str("  no phase yet\n");
        } else {
            let rows: Vec<Vec<String>> = p
                .phases
                .iter()
                .map(|ph| {
                    vec![
                        ph.id.clone(),
                        ph.position.to_string(),
                        ph.name.clone(),
                        ph.audience.clone(),
                        format!("{} → {}", ph.planned_start, ph.planned_end),
                        format!(
                            "{} → {}",
                            ph.actual_start.as_deref().unwrap_or("—"),
                            ph.actual_end.as_deref().unwrap_or("—")
                        ),
                        ph.status.to_string(),
                    ]
                })
                .collect();
            text.push_str(&indent(&table(&["PHASE", "#", "NAME", "AUDIENCE", "PLANNED", "ACTUAL", "STATUS"], &rows)));
            for ph in &p.phases {
                if let Some(reason) = &ph.stop_reason {
                    text.push_str(&format!("  {} stopped: {reason}\n", ph.id));
                }
                if !ph.oversight_note.is_empty() {
                    text.push_str(&format!("  {} oversight for {}: {}\n", ph.id, ph.audience, ph.oversight_note));
                }
            }
        }
        for k in &p.kpis {
            text.push_str(&format!(
                "  KPI {}: {} — baseline {} {unit}, target {} {unit} ({} is better)\n",
                k.id,
                k.name,
                k.baseline,
                k.target,
                if k.higher_is_better { "higher" } else { "lower" },
                unit = k.unit
            ));
        }
        for i in &p.incidents {
            let state = match (&i.resolved_on, i.resolution.is_empty()) {
                (Some(on), _) => format!("resolved {on}: {}", i.resolution),
                (None, _) => "OPEN".to_owned(),
            };
            text.push_str(&format!(
                "  incident {} on {} [{}{}]: {} — {state}\n",
                i.id,
                i.occurred_on,
                i.severity,
                if i.compliance { ", compliance" } else { "" },
                i.description
            ));
        }
    }
    emit(&text)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

pub fn readiness(r: &Readiness, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    let mut text = format!("Launch readiness of {}: {}\n", r.use_case_id, if r.ready { "ready" } else { "not ready" });
    for item in &r.items {
        text.push_str(&format!("  {}  {}: {}\n", if item.met { "met " } else { "NOT " }, item.title, item.detail));
    }
    emit(&text)
}
