//! A cell's meetings with their whole attendance sheet (issue 23; `docs/cell-year.md`, rules
//! 34–35): the blank sheet of a date, a meeting written with its sheet in one transaction, a
//! corrected sheet, a meeting, a cell's year with its missing periods.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::meetings::{
    self as dto, AttendanceCounts, AttendanceLine, AttendanceSheet, CreateMeeting, MeetingYear,
    MissingMeeting, SheetMember,
};
use qldv_api_types::{MeetingId, MemberId, OrgId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::cell_year::attendance::{self as rules, Entered, OnDate};
use crate::domain::cell_year::meetings::{self as periods, Held, Period};
use crate::error::{AppError, AppResult, FieldIssue};
use crate::messages::meetings as msg;
use crate::models::meeting::{self as model, LineRow, MeetingRow, NewMeeting, SheetFact};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::setting;
use crate::models::uow::Uow;

/// A cell inside the caller's scope (404 outside; 422 for an organisation that holds no
/// members).
pub fn cell(conn: &mut DbConn, caller: &AuthUser, id: OrgId) -> AppResult<OrganizationRow> {
    let org = OrganizationRow::find(conn, &caller.scope, id)?;
    if !KindRow::get(conn, &org.kind)?.holds_members {
        return Err(msg::not_a_cell(&org.name));
    }
    Ok(org)
}

/// Whether the cell existed on `on`.
pub fn open_on(org: &OrganizationRow, on: NaiveDate) -> bool {
    org.valid_from.is_none_or(|f| f <= on) && org.valid_to.is_none_or(|t| on < t)
}

/// The blank sheet of a cell on a date: every member that day, derived values filled.
pub fn sheet(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: OrgId,
    on: NaiveDate,
) -> AppResult<AttendanceSheet> {
    let org = cell(conn, caller, id)?;
    let members = model::sheet_facts(conn, org.id, on)?
        .into_iter()
        .map(|f| SheetMember {
            derived: derived(&f),
            member_id: f.member_id,
            full_name: f.full_name,
        })
        .collect();
    Ok(AttendanceSheet {
        organization_id: org.id,
        on,
        members,
    })
}

fn derived(f: &SheetFact) -> Option<Attendance> {
    rules::line(
        on_date(Some(f)),
        Entered {
            value: None,
            has_reason: false,
        },
    )
    .ok()
}

fn on_date(f: Option<&SheetFact>) -> OnDate {
    f.map_or(OnDate::default(), |f| OnDate {
        member: true,
        exempt: f.exempt,
        elsewhere: f.elsewhere,
    })
}

/// Rule 35 on a whole sheet: every line's value, or every refused line at once (the lines
/// sent, each expected member left out, each member sent twice).
pub fn judge(
    facts: &[SheetFact],
    lines: &[AttendanceLine],
) -> Result<Vec<(MemberId, Attendance, Option<String>)>, AppError> {
    let mut issues: Vec<FieldIssue> = Vec::new();
    let mut seen: Vec<MemberId> = Vec::with_capacity(lines.len());
    let mut judged: Vec<(OnDate, Entered)> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        if seen.contains(&l.member_id) {
            issues.push(msg::duplicate_line(i));
        }
        seen.push(l.member_id);
        let fact = facts.iter().find(|f| f.member_id == l.member_id);
        judged.push((
            on_date(fact),
            Entered {
                value: Some(l.value),
                has_reason: l.reason.as_deref().is_some_and(|r| !r.trim().is_empty()),
            },
        ));
    }
    let values = match rules::sheet(&judged) {
        Ok(v) => v,
        Err(refused) => {
            issues.extend(refused.iter().map(|(i, r)| msg::line(*i, r)));
            Vec::new()
        }
    };
    let mut out: Vec<(MemberId, Attendance, Option<String>)> = lines
        .iter()
        .zip(&values)
        .map(|(l, v)| {
            let reason = (*v == Attendance::Excused)
                .then(|| l.reason.as_deref().map(str::trim).map(str::to_string))
                .flatten();
            (l.member_id, *v, reason)
        })
        .collect();
    for f in facts.iter().filter(|f| !seen.contains(&f.member_id)) {
        match derived(f) {
            Some(d) => out.push((f.member_id, d, None)),
            None => issues.push(msg::member_left_out(&f.full_name)),
        }
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        issues.sort_by_key(|i| (i.field == "attendance", index_of(&i.field)));
        Err(AppError::Validation(issues))
    }
}

