//! `POST /members/{id}/recognition`.

use actix_web::{post, web, HttpRequest, HttpResponse};
use qldv_api_types::members::{Member, Recognition};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, if_match, valid};
use crate::services;
use crate::state::AppState;

/// Recognises a probationary member as official.
///
/// The official date is the ceremony date + 12 months exactly: a decision before then is 422
/// `probation_not_finished`; a later decision does not shift it.
#[utoipa::path(
    tag = "members",
    params(
        ("id" = i64, Path, description = "Member id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET"),
    ),
    request_body = Recognition,
    responses(
        (status = 200, description = "Now official", body = Member),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not probationary", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/members/{id}/recognition")]
pub async fn recognize_member(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<Recognition>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let id = MemberId(id.into_inner());
    let row = crate::db::transaction(&state.pool, move |c| {
        services::members::recognise(c, &user, id, expected, &body)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(row.to_dto(state.today(), privacy)))
}
