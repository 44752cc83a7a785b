//! A calendar month: the unit of dues, of regular meetings and of rule 37.
//!
//! On the wire (JSON and paths) a month is the string `2026-07`; in the database it is the
//! integer `202607` on both engines (`to_yyyymm`, `from_yyyymm` at the model's edge), so it
//! sorts, compares and indexes the same way everywhere.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month (`2026-07`). Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

/// The first and last years a month on the wire may name: from the Party's founding to the end
/// of the century. A record never needs a month outside them, and a bound keeps every span of
/// months a request can ask for small.
pub const YEARS: std::ops::RangeInclusive<i32> = 1930..=2100;

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

/// Why a text is not a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAMonth;

impl fmt::Display for NotAMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a month as YYYY-MM, of the years 1930 to 2100")
    }
}

impl Month {
    /// The stored form, `yyyymm` (`202607`).
    pub fn to_yyyymm(self) -> i32 {
        self.year
            .saturating_mul(100)
            .saturating_add(self.month as i32)
    }

    /// The month of a stored `yyyymm`; `None` when the month part is not 1–12.
    pub fn from_yyyymm(v: i32) -> Option<Self> {
        u32::try_from(v.rem_euclid(100))
            .ok()
            .and_then(|m| Self::new(v.div_euclid(100), m))
    }

    /// The wire form, `2026-07`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Month {
    type Err = NotAMonth;
    /// Reads `2026-07` (four-digit year in [`YEARS`], two-digit month).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (y, m) = s.split_once('-').ok_or(NotAMonth)?;
        if y.len() != 4 || m.len() != 2 || !(y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return Err(NotAMonth);
        }
        let year = y.parse().map_err(|_| NotAMonth)?;
        if !YEARS.contains(&year) {
            return Err(NotAMonth);
        }
        let month = m.parse().map_err(|_| NotAMonth)?;
        Self::new(year, month).ok_or(NotAMonth)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Month {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^(19[3-9][0-9]|20[0-9][0-9]|2100)-(0[1-9]|1[0-2])$"))
            .description(Some(
                "A calendar month, `YYYY-MM`, of the years 1930 to 2100.",
            ))
            .examples([serde_json::json!("2026-07")])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Month {}

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

    #[test]
    fn months_read_and_write_as_yyyy_mm_and_yyyymm() {
        let jul = Month::new(2026, 7).unwrap_or(Month { year: 0, month: 1 });
        assert_eq!(jul.iso(), "2026-07");
        assert_eq!("2026-07".parse::<Month>(), Ok(jul));
        for bad in [
            "2026-7", "2026-13", "2026-00", "26-07", "2026/07", "x026-07", "", "1929-12",
            "2101-01", "8821-12",
        ] {
            assert_eq!(bad.parse::<Month>(), Err(NotAMonth), "{bad}");
        }
        assert_eq!("1930-01".parse::<Month>().map(|m| m.year), Ok(1930));
        assert_eq!("2100-12".parse::<Month>().map(|m| m.year), Ok(2100));
        assert_eq!(jul.to_yyyymm(), 202607);
        assert_eq!(Month::from_yyyymm(202607), Some(jul));
        assert_eq!(Month::from_yyyymm(202613), None);
        assert_eq!(
            serde_json::to_string(&jul).ok().as_deref(),
            Some("\"2026-07\"")
        );
        assert_eq!(serde_json::from_str::<Month>("\"2026-07\"").ok(), Some(jul));
    }
}
