//! Deterministic synthetic use cases for scale tests and benchmarks (`steerco demo --scale N`).

use crate::domain::{DossierInput, Lane, Ratings, RiskClass, Stage};

const UNITS: &[&str] = &[
    "Banking · Retail Lending",
    "Banking · Wealth Management",
    "Insurance · Claims",
    "Insurance · Underwriting",
    "Life Sciences · Clinical Development",
    "Life Sciences · Pharmacovigilance",
    "Manufacturing · Quality",
    "Manufacturing · Procurement",
];
const TASKS: &[&str] = &[
    "document triage",
    "answer drafting",
    "clause extraction",
    "case summarisation",
    "report classification",
    "intake pre-check",
];
const PEOPLE: &[&str] = &["A. Keller", "B. Osei", "C. Laurent", "D. Brandt", "E. Rossi", "F. Haddad", "G. Petrov"];

/// `n` plausible use cases, identical for the same `n` on every machine (a small xorshift, so
/// benchmarks compare like with like). Every generated case satisfies the dossier rules.
pub fn synthetic_use_cases(n: usize) -> Vec<DossierInput> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| -> usize {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    (0..n)
        .map(|i| {
            let unit = UNITS[next(UNITS.len())];
            let stage = Stage::ALL[next(Stage::ALL.len())];
            let lane = Lane::ALL[next(Lane::ALL.len())];
            let owned = stage != Stage::Discovery || next(2) == 0;
            let rating = |n: usize| 1.0 + n as f64;
            DossierInput {
                title: format!("Synthetic {} #{}", TASKS[next(TASKS.len())], i + 1),
                business_unit: unit.to_owned(),
                description: format!("Generated for scale testing ({unit})."),
                workflow: String::new(),
                executive_sponsor: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                product_owner: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                annual_value: crate::money::Money::units((50 + next(3_000)) as i64 * 1_000),
                one_time_cost: crate::money::Money::units((20 + next(1_500)) as i64 * 1_000),
                monthly_run_cost: crate::money::Money::units((1 + next(60)) as i64 * 1_000),
                ratings: Ratings { value: rating(next(5)), criticality: rating(next(5)), guardrail: rating(next(5)) },
                data_readiness: Some(1 + next(5) as u8),
                data_readiness_notes: String::new(),
                risk_class: Some(RiskClass::ALL[next(RiskClass::ALL.len())]),
                risk_notes: String::new(),
                lane: if lane == Lane::Research { Lane::Portfolio } else { lane },
                stage,
            }
        })
        .collect()
}
