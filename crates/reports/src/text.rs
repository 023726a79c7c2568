//! How values read on a page: money with the programme's currency and thousands separators,
//! enums as words, empty values as a dash.

use serde::Serialize;
use steerco_core::money::Money;

/// A loss prints with a true minus sign, as the charts beside it do ("EUR −635,000"), not a
/// hyphen.
pub fn money(currency: &str, m: Money) -> String {
    format!("{currency} {}", with_minus(m.grouped()))
}

fn with_minus(text: String) -> String {
    match text.strip_prefix('-') {
        Some(magnitude) => format!("\u{2212}{magnitude}"),
        None => text,
    }
}

/// Money in whole units (half a unit rounds away from zero), for headline figures read from a
/// distance (the steering deck): "EUR 1,804,167", not "EUR 1,804,166.66". Documents that must
/// add up to the cent (the pack) use `money`.
pub fn money_whole(currency: &str, m: Money) -> String {
    let cents = m.cents();
    let units = (cents.abs() + 50) / 100 * cents.signum();
    money(currency, Money::from_cents(units * 100))
}

/// An enum's wire name as words ("compliance_officer" → "compliance officer").
pub fn words<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

pub fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

pub fn opt(text: Option<&str>) -> String {
    text.map_or_else(|| "—".to_owned(), or_dash)
}

pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| with_minus(format!("{:.1}%", v * 100.0)))
}

pub fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// The first `n` characters of a hash, enough to find it.
pub fn short_hash(hash: &str) -> String {
    hash.chars().take(16).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        assert_eq!(money("EUR", Money::from_cents(125_000_050)), "EUR 1,250,000.50");
        assert_eq!(number(0.8), "0.8");
        assert_eq!(number(12.0), "12");
        assert_eq!(percent(Some(0.1234)), "12.3%");
        assert_eq!(money("EUR", Money::from_cents(-63_500_000)), "EUR \u{2212}635,000");
        assert_eq!(money_whole("EUR", Money::from_cents(-150)), "EUR \u{2212}2");
        assert_eq!(percent(Some(-0.25)), "\u{2212}25.0%");
        assert_eq!(or_dash("  "), "—");
    }
}
