//! `POST /transfers/arrivals` (rule 7), `POST /transfers/{id}/return` (rule 8).

use actix_web::{post, web, HttpResponse};
use qldv_api_types::interruptions::{ArrivalRequest, TemporaryReturn};
use qldv_api_types::members::Member;
use qldv_api_types::movements::Transfer;
use qldv_api_types::TransferId;

use crate::error::AppError;
use crate::models::transfer::TransferRow;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services::arrivals;
use crate::state::AppState;

/// Records a member arriving from outside the system: the army, the police, abroad, or an
/// installation not yet on the system. One step, counted as a transfer in (never an admission)
/// from `received_on`; reports of dates before it do not show the member here.
///
/// For a member new to the system, `member` carries the record with its original admission,
/// ceremony and official dates, and `past_interruptions` the interruptions its dossier records,
/// so that the party age is carried over; `declared_party_age_years` (optional) must agree with
/// the party age those dates give on `received_on`. For a member this system once transferred
/// out, give `member_id`: the time outside is no interruption; the gap since the sender's paper
/// (`issued_on`) is.
#[utoipa::path(
    operation_id = "create_transfer_arrival",
    tag = "transfers",
    request_body = ArrivalRequest,
    responses(
        (status = 201, description = "The member, in the receiving cell", body = Member),
        problems::NotFound,
        problems::IdentifierTaken,
        problems::NotTransferredOut,
        problems::ArrivalRefused,
    ),
)]
#[post("/transfers/arrivals")]
pub async fn record_arrival(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<ArrivalRequest>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let row = crate::db::transaction(&state.pool, move |c| {
        arrivals::arrive(c, &user, &body, today)
    })
    .await?;
    Ok(
        crate::routes::common::created(format_args!("/members/{}", row.id))
            .insert_header(crate::routes::common::etag(row.version))
            .json(row.to_dto(today, privacy)),
    )
}

/// Records the member's return from a temporary registration (rule 8): the registration ends on
/// `returned_on`, and the alert for its expiry with it. An official transfer of the member ends
/// it too. Either side records it.
#[utoipa::path(
    operation_id = "return_temporary_transfer",
    tag = "transfers",
    params(("id" = TransferId, Path, description = "Transfer id")),
    request_body = TemporaryReturn,
    responses(
        (status = 200, description = "Ended", body = Transfer),
        problems::NotFound,
        problems::TemporaryNotInEffect,
        problems::DatesOutOfOrder,
    ),
)]
#[post("/transfers/{id}/return")]
pub async fn record_return(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<TransferId>,
    Valid(web::Json(body)): Valid<web::Json<TemporaryReturn>>,
) -> Result<web::Json<Transfer>, AppError> {
    let id = id.into_inner();
    let view = crate::db::transaction(&state.pool, move |c| {
        let row = arrivals::return_home(c, &user, id, &body)?;
        TransferRow::view(c, &row)
    })
    .await?;
    Ok(web::Json(view))
}
