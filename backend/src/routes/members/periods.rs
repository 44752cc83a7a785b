//! `POST /members/{id}/exemptions`, `POST /members/{id}/absences`, `GET /members/{id}/periods`.

use actix_web::{get, post, web, HttpResponse};
use diesel::prelude::*;
use qldv_api_types::movements::{MemberPeriod, PeriodKind, PeriodRequest};
use qldv_api_types::{MemberId, Page, PeriodId};

use crate::auth::AuthUser;
use crate::db::schema::member_periods as p;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

async fn add(
    state: web::Data<AppState>,
    user: Writer,
    id: MemberId,
    kind: PeriodKind,
    body: PeriodRequest,
) -> Result<HttpResponse, AppError> {
    let (pid, _) = crate::db::transaction(&state.pool, {
        let body = body.clone();
        move |c| services::movements::add_period(c, &user, id, kind, &body)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}/periods", id.0)).json(
            MemberPeriod {
                id: PeriodId(pid),
                member_id: id,
                kind,
                from: body.from,
                to: body.to,
                place: body.place,
                reason: body.reason,
            },
        ),
    )
}

/// Records an exemption from activities (miễn công tác và sinh hoạt), e.g. for age or illness.
#[utoipa::path(
    operation_id = "create_member_exemption",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = PeriodRequest,
    responses(
        (status = 201, description = "Recorded", body = MemberPeriod),
        problems::NotFound,
    ),
)]
#[post("/members/{id}/exemptions")]
pub async fn add_exemption(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<PeriodRequest>>,
) -> Result<HttpResponse, AppError> {
    add(state, user, id.into_inner(), PeriodKind::Exemption, body).await
}

/// Records a period of working away (đi làm ăn xa), with the place. Away more than 12 months
/// without an official transfer raises an alert.
#[utoipa::path(
    operation_id = "create_member_absence",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = PeriodRequest,
    responses(
        (status = 201, description = "Recorded", body = MemberPeriod),
        problems::NotFound,
    ),
)]
#[post("/members/{id}/absences")]
pub async fn add_absence(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<PeriodRequest>>,
) -> Result<HttpResponse, AppError> {
    add(state, user, id.into_inner(), PeriodKind::Absence, body).await
}

/// A member's periods of working away and of exemption, oldest first.
#[utoipa::path(
    operation_id = "list_member_periods",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the periods, oldest first", body = Page<MemberPeriod>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<MemberPeriod>>, AppError> {
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        Ok(p::table
            .filter(p::member_id.eq(m.id))
            .order((p::from_on.asc(), p::id.asc()))
            .select((p::id, p::kind, p::from_on, p::to_on, p::place, p::reason))
            .load::<(
                i64,
                PeriodKind,
                chrono::NaiveDate,
                Option<chrono::NaiveDate>,
                Option<String>,
                String,
            )>(c)?)
    })
    .await?;
    // The query's order: start, then id.
    let page = page_of_rows(
        rows,
        &params,
        |(pid, _, from, ..)| (*from, *pid),
        |(pid, kind, from, to, place, reason)| MemberPeriod {
            id: PeriodId(pid),
            member_id: id,
            kind,
            from,
            to,
            place,
            reason,
        },
    )?;
    Ok(web::Json(page))
}
