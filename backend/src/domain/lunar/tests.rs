//! Published dates of the Vietnamese lunar calendar (sources in `docs/rules.md`, calendar).

use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// China's calendar: the same rules at UTC+8.
fn chinese_new_year(year: i32) -> Option<NaiveDate> {
    to_solar_at(
        LunarDate {
            day: 1,
            month: 1,
            year,
            leap: false,
        },
        8.0,
    )
}

#[test]
fn tet_1985_is_a_month_before_the_chinese_new_year() {
    assert_eq!(tet(1985), Some(d(1985, 1, 21)));
    assert_eq!(chinese_new_year(1985), Some(d(1985, 2, 20)));
}

#[test]
fn tet_2007_is_a_day_before_the_chinese_new_year() {
    assert_eq!(tet(2007), Some(d(2007, 2, 17)));
    assert_eq!(chinese_new_year(2007), Some(d(2007, 2, 18)));
}

#[test]
fn the_next_years_of_difference_are_2030_and_2053() {
    assert_eq!(tet(2030), Some(d(2030, 2, 2)));
    assert_eq!(chinese_new_year(2030), Some(d(2030, 2, 3)));
    assert_eq!(tet(2053), Some(d(2053, 2, 18)));
    assert_eq!(chinese_new_year(2053), Some(d(2053, 2, 19)));
}

#[test]
fn tet_1968_differed_between_hanoi_and_saigon_time() {
    // The North moved to UTC+7 in 1967; the South kept UTC+8 until 1975.
    assert_eq!(tet(1968), Some(d(1968, 1, 29)));
    assert_eq!(chinese_new_year(1968), Some(d(1968, 1, 30)));
}

#[test]
fn tet_of_recent_years() {
    for (year, m, day) in [
        (2020, 1, 25),
        (2021, 2, 12),
        (2022, 2, 1),
        (2023, 1, 22),
        (2024, 2, 10),
        (2025, 1, 29),
        (2026, 2, 17),
    ] {
        assert_eq!(tet(year), Some(d(year, m, day)), "Tết {year}");
    }
}

#[test]
fn hung_kings_day_of_recent_years() {
    assert_eq!(hung_kings_day(2023), Some(d(2023, 4, 29)));
    assert_eq!(hung_kings_day(2024), Some(d(2024, 4, 18)));
    assert_eq!(hung_kings_day(2025), Some(d(2025, 4, 7)));
    assert_eq!(hung_kings_day(2026), Some(d(2026, 4, 26)));
}

#[test]
fn the_last_day_of_the_lunar_year_2025_is_the_eve_of_tet_2026() {
    // 14 Feb 2026 was the 27th of the 12th month of Ất Tỵ; 22 Feb the 6th of Bính Ngọ.
    let eve = to_lunar(d(2026, 2, 14));
    assert_eq!(eve.map(|l| (l.day, l.month, l.year)), Some((27, 12, 2025)));
    let sixth = to_lunar(d(2026, 2, 22));
    assert_eq!(sixth.map(|l| (l.day, l.month, l.year)), Some((6, 1, 2026)));
}

#[test]
fn a_leap_month_is_found_and_named_after_the_month_before() {
    // 2023 had a leap 2nd month (22 Mar – 19 Apr 2023).
    let l = to_lunar(d(2023, 3, 22));
    assert_eq!(l.map(|l| (l.day, l.month, l.leap)), Some((1, 2, true)));
    let leap = LunarDate {
        day: 1,
        month: 2,
        year: 2023,
        leap: true,
    };
    assert_eq!(to_solar_at(leap, 7.0), Some(d(2023, 3, 22)));
    assert_eq!(
        to_solar_at(LunarDate { month: 3, ..leap }, 7.0),
        None,
        "2023 had no leap 3rd month"
    );
}

proptest! {
    #[test]
    fn tet_always_falls_between_21_january_and_20_february(year in 1900i32..2200) {
        let t = tet(year);
        prop_assert!(t.is_some());
        let t = t.unwrap_or_default();
        prop_assert!(t >= d(year, 1, 21) && t <= d(year, 2, 20), "Tết {} on {}", year, t);
    }

    #[test]
    fn a_solar_date_round_trips_through_the_lunar_calendar(days in 0i64..80_000) {
        let date = d(1920, 1, 1) + chrono::Duration::days(days);
        let lunar = to_lunar(date);
        prop_assert!(lunar.is_some());
        let lunar = lunar.unwrap_or(LunarDate { day: 0, month: 0, year: 0, leap: false });
        prop_assert!((1..=30).contains(&lunar.day) && (1..=12).contains(&lunar.month));
        prop_assert_eq!(to_solar_at(lunar, VIETNAM_UTC_OFFSET_HOURS), Some(date));
    }

    #[test]
    fn hung_kings_day_is_69_to_99_days_after_tet(year in 1900i32..2200) {
        // Two or three lunar months (three with a leap month before the 3rd) and nine days.
        let (t, h) = (tet(year), hung_kings_day(year));
        prop_assert!(t.is_some() && h.is_some());
        let gap = (h.unwrap_or_default() - t.unwrap_or_default()).num_days();
        prop_assert!((66..=99).contains(&gap), "{} days in {}", gap, year);
    }
}
