//! A calendar month ("2026-11"): what value is tracked by. Months count from year 0 so that the
//! distance between two is a subtraction.

use std::fmt;

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year)).then(|| Month(year * 12 + month as i32 - 1))
    }

    pub fn of(date: NaiveDate) -> Month {
        Month(date.year() * 12 + date.month0() as i32)
    }

    /// Reads "YYYY-MM"; the reason when it is not one.
    pub fn parse(text: &str) -> Result<Month, String> {
        let t = text.trim();
        let refuse = || format!("{t:?} is not a month like 2026-11");
        let (year, month) = t.split_once('-').ok_or_else(refuse)?;
        if year.len() != 4 || month.len() != 2 || !(year.chars().chain(month.chars())).all(|c| c.is_ascii_digit()) {
            return Err(refuse());
        }
        Month::new(year.parse().map_err(|_| refuse())?, month.parse().map_err(|_| refuse())?).ok_or_else(refuse)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 to 12.
    pub fn number(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    pub fn next(self) -> Month {
        Month(self.0 + 1)
    }

    pub fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// Months from `earlier` to `self` (0 for the same month, negative when `earlier` is later).
    pub fn since(self, earlier: Month) -> i32 {
        self.0 - earlier.0
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.number(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// Appends "YYYY-MM" as `Display` writes it, without the formatter's overhead: a metrics
    /// import writes the month of each of tens of thousands of rows twice.
    pub fn push_to(self, out: &mut String) {
        let (year, number) = (self.year(), self.number());
        if !(0..=9999).contains(&year) {
            out.push_str(&self.to_string());
            return;
        }
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let year = year.unsigned_abs();
        for d in [year / 1000, year / 100, year / 10, year] {
            out.push(digit(d));
        }
        out.push('-');
        out.push(digit(number / 10));
        out.push(digit(number));
    }

    /// "Nov 2026", for chart axes.
    pub fn short_label(self) -> String {
        self.first_day().format("%b %Y").to_string()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_to_writes_what_display_writes() {
        for month in [Month::new(1900, 1), Month::new(2026, 11), Month::new(2026, 12), Month::new(9999, 12)] {
            let month = month.expect("a month");
            let mut text = String::from(">");
            month.push_to(&mut text);
            assert_eq!(text, format!(">{month}"));
        }
        let mut early = String::new();
        Month(-13).push_to(&mut early);
        assert_eq!(early, Month(-13).to_string());
    }

    #[test]
    fn months_read_count_and_print() {
        let m = Month::parse("2026-11").unwrap();
        assert_eq!((m.year(), m.number(), m.to_string()), (2026, 11, "2026-11".to_owned()));
        assert_eq!(m.next().to_string(), "2026-12");
        assert_eq!(m.next().next().to_string(), "2027-01");
        assert_eq!(Month::parse("2027-01").unwrap().since(m), 2);
        assert_eq!(m.short_label(), "Nov 2026");
        for bad in ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "", "2026-11-01", "x026-11", "-202-11"] {
            assert!(Month::parse(bad).is_err(), "{bad}");
        }
    }
}
