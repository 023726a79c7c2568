//! One use case's dossier in the order of EU AI Act Annex IV, sections 1 to 9. A section with
//! nothing to show says so in words; none is left out.

use steerco_core::pilots::blueprint::PartContent;
use steerco_core::services::documents::pack::PackDossier;

use crate::text::{money, number, opt, or_dash, words};
use crate::typeset::{Flow, Style};

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

pub(super) fn table_style() -> Style {
    Style::BODY.sized(8.0)
}

pub fn write(flow: &mut Flow<'_>, d: &PackDossier, currency: &str) {
    let u = &d.use_case;
    flow.heading(1, &format!("{} {}", u.id, u.title));
    general(flow, d, currency);
    super::development::development(flow, d);
    super::control::monitoring_and_control(flow, d);
    super::control::metrics(flow, d);
    super::control::risk(flow, d);
    super::lifecycle::changes(flow, d);
    super::lifecycle::standards(flow, d);
    super::lifecycle::signoffs(flow, d);
    super::lifecycle::post_market(flow, d, currency);
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

pub(super) fn part_text(content: &PartContent) -> String {
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
