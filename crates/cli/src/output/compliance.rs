//! Printing people, sign-offs, the audit trail, risk controls and framework coverage.

use steerco_api::types::{SignoffQueue, UseCaseCoverage};
use steerco_core::audit::{AuditRecord, VerifyReport};
use steerco_core::compliance::frameworks::CoverageStatus;
use steerco_core::compliance::frameworks::EvidenceMapping;
use steerco_core::compliance::{BiasCheck, BiasFigures, Oversight, Person, Risk, SignoffStatus};

use super::{emit, json, table, Printed};

pub fn people(list: &[Person], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.name.clone(),
                p.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", "),
                if p.active { "active".into() } else { "inactive".into() },
            ]
        })
        .collect();
    emit(&table(&["ID", "NAME", "ROLES", "STATUS"], &rows))
}

pub fn signoffs(list: &[SignoffStatus], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|s| {
            vec![
                s.signoff.id.clone(),
                s.entity_title.clone(),
                s.signoff.signed_by.clone(),
                s.signoff.signed_at.format("%Y-%m-%d %H:%M").to_string(),
                match (s.stale, s.superseded) {
                    (true, _) => "STALE".into(),
                    (false, true) => "superseded".into(),
                    (false, false) => "current".into(),
                },
                s.signoff.content_sha256.chars().take(12).collect(),
            ]
        })
        .collect();
    emit(&table(&["ID", "RECORD", "SIGNED BY", "AT", "STATE", "SHA-256"], &rows))
}

pub fn signoff_queue(q: &SignoffQueue, as_json: bool) -> Printed {
    if as_json {
        return json(q);
    }
    let mut text = format!("Awaiting sign-off ({}):\n", q.awaiting.len());
    for a in &q.awaiting {
        text.push_str(&format!("  {}  — {}\n", a.title, a.reason));
    }
    text.push_str(&format!("Stale ({}):\n", q.stale.len()));
    for s in &q.stale {
        text.push_str(&format!(
            "  {}  signed by {} on {} ({}); changed since:\n",
            s.status.entity_title,
            s.status.signoff.signed_by,
            s.status.signoff.signed_at.format("%Y-%m-%d"),
            s.status.signoff.id
        ));
        for c in &s.changes {
            text.push_str(&format!("    {}: {} → {}\n", c.field, c.before, c.after));
        }
    }
    text.push_str(&format!("Current ({}):\n", q.current.len()));
    for s in &q.current {
        text.push_str(&format!("  {}  signed by {} ({})\n", s.entity_title, s.signoff.signed_by, s.signoff.id));
    }
    emit(&text)
}

pub fn audit_log(records: &[AuditRecord], as_json: bool) -> Printed {
    if as_json {
        return json(records);
    }
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            vec![
                r.seq.to_string(),
                r.at.clone(),
                r.actor.clone(),
                r.action.clone(),
                r.operation.clone(),
                format!("{} {}", r.entity_kind, r.entity_id),
                r.hash.chars().take(12).collect(),
            ]
        })
        .collect();
    emit(&table(&["SEQ", "AT", "ACTOR", "ACTION", "OPERATION", "ENTITY", "HASH"], &rows))
}

pub fn audit_verify(r: &VerifyReport, as_json: bool) -> Printed {
    if as_json {
        return json(r);
    }
    let mut text = match &r.broken {
        None => format!("The audit chain holds: {} records; head {}.\n", r.records, r.head_hash),
        Some(b) => format!("The audit chain is broken at record {}: {}\n", b.seq, b.reason),
    };
    for problem in &r.outside_changes {
        text.push_str(&format!("Outside change: {problem}\n"));
    }
    for c in &r.unacknowledged {
        text.push_str(&format!(
            "Not acknowledged: record {} ({} of {} {}, found {}) was changed outside Steerco; a compliance officer \
             acknowledges it with `steerco audit acknowledge {} --comment …`\n",
            c.seq, c.operation, c.entity_kind, c.entity_id, c.at, c.seq
        ));
    }
    for c in &r.acknowledged {
        text.push_str(&format!(
            "Acknowledged: record {} ({} of {} {}) by {} on {}: {}\n",
            c.seq,
            c.operation,
            c.entity_kind,
            c.entity_id,
            c.acknowledged_by.as_deref().unwrap_or_default(),
            c.acknowledged_at.as_deref().unwrap_or_default(),
            c.comment.as_deref().unwrap_or_default()
        ));
    }
    text.push_str(if r.holds() { "Verified.\n" } else { "NOT VERIFIED.\n" });
    emit(&text)
}

