//! Regulatory frameworks shipped as data (assets/frameworks/): EU AI Act Annex IV, the NIST AI
//! RMF 1.0 subcategories, ISO/IEC 42001 clauses 4–10 and Annex A controls — complete, so totals
//! are the official ones. Each item names the kinds of evidence it requires (all of them), or
//! says why no record of a use case can evidence it (`outside`). Pure: the catalogue and a use
//! case's evidence records in, coverage out.
//!
//! An item is covered only by records that belong to the use case (or to its adapter versions),
//! of every kind it requires, each complete (an oversight plan with nothing missing, an
//! evaluation with a baseline…); it is partial when some required kind has records but not all
//! are satisfied, missing when none has. Each covered item names the records behind it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

const FILES: [&str; 3] = [
    include_str!("../../../../assets/frameworks/eu-ai-act-annex-iv.json"),
    include_str!("../../../../assets/frameworks/nist-ai-rmf.json"),
    include_str!("../../../../assets/frameworks/iso-42001.json"),
];

/// The kinds of Steerco record that evidence framework items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Dossier,
    Policy,
    DataSource,
    DataPack,
    AdapterVersion,
    Evaluation,
    RegressionTest,
    Deployment,
    Lineage,
    OversightPlan,
    BiasCheck,
    AdversarialSuite,
    RiskRegister,
    Signoff,
    AuditTrail,
    SteeringDecision,
    Blueprint,
    SecurityReview,
    MonitoringPlan,
    PilotProtocols,
    IncidentLog,
    DriftMonitoring,
    Feedback,
    Kpi,
    ValueTracking,
}

impl EvidenceKind {
    pub const ALL: &'static [EvidenceKind] = &[
        EvidenceKind::Dossier,
        EvidenceKind::Policy,
        EvidenceKind::DataSource,
        EvidenceKind::DataPack,
        EvidenceKind::AdapterVersion,
        EvidenceKind::Evaluation,
        EvidenceKind::RegressionTest,
        EvidenceKind::Deployment,
        EvidenceKind::Lineage,
        EvidenceKind::OversightPlan,
        EvidenceKind::BiasCheck,
        EvidenceKind::AdversarialSuite,
        EvidenceKind::RiskRegister,
        EvidenceKind::Signoff,
        EvidenceKind::AuditTrail,
        EvidenceKind::SteeringDecision,
        EvidenceKind::Blueprint,
        EvidenceKind::SecurityReview,
        EvidenceKind::MonitoringPlan,
        EvidenceKind::PilotProtocols,
        EvidenceKind::IncidentLog,
        EvidenceKind::DriftMonitoring,
        EvidenceKind::Feedback,
        EvidenceKind::Kpi,
        EvidenceKind::ValueTracking,
    ];

    /// How people call it ("Oversight plan").
    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Dossier => "Dossier",
            EvidenceKind::Policy => "Policy",
            EvidenceKind::DataSource => "Data source",
            EvidenceKind::DataPack => "Data pack",
            EvidenceKind::AdapterVersion => "Adapter version",
            EvidenceKind::Evaluation => "Evaluation",
            EvidenceKind::RegressionTest => "Regression test",
            EvidenceKind::Deployment => "Deployment",
            EvidenceKind::Lineage => "Lineage",
            EvidenceKind::OversightPlan => "Oversight plan",
            EvidenceKind::BiasCheck => "Bias check",
            EvidenceKind::AdversarialSuite => "Adversarial prompt suite",
            EvidenceKind::RiskRegister => "Risk register",
            EvidenceKind::Signoff => "Sign-off",
            EvidenceKind::AuditTrail => "Audit trail",
            EvidenceKind::SteeringDecision => "Steering decision",
            EvidenceKind::Blueprint => "Blueprint",
            EvidenceKind::SecurityReview => "Security review",
            EvidenceKind::MonitoringPlan => "Monitoring plan",
            EvidenceKind::PilotProtocols => "Pilot protocols",
            EvidenceKind::IncidentLog => "Incident log",
            EvidenceKind::DriftMonitoring => "Drift monitoring",
            EvidenceKind::Feedback => "Feedback",
            EvidenceKind::Kpi => "KPI",
            EvidenceKind::ValueTracking => "Value tracking",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkItem {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub summary: String,
    /// Every kind of evidence the item needs (empty when it is `outside`).
    pub requires: Vec<EvidenceKind>,
    /// Why no record of a use case can evidence this item, when none can.
    #[serde(default)]
    pub outside: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Framework {
    pub framework: String,
    pub title: String,
    pub source: String,
    pub items: Vec<FrameworkItem>,
}

/// The shipped frameworks. A file that does not parse is a build defect caught by the tests.
pub fn all() -> CoreResult<Vec<Framework>> {
    FILES.iter().map(|text| Ok(serde_json::from_str(text)?)).collect()
}

/// One record of a use case, as evidence of a kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceRecord {
    pub kind: EvidenceKind,
    /// The record's id (UC-…, AV-…, EV-…, SO-…).
    pub id: String,
    /// Whether the record is complete enough to count.
    pub complete: bool,
    /// What is missing when it is not complete.
    pub lacking: Option<String>,
}

