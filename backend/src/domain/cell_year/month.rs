//! A calendar month: the unit of dues, of regular meetings and of rule 37.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A calendar month (`2026-07`). Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl Month {
    /// The month `month` (1–12) of `year`; `None` for a month out of range.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    /// The month a date lies in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// The month after.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The quarter it lies in, 1–4.
    pub fn quarter(self) -> u32 {
        self.month.div_ceil(3)
    }

    /// The twelve months of `year`.
    pub fn of_year(year: i32) -> impl Iterator<Item = Month> {
        (1..=12).map(move |month| Month { year, month })
    }

    /// The months from `self` to `last`, both included (empty when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        std::iter::successors(Some(self), move |m| Some(m.next()).filter(|n| *n <= last))
            .take_while(move |m| *m <= last)
    }

    /// Whether the month has ended on `today` (its last day is before `today`).
    pub fn ended(self, today: NaiveDate) -> bool {
        self.last_day() < today
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{}", self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn months_have_days_quarters_and_ends() {
        let feb = Month::of(d(2028, 2, 10));
        assert_eq!(feb.last_day(), d(2028, 2, 29));
        assert_eq!(Month::new(2026, 12).map(Month::next), Month::new(2027, 1));
        assert_eq!(Month::new(2026, 13), None);
        assert_eq!(
            Month::of_year(2026).map(Month::quarter).collect::<Vec<_>>(),
            [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
        );
        assert!(!feb.ended(d(2028, 2, 29)));
        assert!(feb.ended(d(2028, 3, 1)));
        let from = Month::of(d(2026, 11, 1));
        assert_eq!(from.through(Month::of(d(2027, 2, 1))).count(), 4);
        assert_eq!(from.through(Month::of(d(2026, 10, 1))).count(), 0);
        assert_eq!(feb.to_string(), "02/2028");
    }
}