fn index_of(field: &str) -> usize {
    field
        .trim_start_matches("attendance[")
        .trim_end_matches(']')
        .parse()
        .unwrap_or(usize::MAX)
}

/// Records a meeting with its whole sheet, in the caller's unit of work: the meeting, one
/// multi-row insert of its lines, the audit entry. The new id.
pub fn create(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    id: OrgId,
    body: &CreateMeeting,
    today: NaiveDate,
) -> AppResult<MeetingId> {
    let org = cell(uow, caller, id)?;
    if body.held_on > today {
        return Err(msg::held_in_future());
    }
    if !open_on(&org, body.held_on) {
        return Err(msg::cell_not_open("held_on"));
    }
    let facts = model::sheet_facts(uow, org.id, body.held_on)?;
    let lines = judge(&facts, &body.attendance)?;
    let settings = setting::at(uow, body.held_on)?;
    let meeting = MeetingRow::insert(
        uow,
        &NewMeeting {
            organization_id: org.id,
            kind: body.kind,
            held_on: body.held_on,
            agenda: body.agenda.trim(),
            resolution: body.resolution.as_deref(),
            minutes_summary: body.minutes_summary.as_deref(),
            regulation: &settings.regulation,
            entered_by: Some(caller.id),
            entered_at: crate::models::now(),
        },
    )?;
    model::insert_lines(uow, meeting, &lines)?;
    let after = view_row(uow, caller, meeting)?;
    audit(uow, caller, AuditAction::Create, &org.path, None, &after)?;
    Ok(meeting)
}

/// Replaces a meeting's sheet (a correction, judged by the same rule on the meeting's date).
pub fn replace_attendance(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    id: MeetingId,
    lines: &[AttendanceLine],
) -> AppResult<()> {
    let (meeting, path) = MeetingRow::find(uow, &caller.scope, id)?;
    let before = view_row(uow, caller, id)?;
    let facts = model::sheet_facts(uow, meeting.organization_id, meeting.held_on)?;
    let judged = judge(&facts, lines)?;
    model::replace_lines(uow, id, &judged)?;
    let after = view_row(uow, caller, id)?;
    audit(
        uow,
        caller,
        AuditAction::Update,
        &path,
        Some(&before),
        &after,
    )
}

fn audit(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    action: AuditAction,
    path: &str,
    before: Option<&dto::Meeting>,
    after: &dto::Meeting,
) -> AppResult<()> {
    crate::models::audit::record(
        uow,
        &caller.actor(),
        action,
        crate::models::audit::Subject {
            entity: AuditEntity::Meeting,
            id: after.id.0,
            scope_path: Some(path),
        },
        before,
        Some(after),
    )
}

fn view_row(conn: &mut DbConn, caller: &AuthUser, id: MeetingId) -> AppResult<dto::Meeting> {
    view(conn, caller, id)
}

/// Counts of recorded lines.
pub fn counts<'a>(lines: impl IntoIterator<Item = &'a LineRow>) -> AttendanceCounts {
    tally(lines.into_iter().map(|l| l.value))
}

/// Counts of attendance values (`expected`: present, excused and absent).
pub fn tally(values: impl IntoIterator<Item = Attendance>) -> AttendanceCounts {
    let mut c = AttendanceCounts::default();
    for v in values {
        match v {
            Attendance::Present => c.present += 1,
            Attendance::Excused => c.excused += 1,
            Attendance::Absent => c.absent += 1,
            Attendance::Exempt => c.exempt += 1,
            Attendance::Elsewhere => c.elsewhere += 1,
        }
    }
    c.expected = c.present + c.excused + c.absent;
    c
}

/// A meeting with every line.
pub fn view(conn: &mut DbConn, caller: &AuthUser, id: MeetingId) -> AppResult<dto::Meeting> {
    Ok(view_in(conn, &caller.scope, id)?.0)
}

