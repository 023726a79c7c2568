//! A use case's architecture blueprint, the playbook's four parts: the policy guardrails that
//! apply, the adapter version intended for launch, the security overlays, and monitoring. Each
//! part has an owner and a "reviewed by, on" stamp; any later change to the part clears the
//! stamp. This module is pure: what a part holds, how it is checked, when it is complete.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::required_text;
use crate::error::{CoreError, CoreResult};
use crate::registry::iso_date;
use crate::text_enum::text_enum;

const TEXT_MAX: usize = 2000;
const NAME_MAX: usize = 200;
const LIST_MAX: usize = 50;

/// The four parts, in the playbook's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BlueprintPart {
    Policies,
    Registry,
    Security,
    Monitoring,
}

text_enum!(BlueprintPart, "part", {
    Policies => "policies",
    Registry => "registry",
    Security => "security",
    Monitoring => "monitoring",
});

impl BlueprintPart {
    pub fn title(self) -> &'static str {
        match self {
            BlueprintPart::Policies => "Policy guardrails",
            BlueprintPart::Registry => "Registry: launch version",
            BlueprintPart::Security => "Security overlays",
            BlueprintPart::Monitoring => "Monitoring",
        }
    }
}

/// Which policies apply (ids of stored policies).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PoliciesPart {
    pub policy_ids: Vec<String>,
}

/// The adapter version intended for launch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RegistryPart {
    pub adapter_version_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ServiceAccount {
    pub name: String,
    pub scopes: Vec<String>,
}

/// Identity-aware access, secrets, training service accounts and the least-privilege review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SecurityPart {
    /// What stands in front of the endpoint ("OIDC proxy with group claims").
    pub access_what: String,
    /// Where ("claims-llm.internal gateway").
    pub access_where: String,
    /// Which secrets store ("HashiCorp Vault, kv/claims-llm").
    pub secrets_store: String,
    pub secrets: Vec<String>,
    pub service_accounts: Vec<ServiceAccount>,
    pub least_privilege_reviewed_by: String,
    pub least_privilege_reviewed_on: Option<String>,
    pub least_privilege_findings: String,
}

/// Which way a drift metric must not cross its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DriftDirection {
    Above,
    Below,
}

text_enum!(DriftDirection, "drift_direction", { Above => "above", Below => "below" });

/// Tracing, drift detection and feedback capture, defined before the first pilot launches.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitoringPart {
    /// What is traced ("prompts, completions, tool calls, latency").
    pub traced_what: String,
    /// Where the traces go ("OpenTelemetry → Tempo, 30 days").
    pub traced_where: String,
    pub drift_metric: String,
    pub drift_baseline: Option<f64>,
    pub drift_threshold: Option<f64>,
    /// An alert opens when a value goes above (or below) the threshold.
    pub drift_direction: Option<DriftDirection>,
    pub drift_check_frequency: String,
    pub feedback_channel: String,
    pub feedback_owner: String,
    pub feedback_review_frequency: String,
}

/// One part's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum PartContent {
    Policies(PoliciesPart),
    Registry(RegistryPart),
    Security(SecurityPart),
    Monitoring(MonitoringPart),
}

impl PartContent {
    pub fn part(&self) -> BlueprintPart {
        match self {
            PartContent::Policies(_) => BlueprintPart::Policies,
            PartContent::Registry(_) => BlueprintPart::Registry,
            PartContent::Security(_) => BlueprintPart::Security,
            PartContent::Monitoring(_) => BlueprintPart::Monitoring,
        }
    }

    pub fn empty(part: BlueprintPart) -> PartContent {
        match part {
            BlueprintPart::Policies => PartContent::Policies(PoliciesPart::default()),
            BlueprintPart::Registry => PartContent::Registry(RegistryPart::default()),
            BlueprintPart::Security => PartContent::Security(SecurityPart::default()),
            BlueprintPart::Monitoring => PartContent::Monitoring(MonitoringPart::default()),
        }
    }

