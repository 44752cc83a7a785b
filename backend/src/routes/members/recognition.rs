//! `POST /members/{id}/recognition`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::members::{Member, NonRecognition, Recognition};
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
/// `probation_not_finished`; a later decision does not shift it. A member refused recognition
/// (`POST /members/{id}/non-recognition`) is never recognised: 409 `recognition_refused`.
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
        problems::NotRecognisable,
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

/// Records the decision not to recognise a probationary member as official (rule 4).
///
/// Taken once the probation has ended (before: 422 `probation_not_finished`). The member stays
/// probationary, is never made official afterwards (409 `recognition_refused`), and leaves by
/// name removal (`POST /members/{id}/exit` with `name_removed`); until then the alert
/// `removal_not_recorded` lists the member.
#[utoipa::path(
    operation_id = "refuse_member_recognition",
    tag = "members",
    params(
        ("id" = MemberId, Path, description = "Member id"),
        IfMatch,
    ),
    request_body = NonRecognition,
    responses(
        (status = 200, description = "Recorded; the member awaits the name removal", body = Member),
        problems::NotFound,
        problems::NotRecognisable,
        problems::Stale,
    ),
)]
#[post("/members/{id}/non-recognition")]
pub async fn refuse_recognition(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<NonRecognition>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::members::refuse(c, &user, id, expected, &body)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    ))
}
