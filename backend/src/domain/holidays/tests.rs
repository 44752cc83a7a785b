//! The holidays of the Labour Code by year, and the check of a decided year.

use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn of_kind(days: &[(NaiveDate, DayKind)], kind: DayKind) -> Vec<NaiveDate> {
    days.iter()
        .filter(|(_, k)| *k == kind)
        .map(|(d, _)| *d)
        .collect()
}

#[test]
fn the_2019_code_gives_eleven_days_off() {
    let days = holidays_by_law(2026);
    assert_eq!(days.len(), 11);
    // Tết Bính Ngọ is Tuesday 17 Feb 2026: the eve (16 Feb) and mùng 1–4.
    assert_eq!(
        of_kind(&days, DayKind::Tet),
        [
            d(2026, 2, 16),
            d(2026, 2, 17),
            d(2026, 2, 18),
            d(2026, 2, 19),
            d(2026, 2, 20)
        ]
    );
    assert_eq!(of_kind(&days, DayKind::HungKings), [d(2026, 4, 26)]);
    assert_eq!(of_kind(&days, DayKind::NationalDay), [d(2026, 9, 2)]);
    assert_eq!(of_kind(&days, DayKind::NationalDayAdjacent).len(), 1);
}

#[test]
fn older_codes_give_fewer_days() {
    assert_eq!(
        holidays_by_law(2020).len(),
        10,
        "2012 code: Tết 5 days, one National Day"
    );
    assert_eq!(
        holidays_by_law(2010).len(),
        9,
        "2007 amendment: Tết 4 days and Hùng Kings"
    );
    assert_eq!(holidays_by_law(2000).len(), 8, "1994 code");
    assert!(of_kind(&holidays_by_law(2000), DayKind::HungKings).is_empty());
}

#[test]
fn a_holiday_on_a_weekend_gives_the_next_weekday_off() {
    // Sunday 26 Apr 2026 (Hùng Kings) → Monday 27 Apr; 1 Jan 2028 is a Saturday → Monday 3 Jan.
    let days = statutory_days(2026);
    assert!(of_kind(&days, DayKind::Compensatory).contains(&d(2026, 4, 27)));
    let days = statutory_days(2028);
    assert!(of_kind(&days, DayKind::Compensatory).contains(&d(2028, 1, 3)));
}

#[test]
fn two_weekend_holidays_in_a_row_give_two_distinct_days() {
    // 2022: 1 Jan a Saturday (3 Jan off), Hùng Kings' day a Sunday (11 Apr off), and 30 Apr
    // and 1 May Saturday and Sunday: Monday 2 and Tuesday 3 May off.
    let days = statutory_days(2022);
    assert_eq!(
        of_kind(&days, DayKind::Compensatory),
        [d(2022, 1, 3), d(2022, 4, 11), d(2022, 5, 2), d(2022, 5, 3)]
    );
}

#[test]
fn national_day_adjacent_joins_a_weekend() {
    assert_eq!(
        default_national_day_adjacent(2025),
        Some(d(2025, 9, 1)),
        "Tuesday"
    );
    assert_eq!(
        default_national_day_adjacent(2024),
        Some(d(2024, 9, 3)),
        "Monday"
    );
    assert_eq!(
        default_national_day_adjacent(2021),
        Some(d(2021, 9, 3)),
        "Thursday"
    );
}

/// The 2025 calendar as decided (sources in docs/rules.md): Tết 27–31 Jan; 2 May off in
/// exchange for Saturday 26 Apr; National Day 1–2 Sep.
fn decided_2025() -> Vec<(NaiveDate, DayKind)> {
    let mut days = vec![
        (d(2025, 1, 1), DayKind::NewYear),
        (d(2025, 4, 7), DayKind::HungKings),
        (d(2025, 4, 26), DayKind::MakeUpWorkingDay),
        (d(2025, 4, 30), DayKind::Reunification),
        (d(2025, 5, 1), DayKind::LabourDay),
        (d(2025, 5, 2), DayKind::SwappedDayOff),
        (d(2025, 9, 1), DayKind::NationalDayAdjacent),
        (d(2025, 9, 2), DayKind::NationalDay),
    ];
    for day in 27..=31 {
        days.push((d(2025, 1, day), DayKind::Tet));
    }
    days
}

#[test]
fn the_decided_2025_calendar_passes() {
    assert_eq!(check_year(2025, &decided_2025()), []);
}

