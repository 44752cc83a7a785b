//! `GET /transfers`, `GET /transfers/{id}`.

use actix_web::{get, web};
use qldv_api_types::movements::{Transfer, TransferDirection, TransferStatus};
use qldv_api_types::MemberId;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::models::transfer::{TransferFilter, TransferRow};
use crate::pagination::{page, PageParams};
use crate::routes::problems;
use crate::state::AppState;
use qldv_api_types::TransferId;

/// Filters of the transfer list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransferQuery {
    /// Transfers into or out of this organisation's subtree.
    pub organization_id: Option<OrgId>,
    /// Only in this state (e.g. `pending`: the inbox of the receiving side).
    pub status: Option<TransferStatus>,
    /// Only this member's.
    pub member_id: Option<MemberId>,
    /// Only incoming (into the subtree or scope) or only outgoing transfers.
    pub direction: Option<TransferDirection>,
}

/// Incoming and outgoing transfers inside the caller's scope, newest first.
#[utoipa::path(
    tag = "transfers",
    params(TransferQuery, PageParams),
    responses(
        (status = 200, description = "One page of transfers", body = Page<Transfer>),
        problems::NotFound,
    ),
)]
#[get("/transfers")]
pub async fn list_transfers(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<TransferQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Transfer>>, AppError> {
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let mut filter = TransferFilter {
        subtree_path: None,
        status: query.status,
        member_id: query.member_id,
        incoming: query.direction.map(|d| d == TransferDirection::Incoming),
    };
    let org = query.organization_id;
    let (rows, views) = crate::db::run(&state.pool, move |c| {
        if let Some(o) = org {
            filter.subtree_path = Some(OrganizationRow::find(c, &user.scope, o)?.path);
        }
        let rows = TransferRow::list(c, &user.scope, &filter, before, limit + 1)?;
        let views = TransferRow::views(c, &rows)?;
        Ok((rows, views))
    })
    .await?;
    let pairs: Vec<(TransferRow, Transfer)> = rows.into_iter().zip(views).collect();
    Ok(web::Json(page(
        pairs,
        limit,
        |(r, _)| r.id,
        |(_, v)| v.clone(),
    )))
}

/// One transfer, seen from either side.
#[utoipa::path(
    tag = "transfers",
    params(("id" = TransferId, Path, description = "Transfer id")),
    responses(
        (status = 200, description = "The transfer", body = Transfer),
        problems::NotFound,
    ),
)]
#[get("/transfers/{id}")]
pub async fn get_transfer(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<TransferId>,
) -> Result<web::Json<Transfer>, AppError> {
    let id = id.into_inner();
    let view = crate::db::run(&state.pool, move |c| {
        let (row, _) = TransferRow::find(c, &user.scope, id)?;
        TransferRow::view(c, &row)
    })
    .await?;
    Ok(web::Json(view))
}
