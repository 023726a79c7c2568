//! Annex IV sections 6 to 9: changes over the lifecycle, standards applied, sign-offs (stale ones
//! with what changed), post-market monitoring with the value realised.

use steerco_core::compliance::frameworks::CoverageStatus;
use steerco_core::pilots::blueprint::BlueprintPart;
use steerco_core::services::documents::pack::{PackDossier, SignoffState};

use super::dossier::{part_text, table_style, ANNEX_IV};
use crate::text::{money, number, opt, or_dash, percent, words};
use crate::typeset::{Column, Flow, Style};

pub(super) fn changes(flow: &mut Flow<'_>, d: &PackDossier) {
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
        let rows: Vec<Vec<String>> = d.audit[from..].iter().map(|l| super::audit_row(l)).collect();
        flow.table(&super::audit_columns(), &rows, ts);
    }
}

pub(super) fn standards(flow: &mut Flow<'_>, d: &PackDossier) {
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

pub(super) fn signoffs(flow: &mut Flow<'_>, d: &PackDossier) {
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

pub(super) fn post_market(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
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

pub(super) fn value_table(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
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
