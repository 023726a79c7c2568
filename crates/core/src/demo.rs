//! The demo portfolio shipped in `assets/demo/` (the stories the programme's playbook tells) and
//! a deterministic generator of synthetic use cases for scale tests and benchmarks.

use serde::Deserialize;

use crate::domain::{Lane, NewUseCase, ProgrammeUpdate, Stage};
use crate::error::CoreResult;

const DEMO_JSON: &str = include_str!("../../../assets/demo/portfolio.json");

#[derive(Debug, Clone, Deserialize)]
pub struct DemoPortfolio {
    pub programme: ProgrammeUpdate,
    pub use_cases: Vec<NewUseCase>,
}

/// The embedded demo, parsed. A parse failure is a build defect, caught by the tests below.
pub fn portfolio() -> CoreResult<DemoPortfolio> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

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
pub fn synthetic_use_cases(n: usize) -> Vec<NewUseCase> {
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
            NewUseCase {
                title: format!("Synthetic {} #{}", TASKS[next(TASKS.len())], i + 1),
                business_unit: unit.to_owned(),
                description: format!("Generated for scale testing ({unit})."),
                executive_sponsor: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                product_owner: owned.then(|| PEOPLE[next(PEOPLE.len())].to_owned()),
                lane,
                stage,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_parses_and_every_case_is_valid() {
        let demo = portfolio().unwrap();
        demo.programme.validated().unwrap();
        assert!(demo.use_cases.len() >= 15, "the demo promises the three stories and a dozen more");
        for case in &demo.use_cases {
            case.validated().unwrap_or_else(|e| panic!("demo case {:?} is invalid: {e}", case.title));
        }
        for lane in Lane::ALL {
            assert!(demo.use_cases.iter().any(|c| c.lane == *lane), "demo should show the {lane} lane");
        }
    }

    #[test]
    fn synthetic_cases_are_deterministic_and_valid() {
        let a = synthetic_use_cases(200);
        assert_eq!(a, synthetic_use_cases(200));
        assert!(a.iter().all(|c| c.validated().is_ok()));
        assert!(Stage::ALL.iter().all(|s| a.iter().any(|c| c.stage == *s)), "generator covers every stage");
    }
}