/// A meeting of a cell inside `scope` with every line, and the cell's path (what the change
/// feed publishes, with `Scope::system()`).
pub fn view_in(
    conn: &mut DbConn,
    scope: &Scope,
    id: MeetingId,
) -> AppResult<(dto::Meeting, String)> {
    let (m, path) = MeetingRow::find(conn, scope, id)?;
    let lines = model::lines(conn, &[id])?;
    Ok((
        dto::Meeting {
            id: m.id,
            organization_id: m.organization_id,
            kind: m.kind,
            held_on: m.held_on,
            agenda: m.agenda,
            resolution: m.resolution,
            minutes_summary: m.minutes_summary,
            regulation: m.regulation,
            counts: counts(&lines),
            attendance: lines
                .into_iter()
                .map(|l| dto::MeetingAttendance {
                    member_id: l.member_id,
                    full_name: l.full_name,
                    value: l.value,
                    reason: l.reason,
                })
                .collect(),
        },
        path,
    ))
}

fn missing_dto(p: &Period) -> MissingMeeting {
    let (from, to) = p.span();
    MissingMeeting {
        kind: p.kind,
        from,
        to,
    }
}

/// The periods due and missing of a cell's year on `today` (rule 34), with the meetings held.
pub fn missing_of(
    conn: &mut DbConn,
    org: &OrganizationRow,
    year: i32,
    today: NaiveDate,
) -> AppResult<(Vec<MeetingRow>, Vec<Period>)> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(msg::year_invalid)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(msg::year_invalid)?;
    let held = MeetingRow::of_cell(conn, org.id, first, last)?;
    let founded = org.valid_from.unwrap_or(NaiveDate::MIN);
    let due = periods::periods_due(year, founded, org.valid_to, today);
    let facts: Vec<Held> = held
        .iter()
        .map(|m| Held {
            on: m.held_on,
            kind: m.kind,
        })
        .collect();
    let missing = periods::missing(&facts, &due);
    Ok((held, missing))
}

/// A cell's meetings of a year, the periods missing and the next regular meeting due.
pub fn year(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: OrgId,
    year: i32,
    today: NaiveDate,
) -> AppResult<MeetingYear> {
    if !(1930..=9999).contains(&year) {
        return Err(msg::year_invalid());
    }
    let org = cell(conn, caller, id)?;
    let (held, missing) = missing_of(conn, &org, year, today)?;
    let ids: Vec<MeetingId> = held.iter().map(|m| m.id).collect();
    let lines = model::lines(conn, &ids)?;
    let this_month = Period {
        kind: MeetingKind::Regular,
        year: today.year(),
        index: today.month(),
    };
    let next_due = (year == today.year()
        && open_on(&org, today)
        && !held
            .iter()
            .any(|m| m.kind == MeetingKind::Regular && this_month.contains(m.held_on)))
    .then(|| missing_dto(&this_month));
    Ok(MeetingYear {
        organization_id: org.id,
        year,
        meetings: held
            .into_iter()
            .map(|m| dto::MeetingSummary {
                counts: counts(lines.iter().filter(|l| l.meeting_id == m.id)),
                id: m.id,
                kind: m.kind,
                held_on: m.held_on,
                agenda: m.agenda,
            })
            .collect(),
        missing: missing.iter().map(missing_dto).collect(),
        next_due,
    })
}

/// A member's attendance of a year (rule 35): their lines at the meetings of every cell they
/// belonged to, newest first, and the year's counts.
pub fn of_member(
    conn: &mut DbConn,
    caller: &AuthUser,
    member: MemberId,
    year: i32,
) -> AppResult<dto::MemberAttendance> {
    if !(1930..=9999).contains(&year) {
        return Err(msg::year_invalid());
    }
    let m = crate::models::member::MemberRow::find(conn, &caller.scope, member)?;
    let (first, last) = crate::models::liaison::year_bounds(year);
    let rows = crate::models::member_attendance::of_member(conn, &caller.scope, m.id, first, last)?;
    Ok(dto::MemberAttendance {
        member_id: m.id,
        year,
        counts: tally(rows.iter().map(|r| r.value)),
        meetings: rows
            .into_iter()
            .map(|r| dto::MemberMeetingLine {
                meeting_id: r.meeting_id,
                organization_id: r.organization_id,
                organization_name: r.organization_name,
                kind: r.kind,
                held_on: r.held_on,
                value: r.value,
                reason: r.reason,
            })
            .collect(),
    })
}
