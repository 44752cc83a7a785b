//! `/organizations/{id}/attendance-sheet`, `/organizations/{id}/meetings`, `/meetings/{id}` and
//! the duties: a cell's meetings with their attendance, and the duties reviewed at them
//! (issue 23, `docs/cell-year.md`).

use chrono::NaiveDate;
use qldv_api_types::meetings::{
    AttendanceSheet, CreateMeeting, Duty, Meeting, MeetingYear, MemberAttendance, MemberDuties,
    ReviewDuties,
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

/// `GET /members/{id}/attendance?year=`: a member's lines of a year at the meetings of every
/// cell they belonged to, newest first, with the year's counts.
pub async fn member_attendance(member: MemberId, year: i32) -> ApiResult<MemberAttendance> {
    let q = Query::new().set("year", year);
    Call::new(Method::Get, &format!("/members/{member}/attendance"), &q)
        .fetch()
        .await
}
