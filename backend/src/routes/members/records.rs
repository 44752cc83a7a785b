//! A member's yearly ratings, cards and badges: `PUT /members/{id}/evaluations/{year}`,
//! `GET /members/{id}/evaluations`, `GET /members/{id}/cards`, `GET /members/{id}/badges`.

use actix_web::{get, put, web, HttpResponse};
use qldv_api_types::badges::Badge;
use qldv_api_types::cards::Card;
use qldv_api_types::evaluations::{Evaluation, PutEvaluation};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::badge::BadgeRow;
use crate::models::card::{CardFilter, CardRow};
use crate::models::evaluation::EvaluationRow;
use crate::models::member::MemberRow;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// Records or corrects a member's rating for a year (rules 14–15).
///
/// A level must match its score band when a score is given (2025 regulation); `not_rated` only for
/// members admitted less than 6 months before the year's end, exempt, or suspended; ill 3 months
/// or more caps the level at `complete`. Once the grassroots organisation has closed the year the
/// rating is read-only (409 `round_closed`).
#[utoipa::path(
    operation_id = "put_member_evaluation",
    tag = "evaluations",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        ("year" = i32, Path, description = "Year rated"),
        IfMatch,
    ),
    request_body = PutEvaluation,
    responses(
        (status = 200, description = "The rating", body = Evaluation, headers(("ETag" = String, description = "Version of the rating"))),
        problems::NotFound,
        problems::RatingLocked,
        problems::Stale,
        problems::RatingRefused,
    ),
)]
#[put("/members/{id}/evaluations/{year}")]
pub async fn put_evaluation(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    path: web::Path<(MemberId, i32)>,
    Valid(web::Json(body)): Valid<web::Json<PutEvaluation>>,
) -> Result<HttpResponse, AppError> {
    let (id, year) = path.into_inner();
    let year = crate::routes::common::year(year)?;
    let today = state.today();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::evaluations::put(c, &user, id, year, expected, &body, today)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}

/// A member's ratings over the years, newest first.
#[utoipa::path(
    operation_id = "list_member_evaluations",
    tag = "evaluations",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "The ratings", body = Vec<Evaluation>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/evaluations")]
pub async fn member_evaluations(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<web::Json<Vec<Evaluation>>, AppError> {
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        EvaluationRow::of_member(c, m.id)
    })
    .await?;
    Ok(web::Json(rows.iter().map(EvaluationRow::to_dto).collect()))
}

/// A member's party cards, the active one and those it replaced, newest first.
#[utoipa::path(
    operation_id = "list_member_cards",
    tag = "cards",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "The cards", body = Vec<Card>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/cards")]
pub async fn member_cards(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<web::Json<Vec<Card>>, AppError> {
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        let filter = CardFilter {
            member_id: Some(m.id),
            ..Default::default()
        };
        CardRow::list(c, &user.scope, &filter, None, 1_000)
    })
    .await?;
    Ok(web::Json(
        rows.iter().map(|(card, name)| card.to_dto(name)).collect(),
    ))
}

/// A member's party badges, lowest milestone first.
#[utoipa::path(
    operation_id = "list_member_badges",
    tag = "badges",
    params(("id" = MemberId, Path, description = "Member id")),
    responses(
        (status = 200, description = "The badges", body = Vec<Badge>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/badges")]
pub async fn member_badges(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<web::Json<Vec<Badge>>, AppError> {
    let id = id.into_inner();
    let (rows, name) = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        Ok((BadgeRow::of_member(c, m.id)?, m.full_name))
    })
    .await?;
    Ok(web::Json(rows.iter().map(|b| b.to_dto(&name)).collect()))
}
