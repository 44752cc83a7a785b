//! `POST /cards/{id}/reissue`, `POST /cards/{id}/revoke`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::cards::{Card, ReissueCard, RevokeCard};

use crate::error::AppError;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;
use qldv_api_types::CardId;

/// Reissues a lost or damaged card: the old card becomes `void` and the new one (a new number
/// unless given) records the card it replaces.
#[utoipa::path(
    tag = "cards",
    params(
        ("id" = CardId, Path, description = "Card id"),
        IfMatch,
    ),
    request_body = ReissueCard,
    responses(
        (status = 201, description = "The new card", body = Card, headers(("ETag" = String, description = "Version of the new card"))),
        problems::NotSuperior,
        problems::NotFound,
        problems::CardNotActive,
        problems::Stale,
    ),
)]
#[post("/cards/{id}/reissue")]
pub async fn reissue_card(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<CardId>,
    Valid(web::Json(body)): Valid<web::Json<ReissueCard>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (card, m) = crate::db::transaction(&state.pool, move |c| {
        services::cards::reissue(c, &user, id, expected, &body)
    })
    .await?;
    Ok(versioned(
        crate::routes::common::created(format_args!("/cards/{}", card.id)),
        card.version,
        card.to_dto(&m.full_name),
    ))
}

/// Revokes a card by decision; the member is then due a card again while official.
#[utoipa::path(
    tag = "cards",
    params(
        ("id" = CardId, Path, description = "Card id"),
        IfMatch,
    ),
    request_body = RevokeCard,
    responses(
        (status = 200, description = "Revoked", body = Card, headers(("ETag" = String, description = "Version of the card"))),
        problems::NotSuperior,
        problems::NotFound,
        problems::CardNotActive,
        problems::Stale,
    ),
)]
#[post("/cards/{id}/revoke")]
pub async fn revoke_card(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<CardId>,
    Valid(web::Json(body)): Valid<web::Json<RevokeCard>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (card, name) = crate::db::transaction(&state.pool, move |c| {
        services::cards::revoke(c, &user, id, expected, &body)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        card.version,
        card.to_dto(&name),
    ))
}
