//! Rule 18: the occasions a badge is awarded on. The four anniversaries of every year (3 Feb,
//! 19 May, 2 Sep, 7 Nov), or a special occasion the provincial standing committee decided and
//! that was recorded; any other date is refused.

use crate::messages::text;
use chrono::{Datelike, NaiveDate};

use crate::domain::Violation;

/// The anniversaries (month, day): the Party's founding, President Hồ Chí Minh's birthday,
/// National Day, the October Revolution.
pub const FIXED: [(u32, u32); 4] = [(2, 3), (5, 19), (9, 2), (11, 7)];

/// Whether `d` is one of the four anniversaries.
pub fn is_fixed(d: NaiveDate) -> bool {
    FIXED.contains(&(d.month(), d.day()))
}

/// Checks an occasion against the four anniversaries and the recorded special occasions that
/// apply: `Ok(true)` for a special occasion, `Ok(false)` for an anniversary, 422
/// `not_an_occasion` otherwise.
pub fn check(d: NaiveDate, specials: &[NaiveDate]) -> Result<bool, Violation> {
    if is_fixed(d) {
        Ok(false)
    } else if specials.contains(&d) {
        Ok(true)
    } else {
        Err(Violation::new(
            "not_an_occasion",
            text!(
"Ngày {} không phải dịp xét tặng Huy hiệu Đảng (3/2, 19/5, 2/9, 7/11 hoặc dịp đặc biệt do ban thường vụ tỉnh ủy quyết định)",
"{} is not a party-badge occasion (3 Feb, 19 May, 2 Sep, 7 Nov, or a special occasion decided by the provincial standing committee)",
                d.format("%d/%m/%Y")
            ),
        ))
    }
}

/// The occasions of `year`, in date order, each with whether it is special (`specials` may hold
/// other years' dates; they are left out).
pub fn of_year(year: i32, specials: &[NaiveDate]) -> Vec<(NaiveDate, bool)> {
    let mut out: Vec<(NaiveDate, bool)> = FIXED
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .map(|d| (d, false))
        .collect();
    out.extend(
        specials
            .iter()
            .filter(|d| d.year() == year && !is_fixed(**d))
            .map(|d| (*d, true)),
    );
    out.sort_unstable();
    out.dedup();
    out
}

/// The first occasion on or after `from`: an anniversary, or an earlier special occasion.
pub fn next(from: NaiveDate, specials: &[NaiveDate]) -> (NaiveDate, bool) {
    let year = from.year();
    of_year(year, specials)
        .into_iter()
        .chain(of_year(year.saturating_add(1), specials))
        .find(|(d, _)| *d >= from)
        // 7 Nov is the last anniversary of a year, so next year's 3 Feb always follows.
        .unwrap_or((from, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_four_anniversaries_and_nothing_else() {
        for (m, day) in FIXED {
            assert_eq!(check(d(2027, m, day), &[]), Ok(false));
        }
        for other in [
            d(2027, 2, 4),
            d(2027, 2, 2),
            d(2027, 12, 31),
            d(2027, 3, 26),
        ] {
            assert_eq!(
                check(other, &[]).map_err(|v| v.code),
                Err("not_an_occasion")
            );
        }
    }

    #[test]
    fn a_recorded_special_occasion_is_one() {
        let specials = [d(2027, 3, 26)];
        assert_eq!(check(d(2027, 3, 26), &specials), Ok(true));
        assert!(check(d(2028, 3, 26), &specials).is_err());
    }

    #[test]
    fn the_next_occasion_from_a_date() {
        assert_eq!(next(d(2026, 11, 22), &[]), (d(2027, 2, 3), false));
        assert_eq!(next(d(2026, 11, 7), &[]), (d(2026, 11, 7), false));
        assert_eq!(next(d(2026, 11, 8), &[]), (d(2027, 2, 3), false));
        assert_eq!(
            next(d(2026, 11, 22), &[d(2027, 1, 10)]),
            (d(2027, 1, 10), true)
        );
        assert_eq!(
            of_year(2027, &[d(2027, 3, 26), d(2027, 5, 19), d(2028, 1, 1)]),
            vec![
                (d(2027, 2, 3), false),
                (d(2027, 3, 26), true),
                (d(2027, 5, 19), false),
                (d(2027, 9, 2), false),
                (d(2027, 11, 7), false),
            ]
        );
    }

    proptest! {
        #[test]
        fn the_next_occasion_is_valid_and_none_is_skipped(
            from in 0i64..40_000, special in proptest::option::of(0i64..40_000)
        ) {
            let from = d(1930, 1, 1) + Duration::days(from);
            let specials: Vec<_> = special.map(|s| d(1930, 1, 1) + Duration::days(s)).into_iter().collect();
            let (n, is_special) = next(from, &specials);
            prop_assert!(n >= from);
            prop_assert_eq!(check(n, &specials), Ok(is_special));
            let mut day = from;
            while day < n {
                prop_assert!(check(day, &specials).is_err());
                day += Duration::days(1);
            }
        }
    }
}
