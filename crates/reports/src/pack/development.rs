//! Annex IV section 2, development: base model and adapter configuration, data packs and their
//! provenance and approval, the blueprint, evaluation results, human oversight.

use steerco_core::services::documents::pack::PackDossier;

use super::dossier::{part_text, table_style, ANNEX_IV};
use crate::text::{number, opt, or_dash, words};
use crate::typeset::{Column, Flow, Style};

pub(super) fn development(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[1]);
    flow.heading(3, "Base model and adapter configuration");
    if d.versions.is_empty() {
        flow.note("No adapter version is registered for this use case.");
    } else {
        let rows: Vec<Vec<String>> = d
            .versions
            .iter()
            .map(|v| {
                vec![
                    format!("{} {} {}", v.id, v.adapter_name, v.version),
                    words(&v.status),
                    format!("{} @ {}", opt(v.base_model.as_deref()), opt(v.revision.as_deref())),
                    format!(
                        "{} r={} α={} dropout {} · {}",
                        v.peft_type,
                        v.r,
                        number(v.lora_alpha),
                        v.lora_dropout.map_or("—".into(), number),
                        v.target_modules.join(", ")
                    ),
                    format!("{} ({} bytes)", v.sha256, v.file_bytes),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Version", 1.3),
                Column::left("Status", 0.7),
                Column::left("Base model @ revision", 1.4),
                Column::left("Configuration", 1.6),
                Column::left("Weights SHA-256", 1.6),
            ],
            &rows,
            ts,
        );
    }
    flow.heading(3, "Data packs: provenance and approval");
    if d.packs.is_empty() {
        flow.note("No data pack is linked to this use case's adapter versions.");
    } else {
        let rows: Vec<Vec<String>> = d
            .packs
            .iter()
            .map(|p| {
                vec![
                    format!("{} {} {}", p.id, p.name, p.version),
                    format!("{} from {}", p.record_count, p.source_ids.join(", ")),
                    words(&p.personal_data),
                    or_dash(&p.curated_by),
                    match (&p.approved_by, &p.approved_on) {
                        (Some(by), on) => format!("{by} on {}", opt(on.as_deref())),
                        _ => "NOT APPROVED".to_owned(),
                    },
                    p.file.as_ref().map_or("—".to_owned(), |f| format!("{} {}", f.file_name, f.sha256)),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Pack", 1.2),
                Column::left("Records and sources", 1.0),
                Column::left("Personal data", 0.7),
                Column::left("Curated by", 0.8),
                Column::left("Approved", 1.0),
                Column::left("File and SHA-256", 1.6),
            ],
            &rows,
            ts,
        );
        let rows: Vec<Vec<String>> = d
            .sources
            .iter()
            .map(|s| {
                vec![
                    format!("{} {}", s.id, s.name),
                    or_dash(&s.system),
                    or_dash(&s.owner),
                    words(&s.classification),
                    s.policy_id.clone().unwrap_or_else(|| "NOT ACCEPTED by any policy".into()),
                ]
            })
            .collect();
        if !rows.is_empty() {
            flow.table(
                &[
                    Column::left("Data source", 1.4),
                    Column::left("System", 1.0),
                    Column::left("Owner", 1.0),
                    Column::left("Classification", 0.8),
                    Column::left("Accepted by", 1.0),
                ],
                &rows,
                ts,
            );
        }
    }
    flow.heading(3, "Blueprint");
    for part in &d.blueprint.parts {
        let review = match (&part.reviewed_by, &part.reviewed_at) {
            (Some(by), Some(at)) => format!("reviewed by {by} on {}", at.format("%Y-%m-%d")),
            _ => "NOT REVIEWED".to_owned(),
        };
        let missing =
            if part.missing.is_empty() { String::new() } else { format!(" · lacks {}", part.missing.join(", ")) };
        flow.paragraph_styled(
            &format!("{} — owner {} · {review}{missing}", part.title, or_dash(&part.owner)),
            Style::LABEL,
            0.0,
        );
        flow.paragraph_styled(&part_text(&part.content), Style::BODY, 10.0);
    }
    flow.heading(3, "Evaluation results");
    if d.evaluations.is_empty() {
        flow.note("No evaluation has been imported for this use case's adapter versions.");
    } else {
        let rows: Vec<Vec<String>> = d
            .evaluations
            .iter()
            .map(|e| {
                let metrics: Vec<String> =
                    e.metrics.iter().map(|m| format!("{}/{} {}", m.suite, m.metric, number(m.value))).collect();
                vec![
                    format!("{} {}", e.id, e.title),
                    e.adapter_version_id.clone(),
                    metrics.join("; "),
                    format!("{} on {}", e.run_by, e.run_on),
                    format!("{} {}", e.file_name, e.sha256),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Evaluation", 1.2),
                Column::left("Version", 0.6),
                Column::left("Metrics", 1.8),
                Column::left("Run by, on", 0.9),
                Column::left("File and SHA-256", 1.6),
            ],
            &rows,
            ts,
        );
    }
    flow.heading(3, "Human oversight");
    let o = &d.oversight;
    flow.fields(&[
        ("Accountable person", or_dash(&o.accountable_person)),
        ("How they intervene", or_dash(&o.intervention_procedure)),
        ("Fallback owner", or_dash(&o.fallback_owner)),
        ("Maximum time to intervene", o.max_intervention_minutes.map_or("—".into(), |m| format!("{m} minutes"))),
        ("Gaps", if o.missing.is_empty() { "none".into() } else { o.missing.join(", ") }),
    ]);
    if let Some(p) = &d.pilot {
        let notes: Vec<String> = p
            .phases
            .iter()
            .filter(|ph| !ph.oversight_note.trim().is_empty())
            .map(|ph| format!("{} ({}): {}", ph.name, ph.audience, ph.oversight_note))
            .collect();
        if !notes.is_empty() {
            flow.paragraph(&format!("Per phase audience: {}", notes.join(" · ")));
        }
    }
}
