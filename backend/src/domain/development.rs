//! Developing new members (issue 22): the share of a yearly admission target, the children's
//! targets summed, the year a development report covers, and the target the seeder gives.

use chrono::{Datelike, NaiveDate};

use super::report::{AskedDates, ReportDates};

/// The share of `target` that `admitted` reaches, as a percentage rounded half up to two
/// decimals (3 of 5 → 60.0; 1,045 of 1,750 → 59.71); none without a target (0 or less).
pub fn share(admitted: i64, target: i64) -> Option<f64> {
    if target <= 0 {
        return None;
    }
    let (a, t) = (i128::from(admitted.max(0)), i128::from(target));
    // Hundredths of a percent, rounded half up, in integers (no float drift at .005).
    let hundredths = (a * 10_000 * 2 + t) / (t * 2);
    let whole = i64::try_from(hundredths).unwrap_or(i64::MAX);
    Some(whole as f64 / 100.0)
}

/// The sum of the targets recorded (children without a target count nothing).
pub fn children_target(targets: impl IntoIterator<Item = Option<i32>>) -> i64 {
    targets.into_iter().flatten().map(i64::from).sum()
}

/// Why the dates asked of a development report cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatesRefused {
    /// The dates leave the one calendar year whose targets are counted: a period over two
    /// years, `as_of`, or `year` together with `from` or `to`.
    NotAYear,
    /// The period ends before it starts.
    PeriodReversed,
    /// The year has no calendar (outside chrono's range).
    InvalidYear,
}

/// The dates of a development report: its targets are one calendar year's. `year` alone means
/// that year, 1 January to 31 December, so that its admissions match the Admissions report of
/// the same year (default: `today`'s year); a period (`from`, `to`: the year so far, as the web
/// client asks it) counts the admissions inside it against the targets of its year, and must
/// lie in one year (`from` defaults to 1 January of `to`'s year, `to` to 31 December of
/// `from`'s).
pub fn report_dates(asked: AskedDates, today: NaiveDate) -> Result<ReportDates, DatesRefused> {
    let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).ok_or(DatesRefused::InvalidYear);
    let dec31 = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).ok_or(DatesRefused::InvalidYear);
    let period = asked.from.is_some() || asked.to.is_some();
    if asked.as_of.is_some() || (period && asked.year.is_some()) {
        return Err(DatesRefused::NotAYear);
    }
    let (from, to) = match (asked.from, asked.to) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, dec31(f.year())?),
        (None, Some(t)) => (jan1(t.year())?, t),
        (None, None) => {
            let y = asked.year.unwrap_or(today.year());
            (jan1(y)?, dec31(y)?)
        }
    };
    if from > to {
        return Err(DatesRefused::PeriodReversed);
    }
    if from.year() != to.year() {
        return Err(DatesRefused::NotAYear);
    }
    Ok(ReportDates {
        from,
        to,
        year: to.year(),
    })
}