impl EvidenceRecord {
    pub fn complete(kind: EvidenceKind, id: impl Into<String>) -> Self {
        Self { kind, id: id.into(), complete: true, lacking: None }
    }

    /// A record that counts only when `lacking` is `None`.
    pub fn unless(kind: EvidenceKind, id: impl Into<String>, lacking: Option<String>) -> Self {
        Self { kind, id: id.into(), complete: lacking.is_none(), lacking }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    Covered,
    Partial,
    Missing,
    /// Steerco cannot evidence this item; the organisation answers it elsewhere.
    Outside,
}

/// A record behind a covered (or partly covered) item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceRef {
    pub kind: EvidenceKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemCoverage {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub summary: String,
    pub requires: Vec<EvidenceKind>,
    pub status: CoverageStatus,
    /// The complete records that evidence the item.
    pub evidence: Vec<EvidenceRef>,
    /// For each required kind not yet satisfied, what is missing ("Evaluation: no baseline").
    pub lacking: Vec<String>,
    pub outside: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkCoverage {
    pub framework: String,
    pub title: String,
    pub source: String,
    pub covered: u32,
    pub partial: u32,
    pub missing: u32,
    pub outside: u32,
    pub total: u32,
    pub items: Vec<ItemCoverage>,
}

/// Coverage of each framework by one use case's evidence records.
pub fn coverage(frameworks: &[Framework], records: &[EvidenceRecord]) -> Vec<FrameworkCoverage> {
    frameworks
        .iter()
        .map(|f| {
            let items: Vec<ItemCoverage> = f.items.iter().map(|item| item_coverage(item, records)).collect();
            let count = |s: CoverageStatus| items.iter().filter(|i| i.status == s).count() as u32;
            FrameworkCoverage {
                framework: f.framework.clone(),
                title: f.title.clone(),
                source: f.source.clone(),
                covered: count(CoverageStatus::Covered),
                partial: count(CoverageStatus::Partial),
                missing: count(CoverageStatus::Missing),
                outside: count(CoverageStatus::Outside),
                total: items.len() as u32,
                items,
            }
        })
        .collect()
}

fn item_coverage(item: &FrameworkItem, records: &[EvidenceRecord]) -> ItemCoverage {
    let mut evidence = Vec::new();
    let mut lacking = Vec::new();
    let mut satisfied = 0;
    let mut touched = 0;
    for kind in &item.requires {
        let of_kind: Vec<&EvidenceRecord> = records.iter().filter(|r| r.kind == *kind).collect();
        let complete: Vec<&&EvidenceRecord> = of_kind.iter().filter(|r| r.complete).collect();
        if !of_kind.is_empty() {
            touched += 1;
        }
        if complete.is_empty() {
            let why = of_kind.iter().find_map(|r| r.lacking.clone()).unwrap_or_else(|| "none recorded".to_owned());
            lacking.push(format!("{}: {why}", kind.label()));
        } else {
            satisfied += 1;
            evidence.extend(complete.iter().map(|r| EvidenceRef { kind: r.kind, id: r.id.clone() }));
        }
    }
    let status = if item.outside.is_some() || item.requires.is_empty() {
        CoverageStatus::Outside
    } else if satisfied == item.requires.len() {
        CoverageStatus::Covered
    } else if touched > 0 {
        CoverageStatus::Partial
    } else {
        CoverageStatus::Missing
    };
    ItemCoverage {
        id: item.id.clone(),
        reference: item.reference.clone(),
        title: item.title.clone(),
        summary: item.summary.clone(),
        requires: item.requires.clone(),
        status,
        evidence,
        lacking,
        outside: item.outside.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceMapping {
    pub evidence_kind: EvidenceKind,
    pub label: String,
    /// Every item (framework item id) that requires this kind.
    pub items: Vec<String>,
}

/// For each Steerco record type, the framework items that require it.
pub fn mapping(frameworks: &[Framework]) -> Vec<EvidenceMapping> {
    EvidenceKind::ALL
        .iter()
        .map(|kind| EvidenceMapping {
            evidence_kind: *kind,
            label: kind.label().to_owned(),
            items: frameworks
                .iter()
                .flat_map(|f| f.items.iter().filter(|i| i.requires.contains(kind)).map(|i| i.id.clone()))
                .collect(),
        })
        .collect()
}

/// Checks a catalogue's shape: unique ids, and each item either requires evidence or says why it
/// is outside.
pub fn check(framework: &Framework) -> CoreResult<()> {
    let mut ids: Vec<&str> = framework.items.iter().map(|i| i.id.as_str()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    if ids.len() != before {
        return Err(CoreError::Conflict(format!("{}: item ids are not unique", framework.framework)));
    }
    for item in &framework.items {
        match (&item.outside, item.requires.is_empty()) {
            (Some(_), false) => {
                return Err(CoreError::Conflict(format!("{}: both requires evidence and is outside", item.id)))
            }
            (None, true) => return Err(CoreError::Conflict(format!("{}: requires nothing and says not why", item.id))),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(f: &Framework, prefix: &str) -> usize {
        f.items.iter().filter(|i| i.reference.starts_with(prefix)).count()
    }

    #[test]
    fn the_catalogues_are_complete_and_well_formed() {
        let frameworks = all().unwrap();
        for f in &frameworks {
            check(f).unwrap();
        }
        let (annex, nist, iso) = (&frameworks[0], &frameworks[1], &frameworks[2]);
        assert_eq!(annex.items.len(), 25, "Annex IV points 1–9 with 1(a)–(h) and 2(a)–(h)");
        assert_eq!(nist.items.len(), 72, "every NIST AI RMF 1.0 subcategory");
        assert_eq!(
            (count(nist, "GOVERN"), count(nist, "MAP"), count(nist, "MEASURE"), count(nist, "MANAGE")),
            (19, 18, 22, 13)
        );
        assert_eq!(count(iso, "Clause"), 27, "every sub-clause of clauses 4–10");
        assert_eq!(count(iso, "Annex A"), 38, "every Annex A control");
    }

    fn item(requires: &[EvidenceKind]) -> FrameworkItem {
        FrameworkItem {
            id: "X".into(),
            reference: "X".into(),
            title: "x".into(),
            summary: "x".into(),
            requires: requires.to_vec(),
            outside: None,
        }
    }

    #[test]
    fn an_item_is_covered_only_by_every_kind_it_requires_each_complete() {
        use EvidenceKind::*;
        let needs = item(&[Evaluation, OversightPlan]);
        let none = item_coverage(&needs, &[]);
        assert_eq!(none.status, CoverageStatus::Missing);
        let one = [EvidenceRecord::complete(Evaluation, "EV-1")];
        assert_eq!(item_coverage(&needs, &one).status, CoverageStatus::Partial);
        let incomplete = [
            EvidenceRecord::complete(Evaluation, "EV-1"),
            EvidenceRecord::unless(OversightPlan, "UC-1", Some("no fallback owner".into())),
        ];
        let partial = item_coverage(&needs, &incomplete);
        assert_eq!(partial.status, CoverageStatus::Partial);
        assert_eq!(partial.lacking, ["Oversight plan: no fallback owner"]);
        let both = [EvidenceRecord::complete(Evaluation, "EV-1"), EvidenceRecord::complete(OversightPlan, "UC-1")];
        let covered = item_coverage(&needs, &both);
        assert_eq!(covered.status, CoverageStatus::Covered);
        assert_eq!(covered.evidence.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["EV-1", "UC-1"]);
        let outside = FrameworkItem { outside: Some("organisational".into()), ..item(&[]) };
        assert_eq!(item_coverage(&outside, &both).status, CoverageStatus::Outside);
    }
}
