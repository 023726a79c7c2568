//! One use case's dossier in the order of EU AI Act Annex IV, sections 1 to 9. A section with
//! nothing to show says so in words; none is left out.

use steerco_core::compliance::frameworks::CoverageStatus;
use steerco_core::compliance::BiasFigures;
use steerco_core::pilots::blueprint::{BlueprintPart, PartContent};
use steerco_core::services::documents::pack::{PackDossier, SignoffState};

use crate::text::{money, number, opt, or_dash, percent, words, yes_no};
use crate::typeset::{Column, Flow, Style};

/// The nine section titles, numbered as Annex IV numbers them.
pub const ANNEX_IV: [&str; 9] = [
    "1. General description",
    "2. Development",
    "3. Monitoring, functioning and control",
    "4. Why these metrics",
    "5. Risk management",
    "6. Changes over the lifecycle",
    "7. Standards applied",
    "8. Sign-offs",
    "9. Post-market monitoring",
];

fn table_style() -> Style {
    Style::BODY.sized(8.0)
}

pub fn write(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
    let u = &d.use_case;
    flow.heading(1, &format!("{} {}", u.id, u.title));
    general(flow, d, currency);
    development(flow, d);
    monitoring_and_control(flow, d);
    metrics(flow, d);
    risk(flow, d);
    changes(flow, d);
    standards(flow, d);
    signoffs(flow, d);
    post_market(flow, d, currency);
}

fn general(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
    let u = &d.use_case;
    flow.heading(2, ANNEX_IV[0]);
    flow.fields(&[
        ("Use case", format!("{} {}", u.id, u.title)),
        ("Business unit", or_dash(&u.business_unit)),
        ("Intended purpose", or_dash(&u.description)),
        ("Workflow in scope", or_dash(&u.workflow)),
        ("Executive sponsor", opt(u.executive_sponsor.as_deref())),
        ("Product owner", opt(u.product_owner.as_deref())),
        ("Risk class (EU AI Act)", u.risk_class.as_ref().map_or("not classified".to_owned(), words)),
        ("Risk notes", or_dash(&u.risk_notes)),
        (
            "Stage and lane",
            format!(
                "{} · {} lane{}",
                words(&u.stage),
                words(&u.lane),
                u.lane_reason.as_ref().map_or(String::new(), |r| format!(" ({r})"))
            ),
        ),
        ("Annual value", money(currency, u.annual_value)),
        ("One-time cost", money(currency, u.one_time_cost)),
        ("Monthly run cost", money(currency, u.monthly_run_cost)),
        ("Payback", u.payback_months.map_or("does not pay back".to_owned(), |m| format!("{m:.1} months"))),
        (
            "Ratings",
            format!(
                "value {} · process criticality {} · guardrail complexity {}",
                number(u.ratings.value),
                number(u.ratings.criticality),
                number(u.ratings.guardrail)
            ),
        ),
    ]);
}

