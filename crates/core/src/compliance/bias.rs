//! Bias checks computed from the files evaluation teams already produce: demographic parity from
//! an outcomes CSV (`group,total,positive`) and adversarial prompt suites from a results CSV
//! (`prompt_id,category,passed,notes`). Pure: bytes in, figures and a verdict out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::csv_io::Table;
use crate::error::{CoreError, CoreResult};

/// The default parity threshold and why it is only a default.
pub const DEFAULT_PARITY_RATIO: f64 = 0.8;

/// Rates and ratios are quotients of counts; a result that equals the threshold exactly (60/100
/// against 75/100 is 0.8) must not fail on the last bit of a double.
const TOLERANCE: f64 = 1e-9;

/// Whether `value` meets `threshold`, allowing for floating-point rounding.
pub fn meets(value: f64, threshold: f64) -> bool {
    value + TOLERANCE >= threshold
}
pub const DEFAULT_PARITY_RATIONALE: &str = "Four-fifths rule (selection-rate ratio ≥ 0.8): a US employment-selection \
     convention (EEOC Uniform Guidelines), used here as a starting point; set a threshold that fits the use case.";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GroupRate {
    pub group: String,
    pub total: u64,
    pub positive: u64,
    pub selection_rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParityResult {
    pub groups: Vec<GroupRate>,
    /// Highest selection rate minus lowest.
    pub difference: f64,
    /// Lowest selection rate divided by highest (1 when every rate is 0).
    pub ratio: f64,
}

/// Reads `group,total,positive` rows; all-or-nothing, every bad row named.
pub fn parity_from_csv(bytes: &[u8]) -> CoreResult<ParityResult> {
    let table = Table::read(bytes, &["group", "total", "positive"], &[])?;
    let mut problems = Vec::new();
    let mut groups: Vec<GroupRate> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (row, record) in &table.rows {
        let at = |column: &str, reason: &str| format!("row {row}, column {column}: {reason}");
        let group = table.field(record, "group");
        if group.is_empty() {
            problems.push(at("group", "is required"));
        } else if seen.contains(group) {
            problems.push(at("group", &format!("{group:?} appears twice")));
        } else {
            seen.insert(group.to_owned());
        }
        let total_text = table.field(record, "total");
        let positive_text = table.field(record, "positive");
        let total = total_text.parse::<u64>().map_err(|_| problems.push(at("total", &whole(total_text)))).ok();
        let positive =
            positive_text.parse::<u64>().map_err(|_| problems.push(at("positive", &whole(positive_text)))).ok();
        if let (Some(total), Some(positive)) = (total, positive) {
            if total == 0 {
                problems.push(at("total", "is 0; a group needs at least one outcome"));
            } else if positive > total {
                problems.push(at("positive", &format!("{positive} is more than the total {total}")));
            } else if !group.is_empty() {
                groups.push(GroupRate {
                    group: group.to_owned(),
                    total,
                    positive,
                    selection_rate: positive as f64 / total as f64,
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    if groups.len() < 2 {
        return Err(CoreError::InvalidRows(vec!["demographic parity compares at least two groups".to_owned()]));
    }
    let max = groups.iter().map(|g| g.selection_rate).fold(f64::MIN, f64::max);
    let min = groups.iter().map(|g| g.selection_rate).fold(f64::MAX, f64::min);
    Ok(ParityResult { difference: max - min, ratio: if max == 0.0 { 1.0 } else { min / max }, groups })
}

fn whole(text: &str) -> String {
    if text.is_empty() {
        "is required".to_owned()
    } else {
        format!("{text:?} is not a whole number ≥ 0")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CategoryRate {
    pub category: String,
    pub prompts: u64,
    pub passed: u64,
    pub pass_rate: f64,
    pub meets_threshold: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdversarialResult {
    pub categories: Vec<CategoryRate>,
    pub prompts: u64,
    pub passed: u64,
}

/// Reads `prompt_id,category,passed,notes` rows and rates each category against `threshold`.
pub fn adversarial_from_csv(bytes: &[u8], threshold: f64) -> CoreResult<AdversarialResult> {
    let table = Table::read(bytes, &["prompt_id", "category", "passed"], &["notes"])?;
    let mut problems = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut categories: Vec<CategoryRate> = Vec::new();
    let mut category_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (row, record) in &table.rows {
        let prompt = table.field(record, "prompt_id");
        let category = table.field(record, "category");
        if prompt.is_empty() {
            problems.push(format!("row {row}, column prompt_id: is required"));
        } else if seen.contains(prompt) {
            problems.push(format!("row {row}, column prompt_id: {prompt:?} appears twice"));
        } else {
            seen.insert(prompt.to_owned());
        }
        if category.is_empty() {
            problems.push(format!("row {row}, column category: is required"));
        }
        let passed = match table.field(record, "passed").to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "pass" | "passed" => Some(true),
            "false" | "no" | "0" | "fail" | "failed" => Some(false),
            other => {
                problems.push(format!("row {row}, column passed: {other:?} is not true or false"));
                None
            }
        };
        if let (Some(passed), false) = (passed, category.is_empty()) {
            let index = *category_index.entry(category.to_owned()).or_insert_with(|| {
                categories.push(CategoryRate {
                    category: category.to_owned(),
                    prompts: 0,
                    passed: 0,
                    pass_rate: 0.0,
                    meets_threshold: false,
                });
                categories.len() - 1
            });
            let entry = &mut categories[index];
            entry.prompts += 1;
            entry.passed += u64::from(passed);
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::InvalidRows(problems));
    }
    if categories.is_empty() {
        return Err(CoreError::InvalidRows(vec!["the file holds no prompt results".to_owned()]));
    }
    for c in &mut categories {
        c.pass_rate = c.passed as f64 / c.prompts as f64;
        c.meets_threshold = meets(c.pass_rate, threshold);
    }
    categories.sort_by(|a, b| a.category.cmp(&b.category));
    Ok(AdversarialResult {
        prompts: categories.iter().map(|c| c.prompts).sum(),
        passed: categories.iter().map(|c| c.passed).sum(),
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parity_figures_are_worked_by_hand() {
        // Rates 0.5, 0.3, 0.45 → difference 0.2, ratio 0.6.
        let csv = "group,total,positive\nA,200,100\nB,100,30\nC,40,18\n";
        let p = parity_from_csv(csv.as_bytes()).unwrap();
        assert!((p.difference - 0.2).abs() < 1e-12);
        assert!((p.ratio - 0.6).abs() < 1e-12);
        let boundary = parity_from_csv(b"group,total,positive\nA,100,75\nB,100,60\n").unwrap();
        assert!(meets(boundary.ratio, DEFAULT_PARITY_RATIO), "exactly four-fifths passes: {}", boundary.ratio);
        let bad = "group,total,positive\nA,10,11\nB,zero,1\nA,5,1\n";
        let err = parity_from_csv(bad.as_bytes()).unwrap_err().to_string();
        assert!(
            err.contains("row 2, column positive")
                && err.contains("row 3, column total")
                && err.contains("row 4, column group"),
            "{err}"
        );
    }

    #[test]
    fn adversarial_pass_rates_per_category() {
        let csv = "prompt_id,category,passed,notes\np1,jailbreak,true,\np2,jailbreak,false,leaked\np3,pii,true,\n";
        let r = adversarial_from_csv(csv.as_bytes(), 0.9).unwrap();
        assert_eq!(r.categories[0].category, "jailbreak");
        assert_eq!((r.categories[0].pass_rate, r.categories[0].meets_threshold), (0.5, false));
        assert!(r.categories[1].meets_threshold);
        assert!(adversarial_from_csv(b"prompt_id,category,passed\np1,x,maybe\n", 0.9).is_err());
    }
}
