//! `/evaluations`: a year's ratings of an organisation's members, and the grassroots round.

use qldv_api_types::evaluations::{Evaluation, EvaluationList, EvaluationRound, PutEvaluation};
use qldv_api_types::{MemberId, OrgId};

use super::client::{Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /evaluations?organization_id=&year=`: the members (up to `limit`) and the summary of the
/// subtree.
pub async fn list(org: OrgId, year: i32, limit: u32) -> ApiResult<EvaluationList> {
    let q = Query::new()
        .set("organization_id", org)
        .set("year", year)
        .set("limit", limit);
    Call::new(Method::Get, "/evaluations", &q).fetch().await
}

/// `PUT /members/{id}/evaluations/{year}`: the member's rating for the year.
pub async fn rate(member: MemberId, year: i32, body: &PutEvaluation) -> ApiResult<Evaluation> {
    Call::json(
        Method::Put,
        &format!("/members/{member}/evaluations/{year}"),
        body,
    )?
    .fetch()
    .await
}

/// `POST /organizations/{id}/evaluations/{year}/close`: closes the grassroots round.
pub async fn close_round(org: OrgId, year: i32) -> ApiResult<EvaluationRound> {
    Call::new(
        Method::Post,
        &format!("/organizations/{org}/evaluations/{year}/close"),
        &Query::new(),
    )
    .fetch()
    .await
}
