//! `POST /cards`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::cards::{Card, IssueCard};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, valid};
use crate::services;
use crate::state::AppState;

/// Issues a party card to an official member (rule 17), by a user of the level above the
/// member's grassroots organisation (or an administrator). The 8-digit number (the format is a
/// dated setting) is generated when not given; one active card per member.
#[utoipa::path(
    tag = "cards",
    request_body = IssueCard,
    responses(
        (status = 201, description = "Issued", body = Card, headers(("ETag" = String, description = "Version of the card"))),
        (status = 403, description = "Not of the superior level", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Member not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`card_already_active` or `card_number_taken`", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`not_official`, or a malformed number", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/cards")]
pub async fn issue_card(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<IssueCard>,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let body = valid(body.into_inner())?;
    let (card, m) = crate::db::transaction(&state.pool, move |c| {
        services::cards::issue(c, &user, &body)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(card.version))
        .json(card.to_dto(&m.full_name)))
}
