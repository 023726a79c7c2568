//! A use case (the dossier's header): who owns it, which lane it sits in and how far it has got.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{optional_text, required_text};
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

macro_rules! text_enum {
    ($ty:ident, $field:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
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
                let wanted = s.trim().to_ascii_lowercase();
                $ty::ALL.iter().copied().find(|v| v.as_str() == wanted).ok_or_else(|| {
                    let allowed: Vec<&str> = $ty::ALL.iter().map(|v| v.as_str()).collect();
                    CoreError::invalid($field, format!("{s:?} is not one of {}", allowed.join(", ")))
                })
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UseCase {
    /// Human-readable and stable, e.g. "UC-007".
    pub id: String,
    pub title: String,
    pub business_unit: String,
    pub description: String,
    pub executive_sponsor: Option<String>,
    pub product_owner: Option<String>,
    pub lane: Lane,
    pub stage: Stage,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A use case as a user or a file describes it, before it has an id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewUseCase {
    pub title: String,
    pub business_unit: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub executive_sponsor: Option<String>,
    #[serde(default)]
    pub product_owner: Option<String>,
    pub lane: Lane,
    pub stage: Stage,
}

impl NewUseCase {
    /// Trims and checks every field; the error names the first field that is wrong.
    pub fn validated(&self) -> CoreResult<NewUseCase> {
        let checked = NewUseCase {
            title: required_text("title", &self.title, 200)?,
            business_unit: required_text("business_unit", &self.business_unit, 120)?,
            description: optional_text("description", Some(&self.description), 10_000)?.unwrap_or_default(),
            executive_sponsor: optional_text("executive_sponsor", self.executive_sponsor.as_deref(), 120)?,
            product_owner: optional_text("product_owner", self.product_owner.as_deref(), 120)?,
            lane: self.lane,
            stage: self.stage,
        };
        if checked.stage != Stage::Discovery {
            let missing: Vec<&str> = [
                ("an executive sponsor", checked.executive_sponsor.is_none()),
                ("a product owner", checked.product_owner.is_none()),
            ]
            .into_iter()
            .filter_map(|(who, absent)| absent.then_some(who))
            .collect();
            if !missing.is_empty() {
                return Err(CoreError::invalid(
                    "stage",
                    format!("cannot move past discovery to {} without {}", checked.stage, missing.join(" and ")),
                ));
            }
        }
        Ok(checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(stage: Stage, sponsor: Option<&str>, owner: Option<&str>) -> NewUseCase {
        NewUseCase {
            title: " Claims triage ".into(),
            business_unit: "Insurance".into(),
            description: String::new(),
            executive_sponsor: sponsor.map(Into::into),
            product_owner: owner.map(Into::into),
            lane: Lane::Portfolio,
            stage,
        }
    }

    #[test]
    fn discovery_needs_no_owners_and_text_is_trimmed() {
        let ok = case(Stage::Discovery, None, Some("  ")).validated().unwrap();
        assert_eq!(ok.title, "Claims triage");
        assert_eq!(ok.product_owner, None, "a blank owner is no owner");
    }

    #[test]
    fn leaving_discovery_names_each_missing_owner() {
        let err = case(Stage::Pilot, None, None).validated().unwrap_err().to_string();
        assert_eq!(err, "stage: cannot move past discovery to pilot without an executive sponsor and a product owner");
        let err = case(Stage::Data, Some("Ana"), None).validated().unwrap_err().to_string();
        assert_eq!(err, "stage: cannot move past discovery to data without a product owner");
        assert!(case(Stage::Data, Some("Ana"), Some("Ben")).validated().is_ok());
    }

    #[test]
    fn lanes_and_stages_parse_case_insensitively_and_name_the_choices() {
        assert_eq!("Research".parse::<Lane>().unwrap(), Lane::Research);
        assert_eq!(" SCALED ".parse::<Stage>().unwrap(), Stage::Scaled);
        let err = "parked".parse::<Lane>().unwrap_err().to_string();
        assert_eq!(err, "lane: \"parked\" is not one of portfolio, research, rejected");
    }

    #[test]
    fn overlong_title_is_refused_with_its_length() {
        let mut c = case(Stage::Discovery, None, None);
        c.title = "x".repeat(201);
        assert_eq!(c.validated().unwrap_err().to_string(), "title: is 201 characters long; the limit is 200");
    }
}
