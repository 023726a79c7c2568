//! Annex IV sections 3 to 5: monitoring, functioning and control (known limitations, results per
//! group), why these metrics, risk management (the register, launch readiness).

use steerco_core::compliance::BiasFigures;
use steerco_core::pilots::blueprint::{BlueprintPart, PartContent};
use steerco_core::services::documents::pack::PackDossier;

use super::dossier::{table_style, ANNEX_IV};
use crate::text::{number, or_dash, percent, words, yes_no};
use crate::typeset::{Column, Flow, Style};

pub(super) fn monitoring_and_control(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[2]);
    flow.heading(3, "Known limitations");
    let mut limits = Vec::new();
    if !d.use_case.risk_notes.trim().is_empty() {
        limits.push(format!("Risk notes: {}", d.use_case.risk_notes.trim()));
    }
    if !d.use_case.data_readiness_notes.trim().is_empty() {
        limits.push(format!("Data readiness: {}", d.use_case.data_readiness_notes.trim()));
    }
    limits.extend(d.lineage_gaps.iter().map(|g| format!("Lineage gap ({}): {}", g.adapter_version_id, g.message)));
    if limits.is_empty() {
        flow.note("No limitation is recorded: no risk notes, no data-readiness notes and no lineage gap.");
    }
    for l in limits {
        flow.paragraph(&format!("• {l}"));
    }
    flow.heading(3, "Results per group (bias checks)");
    if d.bias_checks.is_empty() {
        flow.note("No bias check (demographic parity or adversarial prompts) has been recorded.");
    }
    for b in &d.bias_checks {
        flow.paragraph_styled(
            &format!(
                "{} {} — {} · threshold {} · {} · run by {} on {}",
                b.id,
                b.title,
                words(&b.kind),
                number(b.threshold),
                if b.passed { "passed" } else { "FAILED" },
                b.run_by,
                b.checked_at.format("%Y-%m-%d")
            ),
            Style::LABEL,
            0.0,
        );
        match &b.figures {
            BiasFigures::DemographicParity(p) => {
                let rows: Vec<Vec<String>> = p
                    .groups
                    .iter()
                    .map(|g| {
                        vec![
                            g.group.clone(),
                            g.total.to_string(),
                            g.positive.to_string(),
                            percent(Some(g.selection_rate)),
                        ]
                    })
                    .collect();
                flow.table(
                    &[
                        Column::left("Group", 2.0),
                        Column::right("Cases", 1.0),
                        Column::right("Positive", 1.0),
                        Column::right("Selection rate", 1.0),
                    ],
                    &rows,
                    ts,
                );
                flow.paragraph(&format!(
                    "Difference {} · ratio {} (four-fifths rule)",
                    number(p.difference),
                    number(p.ratio)
                ));
            }
            BiasFigures::AdversarialPrompts(a) => {
                let rows: Vec<Vec<String>> = a
                    .categories
                    .iter()
                    .map(|c| {
                        vec![
                            c.category.clone(),
                            c.prompts.to_string(),
                            c.passed.to_string(),
                            percent(Some(c.pass_rate)),
                            yes_no(c.meets_threshold),
                        ]
                    })
                    .collect();
                flow.table(
                    &[
                        Column::left("Category", 2.0),
                        Column::right("Prompts", 1.0),
                        Column::right("Passed", 1.0),
                        Column::right("Pass rate", 1.0),
                        Column::left("Meets threshold", 1.0),
                    ],
                    &rows,
                    ts,
                );
            }
        }
    }
}

pub(super) fn metrics(flow: &mut Flow<'_>, d: &PackDossier) {
    flow.heading(2, ANNEX_IV[3]);
    let mut said = false;
    if let Some(p) = &d.pilot {
        if !p.protocols.evaluation_suite.trim().is_empty() || !p.protocols.acceptance.is_empty() {
            said = true;
            let acceptance: Vec<String> = p
                .protocols
                .acceptance
                .iter()
                .map(|a| format!("{} {} {}", a.metric, if a.higher_is_better { "≥" } else { "≤" }, number(a.threshold)))
                .collect();
            flow.paragraph(&format!(
                "The pilot's evaluation protocol runs the suite {} and accepts the adapter when {}.",
                or_dash(&p.protocols.evaluation_suite),
                if acceptance.is_empty() {
                    "— (no acceptance threshold recorded)".into()
                } else {
                    acceptance.join(", ")
                }
            ));
        }
    }
    for b in &d.bias_checks {
        if !b.threshold_rationale.trim().is_empty() {
            said = true;
            flow.paragraph(&format!("{} threshold {}: {}", b.id, number(b.threshold), b.threshold_rationale.trim()));
        }
    }
    if let PartContent::Monitoring(m) = &d.blueprint.part(BlueprintPart::Monitoring).content {
        if !m.drift_metric.trim().is_empty() {
            said = true;
            flow.paragraph(&format!(
                "Drift is watched on {} against a threshold of {}, checked {}.",
                m.drift_metric,
                m.drift_threshold.map_or("—".into(), number),
                or_dash(&m.drift_check_frequency)
            ));
        }
    }
    if !said {
        flow.note("No evaluation protocol, bias threshold rationale or drift metric is recorded, so no metric choice can be explained.");
    }
}

pub(super) fn risk(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[4]);
    flow.heading(3, "Risk register");
    if d.risks.is_empty() {
        flow.note("The risk register holds no risk for this use case.");
    } else {
        let rows: Vec<Vec<String>> = d
            .risks
            .iter()
            .map(|r| {
                vec![
                    format!("{} {}", r.id, r.title),
                    format!("{}×{} = {}", r.likelihood, r.impact, u32::from(r.likelihood) * u32::from(r.impact)),
                    words(&r.status),
                    or_dash(&r.owner),
                    or_dash(&r.mitigation),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Risk", 1.6),
                Column::left("Likelihood × impact", 0.7),
                Column::left("Status", 0.6),
                Column::left("Owner", 0.8),
                Column::left("Mitigation", 2.0),
            ],
            &rows,
            ts,
        );
    }
    flow.heading(3, "Launch readiness");
    let rows: Vec<Vec<String>> = d
        .readiness
        .items
        .iter()
        .map(|i| vec![i.title.clone(), if i.met { "met".into() } else { "NOT MET".into() }, i.detail.clone()])
        .collect();
    flow.table(&[Column::left("Item", 1.5), Column::left("Status", 0.5), Column::left("Detail", 2.5)], &rows, ts);
    flow.paragraph(if d.readiness.ready { "Every readiness item holds." } else { "Not every readiness item holds." });
}
