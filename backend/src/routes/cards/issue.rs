//! `POST /cards`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::cards::{Card, IssueCard};

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// Issues a party card to an official member (rule 17), by a user of the level above the
/// member's grassroots organisation (or an administrator). The 8-digit number (the format is a
/// dated setting) is generated when not given; one active card per member.
#[utoipa::path(
    operation_id = "create_card",
    tag = "cards",
    request_body = IssueCard,
    responses(
        (status = 201, description = "Issued", body = Card, headers(("ETag" = String, description = "Version of the card"))),
        problems::NotSuperior,
        problems::NotFound,
        problems::CardConflict,
        problems::CardRefused,
    ),
)]
#[post("/cards")]
pub async fn issue_card(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<IssueCard>>,
) -> Result<HttpResponse, AppError> {
    let (card, m) = crate::db::transaction(&state.pool, move |c| {
        services::cards::issue(c, &user, &body)
    })
    .await?;
    Ok(versioned(
        crate::routes::common::created(format_args!("/cards/{}", card.id)),
        card.version,
        card.to_dto(&m.full_name),
    ))
}
