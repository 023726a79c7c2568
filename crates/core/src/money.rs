//! Money, exactly: an amount in minor units (hundredths of the programme's currency) held as an
//! integer, so sums over months and portfolios never drift by a rounding error. It crosses JSON
//! as a plain number of currency units (`1250000.5`), which every f64 reader gets back exactly
//! for any amount Steerco accepts (below 10¹³ units), so the CLI's JSON and the UI's numbers stay
//! what they always were.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

/// Amounts above this (in currency units) are typing mistakes, not business cases.
pub const MAX_UNITS: i64 = 10_000_000_000_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// Whole currency units (for tests and the demo: `Money::units(250_000)`).
    pub const fn units(units: i64) -> Money {
        Money(units * 100)
    }

    /// The amount in currency units as a float, for ratios and charts (never for sums).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// An amount typed as a number (a form, JSON): rounded to the cent, refused when not finite.
    pub fn from_f64(field: &str, value: f64) -> CoreResult<Money> {
        if !value.is_finite() {
            return Err(CoreError::invalid(field, format!("must be an amount, not {value}")));
        }
        if value.abs() > MAX_UNITS as f64 {
            return Err(CoreError::invalid(field, format!("{value} is implausibly large (the limit is 10 trillion)")));
        }
        Ok(Money((value * 100.0).round() as i64))
    }

    /// An amount written as text ("1250000", "1250000.5", "-80.25"), read exactly: digits, an
    /// optional sign, at most two decimals; no currency signs or thousands separators.
    pub fn parse(field: &str, text: &str) -> CoreResult<Money> {
        let t = text.trim();
        let refuse = || {
            CoreError::invalid(
                field,
                format!("{t:?} is not an amount (digits with at most two decimals, e.g. 1250000.50)"),
            )
        };
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !fraction.chars().all(|c| c.is_ascii_digit())
            || fraction.len() > 2
            || whole.len() > 14
        {
            return Err(refuse());
        }
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| refuse())? };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| refuse())? * 10,
            _ => fraction.parse().map_err(|_| refuse())?,
        };
        if whole > MAX_UNITS {
            return Err(CoreError::invalid(field, format!("{t} is implausibly large (the limit is 10 trillion)")));
        }
        let value = whole * 100 + cents;
        Ok(Money(if negative { -value } else { value }))
    }

    /// Refuses a negative amount (a cost or a value in a dossier).
    pub fn non_negative(self, field: &str) -> CoreResult<Money> {
        if self.0 < 0 {
            return Err(CoreError::invalid(field, format!("must be an amount of 0 or more, not {self}")));
        }
        Ok(self)
    }

    /// Plain decimal text as files carry it: "1250000.50", "-80", "0.05".
    pub fn to_plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        match abs % 100 {
            0 => format!("{sign}{}", abs / 100),
            c => format!("{sign}{}.{c:02}", abs / 100),
        }
    }

    /// "1,250,000.50" (or "1,250,000" for whole amounts): for messages and the terminal.
    pub fn grouped(self) -> String {
        let plain = self.to_plain();
        let (sign, rest) = plain.strip_prefix('-').map_or(("", plain.as_str()), |r| ("-", r));
        let (whole, fraction) = rest.split_once('.').map_or((rest, None), |(w, f)| (w, Some(f)));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        match fraction {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_plain())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let value = f64::deserialize(d)?;
        Money::from_f64("amount", value).map_err(serde::de::Error::custom)
    }
}

impl TS for Money {
    type WithoutGenerics = Money;
    type OptionInnerType = Money;
    fn name(_: &ts_rs::Config) -> String {
        "number".to_owned()
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_exactly_and_refused_with_the_field() {
        assert_eq!(Money::parse("a", "1250000").unwrap().cents(), 125_000_000);
        assert_eq!(Money::parse("a", " 0.5 ").unwrap().cents(), 50);
        assert_eq!(Money::parse("a", "-80.25").unwrap().cents(), -8025);
        assert_eq!(Money::parse("a", ".07").unwrap().cents(), 7);
        for bad in ["", "€5", "1,000", "1.005", "1e6", "NaN", "--1", "1.2.3", "."] {
            let err = Money::parse("annual_value", bad).unwrap_err();
            assert!(matches!(err, CoreError::Invalid { ref field, .. } if field == "annual_value"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_hundred_thousand_small_amounts_sum_exactly() {
        let cent = Money::parse("a", "0.10").unwrap();
        let total: Money = std::iter::repeat_n(cent, 100_000).sum();
        assert_eq!(total, Money::units(10_000));
        let float: f64 = std::iter::repeat_n(0.10_f64, 100_000).sum();
        assert_ne!(float, 10_000.0, "which is why money is not a float");
    }

    #[test]
    fn json_carries_units_and_reads_back_the_same_cents() {
        let m = Money::from_cents(123_456_789_012);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, "1234567890.12");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        assert_eq!(Money::units(1_250_000).grouped(), "1,250,000");
        assert_eq!(Money::from_cents(-100_050).grouped(), "-1,000.50");
    }
}
