//! Each year's public holidays by law, and the check of a year's calendar as decided.
//!
//! * [`statutory_days`]: the days off the Labour Code in force gives a year, with the lunar
//!   ones from the Vietnamese calendar ([`super::lunar`]) and a compensatory day for each one
//!   that falls on a weekend; the rows seeded for a year before its decision is recorded.
//! * [`check_year`]: a year's calendar as recorded from the government's decision keeps every
//!   holiday of the law, in its place, and pairs each swapped day off with a make-up day.

use crate::messages::{text, Text};
use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use qldv_api_types::calendar::DayKind;

use super::lunar;

/// The labour law whose holidays apply to a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HolidayLaw {
    /// Labour Code 1994 art. 73: 1 Jan, Tết (4 days), 30 Apr, 1 May, 2 Sep.
    Code1994,
    /// Its 2007 amendment: Hùng Kings' day added.
    Amended2007,
    /// Labour Code 2012 art. 115 (from 1 May 2013): Tết 5 days.
    Code2012,
    /// Labour Code 2019 art. 112 (from 1 Jan 2021): National Day 2 days (2 Sep and 1 or 3 Sep).
    Code2019,
}

impl HolidayLaw {
    /// The law in force for the holidays of `year` (years before 1995 use the 1994 list).
    pub fn of_year(year: i32) -> Self {
        match year {
            ..=2006 => Self::Code1994,
            2007..=2012 => Self::Amended2007,
            2013..=2020 => Self::Code2012,
            _ => Self::Code2019,
        }
    }

    /// Days off of Tết.
    pub fn tet_days(self) -> u32 {
        match self {
            Self::Code1994 | Self::Amended2007 => 4,
            Self::Code2012 | Self::Code2019 => 5,
        }
    }

    /// Whether Hùng Kings' day is a day off.
    pub fn has_hung_kings(self) -> bool {
        self >= Self::Amended2007
    }

