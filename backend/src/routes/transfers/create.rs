//! `POST /transfers`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::movements::{CreateTransfer, Transfer};

use crate::error::AppError;
use crate::models::transfer::TransferRow;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Issues a transfer of a member of the caller's scope.
///
/// Official: the member is `in_transit` (still counted once, by the sender) until the receiving
/// side accepts; then moved atomically. Temporary (`purpose`, `until`: 3 months to under a year, or
/// up to two years for study): the member stays in the sender's count. To outside the system
/// (`to_external`): one step, with a record. An official transfer is refused while an inspection,
/// complaint, denunciation or discipline review of the member is open on `issued_on` (422
/// `official_transfer_blocked`, rule 9; a temporary one is allowed, and a discipline no longer
/// blocks either). Refused when another transfer is pending (409 `transfer_pending`), or when
/// filed more than 60 working days after `event_on` without `late_reason` (422).
#[utoipa::path(
    tag = "transfers",
    request_body = CreateTransfer,
    responses(
        (status = 201, description = "Issued", body = Transfer),
        problems::NotFound,
        problems::MemberBusy,
        problems::TransferRefused,
    ),
)]
#[post("/transfers")]
pub async fn create_transfer(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<CreateTransfer>>,
) -> Result<HttpResponse, AppError> {
    let view = crate::db::transaction(&state.pool, move |c| {
        let row = services::transfers::issue(c, &user, &body)?;
        TransferRow::view(c, &row)
    })
    .await?;
    Ok(crate::routes::common::created(format_args!("/transfers/{}", view.id.0)).json(view))
}
