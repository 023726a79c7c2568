//! Output for steering: meetings (agenda, decisions, minutes), the backlog, the checklist and the
//! improvement cadence.

use steerco_api::types::{
    BacklogItem, CadenceView, Checklist, Meeting, MeetingAgenda, MeetingDecision, MeetingSummary,
};
use steerco_core::services::steering::checklist::ChecklistStatus;

use super::{emit, json, money, table, Printed};

pub fn agenda(a: &MeetingAgenda, as_json: bool) -> Printed {
    if as_json {
        return json(a);
    }
    let m = &a.meeting;
    let state = if m.is_closed() { "closed" } else { "open" };
    let mut text = format!(
        "{} steering meeting of {} ({state}); attendees: {}\n{} item(s), {} without a decision\n",
        m.id,
        m.held_on,
        m.attendees.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
        a.items.len(),
        a.pending
    );
    for i in &a.items {
        text.push_str(&format!("\n[{}] {} — {}\n  {}\n", i.item, i.kind.label(), i.title, i.detail));
        for e in &i.evidence {
            text.push_str(&format!("  · {e}\n"));
        }
        match &i.decision {
            Some(d) => text
                .push_str(&format!("  DECIDED {} by {}: {} → {}\n", d.decision, d.decided_by, d.rationale, d.outcome)),
            None => text.push_str(&format!(
                "  decide with: {}\n",
                i.choices.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    emit(&text)
}

pub fn meetings(list: &[MeetingSummary], as_json: bool) -> Printed {
    if as_json {
        return json(list);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.held_on.clone(),
                if m.closed { "closed" } else { "open" }.to_owned(),
                m.attendees.to_string(),
                m.decisions.to_string(),
                m.actions.to_string(),
            ]
        })
        .collect();
    emit(&table(&["ID", "DATE", "STATE", "ATTENDEES", "DECISIONS", "ACTIONS"], &rows))
}

pub fn decision(d: &MeetingDecision, as_json: bool) -> Printed {
    if as_json {
        return json(d);
    }
    emit(&format!("{}: {} on {} ({}) by {}. {}\n", d.id, d.decision, d.item, d.title, d.decided_by, d.outcome))
}

pub fn minutes(m: &Meeting, as_json: bool) -> Printed {
    if as_json {
        return json(m);
    }
    let mut text = format!(
        "Minutes of the steering meeting {} of {}\nAttendees: {}\n",
        m.id,
        m.held_on,
        m.attendees.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    );
    text.push_str("\nDecisions\n");
    if m.decisions.is_empty() {
        text.push_str("  none\n");
    }
    for d in &m.decisions {
        text.push_str(&format!(
            "  {} [{}] {}: {} by {} — {}\n    did: {}\n",
            d.id, d.item, d.title, d.decision, d.decided_by, d.rationale, d.outcome
        ));
    }
    text.push_str("\nActions\n");
    if m.actions.is_empty() {
        text.push_str("  none\n");
    }
    for a in &m.actions {
        text.push_str(&format!("  {} {} — {} by {}\n", a.id, a.description, a.owner_name, a.due_on));
    }
    match (&m.closed_at, &m.audit_head) {
        (Some(at), Some(head)) => text.push_str(&format!(
            "\nClosed {} by {}. Audit trail head at the close: record {} {head}\n",
            chrono::DateTime::parse_from_rfc3339(at)
                .map_or_else(|_| at.clone(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
            m.closed_by.as_deref().unwrap_or_default(),
            m.audit_seq.unwrap_or_default()
        )),
        _ => text.push_str("\nOpen: these minutes are not final.\n"),
    }
    emit(&text)
}

pub fn backlog(items: &[BacklogItem], as_json: bool) -> Printed {
    if as_json {
        return json(items);
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|b| {
            vec![
                b.id.clone(),
                b.title.clone(),
                b.status.to_string(),
                b.proposer.clone(),
                b.proposed_on.clone(),
                b.estimate.annual_value.map(money).unwrap_or_default(),
                b.use_case_id.clone().unwrap_or_default(),
            ]
        })
        .collect();
    emit(&table(&["ID", "TITLE", "STATUS", "PROPOSER", "PROPOSED", "ANNUAL VALUE", "USE CASE"], &rows))
}

pub fn checklist(c: &Checklist, as_json: bool) -> Printed {
    if as_json {
        return json(c);
    }
    let mut text = format!("Implementation checklist: {} of {} met\n", c.met, c.items.len());
    for i in &c.items {
        let mark = match i.status {
            ChecklistStatus::Met => "met",
            ChecklistStatus::Partial => "partial",
            ChecklistStatus::NotMet => "not met",
        };
        text.push_str(&format!("\n[{mark}] {}\n  {}\n", i.title, i.detail));
        if !i.evidence.is_empty() {
            text.push_str(&format!("  evidence: {}\n", i.evidence.join(", ")));
        }
        for g in &i.gaps {
            text.push_str(&format!("  missing: {g}\n"));
        }
    }
    emit(&text)
}

pub fn cadence(v: &CadenceView, as_json: bool) -> Printed {
    if as_json {
        return json(v);
    }
    let mut text = String::new();
    for s in &v.status {
        text.push_str(&format!(
            "{}: {}{}\n",
            s.kind.label(),
            s.last_held_on.as_deref().map_or_else(|| "never held".to_owned(), |d| format!("last held {d}")),
            if s.overdue { " — OVERDUE" } else { "" }
        ));
    }
    let rows: Vec<Vec<String>> = v
        .events
        .iter()
        .map(|e| {
            vec![
                e.id.clone(),
                e.held_on.clone(),
                e.kind.label().to_owned(),
                e.audience.clone(),
                e.attendance.to_string(),
                e.outcomes.clone(),
            ]
        })
        .collect();
    text.push('\n');
    text.push_str(&table(&["ID", "DATE", "KIND", "AUDIENCE", "ATTENDED", "OUTCOMES"], &rows));
    emit(&text)
}
