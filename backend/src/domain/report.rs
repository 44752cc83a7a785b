//! The dates a report covers, and the movement identity.

use crate::messages::text;
use chrono::{Datelike, NaiveDate};

use super::Violation;

/// The dates of one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDates {
    /// First day of a period (for a point-in-time report, the same as `to`).
    pub from: NaiveDate,
    /// Last day of a period, or the date of a point-in-time report.
    pub to: NaiveDate,
    /// The year (evaluations, supplements): the year of `to`.
    pub year: i32,
}

/// What the caller asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AskedDates {
    /// `as_of`.
    pub as_of: Option<NaiveDate>,
    /// `from`.
    pub from: Option<NaiveDate>,
    /// `to`.
    pub to: Option<NaiveDate>,
    /// `year` (an evaluation year; also a whole calendar year for a period report).
    pub year: Option<i32>,
}

fn dec31(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

fn jan1(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
}

/// Resolves the dates of a report (a violation's field is `from` for `period_reversed`, `year`
/// otherwise).
///
/// Resolves the dates of a report. A period report runs `from`–`to` (defaults: 1 January of
/// `to`'s year to today; `year` alone means that calendar year). A point-in-time report is as of
/// `as_of` (default today; `year` alone means 31 December of that year, or today for the current
/// year).
pub fn resolve(
    period: bool,
    asked: AskedDates,
    today: NaiveDate,
) -> Result<ReportDates, Violation> {
    let bad_year = || Violation::new("invalid_year", text!("Năm không hợp lệ", "Invalid year"));
    let year_end = |y: i32| -> Result<NaiveDate, Violation> {
        let end = dec31(y).ok_or_else(bad_year)?;
        Ok(end.min(today.max(jan1(y).ok_or_else(bad_year)?)))
    };
    if period {
        let to = match (asked.to, asked.year) {
            (Some(t), _) => t,
            (None, Some(y)) => dec31(y).ok_or_else(bad_year)?,
            (None, None) => asked.as_of.unwrap_or(today),
        };
        let from = match (asked.from, asked.year) {
            (Some(f), _) => f,
            (None, Some(y)) => jan1(y).ok_or_else(bad_year)?,
            (None, None) => jan1(to.year()).ok_or_else(bad_year)?,
        };
        if from > to {
            return Err(Violation::new(
                "period_reversed",
                text!(
                    "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc",
                    "The start date is on or before the end date"
                ),
            ));
        }
        return Ok(ReportDates {
            from,
            to,
            year: to.year(),
        });
    }
    let at = match (asked.as_of, asked.year) {
        (Some(d), _) => d,
        (None, Some(y)) => year_end(y)?,
        (None, None) => today,
    };
    Ok(ReportDates {
        from: at,
        to: at,
        year: asked.year.unwrap_or(at.year()),
    })
}

/// The movement identity: start + arrivals − departures = end.
pub fn balances(start: i64, arrivals: i64, departures: i64, end: i64) -> bool {
    start + arrivals - departures == end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_period_defaults_to_the_year_so_far() {
        let r = resolve(true, AskedDates::default(), d(2026, 11, 23));
        assert_eq!(
            r,
            Ok(ReportDates {
                from: d(2026, 1, 1),
                to: d(2026, 11, 23),
                year: 2026
            })
        );
    }

    #[test]
    fn a_year_means_the_calendar_year() {
        let asked = AskedDates {
            year: Some(2025),
            ..AskedDates::default()
        };
        let r = resolve(true, asked, d(2026, 11, 23)).map(|r| (r.from, r.to));
        assert_eq!(r, Ok((d(2025, 1, 1), d(2025, 12, 31))));
        // A point-in-time report for the current year is as of today, for a past year its end.
        let p = resolve(false, asked, d(2026, 11, 23)).map(|r| r.to);
        assert_eq!(p, Ok(d(2025, 12, 31)));
        let now = AskedDates {
            year: Some(2026),
            ..AskedDates::default()
        };
        assert_eq!(
            resolve(false, now, d(2026, 11, 23)).map(|r| r.to),
            Ok(d(2026, 11, 23))
        );
    }

    #[test]
    fn a_reversed_period_is_refused() {
        let asked = AskedDates {
            from: Some(d(2026, 5, 1)),
            to: Some(d(2026, 4, 30)),
            ..AskedDates::default()
        };
        assert_eq!(
            resolve(true, asked, d(2026, 11, 23)).map_err(|v| v.code),
            Err("period_reversed")
        );
    }

    #[test]
    fn as_of_sets_both_ends_of_a_point_report() {
        let asked = AskedDates {
            as_of: Some(d(2024, 6, 30)),
            ..AskedDates::default()
        };
        let r = resolve(false, asked, d(2026, 11, 23));
        assert_eq!(
            r.map(|r| (r.from, r.to, r.year)),
            Ok((d(2024, 6, 30), d(2024, 6, 30), 2024))
        );
    }

    #[test]
    fn the_identity() {
        assert!(balances(100, 7, 5, 102));
        assert!(!balances(100, 7, 5, 101));
    }
}
