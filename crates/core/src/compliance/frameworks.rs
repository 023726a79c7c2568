//! Regulatory frameworks shipped as data (assets/frameworks/): EU AI Act Annex IV, NIST AI RMF
//! subcategories, ISO/IEC 42001 clauses and Annex A controls. Each item names the Steerco record
//! types that evidence it; coverage of a use case is which items have such evidence and which
//! do not. The data is reviewed text, so it lives in files, not in code.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::CoreResult;

const FILES: [&str; 3] = [
    include_str!("../../../../assets/frameworks/eu-ai-act-annex-iv.json"),
    include_str!("../../../../assets/frameworks/nist-ai-rmf.json"),
    include_str!("../../../../assets/frameworks/iso-42001.json"),
];

/// The record types an item can be evidenced by, as the data files name them.
pub const EVIDENCE_KINDS: &[&str] = &[
    "use_case",
    "policy",
    "data_source",
    "data_pack",
    "adapter_version",
    "evaluation",
    "deployment",
    "lineage",
    "oversight_plan",
    "bias_check",
    "adversarial_suite",
    "risk_register",
    "signoff",
    "audit_trail",
    "steering_decision",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkItem {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub summary: String,
    pub evidenced_by: Vec<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemCoverage {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub summary: String,
    pub evidenced_by: Vec<String>,
    /// The evidence kinds this use case has for the item.
    pub present: Vec<String>,
    pub covered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FrameworkCoverage {
    pub framework: String,
    pub title: String,
    pub source: String,
    pub covered: u32,
    pub total: u32,
    pub items: Vec<ItemCoverage>,
}

/// Which items `present` (the evidence kinds a use case has) covers, per framework.
pub fn coverage(frameworks: &[Framework], present: &[String]) -> Vec<FrameworkCoverage> {
    frameworks
        .iter()
        .map(|f| {
            let items: Vec<ItemCoverage> = f
                .items
                .iter()
                .map(|item| {
                    let found: Vec<String> =
                        item.evidenced_by.iter().filter(|k| present.contains(k)).cloned().collect();
                    ItemCoverage {
                        id: item.id.clone(),
                        reference: item.reference.clone(),
                        title: item.title.clone(),
                        summary: item.summary.clone(),
                        evidenced_by: item.evidenced_by.clone(),
                        covered: !found.is_empty(),
                        present: found,
                    }
                })
                .collect();
            FrameworkCoverage {
                framework: f.framework.clone(),
                title: f.title.clone(),
                source: f.source.clone(),
                covered: items.iter().filter(|i| i.covered).count() as u32,
                total: items.len() as u32,
                items,
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceMapping {
    pub evidence_kind: String,
    /// "framework item-id" for every item the record type evidences.
    pub items: Vec<String>,
}

/// For each Steerco record type, the framework items it evidences.
pub fn mapping(frameworks: &[Framework]) -> Vec<EvidenceMapping> {
    EVIDENCE_KINDS
        .iter()
        .map(|kind| EvidenceMapping {
            evidence_kind: (*kind).to_owned(),
            items: frameworks
                .iter()
                .flat_map(|f| f.items.iter().filter(|i| i.evidenced_by.iter().any(|k| k == kind)).map(|i| i.id.clone()))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_frameworks_parse_and_use_the_known_evidence_kinds() {
        let frameworks = all().unwrap();
        assert_eq!(frameworks.len(), 3);
        let annex = &frameworks[0];
        for section in 1..=9 {
            assert!(
                annex.items.iter().any(|i| i.reference == format!("Annex IV({section})")),
                "Annex IV section {section} is listed"
            );
        }
        for f in &frameworks {
            let mut ids: Vec<&str> = f.items.iter().map(|i| i.id.as_str()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), f.items.len(), "{}: ids are unique", f.framework);
            for item in &f.items {
                for kind in &item.evidenced_by {
                    assert!(EVIDENCE_KINDS.contains(&kind.as_str()), "{}: unknown evidence kind {kind}", item.id);
                }
            }
        }
        let none = coverage(&frameworks, &[]);
        assert!(none.iter().all(|f| f.covered == 0));
        let some = coverage(&frameworks, &["use_case".to_owned()]);
        assert!(some[0].covered > 0 && some[0].covered < some[0].total);
    }
}
