//! The evidence a use case gathers from the architecture stage on: its blueprint (the security
//! review and the monitoring plan are parts of it), its pilot's protocols, KPIs and incident log,
//! drift monitoring and feedback, value tracking, the regression gate of its released versions,
//! and the steering decisions taken on it. Each record is judged complete by the rule beside it,
//! so a pack or the coverage page never says "none recorded" of something that is there.

use rusqlite::Connection;

use crate::compliance::frameworks::{EvidenceKind as K, EvidenceRecord};
use crate::pilots::blueprint::{BlueprintPart, PartContent};
use crate::registry::{AdapterStatus, AdapterVersion};
use crate::services::pilots::blueprint;
use crate::services::registry::regression;
use crate::store::{meeting, monitoring, pilot, value};

pub(crate) fn evidence(
    c: &Connection,
    use_case_id: &str,
    versions: &[&AdapterVersion],
) -> crate::error::CoreResult<Vec<EvidenceRecord>> {
    let mut out = Vec::new();
    let bp = blueprint::read_in(c, use_case_id)?;
    let written = |part: BlueprintPart| bp.part(part).updated_at.is_some();
    if bp.parts.iter().any(|p| p.updated_at.is_some()) {
        let open: Vec<String> = bp
            .parts
            .iter()
            .filter(|p| !p.missing.is_empty() || !p.reviewed())
            .map(|p| p.title.to_lowercase())
            .collect();
        out.push(EvidenceRecord::unless(
            K::Blueprint,
            format!("blueprint:{use_case_id}"),
            (!open.is_empty()).then(|| format!("blueprint parts not complete and reviewed: {}", open.join(", "))),
        ));
    }
    if written(BlueprintPart::Security) {
        if let PartContent::Security(s) = &bp.part(BlueprintPart::Security).content {
            let reviewed = !s.least_privilege_reviewed_by.trim().is_empty() && s.least_privilege_reviewed_on.is_some();
            out.push(EvidenceRecord::unless(
                K::SecurityReview,
                format!("security:{use_case_id}"),
                (!reviewed).then(|| "no least-privilege review recorded".to_owned()),
            ));
        }
    }
    let monitoring_part = bp.part(BlueprintPart::Monitoring);
    if written(BlueprintPart::Monitoring) {
        out.push(EvidenceRecord::unless(
            K::MonitoringPlan,
            format!("monitoring:{use_case_id}"),
            (!monitoring_part.missing.is_empty())
                .then(|| format!("the monitoring plan lacks {}", monitoring_part.missing.join(", "))),
        ));
    }
    let pilot_id = pilot::id_for_use_case(c, use_case_id)?;
    if let Some(pilot) = match &pilot_id {
        Some(id) => pilot::get(c, id)?,
        None => None,
    } {
        out.push(EvidenceRecord::unless(
            K::PilotProtocols,
            &pilot.id,
            (!pilot.missing_protocols.is_empty())
                .then(|| format!("protocols not defined: {}", pilot.missing_protocols.join(", "))),
        ));
        out.extend(pilot.kpis.iter().map(|k| EvidenceRecord::complete(K::Kpi, &k.id)));
        if pilot.incidents.is_empty() {
            out.push(EvidenceRecord::complete(K::IncidentLog, format!("incidents:{}", pilot.id)));
        }
        for i in &pilot.incidents {
            out.push(EvidenceRecord::unless(
                K::IncidentLog,
                &i.id,
                i.resolved_on.is_none().then(|| format!("{} is not resolved", i.id)),
            ));
        }
        if let PartContent::Monitoring(m) = &monitoring_part.content {
            if !m.drift_metric.trim().is_empty() {
                let points = monitoring::points(c, &pilot.id)?;
                out.push(EvidenceRecord::unless(
                    K::DriftMonitoring,
                    format!("drift:{}", pilot.id),
                    points.is_empty().then(|| format!("no reading of {} recorded yet", m.drift_metric)),
                ));
            }
            if !m.feedback_channel.trim().is_empty() {
                let feedback = monitoring::feedback(c, &pilot.id)?;
                out.push(EvidenceRecord::unless(
                    K::Feedback,
                    format!("feedback:{}", pilot.id),
                    feedback.is_empty().then(|| format!("no feedback received through {} yet", m.feedback_channel)),
                ));
            }
        }
    }
    if !value::months(c, use_case_id)?.is_empty() {
        out.push(EvidenceRecord::complete(K::ValueTracking, format!("value:{use_case_id}")));
    }
    for v in versions.iter().filter(|v| matches!(v.status, AdapterStatus::Approved | AdapterStatus::Deployed)) {
        let check = regression::check_in(c, &v.id)?;
        out.push(EvidenceRecord::unless(K::RegressionTest, &v.id, check.refusal()));
    }
    let mut subjects: Vec<&str> = vec![use_case_id];
    subjects.extend(versions.iter().map(|v| v.id.as_str()));
    subjects.extend(pilot_id.as_deref());
    for decision in meeting::decisions_on(c, &subjects)? {
        out.push(EvidenceRecord::complete(K::SteeringDecision, decision));
    }
    Ok(out)
}
