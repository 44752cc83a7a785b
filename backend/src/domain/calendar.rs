//! Calendar arithmetic for the rules: whole months, adding months, working days.

use chrono::{Datelike, Months, NaiveDate, Weekday};

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

/// Public holidays on fixed solar dates (month, day): New Year, Reunification Day, Labour Day,
/// National Day and the day after. Lunar holidays (Tết, Hùng Kings) are a dated setting.
const FIXED_HOLIDAYS: [(u32, u32); 5] = [(1, 1), (4, 30), (5, 1), (9, 2), (9, 3)];

/// Whether `d` is a working day: Monday to Friday and not a holiday.
pub fn is_working_day(d: NaiveDate, extra_holidays: &[NaiveDate]) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        && !FIXED_HOLIDAYS.contains(&(d.month(), d.day()))
        && !extra_holidays.contains(&d)
}

/// The date `n` working days after `start` (not counting `start` itself).
pub fn add_working_days(start: NaiveDate, n: u32, extra_holidays: &[NaiveDate]) -> NaiveDate {
    let mut d = start;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt().unwrap_or(NaiveDate::MAX);
        if d == NaiveDate::MAX {
            break;
        }
        if is_working_day(d, extra_holidays) {
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

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Friday 2025-08-29 + 3 working days: Mon 1 Sep, (2, 3 Sep holidays), Thu 4, Fri 5.
        assert_eq!(add_working_days(d(2025, 8, 29), 3, &[]), d(2025, 9, 5));
        assert_eq!(add_working_days(d(2025, 11, 21), 1, &[]), d(2025, 11, 24));
    }

    proptest! {
        #[test]
        fn full_months_round_trip(y in 1930i32..2030, m in 1u32..13, day in 1u32..29, n in 0u32..1200) {
            let from = d(y, m, day);
            prop_assert_eq!(full_months(from, add_months(from, n)), n);
        }
    }
}
