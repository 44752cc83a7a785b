//! The Vietnamese lunar (lunisolar) calendar, computed for UTC+7 (meridian 105° E).
//!
//! Hồ Ngọc Đức's published algorithm (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html>):
//! a lunar month starts on the local day of a new moon; the winter solstice is always in month
//! 11; in a year of 13 months the first month without a major solar term (trung khí) after the
//! solstice is the leap month. New moons and the sun's longitude use his simplified
//! astronomical series (accurate to minutes for 1900–2100). The Chinese calendar applies the
//! same rules at UTC+8, which is why the two differ in some years (Tết 1985: 21 Jan in Vietnam,
//! 20 Feb in China; Tết 2007: 17 Feb against 18 Feb).

use chrono::{Datelike, NaiveDate};
use std::f64::consts::PI;

/// Vietnam's time zone, in hours east of Greenwich (since 1967 in the North, 1975 nationally).
pub const VIETNAM_UTC_OFFSET_HOURS: f64 = 7.0;

/// A date of the lunar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    /// Day of the month, 1–30.
    pub day: u32,
    /// Month, 1–12 (a leap month carries the number of the month before it).
    pub month: u32,
    /// Lunar year (the solar year in which its month 1 begins).
    pub year: i32,
    /// Whether the month is the leap month (tháng nhuận).
    pub leap: bool,
}

/// Julian day number of 0001-01-01 minus one (chrono counts days from it).
const JDN_OF_CE_DAY_ZERO: i64 = 1_721_425;
/// Julian date of the new moon of 1900-01-01 (lunation 0 of the series).
const LUNATION_EPOCH: f64 = 2_415_021.076_998_695;
/// Mean length of a lunation, days.
const SYNODIC_MONTH: f64 = 29.530_588_853;

/// The Julian day number of a solar date.
fn jdn(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JDN_OF_CE_DAY_ZERO
}

/// The solar date of a Julian day number (`None` outside chrono's range).
fn date_of(jdn: i64) -> Option<NaiveDate> {
    i32::try_from(jdn - JDN_OF_CE_DAY_ZERO)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The Julian date (UTC) of the `k`-th new moon after 1900-01-01.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.2242 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.0253 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.2964 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let mut c1 = (0.1734 - 0.000_393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 += -0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 += 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 += -0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 += -0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The sun's apparent longitude, radians in [0, 2π), at Julian date `jd` (UTC).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l.rem_euclid(2.0 * PI)
}

/// The local day (Julian day number) of the `k`-th new moon at `tz` hours from UTC.
fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i64
}

/// Which of the twelve 30° sectors (0–11) the sun is in at the local midnight starting day
/// `day`; sector 9 begins at the winter solstice (270°).
fn sun_sector(day: i64, tz: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - tz / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of the lunar month 11 (the one holding the winter solstice) that begins in
/// solar year `year`, or late in the year before.
fn month_11(year: i32, tz: f64) -> Option<i64> {
    let off = jdn(NaiveDate::from_ymd_opt(year, 12, 31)?) - 2_415_021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k, tz);
    if sun_sector(nm, tz) >= 9 {
        Some(new_moon_day(k - 1, tz))
    } else {
        Some(nm)
    }
}

/// The lunation index of a month starting on day `start`.
fn lunation(start: i64) -> i64 {
    ((start as f64 - LUNATION_EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64
}

/// In a 13-month year starting after month 11 at `a11`, the offset (in months after month
/// 11) of the leap month: the first month holding no major solar term.
fn leap_month_offset(a11: i64, tz: f64) -> i64 {
    let k = lunation(a11);
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The lunar date of a solar date, computed for `tz` hours east of UTC.
pub fn to_lunar_at(date: NaiveDate, tz: f64) -> Option<LunarDate> {
    let day = jdn(date);
    let k = ((day as f64 - LUNATION_EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut month_start = new_moon_day(k + 1, tz);
    if month_start > day {
        month_start = new_moon_day(k, tz);
    }
    let mut a11 = month_11(date.year(), tz)?;
    let mut b11 = a11;
    let mut year = date.year();
    if a11 >= month_start {
        a11 = month_11(date.year() - 1, tz)?;
    } else {
        year += 1;
        b11 = month_11(date.year() + 1, tz)?;
    }
    let diff = (month_start - a11) / 29;
    let mut month = diff + 11;
    let mut leap = false;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11, tz);
        if diff >= leap_diff {
            month = diff + 10;
            leap = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        year -= 1;
    }
    Some(LunarDate {
        day: u32::try_from(day - month_start + 1).ok()?,
        month: u32::try_from(month).ok()?,
        year,
        leap,
    })
}

/// The solar date of a lunar date computed for `tz` hours east of UTC (`None` when the month
/// asked for as leap is not the leap month of that year).
pub fn to_solar_at(lunar: LunarDate, tz: f64) -> Option<NaiveDate> {
    let (a11, b11) = if lunar.month < 11 {
        (month_11(lunar.year - 1, tz)?, month_11(lunar.year, tz)?)
    } else {
        (month_11(lunar.year, tz)?, month_11(lunar.year + 1, tz)?)
    };
    let k = lunation(a11);
    let mut off = i64::from(lunar.month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11, tz);
        let leap_month = (leap_off - 2).rem_euclid(12);
        if lunar.leap && i64::from(lunar.month) != leap_month {
            return None;
        }
        if lunar.leap || off >= leap_off {
            off += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let start = new_moon_day(k + off, tz);
    date_of(start + i64::from(lunar.day) - 1)
}

/// The lunar date of a solar date in the Vietnamese calendar (UTC+7).
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    to_lunar_at(date, VIETNAM_UTC_OFFSET_HOURS)
}

/// The solar date of a (non-leap) day of a Vietnamese lunar month in lunar year `year`.
pub fn solar_of(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    to_solar_at(
        LunarDate {
            day,
            month,
            year,
            leap: false,
        },
        VIETNAM_UTC_OFFSET_HOURS,
    )
}

/// Tết (1st day of the 1st lunar month) of lunar year `year`, Vietnamese calendar.
pub fn tet(year: i32) -> Option<NaiveDate> {
    solar_of(year, 1, 1)
}

/// Hùng Kings' commemoration day (10th day of the 3rd lunar month), Vietnamese calendar.
pub fn hung_kings_day(year: i32) -> Option<NaiveDate> {
    solar_of(year, 3, 10)
}

#[cfg(test)]
mod tests;