/// The target the seeder gives an organisation whose subtree admitted `admissions` the year
/// before: that × 1.2, moved by `jitter_percent` (−10 to +10, drawn from the seed), rounded
/// half up, at least 1.
pub fn seeded_target(admissions: i64, jitter_percent: i64) -> i32 {
    let scaled = i128::from(admissions.max(0)) * 12 * (100 + i128::from(jitter_percent));
    // admissions × 1.2 × (100 + j) / 100 = scaled / 1000, rounded half up.
    let rounded = (scaled * 2 + 1000) / 2000;
    i32::try_from(rounded.max(1)).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn shares_as_the_articles_print_them() {
        assert_eq!(share(3, 5), Some(60.0));
        assert_eq!(share(1045, 1750), Some(59.71));
        assert_eq!(share(2079, 3298), Some(63.04));
        assert_eq!(share(1, 3), Some(33.33));
        assert_eq!(share(2, 3), Some(66.67));
        assert_eq!(share(7, 5), Some(140.0));
        assert_eq!(share(0, 5), Some(0.0));
    }

    #[test]
    fn no_target_no_share() {
        assert_eq!(share(3, 0), None);
        assert_eq!(share(3, -1), None);
    }

    #[test]
    fn half_a_hundredth_rounds_up() {
        // 1 of 16 = 6.25 %; 1 of 32 = 3.125 % → 3.13; 1 of 64 = 1.5625 % → 1.56.
        assert_eq!(share(1, 16), Some(6.25));
        assert_eq!(share(1, 32), Some(3.13));
        assert_eq!(share(1, 64), Some(1.56));
    }

    #[test]
    fn children_without_a_target_add_nothing() {
        assert_eq!(children_target([Some(2), None, Some(3)]), 5);
        assert_eq!(children_target([None, None]), 0);
        assert_eq!(children_target(Vec::new()), 0);
    }

    #[test]
    fn a_report_covers_the_calendar_year_asked() {
        let asked = AskedDates {
            year: Some(2025),
            ..AskedDates::default()
        };
        assert_eq!(
            report_dates(asked, d(2026, 12, 6)),
            Ok(ReportDates {
                from: d(2025, 1, 1),
                to: d(2025, 12, 31),
                year: 2025
            })
        );
        let this_year = report_dates(AskedDates::default(), d(2026, 12, 6));
        assert_eq!(
            this_year.map(|r| (r.from, r.to)),
            Ok((d(2026, 1, 1), d(2026, 12, 31)))
        );
    }

    #[test]
    fn a_period_inside_one_year_counts_against_that_years_targets() {
        let asked = AskedDates {
            from: Some(d(2026, 1, 1)),
            to: Some(d(2026, 6, 30)),
            ..AskedDates::default()
        };
        assert_eq!(
            report_dates(asked, d(2026, 12, 6)),
            Ok(ReportDates {
                from: d(2026, 1, 1),
                to: d(2026, 6, 30),
                year: 2026
            })
        );
        let from_only = AskedDates {
            from: Some(d(2025, 3, 1)),
            ..AskedDates::default()
        };
        assert_eq!(
            report_dates(from_only, d(2026, 12, 6)).map(|r| (r.to, r.year)),
            Ok((d(2025, 12, 31), 2025))
        );
    }

    #[test]
    fn dates_leaving_the_year_are_refused() {
        let refused = |asked: AskedDates| report_dates(asked, d(2026, 12, 6));
        let over_two_years = AskedDates {
            from: Some(d(2025, 12, 1)),
            to: Some(d(2026, 3, 1)),
            ..AskedDates::default()
        };
        assert_eq!(refused(over_two_years), Err(DatesRefused::NotAYear));
        let as_of = AskedDates {
            as_of: Some(d(2026, 3, 1)),
            ..AskedDates::default()
        };
        assert_eq!(refused(as_of), Err(DatesRefused::NotAYear));
        let mixed = AskedDates {
            year: Some(2026),
            to: Some(d(2026, 3, 1)),
            ..AskedDates::default()
        };
        assert_eq!(refused(mixed), Err(DatesRefused::NotAYear));
        let reversed = AskedDates {
            from: Some(d(2026, 5, 1)),
            to: Some(d(2026, 3, 1)),
            ..AskedDates::default()
        };
        assert_eq!(refused(reversed), Err(DatesRefused::PeriodReversed));
        let asked = AskedDates {
            year: Some(i32::MAX),
            ..AskedDates::default()
        };
        assert_eq!(
            report_dates(asked, d(2026, 12, 6)),
            Err(DatesRefused::InvalidYear)
        );
    }

    #[test]
    fn seeded_targets_are_near_a_fifth_more_than_last_year() {
        assert_eq!(seeded_target(10, 0), 12);
        assert_eq!(seeded_target(10, 10), 13);
        assert_eq!(seeded_target(10, -10), 11);
        assert_eq!(seeded_target(0, 5), 1);
        assert_eq!(seeded_target(1, 0), 1);
        assert_eq!(seeded_target(2, 0), 2);
        assert_eq!(seeded_target(3298, 0), 3958);
    }

    proptest! {
        /// The share is reached exactly when the admissions are, grows with them, and is the
        /// ratio to within half a hundredth of a percent.
        #[test]
        fn share_is_the_ratio_rounded(a in 0i64..100_000, b in 0i64..100_000, t in 1i64..100_000) {
            let s = share(a, t).unwrap_or(-1.0);
            prop_assert!((s - (a as f64) * 100.0 / (t as f64)).abs() <= 0.005 + 1e-9);
            prop_assert_eq!(share(t, t), Some(100.0));
            prop_assert_eq!(s >= 100.0, a >= t);
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(share(lo, t) <= share(hi, t));
        }

        /// The children's sum is the sum of the targets recorded, in any order.
        #[test]
        fn children_target_is_the_sum_recorded(ts in proptest::collection::vec(proptest::option::of(1i32..10_000), 0..40)) {
            let expected: i64 = ts.iter().flatten().map(|t| i64::from(*t)).sum();
            prop_assert_eq!(children_target(ts.clone()), expected);
            let mut reversed = ts;
            reversed.reverse();
            prop_assert_eq!(children_target(reversed), expected);
        }

        /// A seeded target is positive and within a tenth of last year × 1.2 (plus rounding).
        #[test]
        fn seeded_target_is_near(a in 0i64..1_000_000, j in -10i64..=10) {
            let t = i64::from(seeded_target(a, j));
            prop_assert!(t >= 1);
            let base = a as f64 * 1.2;
            prop_assert!((t as f64) <= (base * 1.1 + 1.0).max(1.0));
            prop_assert!((t as f64) >= base * 0.9 - 1.0);
        }
    }
}
