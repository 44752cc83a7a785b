//! `/organizations/{id}/liaison-members` and `/liaisons/{id}/comments/{year}`: the residence
//! cell's view of the members introduced to it (213-QĐ/TW) and its yearly comment.

use qldv_api_types::liaisons::{LiaisonView, WriteLiaisonComment};
use qldv_api_types::{LiaisonId, OrgId};
use serde::de::IgnoredAny;

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /organizations/{id}/liaison-members`, every page: the members introduced to the cell.
pub async fn members(org: OrgId) -> ApiResult<Vec<LiaisonView>> {
    all(
        &format!("/organizations/{org}/liaison-members"),
        &Query::new(),
    )
    .await
}

/// `PUT /liaisons/{id}/comments/{year}`: the residence cell's comment for a year.
pub async fn comment(
    liaison: LiaisonId,
    year: i32,
    body: &WriteLiaisonComment,
) -> ApiResult<IgnoredAny> {
    let path = format!("/liaisons/{liaison}/comments/{year}");
    Call::json(Method::Put, &path, body)?.fetch().await
}