    /// Trims and bounds every field, refusing what cannot be stored (by field name). Blank
    /// fields are allowed: a part may be saved half-done and is then incomplete.
    pub fn validated(&self) -> CoreResult<PartContent> {
        Ok(match self {
            PartContent::Policies(p) => {
                PartContent::Policies(PoliciesPart { policy_ids: ids("policy_ids", &p.policy_ids)? })
            }
            PartContent::Registry(r) => PartContent::Registry(RegistryPart {
                adapter_version_id: optional("adapter_version_id", r.adapter_version_id.as_deref(), 40)?,
            }),
            PartContent::Security(s) => PartContent::Security(SecurityPart {
                access_what: bounded("access_what", &s.access_what, TEXT_MAX)?,
                access_where: bounded("access_where", &s.access_where, TEXT_MAX)?,
                secrets_store: bounded("secrets_store", &s.secrets_store, TEXT_MAX)?,
                secrets: list("secrets", &s.secrets)?,
                service_accounts: {
                    if s.service_accounts.len() > LIST_MAX {
                        return Err(CoreError::invalid("service_accounts", format!("at most {LIST_MAX}")));
                    }
                    s.service_accounts
                        .iter()
                        .map(|a| {
                            Ok(ServiceAccount {
                                name: required_text("service_accounts", &a.name, NAME_MAX)?,
                                scopes: list("service_accounts", &a.scopes)?,
                            })
                        })
                        .collect::<CoreResult<_>>()?
                },
                least_privilege_reviewed_by: bounded(
                    "least_privilege_reviewed_by",
                    &s.least_privilege_reviewed_by,
                    NAME_MAX,
                )?,
                least_privilege_reviewed_on: s
                    .least_privilege_reviewed_on
                    .as_deref()
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(|d| iso_date("least_privilege_reviewed_on", d))
                    .transpose()?,
                least_privilege_findings: bounded("least_privilege_findings", &s.least_privilege_findings, TEXT_MAX)?,
            }),
            PartContent::Monitoring(m) => {
                for (field, value) in [("drift_baseline", m.drift_baseline), ("drift_threshold", m.drift_threshold)] {
                    if value.is_some_and(|v| !v.is_finite()) {
                        return Err(CoreError::invalid(field, "must be a finite number"));
                    }
                }
                PartContent::Monitoring(MonitoringPart {
                    traced_what: bounded("traced_what", &m.traced_what, TEXT_MAX)?,
                    traced_where: bounded("traced_where", &m.traced_where, TEXT_MAX)?,
                    drift_metric: bounded("drift_metric", &m.drift_metric, NAME_MAX)?,
                    drift_baseline: m.drift_baseline,
                    drift_threshold: m.drift_threshold,
                    drift_direction: m.drift_direction,
                    drift_check_frequency: bounded("drift_check_frequency", &m.drift_check_frequency, NAME_MAX)?,
                    feedback_channel: bounded("feedback_channel", &m.feedback_channel, NAME_MAX)?,
                    feedback_owner: bounded("feedback_owner", &m.feedback_owner, NAME_MAX)?,
                    feedback_review_frequency: bounded(
                        "feedback_review_frequency",
                        &m.feedback_review_frequency,
                        NAME_MAX,
                    )?,
                })
            }
        })
    }

    /// What the part still lacks, by field, in words; empty when complete.
    pub fn missing(&self) -> Vec<String> {
        let mut missing = Vec::new();
        let mut need = |ok: bool, what: &str| {
            if !ok {
                missing.push(what.to_owned());
            }
        };
        match self {
            PartContent::Policies(p) => need(!p.policy_ids.is_empty(), "at least one policy guardrail"),
            PartContent::Registry(r) => need(r.adapter_version_id.is_some(), "the adapter version intended for launch"),
            PartContent::Security(s) => {
                need(!s.access_what.is_empty() && !s.access_where.is_empty(), "identity-aware access (what, where)");
                need(!s.secrets_store.is_empty() && !s.secrets.is_empty(), "secrets management (store, secrets)");
                need(
                    !s.service_accounts.is_empty() && s.service_accounts.iter().all(|a| !a.scopes.is_empty()),
                    "service accounts for training (name, scopes)",
                );
                need(
                    !s.least_privilege_reviewed_by.is_empty()
                        && s.least_privilege_reviewed_on.is_some()
                        && !s.least_privilege_findings.is_empty(),
                    "a least-privilege review (by whom, when, findings)",
                );
            }
            PartContent::Monitoring(m) => {
                need(!m.traced_what.is_empty() && !m.traced_where.is_empty(), "tracing (what, where)");
                need(self.drift_defined(), "drift detection (metric, baseline, threshold, direction, frequency)");
                need(self.feedback_defined(), "feedback capture (channel, owner, review frequency)");
            }
        }
        missing
    }