    /// Whether National Day has a second day (1 or 3 September).
    pub fn has_national_day_adjacent(self) -> bool {
        self >= Self::Code2019
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day next to National Day when no decision is recorded: the one that joins the holiday
/// to a weekend (1 Sep when 2 Sep is a Tuesday, Friday or Saturday; 3 Sep otherwise).
pub fn default_national_day_adjacent(year: i32) -> Option<NaiveDate> {
    let national = ymd(year, 9, 2)?;
    let day = match national.weekday() {
        Weekday::Tue | Weekday::Fri | Weekday::Sat => 1,
        Weekday::Mon | Weekday::Wed | Weekday::Thu | Weekday::Sun => 3,
    };
    ymd(year, 9, day)
}

/// The public holidays of `year` by law, without compensatory days, in date order.
fn holidays_by_law(year: i32) -> Vec<(NaiveDate, DayKind)> {
    let law = HolidayLaw::of_year(year);
    let mut days = Vec::new();
    let mut push = |d: Option<NaiveDate>, kind| {
        if let Some(d) = d {
            days.push((d, kind));
        }
    };
    push(ymd(year, 1, 1), DayKind::NewYear);
    // Tết: the last day of the old year and the first days of the new one.
    if let Some(tet) = lunar::tet(year) {
        for i in -1..i64::from(law.tet_days()) - 1 {
            push(tet.checked_add_signed(Duration::days(i)), DayKind::Tet);
        }
    }
    if law.has_hung_kings() {
        push(lunar::hung_kings_day(year), DayKind::HungKings);
    }
    push(ymd(year, 4, 30), DayKind::Reunification);
    push(ymd(year, 5, 1), DayKind::LabourDay);
    push(ymd(year, 9, 2), DayKind::NationalDay);
    if law.has_national_day_adjacent() {
        push(
            default_national_day_adjacent(year),
            DayKind::NationalDayAdjacent,
        );
    }
    days.sort();
    days
}

/// Adds a compensatory day off for each day off on a weekend: the next weekday that is not
/// already off (Labour Code 2019 art. 111(3)). Days stay in date order.
pub fn with_compensatory_days(mut days: Vec<(NaiveDate, DayKind)>) -> Vec<(NaiveDate, DayKind)> {
    let mut off: BTreeSet<NaiveDate> = days
        .iter()
        .filter(|(_, k)| !k.is_working())
        .map(|(d, _)| *d)
        .collect();
    let on_weekend: Vec<NaiveDate> = days
        .iter()
        .filter(|(d, k)| !k.is_working() && is_weekend(*d))
        .map(|(d, _)| *d)
        .collect();
    for day in on_weekend {
        let mut next = day;
        loop {
            next = match next.succ_opt() {
                Some(n) => n,
                None => break,
            };
            if !is_weekend(next) && !off.contains(&next) {
                off.insert(next);
                days.push((next, DayKind::Compensatory));
                break;
            }
        }
    }
    days.sort();
    days
}

/// The days off of `year` by law, with their compensatory days: the rows seeded for a year
/// whose government decision is not recorded.
pub fn statutory_days(year: i32) -> Vec<(NaiveDate, DayKind)> {
    with_compensatory_days(holidays_by_law(year))
}

/// Something wrong with a year's calendar as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayProblem {
    /// The field (`days[3].date`, `days`).
    pub field: String,
    /// Stable machine code.
    pub code: &'static str,
    /// What is wrong.
    pub message: Text,
}

fn problem(field: String, code: &'static str, message: Text) -> DayProblem {
    DayProblem {
        field,
        code,
        message,
    }
}

/// Where a holiday of the law must be, if it is fixed to one date.
fn fixed_place(year: i32, kind: DayKind) -> Option<Vec<NaiveDate>> {
    match kind {
        DayKind::NewYear => Some(vec![ymd(year, 1, 1)?]),
        DayKind::Reunification => Some(vec![ymd(year, 4, 30)?]),
        DayKind::LabourDay => Some(vec![ymd(year, 5, 1)?]),
        DayKind::NationalDay => Some(vec![ymd(year, 9, 2)?]),
        DayKind::NationalDayAdjacent => Some(vec![ymd(year, 9, 1)?, ymd(year, 9, 3)?]),
        DayKind::HungKings => Some(vec![lunar::hung_kings_day(year)?]),
        DayKind::Tet
        | DayKind::Compensatory
        | DayKind::SwappedDayOff
        | DayKind::MakeUpWorkingDay
        | DayKind::SpecialDayOff => None,
    }
}

/// Checks a year's calendar as decided: dates in the year and each once; each holiday of the
/// law present, in its place (Hùng Kings' day on the 10th of the 3rd lunar month, Tết's days
/// within a week of the lunar New Year, the day next to National Day on 1 or 3 September);
/// make-up working days on a weekend, each paired with a swapped day off on a weekday.
pub fn check_year(year: i32, days: &[(NaiveDate, DayKind)]) -> Vec<DayProblem> {
    let law = HolidayLaw::of_year(year);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, (date, kind)) in days.iter().enumerate() {
        let field = format!("days[{i}].date");
        if date.year() != year {
            out.push(problem(
                field,
                "outside_year",
                text!(
                    "Ngày {} không thuộc năm {year}",
                    "{} is not in {year}",
                    date.format("%d/%m/%Y")
                ),
            ));
            continue;
        }
        if !seen.insert(*date) {
            out.push(problem(
                field,
                "duplicate_date",
                text!(
                    "Ngày {} đã có trong danh sách",
                    "{} is listed already",
                    date.format("%d/%m/%Y")
                ),
            ));
            continue;
        }
        if let Some(places) = fixed_place(year, *kind) {
            if !places.contains(date) {
                let wanted: Vec<String> = places
                    .iter()
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .collect();
                out.push(problem(
                    field.clone(),
                    "holiday_out_of_place",
                    Text::new(
                        format!("Ngày này phải là {}", wanted.join(" hoặc ")),
                        format!("This day must be {}", wanted.join(" or ")),
                    ),
                ));
            }
        }
        match kind {
            DayKind::Tet => {
                let near = lunar::tet(year).is_some_and(|t| (*date - t).num_days().abs() <= 7);
                if !near {
                    out.push(problem(
                        field,
                        "holiday_out_of_place",
                        text!(
                            "Ngày nghỉ Tết phải trong vòng 7 ngày quanh mùng 1 Tết âm lịch",
                            "Tết days off lie within 7 days of the lunar New Year"
                        ),
                    ));
                }
            }
            DayKind::MakeUpWorkingDay if !is_weekend(*date) => out.push(problem(
                field,
                "make_up_not_on_weekend",
                text!(
                    "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật",
                    "A make-up working day is a Saturday or Sunday"
                ),
            )),
            DayKind::SwappedDayOff if is_weekend(*date) => out.push(problem(
                field,
                "swapped_day_on_weekend",
                text!(
                    "Ngày nghỉ hoán đổi phải là ngày làm việc trong tuần",
                    "A swapped day off is a weekday"
                ),
            )),
            _ => {}
        }
    }
    let count = |kind: DayKind| days.iter().filter(|(_, k)| *k == kind).count();
    let mut required = vec![
        (DayKind::NewYear, 1),
        (DayKind::Tet, law.tet_days() as usize),
        (DayKind::Reunification, 1),
        (DayKind::LabourDay, 1),
        (DayKind::NationalDay, 1),
    ];
    if law.has_hung_kings() {
        required.push((DayKind::HungKings, 1));
    }
    if law.has_national_day_adjacent() {
        required.push((DayKind::NationalDayAdjacent, 1));
    }
    for (kind, n) in required {
        let have = count(kind);
        let wrong = if kind == DayKind::Tet {
            have < n
        } else {
            have != n
        };
        if wrong {
            out.push(problem(
                "days".to_string(),
                "holiday_missing",
                text!(
                    "Theo Bộ luật Lao động, năm {year} phải có {n} ngày loại '{}' (đang có {have})",
                    "By the Labour Code, {year} has {n} days of kind '{}' (now {have})",
                    kind.as_str()
                ),
            ));
        }
    }
    if count(DayKind::SwappedDayOff) != count(DayKind::MakeUpWorkingDay) {
        out.push(problem(
            "days".to_string(),
            "unpaired_swap",
            text!(
                "Mỗi ngày nghỉ hoán đổi cần đúng một ngày làm bù",
                "Each swapped day off needs exactly one make-up working day"
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
