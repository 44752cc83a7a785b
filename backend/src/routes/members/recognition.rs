//! `POST /members/{id}/recognition`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::members::{Member, Recognition};
use qldv_api_types::MemberId;

use crate::error::AppError;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// Recognises a probationary member as official.
///
/// The official date is the ceremony date + 12 months exactly: a decision before then is 422
/// `probation_not_finished`; a later decision does not shift it.
#[utoipa::path(
    tag = "members",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        IfMatch,
    ),
    request_body = Recognition,
    responses(
        (status = 200, description = "Now official", body = Member),
        problems::NotFound,
        problems::NotProbationary,
        problems::Stale,
    ),
)]
#[post("/members/{id}/recognition")]
pub async fn recognize_member(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<Recognition>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::members::recognise(c, &user, id, expected, &body)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    ))
}