#[test]
fn a_year_without_its_holidays_or_with_them_misplaced_is_refused() {
    let mut days = decided_2025();
    days.retain(|(_, k)| *k != DayKind::NewYear);
    let codes: Vec<&str> = check_year(2025, &days).iter().map(|p| p.code).collect();
    assert_eq!(codes, ["holiday_missing"]);

    let mut days = decided_2025();
    days[1] = (d(2025, 4, 8), DayKind::HungKings);
    let problems = check_year(2025, &days);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "holiday_out_of_place");
    assert_eq!(problems[0].field, "days[1].date");

    let mut days = decided_2025();
    days[6] = (d(2025, 9, 4), DayKind::NationalDayAdjacent);
    assert_eq!(check_year(2025, &days)[0].code, "holiday_out_of_place");
}

#[test]
fn make_up_days_are_weekend_days_paired_with_a_day_off() {
    let mut days = decided_2025();
    days.retain(|(_, k)| *k != DayKind::SwappedDayOff);
    let codes: Vec<&str> = check_year(2025, &days).iter().map(|p| p.code).collect();
    assert_eq!(codes, ["unpaired_swap"]);

    let mut days = decided_2025();
    days[2] = (d(2025, 4, 28), DayKind::MakeUpWorkingDay);
    let codes: Vec<&str> = check_year(2025, &days).iter().map(|p| p.code).collect();
    assert_eq!(codes, ["make_up_not_on_weekend"]);
}

#[test]
fn dates_of_another_year_or_twice_are_refused() {
    let mut days = decided_2025();
    days.push((d(2026, 1, 2), DayKind::SpecialDayOff));
    days.push((d(2025, 9, 2), DayKind::SpecialDayOff));
    let codes: Vec<&str> = check_year(2025, &days).iter().map(|p| p.code).collect();
    assert_eq!(codes, ["outside_year", "duplicate_date"]);
}

proptest! {
    #[test]
    fn the_statutory_days_of_any_year_pass_the_check(year in 1975i32..2100) {
        let days = statutory_days(year);
        prop_assert_eq!(check_year(year, &days), Vec::<DayProblem>::new());
    }

    #[test]
    fn compensatory_days_are_weekdays_and_one_per_weekend_holiday(year in 1975i32..2100) {
        let days = statutory_days(year);
        let weekend_off = days
            .iter()
            .filter(|(d, k)| *k != DayKind::Compensatory && is_weekend(*d))
            .count();
        let compensatory = of_kind(&days, DayKind::Compensatory);
        prop_assert_eq!(compensatory.len(), weekend_off);
        prop_assert!(compensatory.iter().all(|d| !is_weekend(*d)));
        let unique: BTreeSet<NaiveDate> = days.iter().map(|(d, _)| *d).collect();
        prop_assert_eq!(unique.len(), days.len());
    }
}

/// The decision recorded for 2025 in the migration.
const DECISION_2025: &str = "Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức";

/// The seed rows of the holiday table: 1975–2040 as the law gives them, 2025 as decided.
fn seed_sql() -> String {
    let mut sql = String::new();
    for year in 1975..=2040 {
        let (source, decision, days) = if year == 2025 {
            ("decided", format!("'{DECISION_2025}'"), decided_2025())
        } else {
            ("computed", "NULL".to_string(), statutory_days(year))
        };
        let mut days = days;
        days.sort();
        sql.push_str(&format!(
            "INSERT INTO calendar_years (year, source, decision) VALUES ({year}, '{source}', {decision});\n"
        ));
        let rows: Vec<String> = days
            .iter()
            .map(|(d, k)| {
                let note = match k {
                    DayKind::SwappedDayOff => "'Hoán đổi với thứ Bảy 26/4/2025'",
                    DayKind::MakeUpWorkingDay => "'Làm bù cho thứ Sáu 2/5/2025'",
                    _ => "NULL",
                };
                format!("('{d}', {year}, '{}', {note})", k.as_str())
            })
            .collect();
        sql.push_str(&format!(
            "INSERT INTO calendar_days (day, year, kind, note) VALUES\n    {};\n",
            rows.join(",\n    ")
        ));
    }
    sql
}

/// Prints the seed rows (`cargo test -p qldv --lib -- --ignored print_seed_sql --nocapture`).
#[test]
#[ignore]
fn print_seed_sql() {
    println!("{}", seed_sql());
}

#[test]
fn the_migrations_seed_the_computed_years_and_2025_as_decided() {
    let sqlite = include_str!("../../../../migrations/sqlite/2026-12-07-140100_calendar/up.sql");
    let postgres =
        include_str!("../../../../migrations/postgresql/2026-12-07-140100_calendar/up.sql");
    let seed = seed_sql();
    assert!(
        sqlite.ends_with(&seed),
        "regenerate the seed of the sqlite migration"
    );
    assert!(
        postgres.ends_with(&seed),
        "regenerate the seed of the postgresql migration"
    );
}
