//! `POST /members`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::members::{CreateMember, Member};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, valid};
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
        (status = 404, description = "Organisation not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "CCCD or personal-history number already on another record", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/members")]
pub async fn create_member(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<CreateMember>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    user.require_writer()?;
    let body = valid(body.into_inner())?;
    let today = state.today();
    let row = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::members::create(c, &user, &body, today)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(row.version))
        .json(row.to_dto(today, privacy)))
}
