//! `/transfers`: introductions of a member to another cell, and their reception.

use qldv_api_types::movements::{
    AcceptTransfer, CreateTransfer, Transfer, TransferDecision, TransferDirection, TransferStatus,
};
use qldv_api_types::{MemberId, TransferId};

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// The filters of a transfer list.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TransferFilter {
    /// One state only.
    pub status: Option<TransferStatus>,
    /// The receiving side's inbox, or the sending side's papers.
    pub direction: Option<TransferDirection>,
    /// One member's transfers.
    pub member_id: Option<MemberId>,
}

/// `GET /transfers`, every page.
pub async fn list(filter: TransferFilter) -> ApiResult<Vec<Transfer>> {
    let q = Query::new()
        .opt("status", filter.status)
        .opt("direction", filter.direction)
        .opt("member_id", filter.member_id);
    all("/transfers", &q).await
}

/// `POST /transfers`: issues the introduction paper.
pub async fn create(body: &CreateTransfer) -> ApiResult<Transfer> {
    Call::json(Method::Post, "/transfers", body)?.fetch().await
}

/// `POST /transfers/{id}/accept`: the receiving side takes the member in.
pub async fn accept(id: TransferId, body: &AcceptTransfer) -> ApiResult<Transfer> {
    Call::json(Method::Post, &format!("/transfers/{id}/accept"), body)?
        .fetch()
        .await
}

/// `POST /transfers/{id}/reject`: the receiving side refuses.
pub async fn reject(id: TransferId, body: &TransferDecision) -> ApiResult<Transfer> {
    Call::json(Method::Post, &format!("/transfers/{id}/reject"), body)?
        .fetch()
        .await
}

/// `POST /transfers/{id}/cancel`: the sending side withdraws the paper.
pub async fn cancel(id: TransferId, body: &TransferDecision) -> ApiResult<Transfer> {
    Call::json(Method::Post, &format!("/transfers/{id}/cancel"), body)?
        .fetch()
        .await
}
