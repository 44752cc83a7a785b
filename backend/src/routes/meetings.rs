//! A cell's meetings with their attendance sheet, and its duties (issue 23, rules 34–35, 38).
//! Thin handlers: the rules are `domain::cell_year`, the writes `services::meetings` and
//! `services::duties`.

use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use qldv_api_types::meetings::{
    AssignDuties, AttendanceSheet, CreateMeeting, Duty, Meeting, MeetingYear, MemberAttendance,
    MemberDuties, ReplaceAttendance, ReviewDuties,
};
use qldv_api_types::{DutyId, MeetingId, MemberId, OrgId, Page};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::pagination::{page_of_list, PageParams};
use crate::routes::common::created;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_attendance_sheet)
        .service(create_meeting)
        .service(list_meetings)
        .service(get_meeting)
        .service(put_meeting_attendance)
        .service(create_duties)
        .service(get_duty)
        .service(review_duties)
        .service(list_member_duties)
        .service(list_member_attendance)
        .service(list_cell_duties);
}

/// The date of a blank sheet.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetQuery {
    /// The meeting's date (today when absent).
    pub on: Option<NaiveDate>,
}

/// A year.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year (this year when absent).
    pub year: Option<i32>,
}

/// Which duties of a cell.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DutiesQuery {
    /// Only the open ones (neither reviewed nor closed): what to review at the next meeting.
    #[serde(default)]
    pub open: bool,
}

/// The blank attendance sheet of a cell on a date (rule 35): every member of the cell that
/// day in Vietnamese name order, exempt and elsewhere filled from the record, the rest blank.
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell"), SheetQuery),
    responses(
        (status = 200, description = "The blank sheet", body = AttendanceSheet),
        problems::NotFound,
        problems::SheetRefused,
    ),
)]
#[get("/organizations/{id}/attendance-sheet")]
pub async fn get_attendance_sheet(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    query: web::Query<SheetQuery>,
) -> Result<web::Json<AttendanceSheet>, AppError> {
    let on = query.on.unwrap_or_else(|| state.today());
    let org = id.into_inner();
    let sheet = crate::db::run(&state.pool, move |c| {
        services::meetings::sheet(c, &user, org, on)
    })
    .await?;
    Ok(web::Json(sheet))
}

/// Records a meeting held with its whole attendance sheet in one request and one transaction
/// (a cell of 60 is one `POST`). Members exempt or registered elsewhere that day may be left
/// out (the server fills them); a refusal lists every refused line at once (`attendance[i]`).
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell")),
    request_body = CreateMeeting,
    responses(
        (status = 201, description = "Recorded, with every line", body = Meeting),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::SheetRefused,
    ),
)]
#[post("/organizations/{id}/meetings")]
pub async fn create_meeting(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<CreateMeeting>>,
) -> Result<HttpResponse, AppError> {
    let today = state.today();
    let org = id.into_inner();
    let dto = crate::db::transaction(&state.pool, move |c| {
        let id = services::meetings::create(c, &user, org, &body, today)?;
        services::meetings::view(c, &user, id)
    })
    .await?;
    Ok(created(format_args!("/meetings/{}", dto.id)).json(dto))
}

/// A cell's meetings of a year with their counts, the periods ended without the meeting due
/// (rule 34: a regular meeting every month, a topical one every quarter) and the next due.
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell"), YearQuery),
    responses(
        (status = 200, description = "The year", body = MeetingYear),
        problems::NotFound,
        problems::SheetRefused,
    ),
)]
#[get("/organizations/{id}/meetings")]
pub async fn list_meetings(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    query: web::Query<YearQuery>,
) -> Result<web::Json<MeetingYear>, AppError> {
    let today = state.today();
    let year = query.year.unwrap_or(today.year());
    let org = id.into_inner();
    let out = crate::db::run(&state.pool, move |c| {
        services::meetings::year(c, &user, org, year, today)
    })
    .await?;
    Ok(web::Json(out))
}

/// A meeting with every line of its sheet.
#[utoipa::path(
    tag = "meetings",
    params(("id" = MeetingId, Path, description = "Meeting id")),
    responses(
        (status = 200, description = "The meeting", body = Meeting),
        problems::NotFound,
    ),
)]
#[get("/meetings/{id}")]
pub async fn get_meeting(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MeetingId>,
) -> Result<web::Json<Meeting>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| services::meetings::view(c, &user, id)).await?;
    Ok(web::Json(dto))
}

/// Replaces a meeting's whole sheet (a correction, audited), judged as when it was recorded.
#[utoipa::path(
    tag = "meetings",
    params(("id" = MeetingId, Path, description = "Meeting id")),
    request_body = ReplaceAttendance,
    responses(
        (status = 200, description = "Corrected", body = Meeting),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::SheetRefused,
    ),
)]
#[put("/meetings/{id}/attendance")]
pub async fn put_meeting_attendance(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MeetingId>,
    Valid(web::Json(body)): Valid<web::Json<ReplaceAttendance>>,
) -> Result<web::Json<Meeting>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::transaction(&state.pool, move |c| {
        services::meetings::replace_attendance(c, &user, id, &body.attendance)?;
        services::meetings::view(c, &user, id)
    })
    .await?;
    Ok(web::Json(dto))
}

