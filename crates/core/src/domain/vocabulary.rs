//! The closed vocabularies of a portfolio: lanes, stages, EU AI Act risk classes and the scoring
//! criteria. Each parses case-insensitively and, when it cannot, names the field and the
//! choices, so CSV rows, CLI arguments and forms all get the same message.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

/// Where a use case sits in the portfolio: funded, parked for research, or turned down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    Portfolio,
    Research,
    Rejected,
}

/// How far a use case has progressed, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Discovery,
    Architecture,
    Data,
    Pilot,
    Scaled,
    Retired,
}

/// The EU AI Act risk class of a use case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskClass {
    Minimal,
    Limited,
    High,
    Prohibited,
}

/// Whether a higher rating raises the score (benefit) or lowers it (cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Benefit,
    Cost,
}

/// The scoring criteria. The set is fixed because CSV columns and CLI arguments name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKey {
    Value,
    Criticality,
    Guardrail,
}

macro_rules! text_enum {
    ($ty:ident, $field:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }

            /// Parses `s`, naming `field` in the error (a CSV column, a CLI argument…).
            pub fn parse_for(field: &str, s: &str) -> CoreResult<Self> {
                let wanted = s.trim().to_ascii_lowercase();
                $ty::ALL.iter().copied().find(|v| v.as_str() == wanted).ok_or_else(|| {
                    let allowed: Vec<&str> = $ty::ALL.iter().map(|v| v.as_str()).collect();
                    CoreError::invalid(field, format!("{s:?} is not one of {}", allowed.join(", ")))
                })
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = CoreError;

            fn from_str(s: &str) -> CoreResult<Self> {
                Self::parse_for($field, s)
            }
        }
    };
}

text_enum!(Lane, "lane", { Portfolio => "portfolio", Research => "research", Rejected => "rejected" });
text_enum!(Stage, "stage", {
    Discovery => "discovery",
    Architecture => "architecture",
    Data => "data",
    Pilot => "pilot",
    Scaled => "scaled",
    Retired => "retired",
});
text_enum!(RiskClass, "risk_class", {
    Minimal => "minimal",
    Limited => "limited",
    High => "high",
    Prohibited => "prohibited",
});
text_enum!(Direction, "direction", { Benefit => "benefit", Cost => "cost" });
text_enum!(CriterionKey, "criterion", {
    Value => "value",
    Criticality => "criticality",
    Guardrail => "guardrail",
});

impl CriterionKey {
    /// The CSV column that carries a dossier's rating for this criterion.
    pub fn rating_column(self) -> &'static str {
        match self {
            CriterionKey::Value => "value_rating",
            CriterionKey::Criticality => "criticality_rating",
            CriterionKey::Guardrail => "guardrail_rating",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_is_case_insensitive_and_errors_name_the_field_and_choices() {
        assert_eq!("Research".parse::<Lane>().unwrap(), Lane::Research);
        assert_eq!(" SCALED ".parse::<Stage>().unwrap(), Stage::Scaled);
        let err = "parked".parse::<Lane>().unwrap_err().to_string();
        assert_eq!(err, "lane: \"parked\" is not one of portfolio, research, rejected");
        let err = RiskClass::parse_for("row 3, column risk_class", "severe").unwrap_err().to_string();
        assert_eq!(err, "row 3, column risk_class: \"severe\" is not one of minimal, limited, high, prohibited");
    }
}
