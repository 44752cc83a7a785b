//! `POST /members/{id}/out-of-contact`, `/out-of-contact/end`, `/past-interruptions`,
//! `/annulments`: interruptions of party age (rule 5) as events with their decisions.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::interruptions::{
    AnnulmentRequest, ContactRestoredRequest, OutOfContactRequest, PastInterruptionRequest,
};
use qldv_api_types::members::Member;
use qldv_api_types::MemberId;

use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::services::interruptions as service;
use crate::state::AppState;

/// The member after the change, with its `ETag`.
fn answer(
    state: &AppState,
    row: &MemberRow,
    privacy: crate::domain::privacy::Privacy,
) -> HttpResponse {
    versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(state.today(), privacy),
    )
}

/// Records that the member lost contact with the party organisation (mất liên lạc) from `from`,
/// under the cell's or committee's record of it: party age stops on that day until contact is
/// restored (rule 5).
#[utoipa::path(
    operation_id = "create_member_out_of_contact",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = OutOfContactRequest,
    responses(
        (status = 200, description = "Recorded", body = Member),
        problems::NotFound,
        problems::MemberNotActive,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/members/{id}/out-of-contact")]
pub async fn lose_contact(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<OutOfContactRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        service::lose_contact(c, &user, id, &body)
    })
    .await?;
    Ok(answer(&state, &row, privacy))
}

/// Records that contact was restored on `on`: the time out of contact becomes a closed
/// interruption of party age.
#[utoipa::path(
    operation_id = "end_member_out_of_contact",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = ContactRestoredRequest,
    responses(
        (status = 200, description = "Recorded", body = Member),
        problems::NotFound,
        problems::NotOutOfContact,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/members/{id}/out-of-contact/end")]
pub async fn restore_contact(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<ContactRestoredRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        service::restore_contact(c, &user, id, &body)
    })
    .await?;
    Ok(answer(&state, &row, privacy))
}

/// Records, for the record, an interruption from before the system (a member re-admitted, or
/// once out of contact, before the records were kept here): a dated period `[from, to)`
/// subtracted from party age on every date after it, never before.
#[utoipa::path(
    operation_id = "create_member_past_interruption",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = PastInterruptionRequest,
    responses(
        (status = 200, description = "Recorded", body = Member),
        problems::NotFound,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/members/{id}/past-interruptions")]
pub async fn record_past_interruption(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<PastInterruptionRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        service::record_past(c, &user, id, &body)
    })
    .await?;
    Ok(answer(&state, &row, privacy))
}

/// Annuls a wrongful exit or discipline (117-QĐ/TW), under its decision. An annulled exit (an
/// expulsion's discipline with it) restores the membership in the member's cell from the
/// decision's date and is no interruption of party age; an annulled discipline no longer counts
/// (never in force, no wait before a badge).
#[utoipa::path(
    operation_id = "create_member_annulment",
    tag = "members",
    params(("id" = MemberId, Path, description = "Member id")),
    request_body = AnnulmentRequest,
    responses(
        (status = 200, description = "Annulled", body = Member),
        problems::NotFound,
        problems::NothingToAnnul,
    ),
)]
#[post("/members/{id}/annulments")]
pub async fn annul(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<AnnulmentRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let id = id.into_inner();
    let row =
        crate::db::transaction(&state.pool, move |c| service::annul(c, &user, id, &body)).await?;
    Ok(answer(&state, &row, privacy))
}
