//! `POST /members/{id}/exemptions`, `POST /members/{id}/absences`, `GET /members/{id}/periods`.

use actix_web::{get, post, web, HttpResponse};
use diesel::prelude::*;
use qldv_api_types::movements::{MemberPeriod, PeriodKind, PeriodRequest};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::db::schema::member_periods as p;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::routes::valid;
use crate::services;
use crate::state::AppState;

async fn add(
    state: web::Data<AppState>,
    user: AuthUser,
    id: i64,
    kind: PeriodKind,
    body: PeriodRequest,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let body = valid(body)?;
    let id = MemberId(id);
    let (pid, _) = crate::db::transaction(&state.pool, {
        let body = body.clone();
        move |c| services::movements::add_period(c, &user, id, kind, &body)
    })
    .await?;
    Ok(HttpResponse::Created().json(MemberPeriod {
        id: pid,
        member_id: id,
        kind,
        from: body.from,
        to: body.to,
        place: body.place,
        reason: body.reason,
    }))
}

/// Records an exemption from activities (miễn công tác và sinh hoạt), e.g. for age or illness.
#[utoipa::path(
    tag = "members",
    params(("id" = i64, Path, description = "Member id")),
    request_body = PeriodRequest,
    responses(
        (status = 201, description = "Recorded", body = MemberPeriod),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/members/{id}/exemptions")]
pub async fn add_exemption(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
    body: web::Json<PeriodRequest>,
) -> Result<HttpResponse, AppError> {
    add(
        state,
        user,
        id.into_inner(),
        PeriodKind::Exemption,
        body.into_inner(),
    )
    .await
}

/// Records a period of working away (đi làm ăn xa), with the place. Away more than 12 months
/// without an official transfer raises an alert.
#[utoipa::path(
    tag = "members",
    params(("id" = i64, Path, description = "Member id")),
    request_body = PeriodRequest,
    responses(
        (status = 201, description = "Recorded", body = MemberPeriod),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/members/{id}/absences")]
pub async fn add_absence(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
    body: web::Json<PeriodRequest>,
) -> Result<HttpResponse, AppError> {
    add(
        state,
        user,
        id.into_inner(),
        PeriodKind::Absence,
        body.into_inner(),
    )
    .await
}

/// A member's periods of working away and of exemption, oldest first.
#[utoipa::path(
    tag = "members",
    params(("id" = i64, Path, description = "Member id")),
    responses(
        (status = 200, description = "Periods", body = Vec<MemberPeriod>),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/members/{id}/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<MemberPeriod>>, AppError> {
    let id = MemberId(id.into_inner());
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
    Ok(web::Json(
        rows.into_iter()
            .map(|(pid, kind, from, to, place, reason)| MemberPeriod {
                id: pid,
                member_id: id,
                kind,
                from,
                to,
                place,
                reason,
            })
            .collect(),
    ))
}
