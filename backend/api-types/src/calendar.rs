//! The working-day calendar: each year's public holidays, compensatory days off and make-up
//! working days (Labour Code 2019 art. 111–112 and each year's government decision).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

crate::vocabulary::vocabulary! {
    /// Why a day is in the calendar: a public holiday, a day off in exchange, or a working day.
    pub enum DayKind {
        /// New Year's Day (1 January).
        NewYear = "new_year",
        /// One of the days off of the lunar New Year (Tết Nguyên đán).
        Tet = "tet",
        /// Hùng Kings' commemoration day (10th day of the 3rd lunar month).
        HungKings = "hung_kings",
        /// Reunification Day (30 April).
        Reunification = "reunification",
        /// International Labour Day (1 May).
        LabourDay = "labour_day",
        /// National Day (2 September).
        NationalDay = "national_day",
        /// The day next to National Day (1 or 3 September, chosen each year).
        NationalDayAdjacent = "national_day_adjacent",
        /// A day off for a holiday that fell on a weekend (nghỉ bù).
        Compensatory = "compensatory",
        /// A working day given off in exchange for a make-up working day (hoán đổi).
        SwappedDayOff = "swapped_day_off",
        /// A Saturday or Sunday worked in exchange for a day off (làm bù).
        MakeUpWorkingDay = "make_up_working_day",
        /// Another day off decided for the year (a special occasion).
        SpecialDayOff = "special_day_off",
    }
}

impl DayKind {
    /// Whether a day of this kind is worked (a make-up day); every other kind is a day off.
    pub fn is_working(self) -> bool {
        match self {
            Self::MakeUpWorkingDay => true,
            Self::NewYear
            | Self::Tet
            | Self::HungKings
            | Self::Reunification
            | Self::LabourDay
            | Self::NationalDay
            | Self::NationalDayAdjacent
            | Self::Compensatory
            | Self::SwappedDayOff
            | Self::SpecialDayOff => false,
        }
    }
}

crate::vocabulary::vocabulary! {
    /// Where a year's calendar comes from.
    pub enum CalendarSource {
        /// Computed from the Labour Code and the lunar calendar (no decision recorded yet).
        Computed = "computed",
        /// Recorded from the government's decision for the year.
        Decided = "decided",
    }
}

/// One day of a year's calendar that differs from an ordinary week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarDay {
    /// The date.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2025-09-01"))]
    pub date: NaiveDate,
    /// What the day is.
    pub kind: DayKind,
    /// `true` for a make-up working day; `false` for a day off (derived from `kind`).
    #[serde(default)]
    pub working: bool,
    /// A note (e.g. "hoán đổi với thứ Bảy 26/4").
    #[validate(length(max = 500))]
    #[serde(default)]
    pub note: Option<String>,
}

/// A year's calendar: its days off and make-up working days.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarYear {
    /// The year.
    pub year: i32,
    /// Computed from the law, or recorded from a decision.
    pub source: CalendarSource,
    /// The decision the days come from (number and date), when recorded.
    pub decision: Option<String>,
    /// The days, in date order.
    pub days: Vec<CalendarDay>,
    /// Working days in the year (Monday–Friday, less the days off, plus the make-up days).
    pub working_days: u32,
    /// When the year was last recorded (`None` when computed at installation).
    pub updated_at: Option<DateTime<Utc>>,
}

/// A year's calendar as decided by the government: replaces every day of that year.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PutCalendarYear {
    /// The decision (number and date), e.g. "Thông báo 6150/TB-BLĐTBXH ngày 14/11/2024".
    #[validate(length(min = 1, max = 300, message = "Nhập số và ngày của văn bản quyết định"))]
    pub decision: String,
    /// Every day off and make-up working day of the year.
    #[validate(nested, length(max = 60))]
    pub days: Vec<CalendarDay>,
}