/// Assigns several duties at once, each to a member of the cell on that day (rule 38).
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell")),
    request_body = AssignDuties,
    responses(
        (status = 201, description = "Assigned", body = Vec<Duty>),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::SheetRefused,
    ),
)]
#[post("/organizations/{id}/duties")]
pub async fn create_duties(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<AssignDuties>>,
) -> Result<HttpResponse, AppError> {
    let today = state.today();
    let org = id.into_inner();
    let dto = crate::db::transaction(&state.pool, move |c| {
        let ids = services::duties::assign(c, &user, org, &body, today)?;
        services::duties::views(c, &ids)
    })
    .await?;
    Ok(created(format_args!("/organizations/{org}/duties")).json(dto))
}

/// One duty of a cell inside the caller's scope, with its review or closure.
#[utoipa::path(
    tag = "meetings",
    params(("id" = DutyId, Path, description = "Duty id")),
    responses(
        (status = 200, description = "The duty", body = Duty),
        problems::NotFound,
    ),
)]
#[get("/duties/{id}")]
pub async fn get_duty(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DutyId>,
) -> Result<web::Json<Duty>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        Ok(services::duties::view(c, &user.scope, id)?.0)
    })
    .await?;
    Ok(web::Json(dto))
}

/// Reviews duties at a meeting of the cell that assigned them: done, exceeded or not done
/// (rule 38); every refused review at once (`reviews[i]`).
#[utoipa::path(
    tag = "meetings",
    params(("id" = MeetingId, Path, description = "The meeting")),
    request_body = ReviewDuties,
    responses(
        (status = 200, description = "Reviewed", body = Vec<Duty>),
        problems::NotFound,
        problems::ReadOnlyRole,
        problems::SheetRefused,
    ),
)]
#[post("/meetings/{id}/reviews")]
pub async fn review_duties(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MeetingId>,
    Valid(web::Json(body)): Valid<web::Json<ReviewDuties>>,
) -> Result<web::Json<Vec<Duty>>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::transaction(&state.pool, move |c| {
        let ids = services::duties::review(c, &user, id, &body)?;
        services::duties::views(c, &ids)
    })
    .await?;
    Ok(web::Json(dto))
}

/// A member's duties of a year, with the shares done and exceeded and the highest level they
/// allow under 366-QĐ/TW art. 11 (offered to the evaluation, never imposed).
#[utoipa::path(
    tag = "meetings",
    params(("id" = MemberId, Path, description = "Member id"), YearQuery),
    responses(
        (status = 200, description = "The duties", body = MemberDuties),
        problems::NotFound,
        problems::SheetRefused,
    ),
)]
#[get("/members/{id}/duties")]
pub async fn list_member_duties(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<YearQuery>,
) -> Result<web::Json<MemberDuties>, AppError> {
    let year = query.year.unwrap_or(state.today().year());
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        services::duties::of_member(c, &user, id, year)
    })
    .await?;
    Ok(web::Json(dto))
}

/// A member's attendance of a year: their line at each meeting of every cell they belonged to
/// that year (a member who changed cell keeps the first cell's meetings), newest first, with
/// the year's counts (rule 35). One request for the member's year.
#[utoipa::path(
    tag = "meetings",
    params(("id" = MemberId, Path, description = "Member id"), YearQuery),
    responses(
        (status = 200, description = "The member's attendance", body = MemberAttendance),
        problems::NotFound,
        problems::SheetRefused,
    ),
)]
#[get("/members/{id}/attendance")]
pub async fn list_member_attendance(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    query: web::Query<YearQuery>,
) -> Result<web::Json<MemberAttendance>, AppError> {
    let year = query.year.unwrap_or(state.today().year());
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        services::meetings::of_member(c, &user, id, year)
    })
    .await?;
    Ok(web::Json(dto))
}

/// A cell's duties in Vietnamese order of the members' names, oldest first (`open=true`: only
/// those neither reviewed nor closed, what to review at the next meeting).
#[utoipa::path(
    tag = "meetings",
    params(("id" = OrgId, Path, description = "The cell"), DutiesQuery, PageParams),
    responses(
        (status = 200, description = "One page of duties", body = Page<Duty>),
        problems::NotFound,
        problems::SheetRefused,
    ),
)]
#[get("/organizations/{id}/duties")]
pub async fn list_cell_duties(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    query: web::Query<DutiesQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Duty>>, AppError> {
    let open = query.open;
    let org = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        services::duties::of_cell(c, &user, org, open)
    })
    .await?;
    let page = page_of_list(rows, &params, |(key, d)| {
        (key.clone(), d.assigned_on, d.id.0)
    })?;
    Ok(web::Json(Page {
        items: page.items.into_iter().map(|(_, d)| d).collect(),
        next_cursor: page.next_cursor,
    }))
}