pub fn oversight(list: &[Oversight], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|o| {
            vec![
                o.use_case_id.clone(),
                o.accountable_person.clone(),
                o.fallback_owner.clone(),
                o.max_intervention_minutes.map_or_else(String::new, |m| format!("{m} min")),
                if o.missing.is_empty() { "complete".into() } else { format!("MISSING: {}", o.missing.join(", ")) },
            ]
        })
        .collect();
    emit(&table(&["USE CASE", "ACCOUNTABLE", "FALLBACK OWNER", "INTERVENE WITHIN", "PLAN"], &rows))
}

pub fn bias_checks(list: &[BiasCheck], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let mut text = String::new();
    for b in list {
        text.push_str(&format!(
            "{}  {} for {} — {} (threshold {}; {})\n  file {} sha256 {}\n",
            b.id,
            b.title,
            b.use_case_id,
            if b.passed { "PASS" } else { "FAIL" },
            b.threshold,
            b.threshold_rationale,
            b.file_name,
            b.sha256
        ));
        match &b.figures {
            BiasFigures::DemographicParity(p) => {
                for g in &p.groups {
                    text.push_str(&format!(
                        "    {:<20} {:>6} / {:<6} selection rate {:.3}\n",
                        g.group, g.positive, g.total, g.selection_rate
                    ));
                }
                text.push_str(&format!("    difference {:.3}, ratio {:.3}\n", p.difference, p.ratio));
            }
            BiasFigures::AdversarialPrompts(a) => {
                for c in &a.categories {
                    text.push_str(&format!(
                        "    {:<20} {:>4} / {:<4} pass rate {:.3} {}\n",
                        c.category,
                        c.passed,
                        c.prompts,
                        c.pass_rate,
                        if c.meets_threshold { "ok" } else { "BELOW THRESHOLD" }
                    ));
                }
            }
        }
    }
    emit(&text)
}

pub fn risks(list: &[Risk], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.use_case_id.clone(),
                r.title.clone(),
                format!("{}×{}={}", r.likelihood, r.impact, u32::from(r.likelihood) * u32::from(r.impact)),
                r.owner.clone(),
                r.status.to_string(),
            ]
        })
        .collect();
    emit(&table(&["ID", "USE CASE", "RISK", "L×I", "OWNER", "STATUS"], &rows))
}

pub fn coverage(c: &UseCaseCoverage, as_json: bool) -> Printed {
    if as_json {
        return json(c);
    }
    let complete: Vec<String> = c.evidence.iter().filter(|e| e.complete).map(|e| e.id.clone()).collect();
    let mut text = format!("{} {} — complete evidence: {}\n", c.use_case_id, c.title, complete.join(", "));
    for f in &c.frameworks {
        text.push_str(&format!(
            "\n{} ({}): {} covered, {} partial, {} missing, {} outside Steerco — of {} items\n",
            f.title, f.source, f.covered, f.partial, f.missing, f.outside, f.total
        ));
        for i in &f.items {
            let state = match i.status {
                CoverageStatus::Covered => {
                    format!("covered by {}", i.evidence.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", "))
                }
                CoverageStatus::Partial => format!("partial: {}", i.lacking.join("; ")),
                CoverageStatus::Missing => format!("missing: {}", i.lacking.join("; ")),
                CoverageStatus::Outside => "outside Steerco".to_owned(),
            };
            text.push_str(&format!("  {:<22} {:<60} {state}\n", i.reference, truncate(&i.title, 58)));
        }
    }
    emit(&text)
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

pub fn evidence_mapping(list: &[EvidenceMapping], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list.iter().map(|m| vec![m.label.clone(), m.items.join(", ")]).collect();
    emit(&table(&["RECORD TYPE", "EVIDENCES"], &rows))
}
