//! `PATCH /members/{id}`.

use actix_web::{patch, web, HttpRequest, HttpResponse};
use qldv_api_types::members::{Member, MemberProfile};
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, if_match, valid};
use crate::services;
use crate::state::AppState;

/// Corrects dossier fields. Absent fields stay; an empty string clears a field.
///
/// Recorded as a `profile_corrected` event listing each change (a wrong record is corrected,
/// never lost). Send `If-Match` with the `ETag` from `GET`: 412 if someone changed it meanwhile.
#[utoipa::path(
    tag = "members",
    params(
        ("id" = i64, Path, description = "Member id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET"),
    ),
    request_body = MemberProfile,
    responses(
        (status = 200, description = "Corrected", body = Member),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "CCCD or personal-history number already on another record", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/members/{id}")]
pub async fn update_member(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<MemberProfile>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let id = MemberId(id.into_inner());
    let today = state.today();
    let row = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::members::correct(c, &user, id, expected, &body, today)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(row.to_dto(today, privacy)))
}
