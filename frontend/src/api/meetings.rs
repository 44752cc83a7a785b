//! `/organizations/{id}/attendance-sheet`, `/organizations/{id}/meetings`, `/meetings/{id}` and
//! the duties: a cell's meetings with their attendance, and the duties reviewed at them
//! (issue 23, `docs/cell-year.md`).

use chrono::NaiveDate;
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::meetings::{
    AttendanceSheet, CreateMeeting, Duty, Meeting, MeetingYear, MemberDuties, ReviewDuties,
};
use qldv_api_types::{MeetingId, MemberId, OrgId};
use serde::de::IgnoredAny;

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /organizations/{id}/attendance-sheet?on=`: the blank sheet of the cell on a date.
pub async fn sheet(org: OrgId, on: NaiveDate) -> ApiResult<AttendanceSheet> {
    let q = Query::new().set("on", on);
    Call::new(
        Method::Get,
        &format!("/organizations/{org}/attendance-sheet"),
        &q,
    )
    .fetch()
    .await
}

/// `POST /organizations/{id}/meetings`: a meeting with its whole attendance sheet.
pub async fn create(org: OrgId, body: &CreateMeeting) -> ApiResult<Meeting> {
    Call::json(
        Method::Post,
        &format!("/organizations/{org}/meetings"),
        body,
    )?
    .fetch()
    .await
}

/// `GET /organizations/{id}/meetings?year=`: the year's meetings and the periods missing.
pub async fn year(org: OrgId, year: i32) -> ApiResult<MeetingYear> {
    let q = Query::new().set("year", year);
    Call::new(Method::Get, &format!("/organizations/{org}/meetings"), &q)
        .fetch()
        .await
}

/// `GET /organizations/{id}/duties?open=true`, every page: what to review at the next meeting.
pub async fn open_duties(org: OrgId) -> ApiResult<Vec<Duty>> {
    all(
        &format!("/organizations/{org}/duties"),
        &Query::new().set("open", true),
    )
    .await
}

/// `POST /meetings/{id}/reviews`: the duties reviewed at a meeting.
pub async fn review(meeting: MeetingId, body: &ReviewDuties) -> ApiResult<IgnoredAny> {
    Call::json(Method::Post, &format!("/meetings/{meeting}/reviews"), body)?
        .fetch()
        .await
}

/// `GET /members/{id}/duties?year=`: a member's duties of a year, with their shares.
pub async fn member_duties(member: MemberId, year: i32) -> ApiResult<MemberDuties> {
    let q = Query::new().set("year", year);
    Call::new(Method::Get, &format!("/members/{member}/duties"), &q)
        .fetch()
        .await
}

/// `GET /meetings/{id}`: a meeting and its attendance.
pub async fn get(id: MeetingId) -> ApiResult<Meeting> {
    Call::get(&format!("/meetings/{id}")).fetch().await
}

/// A member's line of one meeting, as the member's year shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendedMeeting {
    /// The day the meeting was held.
    pub held_on: NaiveDate,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// The member's attendance.
    pub value: Attendance,
    /// The reason of an excused absence.
    pub reason: Option<String>,
}

/// A member's attendance in a year at the meetings of their current cell, newest first: the
/// cell's meetings of the year, each read for the member's line (the API has no per-member
/// attendance endpoint).
pub async fn member_attendance(member: MemberId, y: i32) -> ApiResult<Vec<AttendedMeeting>> {
    let org = super::members::get(member).await?.organization_id;
    let meetings = year(org, y).await?.meetings;
    let read = meetings.iter().map(|m| get(m.id));
    let full = futures_util::future::try_join_all(read).await?;
    Ok(full
        .into_iter()
        .filter_map(|m| {
            let line = m.attendance.into_iter().find(|a| a.member_id == member)?;
            Some(AttendedMeeting {
                held_on: m.held_on,
                kind: m.kind,
                value: line.value,
                reason: line.reason,
            })
        })
        .collect())
}
