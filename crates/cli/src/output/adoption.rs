//! Output for reviewing before acting: a record as it would be signed with its checks, what a
//! dossier edit would do, which stages a case may move to, and the withdrawn use cases.

use steerco_api::types::{SignoffReview, StageOption, UpdatePreview, WithdrawnUseCase};

use super::{emit, json, table, Printed};

pub fn signoff_review(r: &SignoffReview, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    let mut text = format!("Review of {} ({})\n", r.title, r.content_sha256);
    match &r.latest_signoff {
        Some(s) if !s.stale => {
            text.push_str(&format!("Signed by {} ({}), current.\n", s.signoff.signed_by, s.signoff.id))
        }
        Some(s) => text.push_str(&format!("Signed by {} ({}), stale.\n", s.signoff.signed_by, s.signoff.id)),
        None => text.push_str("Never signed.\n"),
    }
    if let Some(d) = &r.declined {
        text.push_str(&format!("Declined by {} ({}): {}\n", d.declined_by, d.id, d.reason));
    }
    text.push_str("\nChecks:\n");
    for c in &r.checks {
        let mark = if c.passed { "ok  " } else { "FAIL" };
        let on = c.record_id.as_deref().map(|id| format!("  [{id}]")).unwrap_or_default();
        text.push_str(&format!("  {mark}  {}{on}\n", c.message));
    }
    for section in &r.sections {
        text.push_str(&format!("\n{}\n", section.title));
        let rows: Vec<Vec<String>> = section
            .fields
            .iter()
            .map(|f| {
                let value = match f.money {
                    Some(units) => {
                        steerco_core::Money::from_f64("amount", units).map_or_else(|_| units.to_string(), super::money)
                    }
                    None => f.text.clone(),
                };
                vec![format!("  {}", f.label), value]
            })
            .collect();
        text.push_str(&table(&["  Field", "Value"], &rows));
    }
    emit(&text)
}

pub fn update_preview(p: &UpdatePreview, as_json: bool) -> Printed {
    if as_json {
        return json(p);
    }
    let mut text = String::from("Dry run: nothing was saved.\n");
    if let Some(r) = &p.refusal {
        let field = r.field.as_deref().map(|f| format!("{f}: ")).unwrap_or_default();
        text.push_str(&format!("The change would be refused — {field}{}\n", r.message));
    } else if p.consequences.is_empty() {
        text.push_str("The change affects nothing others rely on.\n");
    } else {
        for c in &p.consequences {
            text.push_str(&format!("  • {}\n", c.message));
        }
    }
    emit(&text)
}

pub fn stage_options(options: &[StageOption], as_json: bool) -> Printed {
    if as_json {
        return json(options);
    }
    let rows: Vec<Vec<String>> = options
        .iter()
        .map(|o| {
            let verdict = match (o.current, o.allowed) {
                (true, _) => "current".to_owned(),
                (false, true) => "allowed".to_owned(),
                (false, false) => format!("refused: {}", o.reason.as_deref().unwrap_or("")),
            };
            vec![o.stage.to_string(), verdict]
        })
        .collect();
    emit(&table(&["Stage", "Move"], &rows))
}

pub fn withdrawn(cases: &[WithdrawnUseCase], as_json: bool) -> Printed {
    if as_json {
        return json(cases);
    }
    if cases.is_empty() {
        return emit("No use case is withdrawn.\n");
    }
    let rows: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.title.clone(),
                c.withdrawn_by.clone(),
                c.withdrawn_at.format("%Y-%m-%d %H:%M").to_string(),
                c.reason.clone(),
            ]
        })
        .collect();
    emit(&table(&["ID", "Title", "Withdrawn by", "When", "Why"], &rows))
}
