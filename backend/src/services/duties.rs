//! Duties a cell assigns its members, reviewed at a meeting; closed by a transfer or an exit
//! (issue 23, rule 38: `domain::cell_year::duties`).

use chrono::{Datelike, NaiveDate};
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::cell_year::DutyClosure;
use qldv_api_types::meetings::{self as dto, AssignDuties, DutyShares, MemberDuties, ReviewDuties};
use qldv_api_types::{DutyId, MeetingId, MemberId, OrgId};

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::cell_year::duties as rules;
use crate::error::{AppError, AppResult, FieldIssue};
use crate::messages::meetings as msg;
use crate::models::audit::{record, Subject};
use crate::models::duty::{DutyRow, NewDutyRow};
use crate::models::meeting::{self as meeting_model, MeetingRow};
use crate::models::member::MemberRow;
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::meetings::{cell, open_on};

/// The duty as served.
pub fn to_dto(row: DutyRow, full_name: String) -> dto::Duty {
    dto::Duty {
        id: row.id,
        member_id: row.member_id,
        full_name,
        organization_id: row.organization_id,
        description: row.description,
        assigned_on: row.assigned_on,
        due_by: row.due_by,
        reviewed_on: row.reviewed_on,
        result: row.result,
        closed_on: row.closed_on,
        closure: row.closure,
    }
}

fn audit(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    action: AuditAction,
    path: &str,
    before: Option<&DutyRow>,
    after: &DutyRow,
) -> AppResult<()> {
    record(
        uow,
        &caller.actor(),
        action,
        Subject {
            entity: AuditEntity::Duty,
            id: after.id.0,
            scope_path: Some(path),
        },
        before,
        Some(after),
    )
}

/// Assigns several duties at once (each to a member of the cell on the day): their ids.
pub fn assign(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    id: OrgId,
    body: &AssignDuties,
    today: NaiveDate,
) -> AppResult<Vec<DutyId>> {
    let org = cell(uow, caller, id)?;
    if body.assigned_on > today {
        return Err(msg::assigned_in_future());
    }
    if !open_on(&org, body.assigned_on) {
        return Err(msg::cell_not_open("assigned_on"));
    }
    if let Some(m) = body.meeting_id {
        let (meeting, _) = MeetingRow::find(uow, &caller.scope, m)?;
        if meeting.organization_id != org.id {
            return Err(msg::meeting_of_another_cell());
        }
    }
    let facts = meeting_model::sheet_facts(uow, org.id, body.assigned_on)?;
    let issues: Vec<FieldIssue> = body
        .duties
        .iter()
        .enumerate()
        .filter(|(_, d)| !facts.iter().any(|f| f.member_id == d.member_id))
        .map(|(i, _)| msg::duty_not_a_member(i))
        .collect();
    if !issues.is_empty() {
        return Err(AppError::Validation(issues));
    }
    let now = crate::models::now();
    let rows: Vec<NewDutyRow<'_>> = body
        .duties
        .iter()
        .map(|d| NewDutyRow {
            member_id: d.member_id,
            organization_id: org.id,
            description: d.description.trim(),
            assigned_on: body.assigned_on,
            assigned_meeting_id: body.meeting_id,
            due_by: d.due_by,
            entered_by: Some(caller.id),
            entered_at: now,
        })
        .collect();
    let ids = DutyRow::insert_all(uow, &rows)?;
    for row in DutyRow::many(uow, &ids)? {
        audit(uow, caller, AuditAction::Create, &org.path, None, &row)?;
    }
    Ok(ids)
}

/// Reviews duties at a meeting of the cell that assigned them (rule 38); every refused review
/// at once. The duties reviewed.
pub fn review(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    meeting: MeetingId,
    body: &ReviewDuties,
) -> AppResult<Vec<DutyId>> {
    let (m, path) = MeetingRow::find(uow, &caller.scope, meeting)?;
    let ids: Vec<DutyId> = body.reviews.iter().map(|r| r.duty_id).collect();
    let mut rows = DutyRow::many(uow, &ids)?;
    let mut issues: Vec<FieldIssue> = Vec::new();
    let mut reviewed: Vec<(usize, DutyRow)> = Vec::new();
    for (i, r) in body.reviews.iter().enumerate() {
        let Some(pos) = rows
            .iter()
            .position(|d| d.id == r.duty_id && d.organization_id == m.organization_id)
        else {
            issues.push(msg::duty_not_of_cell(i));
            continue;
        };
        let Some(row) = rows.get_mut(pos) else {
            continue;
        };
        let mut fact = row.rule();
        match rules::review(&mut fact, m.held_on, r.result) {
            Ok(()) => {
                let before = row.clone();
                row.reviewed_on = Some(m.held_on);
                row.review_meeting_id = Some(m.id);
                row.result = Some(r.result);
                reviewed.push((i, before));
            }
            Err(e) => issues.push(msg::duty(format!("reviews[{i}].duty_id"), &e)),
        }
    }
    if !issues.is_empty() {
        return Err(AppError::Validation(issues));
    }
    for (i, before) in &reviewed {
        let result = body.reviews.get(*i).map(|r| r.result);
        if let Some(result) = result {
            DutyRow::set_review(uow, before.id, m.held_on, m.id, result)?;
        }
    }
    for (_, before) in reviewed {
        let after = rows
            .iter()
            .find(|d| d.id == before.id)
            .cloned()
            .ok_or_else(|| AppError::internal("a reviewed duty vanished"))?;
        audit(
            uow,
            caller,
            AuditAction::Update,
            &path,
            Some(&before),
            &after,
        )?;
    }
    Ok(ids)
}

