//! `PATCH /members/{id}`.

use actix_web::{patch, web, HttpResponse};
use qldv_api_types::members::{Member, MemberProfile};
use qldv_api_types::MemberId;

use crate::error::AppError;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// Corrects dossier fields. Absent fields stay; an empty string clears a field.
///
/// Recorded as a `profile_corrected` event listing each change (a wrong record is corrected,
/// never lost). Send `If-Match` with the `ETag` from `GET`: 412 if someone changed it meanwhile.
#[utoipa::path(
    tag = "members",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        IfMatch,
    ),
    request_body = MemberProfile,
    responses(
        (status = 200, description = "Corrected", body = Member),
        problems::NotFound,
        problems::IdentifierTaken,
        problems::Stale,
        problems::IdentifierChecksExhausted,
    ),
)]
#[patch("/members/{id}")]
pub async fn update_member(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<MemberProfile>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let today = state.today();
    let row = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::members::correct(c, &user, id, expected, &body, today)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(today, privacy),
    ))
}
