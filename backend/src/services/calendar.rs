//! The working-day calendar: a year as the table holds it (or as the law gives it), and a
//! national administrator's recording of the year's government decision (audited).

use crate::error::FieldIssue;
use chrono::NaiveDate;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::calendar::{
    CalendarDay, CalendarSource, CalendarYear, DayKind, PutCalendarYear,
};

use crate::auth::Actor;
use crate::db::DbConn;
use crate::domain::calendar::WorkCalendar;
use crate::domain::holidays;
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::calendar::{CalendarDayRow, CalendarYearRow, StoredYear};
use crate::models::uow::Uow;

/// The years a calendar can be asked for (the lunar computation holds for 1900–2199).
pub const YEARS: std::ops::RangeInclusive<i32> = 1945..=2199;

fn check_range(year: i32) -> AppResult<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(crate::messages::records::calendar_years(
            *YEARS.start(),
            *YEARS.end(),
        ))
    }
}

fn dto_day(date: NaiveDate, kind: DayKind, note: Option<String>) -> CalendarDay {
    CalendarDay {
        date,
        kind,
        working: kind.is_working(),
        note,
    }
}

/// The year as the table holds it, or as the law gives it when the table does not hold it.
fn view(year: i32, stored: StoredYear) -> CalendarYear {
    let (source, decision, updated_at, days) = match stored.year {
        Some(row) => (
            row.source,
            row.decision,
            row.updated_at.map(crate::models::utc),
            stored
                .days
                .into_iter()
                .map(|d| dto_day(d.day, d.kind, d.note))
                .collect::<Vec<_>>(),
        ),
        None => (
            CalendarSource::Computed,
            None,
            None,
            holidays::statutory_days(year)
                .into_iter()
                .map(|(d, k)| dto_day(d, k, None))
                .collect(),
        ),
    };
    let cal = WorkCalendar::from_days(days.iter().map(|d| (d.date, d.kind)));
    CalendarYear {
        year,
        source,
        decision,
        working_days: cal.working_days_in(year),
        days,
        updated_at,
    }
}

/// A year of the calendar.
pub fn year(conn: &mut DbConn, year: i32) -> AppResult<CalendarYear> {
    check_range(year)?;
    let stored = CalendarYearRow::find(conn, year)?;
    Ok(view(year, stored))
}

/// Records a year's calendar as decided (replacing what the table held), audited with the
/// year before and after.
pub fn put_year(
    uow: &mut Uow<'_>,
    actor: &Actor,
    year: i32,
    body: PutCalendarYear,
) -> AppResult<CalendarYear> {
    check_range(year)?;
    let mut days: Vec<(NaiveDate, DayKind)> = body.days.iter().map(|d| (d.date, d.kind)).collect();
    let problems = holidays::check_year(year, &days);
    if !problems.is_empty() {
        return Err(AppError::Validation(
            problems
                .into_iter()
                .map(|p| FieldIssue::new(p.field, p.code, p.message))
                .collect(),
        ));
    }
    days.sort();
    let mut rows: Vec<CalendarDayRow> = body
        .days
        .into_iter()
        .map(|d| CalendarDayRow {
            day: d.date,
            year,
            kind: d.kind,
            note: d.note.filter(|n| !n.trim().is_empty()),
        })
        .collect();
    rows.sort_by_key(|r| r.day);
    let before = CalendarYearRow::find(uow, year)?;
    let action = if before.year.is_some() {
        AuditAction::Update
    } else {
        AuditAction::Create
    };
    let at = crate::models::now();
    let user = actor.user_id;
    CalendarYearRow::replace(uow, year, body.decision.trim(), &rows, (user, at))?;
    let after = CalendarYearRow::find(uow, year)?;
    audit::record(
        uow,
        actor,
        action,
        Subject {
            entity: AuditEntity::Calendar,
            id: i64::from(year),
            scope_path: None,
        },
        Some(&before),
        Some(&after),
    )?;
    Ok(view(year, after))
}
