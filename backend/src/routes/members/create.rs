//! `POST /members`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::members::{CreateMember, Member};

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// Creates a member record: an admission (`status = probationary`), or the data entry of an
/// existing official member (`status = official` with `official_on`).
///
/// Checks, each reported on its field: CCCD structure and its agreement with gender and birth year
/// and its uniqueness; dates in order (birth, Youth Union, decision ≤ ceremony ≤ official); at least
/// 18 in whole months at the decision (from 60 with `age_consent_no`); ceremony within 30 working
/// days (or `ceremony_delay_approval_no`); official date = ceremony + 12 months. Nothing is written
/// when anything fails.
#[utoipa::path(
    tag = "members",
    request_body = CreateMember,
    responses(
        (status = 201, description = "Created", body = Member),
        problems::NotFound,
        problems::IdentifierTaken,
        problems::IdentifierChecksExhausted,
    ),
)]
#[post("/members")]
pub async fn create_member(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<CreateMember>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let row = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::members::create(c, &user, &body, today)
    })
    .await?;
    Ok(versioned(
        crate::routes::common::created(format_args!("/members/{}", row.id)),
        row.version,
        row.to_dto(today, privacy),
    ))
}