fn development(flow: &mut Flow<'_>, d: &PackDossier) {
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

fn part_text(content: &PartContent) -> String {
    match content {
        PartContent::Policies(p) => {
            if p.policy_ids.is_empty() { "No policy linked.".into() } else { format!("Policies: {}", p.policy_ids.join(", ")) }
        }
        PartContent::Registry(r) => format!("Launch version: {}", opt(r.adapter_version_id.as_deref())),
        PartContent::Security(s) => {
            let accounts: Vec<String> =
                s.service_accounts.iter().map(|a| format!("{} ({})", a.name, a.scopes.join(", "))).collect();
            format!(
                "Access: {} at {}. Secrets in {}: {}. Service accounts: {}. Least-privilege review: {} on {} — {}",
                or_dash(&s.access_what),
                or_dash(&s.access_where),
                or_dash(&s.secrets_store),
                if s.secrets.is_empty() { "—".into() } else { s.secrets.join(", ") },
                if accounts.is_empty() { "—".into() } else { accounts.join("; ") },
                or_dash(&s.least_privilege_reviewed_by),
                opt(s.least_privilege_reviewed_on.as_deref()),
                or_dash(&s.least_privilege_findings)
            )
        }
        PartContent::Monitoring(m) => format!(
            "Traced: {} in {}. Drift: {} baseline {} threshold {} ({}), checked {}. Feedback: {} owned by {}, reviewed {}.",
            or_dash(&m.traced_what),
            or_dash(&m.traced_where),
            or_dash(&m.drift_metric),
            m.drift_baseline.map_or("—".into(), number),
            m.drift_threshold.map_or("—".into(), number),
            m.drift_direction.as_ref().map_or("—".into(), |d| format!("alert {}", words(d))),
            or_dash(&m.drift_check_frequency),
            or_dash(&m.feedback_channel),
            or_dash(&m.feedback_owner),
            or_dash(&m.feedback_review_frequency)
        ),
    }
}

fn monitoring_and_control(flow: &mut Flow<'_>, d: &PackDossier) {
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

fn metrics(flow: &mut Flow<'_>, d: &PackDossier) {
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

fn risk(flow: &mut Flow<'_>, d: &PackDossier) {
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

fn changes(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[5]);
    if d.versions.is_empty() {
        flow.note("No adapter version, so no version history.");
    } else {
        let rows: Vec<Vec<String>> = d
            .versions
            .iter()
            .map(|v| {
                vec![
                    format!("{} {} {}", v.id, v.adapter_name, v.version),
                    words(&v.status),
                    format!("{} on {}", v.imported_by, v.imported_at.format("%Y-%m-%d")),
                    v.data_pack_ids.join(", "),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Version", 1.5),
                Column::left("Status", 0.6),
                Column::left("Imported", 1.2),
                Column::left("Data packs", 1.2),
            ],
            &rows,
            ts,
        );
    }
    for diff in &d.diffs {
        flow.paragraph_styled(&format!("{} → {}", diff.from_label, diff.to_label), Style::LABEL, 0.0);
        if diff.changes.is_empty() {
            flow.note("No configuration field changed.");
        } else {
            let rows: Vec<Vec<String>> =
                diff.changes.iter().map(|c| vec![c.field.clone(), c.before.clone(), c.after.clone()]).collect();
            flow.table(
                &[Column::left("Field", 1.0), Column::left("Before", 1.5), Column::left("After", 1.5)],
                &rows,
                ts,
            );
        }
    }
    flow.heading(3, "Audit excerpt");
    if d.audit.is_empty() {
        flow.note("The audit trail holds no record of this use case's rows.");
    } else {
        let from = d.audit.len().saturating_sub(12);
        flow.paragraph(&format!(
            "The last {} of {} audit records of this use case's rows (all of them are in the appendix):",
            d.audit.len() - from,
            d.audit.len()
        ));
        let rows: Vec<Vec<String>> = d.audit[from..].iter().map(super::audit_row).collect();
        flow.table(&super::audit_columns(), &rows, ts);
    }
}

fn standards(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[6]);
    for f in &d.coverage {
        flow.paragraph_styled(
            &format!(
                "{} — {} covered, {} partial, {} missing, {} outside what Steerco records (of {})",
                f.title, f.covered, f.partial, f.missing, f.outside, f.total
            ),
            Style::LABEL,
            0.0,
        );
        let rows: Vec<Vec<String>> = f
            .items
            .iter()
            .filter(|i| i.status != CoverageStatus::Outside)
            .map(|i| {
                let evidence: Vec<String> = i.evidence.iter().map(|e| e.id.clone()).collect();
                vec![
                    format!("{} {}", i.reference, i.title),
                    words(&i.status),
                    if evidence.is_empty() { "—".into() } else { evidence.join(", ") },
                    i.lacking.join("; "),
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Item", 2.0),
                Column::left("Status", 0.6),
                Column::left("Evidence", 1.3),
                Column::left("Lacking", 1.6),
            ],
            &rows,
            ts,
        );
    }
}

fn signoffs(flow: &mut Flow<'_>, d: &PackDossier) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[7]);
    let rows: Vec<Vec<String>> = d
        .signoffs
        .iter()
        .map(|s| {
            vec![
                format!("{} {}", s.entity_id, s.title),
                match s.state {
                    SignoffState::Current => "current".into(),
                    SignoffState::Stale => "STALE".into(),
                    SignoffState::Awaiting => "awaiting".into(),
                    SignoffState::NeverSigned => "never signed".into(),
                },
                match (&s.signoff_id, &s.signed_by) {
                    (Some(id), Some(by)) => format!(
                        "{id} by {by} ({}) on {}",
                        s.role.as_ref().map_or(String::new(), words),
                        s.signed_at.clone().unwrap_or_default()
                    ),
                    _ => s.reason.clone().unwrap_or_else(|| "—".into()),
                },
            ]
        })
        .collect();
    flow.table(&[Column::left("Record", 1.6), Column::left("State", 0.6), Column::left("Signature", 2.2)], &rows, ts);
    for s in d.signoffs.iter().filter(|s| s.state == SignoffState::Stale) {
        flow.paragraph_styled(&format!("What changed since {} was signed", s.entity_id), Style::LABEL, 0.0);
        if s.changes.is_empty() {
            flow.note("The evidence around the record changed; no field of the record itself.");
        } else {
            let rows: Vec<Vec<String>> =
                s.changes.iter().map(|c| vec![c.field.clone(), c.before.clone(), c.after.clone()]).collect();
            flow.table(&[Column::left("Field", 1.0), Column::left("Signed", 1.5), Column::left("Now", 1.5)], &rows, ts);
        }
    }
}

fn post_market(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
    let ts = table_style();
    flow.heading(2, ANNEX_IV[8]);
    flow.heading(3, "Monitoring plan");
    flow.paragraph(&part_text(&d.blueprint.part(BlueprintPart::Monitoring).content));
    let Some(p) = &d.pilot else {
        flow.note("No pilot is recorded, so there are no KPIs, incidents, drift alerts or feedback yet.");
        value_table(flow, d, currency);
        return;
    };
    flow.heading(3, "KPIs");
    if p.kpis.is_empty() {
        flow.note("The pilot defines no KPI.");
    } else {
        let rows: Vec<Vec<String>> = p
            .kpis
            .iter()
            .map(|k| {
                vec![
                    k.name.clone(),
                    k.unit.clone(),
                    number(k.baseline),
                    number(k.target),
                    if k.higher_is_better { "higher".into() } else { "lower".into() },
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("KPI", 1.5),
                Column::left("Unit", 0.7),
                Column::right("Baseline", 0.7),
                Column::right("Target", 0.7),
                Column::left("Better", 0.6),
            ],
            &rows,
            ts,
        );
    }
    flow.heading(3, "Incidents");
    if p.incidents.is_empty() {
        flow.note("No incident has been recorded.");
    } else {
        let rows: Vec<Vec<String>> = p
            .incidents
            .iter()
            .map(|i| {
                vec![
                    format!("{} {}", i.id, i.occurred_on),
                    format!("{}{}", words(&i.severity), if i.compliance { " · compliance" } else { "" }),
                    i.description.clone(),
                    match &i.resolved_on {
                        Some(on) => format!("{} (resolved {on})", or_dash(&i.resolution)),
                        None => "OPEN".into(),
                    },
                ]
            })
            .collect();
        flow.table(
            &[
                Column::left("Incident", 0.9),
                Column::left("Severity", 0.8),
                Column::left("Description", 2.0),
                Column::left("Resolution", 1.5),
            ],
            &rows,
            ts,
        );
    }
    flow.heading(3, "Drift alerts");
    if d.alerts.is_empty() {
        flow.note("No drift alert has been raised.");
    } else {
        let rows: Vec<Vec<String>> = d
            .alerts
            .iter()
            .map(|a| {
                vec![
                    format!("{} {}", a.id, a.observed_on),
                    format!("{} {} (threshold {})", a.metric, number(a.value), number(a.threshold)),
                    match &a.acknowledged_by {
                        Some(by) => format!(
                            "acknowledged by {by}{}",
                            a.note.as_ref().map_or(String::new(), |n| format!(": {n}"))
                        ),
                        None => "OPEN".into(),
                    },
                ]
            })
            .collect();
        flow.table(&[Column::left("Alert", 1.0), Column::left("Reading", 1.5), Column::left("Status", 2.0)], &rows, ts);
    }
    flow.heading(3, "Feedback");
    if d.feedback.is_empty() {
        flow.note("No feedback has been captured.");
    } else {
        let count: u32 = d.feedback.iter().map(|f| f.count).sum();
        let mean = d.feedback.iter().map(|f| f.rating * f64::from(f.count)).sum::<f64>() / f64::from(count.max(1));
        flow.paragraph(&format!(
            "{count} responses from {} to {}, mean rating {:.2}.",
            d.feedback.first().map_or("", |f| f.received_on.as_str()),
            d.feedback.last().map_or("", |f| f.received_on.as_str()),
            mean
        ));
    }
    value_table(flow, d, currency);
}

fn value_table(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
    flow.heading(3, "Value realised");
    let r = &d.value.returns;
    if d.value.months.is_empty() {
        flow.note("No month of value has been recorded.");
        return;
    }
    flow.fields(&[
        ("Cumulative benefit", money(currency, r.cumulative_benefit)),
        ("Cumulative cost", money(currency, r.cumulative_cost)),
        ("ROI", percent(r.roi)),
        ("Payback month", opt(r.payback_month.as_deref())),
        ("Against plan", words(&r.status)),
    ]);
}
