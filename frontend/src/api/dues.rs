//! `/organizations/{id}/dues-sheet` and `/members/{id}/dues`: party dues, a cell's month and a
//! member's year (issue 23, 01-QĐ/TW 2026). Amounts are integers in đồng.

use qldv_api_types::dues::{DuesSheet, MemberDues, RecordDuesSheet};
use qldv_api_types::month::Month;
use qldv_api_types::{MemberId, OrgId};
use serde::de::IgnoredAny;

use super::client::{Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /organizations/{id}/dues-sheet?month=`: every member's dues of the month.
pub async fn sheet(org: OrgId, month: Month) -> ApiResult<DuesSheet> {
    let q = Query::new().set("month", month.iso());
    Call::new(Method::Get, &format!("/organizations/{org}/dues-sheet"), &q)
        .fetch()
        .await
}

/// `PUT /organizations/{id}/dues-sheet/{month}`: the month's payments, in one request.
pub async fn record(org: OrgId, month: Month, body: &RecordDuesSheet) -> ApiResult<IgnoredAny> {
    let path = format!("/organizations/{org}/dues-sheet/{}", month.iso());
    Call::json(Method::Put, &path, body)?.fetch().await
}

/// `GET /members/{id}/dues?year=`: a member's twelve months, payments and totals.
pub async fn member(member: MemberId, year: i32) -> ApiResult<MemberDues> {
    let q = Query::new().set("year", year);
    Call::new(Method::Get, &format!("/members/{member}/dues"), &q)
        .fetch()
        .await
}
