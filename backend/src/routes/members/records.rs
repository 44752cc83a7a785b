//! A member's yearly ratings, cards and badges: `PUT /members/{id}/evaluations/{year}`,
//! `GET /members/{id}/evaluations`, `GET /members/{id}/cards`, `GET /members/{id}/badges`.

use actix_web::{get, put, web, HttpResponse};
use qldv_api_types::badges::Badge;
use qldv_api_types::cards::Card;
use qldv_api_types::evaluations::{Evaluation, PutEvaluation};
use qldv_api_types::{MemberId, Page};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::badge::BadgeRow;
use crate::models::card::{CardFilter, CardRow};
use crate::models::evaluation::EvaluationRow;
use crate::models::member::MemberRow;
use crate::pagination::{page, page_of_rows, PageParams};
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
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the ratings, newest year first", body = Page<Evaluation>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/evaluations")]
pub async fn member_evaluations(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Evaluation>>, AppError> {
    let id = id.into_inner();
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        EvaluationRow::of_member(c, m.id)
    })
    .await?;
    // The query's order: newest year first (one rating a year).
    let page = page_of_rows(rows, &params, |r| std::cmp::Reverse(r.year), |r| r.to_dto())?;
    Ok(web::Json(page))
}

/// A member's party cards, the active one and those it replaced, newest first.
#[utoipa::path(
    operation_id = "list_member_cards",
    tag = "cards",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the cards, newest first", body = Page<Card>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/cards")]
pub async fn member_cards(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Card>>, AppError> {
    let id = id.into_inner();
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let rows = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        let filter = CardFilter {
            member_id: Some(m.id),
            ..Default::default()
        };
        CardRow::list(c, &user.scope, &filter, before, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(card, _)| card.id,
        |(card, name)| card.to_dto(name),
    )))
}

/// A member's party badges, lowest milestone first.
#[utoipa::path(
    operation_id = "list_member_badges",
    tag = "badges",
    params(("id" = MemberId, Path, description = "Member id"), PageParams),
    responses(
        (status = 200, description = "One page of the badges, lowest milestone first", body = Page<Badge>),
        problems::NotFound,
    ),
)]
#[get("/members/{id}/badges")]
pub async fn member_badges(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Badge>>, AppError> {
    let id = id.into_inner();
    let (rows, name) = crate::db::run(&state.pool, move |c| {
        let m = MemberRow::find(c, &user.scope, id)?;
        Ok((BadgeRow::of_member(c, m.id)?, m.full_name))
    })
    .await?;
    // The query's order: milestone (then id, should one be awarded twice).
    let page = page_of_rows(rows, &params, |b| (b.milestone, b.id), |b| b.to_dto(&name))?;
    Ok(web::Json(page))
}
