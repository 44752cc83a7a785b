//! `POST /cards/{id}/reissue`, `POST /cards/{id}/revoke`.

use actix_web::{post, web, HttpRequest, HttpResponse};
use qldv_api_types::cards::{Card, ReissueCard, RevokeCard};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, if_match, valid};
use crate::services;
use crate::state::AppState;

/// Reissues a lost or damaged card: the old card becomes `void` and the new one (a new number
/// unless given) records the card it replaces.
#[utoipa::path(
    tag = "cards",
    params(
        ("id" = i64, Path, description = "Card id"),
        ("If-Match" = Option<String>, Header, description = "ETag of the card"),
    ),
    request_body = ReissueCard,
    responses(
        (status = 201, description = "The new card", body = Card, headers(("ETag" = String, description = "Version of the new card"))),
        (status = 403, description = "Not of the superior level", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The card is no longer active", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/cards/{id}/reissue")]
pub async fn reissue_card(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<ReissueCard>,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let id = id.into_inner();
    let (card, m) = crate::db::transaction(&state.pool, move |c| {
        services::cards::reissue(c, &user, id, expected, &body)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(card.version))
        .json(card.to_dto(&m.full_name)))
}

/// Revokes a card by decision; the member is then due a card again while official.
#[utoipa::path(
    tag = "cards",
    params(
        ("id" = i64, Path, description = "Card id"),
        ("If-Match" = Option<String>, Header, description = "ETag of the card"),
    ),
    request_body = RevokeCard,
    responses(
        (status = 200, description = "Revoked", body = Card, headers(("ETag" = String, description = "Version of the card"))),
        (status = 403, description = "Not of the superior level", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The card is no longer active", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/cards/{id}/revoke")]
pub async fn revoke_card(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<RevokeCard>,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let id = id.into_inner();
    let (card, name) = crate::db::transaction(&state.pool, move |c| {
        services::cards::revoke(c, &user, id, expected, &body)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(card.version))
        .json(card.to_dto(&name)))
}
