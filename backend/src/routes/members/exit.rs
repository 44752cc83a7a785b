//! `POST /members/{id}/exit`, `POST /members/{id}/readmission`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::members::Member;
use qldv_api_types::movements::{ExitRequest, ReadmissionRequest};
use qldv_api_types::MemberId;

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services;
use crate::state::AppState;

/// A member leaves: name removal, resignation or death (expulsion is a discipline).
///
/// The membership ends on `effective_on` and party age stops there. A name removal for
/// abandoning activities (`abandoned_activities`) bars any re-admission; a resignation allows one
/// only with a recorded `hardship_reason`. Refused while a transfer is pending.
#[utoipa::path(
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = ExitRequest,
    responses(
        (status = 200, description = "Exited", body = Member),
        problems::NotFound,
        problems::MemberBusy,
    ),
)]
#[post("/members/{id}/exit")]
pub async fn exit_member(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<ExitRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::movements::exit(c, &user, id, &body)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    ))
}

/// Re-admits a former member (rule 13): at least 36 months after the exit (60 after a
/// less-serious criminal record is cleared), with the provincial standing committee's written
/// consent, once per person, never after an exit for abandoning activities, serious disunity,
/// corruption or a serious crime. A new probation starts; the time out is subtracted from the
/// party age.
#[utoipa::path(
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = ReadmissionRequest,
    responses(
        (status = 200, description = "Re-admitted (probationary)", body = Member),
        problems::NotFound,
        problems::NotFormerMember,
    ),
)]
#[post("/members/{id}/readmission")]
pub async fn readmit_member(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<ReadmissionRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        services::movements::readmit(c, &user, id, &body)
    })
    .await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    ))
}
