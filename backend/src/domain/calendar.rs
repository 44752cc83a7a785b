//! Calendar arithmetic for the rules: whole months, adding months, working days.

use std::collections::BTreeSet;

use chrono::{Datelike, Months, NaiveDate, Weekday};
use qldv_api_types::calendar::DayKind;

use super::holidays::statutory_days;

/// Whole months from `from` to `to` (0 when `to` is earlier). 2000-03-15 → 2018-03-15 is 216.
pub fn full_months(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if add_months(from, u32::try_from(months).unwrap_or(0)) > to {
        months -= 1;
    }
    u32::try_from(months).unwrap_or(0)
}

/// `date` plus `n` months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb).
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// The working-day calendar the rules count with: the days off and make-up working days of
/// the years recorded in the holiday table (see [`super::holidays`]). A year the table does not
/// hold counts with the days off of the law ([`super::holidays::statutory_days`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Days off on what would be working days, and public holidays on weekends.
    off: BTreeSet<NaiveDate>,
    /// Weekend days worked (make-up working days).
    worked: BTreeSet<NaiveDate>,
    /// The years the table holds.
    years: BTreeSet<i32>,
}

impl WorkCalendar {
    /// The calendar of the table's rows: every year that has a row is taken as complete.
    pub fn from_days(days: impl IntoIterator<Item = (NaiveDate, DayKind)>) -> Self {
        let mut cal = Self::default();
        for (date, kind) in days {
            cal.years.insert(date.year());
            if kind.is_working() {
                cal.worked.insert(date);
            } else {
                cal.off.insert(date);
            }
        }
        cal
    }

    /// Whether the table holds `year`.
    pub fn holds(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// Whether `d` is a working day: a make-up day, or Monday to Friday and not a day off.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if !self.holds(d.year()) {
            let days = statutory_days(d.year());
            return is_weekday(d) && !days.iter().any(|(day, _)| *day == d);
        }
        self.worked.contains(&d) || (is_weekday(d) && !self.off.contains(&d))
    }

    /// Working days from 1 January to 31 December of `year`.
    pub fn working_days_in(&self, year: i32) -> u32 {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return 0;
        };
        let year_cal = if self.holds(year) {
            std::borrow::Cow::Borrowed(self)
        } else {
            std::borrow::Cow::Owned(Self::from_days(statutory_days(year)))
        };
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| year_cal.is_working_day(*d))
            .count() as u32
    }
}

fn is_weekday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether `d` is a working day in `calendar`.
pub fn is_working_day(d: NaiveDate, calendar: &WorkCalendar) -> bool {
    calendar.is_working_day(d)
}

/// The date `n` working days after `start` (not counting `start` itself).
pub fn add_working_days(start: NaiveDate, n: u32, calendar: &WorkCalendar) -> NaiveDate {
    let mut d = start;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap_or(NaiveDate::MAX);
        if d == NaiveDate::MAX {
            break;
        }
        if calendar.is_working_day(d) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn whole_months_count_only_completed_months() {
        assert_eq!(full_months(d(2000, 3, 15), d(2018, 3, 14)), 215);
        assert_eq!(full_months(d(2000, 3, 15), d(2018, 3, 15)), 216);
        assert_eq!(full_months(d(2000, 1, 31), d(2000, 2, 29)), 1);
        assert_eq!(full_months(d(2018, 3, 15), d(2000, 3, 15)), 0);
    }

    #[test]
    fn adding_months_clamps_to_the_month_end() {
        assert_eq!(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months(d(2025, 5, 19), 12), d(2026, 5, 19));
    }

    /// The 2025 calendar as decided: National Day on Monday 1 and Tuesday 2 September, and
    /// Friday 2 May off in exchange for Saturday 26 April.
    fn decided_2025() -> WorkCalendar {
        let mut days = crate::domain::holidays::statutory_days(2025);
        days.retain(|(d, _)| d.month() != 9 || d.day() != 1 && d.day() != 3);
        days.push((d(2025, 9, 1), DayKind::NationalDayAdjacent));
        days.push((d(2025, 4, 26), DayKind::MakeUpWorkingDay));
        days.push((d(2025, 5, 2), DayKind::SwappedDayOff));
        WorkCalendar::from_days(days)
    }

    #[test]
    fn working_days_follow_the_year_as_decided() {
        let cal = decided_2025();
        // Friday 29 Aug + 3 working days: (1, 2 Sep off) Wed 3, Thu 4, Fri 5.
        assert_eq!(add_working_days(d(2025, 8, 29), 3, &cal), d(2025, 9, 5));
        assert!(cal.is_working_day(d(2025, 9, 3)), "3 Sep 2025 was worked");
        assert!(!cal.is_working_day(d(2025, 5, 2)));
        assert!(cal.is_working_day(d(2025, 4, 26)), "make-up Saturday");
        assert_eq!(add_working_days(d(2025, 11, 21), 1, &cal), d(2025, 11, 24));
    }

    #[test]
    fn tet_is_not_a_working_day() {
        // Before: the lunar holidays were a setting nobody filled, so Tết counted as working days.
        let cal = WorkCalendar::default();
        for day in 16..=20 {
            assert!(!cal.is_working_day(d(2026, 2, day)), "{day} Feb 2026");
        }
        assert!(
            !cal.is_working_day(d(2026, 4, 27)),
            "compensatory for Hùng Kings' day"
        );
        // Friday 13 Feb 2026 + 1 working day: Monday 23 Feb.
        assert_eq!(add_working_days(d(2026, 2, 13), 1, &cal), d(2026, 2, 23));
    }

    #[test]
    fn a_year_the_table_holds_counts_only_its_rows() {
        let cal = WorkCalendar::from_days([(d(2030, 1, 1), DayKind::NewYear)]);
        assert!(cal.holds(2030));
        assert!(cal.is_working_day(d(2030, 9, 2)), "not in the table's 2030");
        assert!(!cal.is_working_day(d(2031, 9, 2)), "2031: the law's days");
    }

    #[test]
    fn working_days_in_a_year() {
        // 2025: 261 weekdays, 11 holidays on weekdays, one swap (a day off, a Saturday worked).
        assert_eq!(decided_2025().working_days_in(2025), 250);
    }

    proptest! {
        #[test]
        fn full_months_round_trip(y in 1930i32..2030, m in 1u32..13, day in 1u32..29, n in 0u32..1200) {
            let from = d(y, m, day);
            prop_assert_eq!(full_months(from, add_months(from, n)), n);
        }
    }
}
