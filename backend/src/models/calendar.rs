//! The holiday table: each year's days off and make-up working days, computed from the law or
//! recorded from the government's decision.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::calendar::{CalendarSource, DayKind};
use qldv_api_types::UserId;

use crate::db::schema::{calendar_days, calendar_years};
use crate::db::DbConn;
use crate::domain::calendar::WorkCalendar;
use crate::error::AppResult;

/// A year of the table.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = calendar_years)]
pub struct CalendarYearRow {
    /// The year.
    pub year: i32,
    /// Computed, or recorded from a decision.
    pub source: CalendarSource,
    /// The decision recorded.
    pub decision: Option<String>,
    /// Last recorded (UTC); `None` when seeded.
    pub updated_at: Option<NaiveDateTime>,
    /// Who recorded it.
    pub updated_by: Option<UserId>,
}

/// A day of the table.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = calendar_days)]
pub struct CalendarDayRow {
    /// The date.
    pub day: NaiveDate,
    /// Its year.
    pub year: i32,
    /// What the day is.
    pub kind: DayKind,
    /// A note.
    pub note: Option<String>,
}

/// A year as recorded: its row and days (the audit entry's before and after).
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredYear {
    /// The year's row (`None` when the table does not hold it).
    pub year: Option<CalendarYearRow>,
    /// Its days, in date order.
    pub days: Vec<CalendarDayRow>,
}

impl CalendarYearRow {
    /// The year's row and its days, as stored.
    pub fn find(conn: &mut DbConn, year: i32) -> AppResult<StoredYear> {
        let row = calendar_years::table
            .find(year)
            .select(Self::as_select())
            .first(conn)
            .optional()?;
        let days = calendar_days::table
            .filter(calendar_days::year.eq(year))
            .order(calendar_days::day.asc())
            .select(CalendarDayRow::as_select())
            .load(conn)?;
        Ok(StoredYear { year: row, days })
    }

    /// Replaces the year's days with `days` (recorded from `decision` by `user` at `at`).
    pub fn replace(
        conn: &mut DbConn,
        year: i32,
        decision: &str,
        days: &[CalendarDayRow],
        (user, at): (Option<UserId>, NaiveDateTime),
    ) -> AppResult<()> {
        diesel::delete(calendar_days::table.filter(calendar_days::year.eq(year))).execute(conn)?;
        diesel::delete(calendar_years::table.find(year)).execute(conn)?;
        diesel::insert_into(calendar_years::table)
            .values((
                calendar_years::year.eq(year),
                calendar_years::source.eq(CalendarSource::Decided),
                calendar_years::decision.eq(decision),
                calendar_years::updated_at.eq(at),
                calendar_years::updated_by.eq(user),
            ))
            .execute(conn)?;
        for day in days {
            diesel::insert_into(calendar_days::table)
                .values(day)
                .execute(conn)?;
        }
        Ok(())
    }
}

/// The working-day calendar of the whole table (a few rows a year).
pub fn work_calendar(conn: &mut DbConn) -> AppResult<WorkCalendar> {
    let days: Vec<(NaiveDate, DayKind)> = calendar_days::table
        .select((calendar_days::day, calendar_days::kind))
        .load(conn)?;
    Ok(WorkCalendar::from_days(days))
}