    /// A drift metric with a threshold (the launch readiness item).
    pub fn drift_defined(&self) -> bool {
        matches!(self, PartContent::Monitoring(m) if !m.drift_metric.is_empty()
            && m.drift_baseline.is_some()
            && m.drift_threshold.is_some()
            && m.drift_direction.is_some()
            && !m.drift_check_frequency.is_empty())
    }

    pub fn feedback_defined(&self) -> bool {
        matches!(self, PartContent::Monitoring(m) if !m.feedback_channel.is_empty()
            && !m.feedback_owner.is_empty()
            && !m.feedback_review_frequency.is_empty())
    }
}

fn bounded(field: &str, value: &str, max: usize) -> CoreResult<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(CoreError::invalid(field, format!("is longer than {max} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(CoreError::invalid(field, "contains control characters"));
    }
    Ok(value.to_owned())
}

fn optional(field: &str, value: Option<&str>, max: usize) -> CoreResult<Option<String>> {
    Ok(value.map(|v| bounded(field, v, max)).transpose()?.filter(|v| !v.is_empty()))
}

fn list(field: &str, values: &[String]) -> CoreResult<Vec<String>> {
    if values.len() > LIST_MAX {
        return Err(CoreError::invalid(field, format!("at most {LIST_MAX} entries")));
    }
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let v = bounded(field, v, NAME_MAX)?;
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

fn ids(field: &str, values: &[String]) -> CoreResult<Vec<String>> {
    let mut ids = list(field, values)?;
    ids.sort();
    Ok(ids)
}

/// One part as stored: its content, owner, who changed it last and the review stamp.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BlueprintPartRecord {
    pub part: BlueprintPart,
    pub title: String,
    pub owner: String,
    pub content: PartContent,
    /// What the part still lacks; empty when complete.
    pub missing: Vec<String>,
    pub updated_by: Option<String>,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl BlueprintPartRecord {
    pub fn reviewed(&self) -> bool {
        self.reviewed_by.is_some()
    }
}

/// A use case's blueprint: all four parts, the ones never written empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Blueprint {
    pub use_case_id: String,
    pub parts: Vec<BlueprintPartRecord>,
}

impl Blueprint {
    /// Every part complete and reviewed since its last change.
    pub fn complete_and_reviewed(&self) -> bool {
        self.parts.iter().all(|p| p.missing.is_empty() && p.reviewed())
    }

    pub fn part(&self, part: BlueprintPart) -> &BlueprintPartRecord {
        self.parts.iter().find(|p| p.part == part).expect("a blueprint has all four parts")
    }

    /// The adapter version the registry part names for launch, if any.
    pub fn launch_version(&self) -> Option<&str> {
        match &self.part(BlueprintPart::Registry).content {
            PartContent::Registry(r) => r.adapter_version_id.as_deref(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_part_lists_what_it_lacks_and_a_full_one_nothing() {
        for &part in BlueprintPart::ALL {
            assert!(!PartContent::empty(part).missing().is_empty(), "{part}");
        }
        let monitoring = PartContent::Monitoring(MonitoringPart {
            traced_what: "prompts, completions".into(),
            traced_where: "Tempo".into(),
            drift_metric: "escalation_rate".into(),
            drift_baseline: Some(0.12),
            drift_threshold: Some(0.2),
            drift_direction: Some(DriftDirection::Above),
            drift_check_frequency: "daily".into(),
            feedback_channel: "thumbs in the claims tool".into(),
            feedback_owner: "Marco Ferri".into(),
            feedback_review_frequency: "weekly".into(),
        });
        assert!(monitoring.missing().is_empty());
        assert!(monitoring.drift_defined() && monitoring.feedback_defined());
    }

    #[test]
    fn bad_fields_are_refused_by_name() {
        let bad = PartContent::Monitoring(MonitoringPart { drift_threshold: Some(f64::NAN), ..Default::default() });
        assert!(matches!(bad.validated(), Err(CoreError::Invalid { field, .. }) if field == "drift_threshold"));
        let bad = PartContent::Security(SecurityPart {
            least_privilege_reviewed_on: Some("last week".into()),
            ..Default::default()
        });
        assert!(
            matches!(bad.validated(), Err(CoreError::Invalid { field, .. }) if field == "least_privilege_reviewed_on")
        );
        let bad = PartContent::Security(SecurityPart { access_what: "a\u{1b}[31m".into(), ..Default::default() });
        assert!(matches!(bad.validated(), Err(CoreError::Invalid { field, .. }) if field == "access_what"));
    }
}
