//! `POST /transfers/{id}/accept`, `/reject`, `/cancel`.

use actix_web::{post, web};
use qldv_api_types::movements::{AcceptTransfer, Transfer, TransferDecision, TransferStatus};

use crate::error::AppError;
use crate::models::transfer::TransferRow;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;
use qldv_api_types::TransferId;

/// Accepts a pending transfer (a user whose scope holds the receiving cell).
///
/// Official: the member leaves the sender and joins the receiver in one transaction, dated
/// `received_on`. Reporting more than 30 working days after the issue needs `late_reason`.
/// 409 `transfer_not_pending` if it was decided meanwhile (of an accept and a cancel racing,
/// exactly one wins).
#[utoipa::path(
    tag = "transfers",
    params(("id" = TransferId, Path, description = "Transfer id")),
    request_body = AcceptTransfer,
    responses(
        (status = 200, description = "Accepted", body = Transfer),
        problems::NotFound,
        problems::TransferNotPending,
    ),
)]
#[post("/transfers/{id}/accept")]
pub async fn accept_transfer(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<TransferId>,
    Valid(web::Json(body)): Valid<web::Json<AcceptTransfer>>,
) -> Result<web::Json<Transfer>, AppError> {
    let id = id.into_inner();
    let view = crate::db::transaction(&state.pool, move |c| {
        let row = services::transfers::accept(c, &user, id, &body)?;
        TransferRow::view(c, &row)
    })
    .await?;
    Ok(web::Json(view))
}

async fn withdraw(
    state: web::Data<AppState>,
    user: Writer,
    id: TransferId,
    status: TransferStatus,
    body: TransferDecision,
) -> Result<web::Json<Transfer>, AppError> {
    let today = state.today();
    let view = crate::db::transaction(&state.pool, move |c| {
        let row = services::transfers::withdraw(c, &user, id, status, &body, today)?;
        TransferRow::view(c, &row)
    })
    .await?;
    Ok(web::Json(view))
}

/// Refuses a pending transfer (receiving side): the member stays where it was.
#[utoipa::path(
    tag = "transfers",
    params(("id" = TransferId, Path, description = "Transfer id")),
    request_body = TransferDecision,
    responses(
        (status = 200, description = "Rejected", body = Transfer),
        problems::NotFound,
        problems::TransferNotPending,
    ),
)]
#[post("/transfers/{id}/reject")]
pub async fn reject_transfer(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<TransferId>,
    Valid(web::Json(body)): Valid<web::Json<TransferDecision>>,
) -> Result<web::Json<Transfer>, AppError> {
    withdraw(state, user, id.into_inner(), TransferStatus::Rejected, body).await
}

/// Withdraws a pending transfer (sending side): the member stays where it was.
#[utoipa::path(
    tag = "transfers",
    params(("id" = TransferId, Path, description = "Transfer id")),
    request_body = TransferDecision,
    responses(
        (status = 200, description = "Cancelled", body = Transfer),
        problems::NotFound,
        problems::TransferNotPending,
    ),
)]
#[post("/transfers/{id}/cancel")]
pub async fn cancel_transfer(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<TransferId>,
    Valid(web::Json(body)): Valid<web::Json<TransferDecision>>,
) -> Result<web::Json<Transfer>, AppError> {
    withdraw(
        state,
        user,
        id.into_inner(),
        TransferStatus::Cancelled,
        body,
    )
    .await
}