/// Rule 38: a transfer (issued or received) or an exit on `on` closes the member's open duties,
/// in the caller's unit of work; each closure audited. The cell learns it from the
/// `duties_closed` alert.
pub fn close_open(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    member: MemberId,
    on: NaiveDate,
    why: DutyClosure,
) -> AppResult<usize> {
    let closed = DutyRow::close_open(uow, member, on, why)?;
    let ids: Vec<DutyId> = closed.iter().map(|c| c.0).collect();
    for after in DutyRow::many(uow, &ids)? {
        let before = DutyRow {
            closed_on: None,
            closure: None,
            ..after.clone()
        };
        let path = crate::models::organization::OrganizationRow::find(
            uow,
            &Scope::system(),
            after.organization_id,
        )?
        .path;
        audit(
            uow,
            caller,
            AuditAction::Update,
            &path,
            Some(&before),
            &after,
        )?;
    }
    Ok(ids.len())
}

/// The duties of the given rows that belong to `year`: assigned, reviewed or closed in it, or
/// still open.
pub(crate) fn in_year(d: &DutyRow, year: i32) -> bool {
    d.assigned_on.year() == year
        || d.reviewed_on.is_some_and(|r| r.year() == year)
        || d.closed_on.is_some_and(|c| c.year() == year)
        || (d.result.is_none() && d.closed_on.is_none() && d.assigned_on.year() <= year)
}

/// The shares as served.
pub fn shares_dto(s: &rules::Shares) -> DutyShares {
    DutyShares {
        reviewed: s.reviewed,
        done: s.done,
        exceeded: s.exceeded,
        not_done: s.not_done,
        open: s.open,
        closed: s.closed,
        done_percent: s.done_percent(),
        exceeded_percent: s.exceeded_percent(),
    }
}

/// A member's duties of a year with the shares 366-QĐ/TW reads and the highest level they allow.
pub fn of_member(
    conn: &mut DbConn,
    caller: &AuthUser,
    member: MemberId,
    year: i32,
) -> AppResult<MemberDuties> {
    if !(1930..=9999).contains(&year) {
        return Err(msg::year_invalid());
    }
    let m = MemberRow::find(conn, &caller.scope, member)?;
    let rows: Vec<(DutyRow, String)> = DutyRow::of_member(conn, m.id)?
        .into_iter()
        .filter(|(d, _)| in_year(d, year))
        .collect();
    let facts: Vec<rules::Duty> = rows.iter().map(|(d, _)| d.rule()).collect();
    let shares = rules::shares(&facts, year);
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(msg::year_invalid)?;
    let settings = setting::at(conn, year_end)?;
    let highest_level = rules::highest_level(&shares, settings.cell_year.exceeded_duties_percent);
    Ok(MemberDuties {
        member_id: m.id,
        year,
        duties: rows.into_iter().map(|(d, n)| to_dto(d, n)).collect(),
        shares: shares_dto(&shares),
        highest_level,
    })
}

/// A cell's duties (open ones only if asked: what to review at the next meeting), each with
/// its member's Vietnamese name sort key (the order of the pages).
pub fn of_cell(
    conn: &mut DbConn,
    caller: &AuthUser,
    id: OrgId,
    open_only: bool,
) -> AppResult<Vec<(String, dto::Duty)>> {
    let org = cell(conn, caller, id)?;
    Ok(DutyRow::of_cell(conn, org.id, open_only)?
        .into_iter()
        .map(|(d, n, key)| (key, to_dto(d, n)))
        .collect())
}

/// These duties as served (after a write, read back in the same transaction).
pub fn views(conn: &mut DbConn, ids: &[DutyId]) -> AppResult<Vec<dto::Duty>> {
    let rows = DutyRow::many(conn, ids)?;
    let mut out = Vec::with_capacity(rows.len());
    for d in rows {
        let name = MemberRow::find(conn, &Scope::system(), d.member_id)?.full_name;
        out.push(to_dto(d, name));
    }
    Ok(out)
}

/// One duty of a cell inside `scope` (`GET /duties/{id}`), with the cell's path (what the
/// change feed publishes, with `Scope::system()`).
pub fn view(conn: &mut DbConn, scope: &Scope, id: DutyId) -> AppResult<(dto::Duty, String)> {
    let (row, path) = DutyRow::find(conn, scope, id)?;
    let name = MemberRow::find(conn, &Scope::system(), row.member_id)?.full_name;
    Ok((to_dto(row, name), path))
}
