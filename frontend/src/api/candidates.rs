//! `/organizations/{id}/candidates`, `/candidates/{id}` and
//! `/organizations/{id}/admission-targets/{year}`: developing new members (issue 22).

use qldv_api_types::candidates::{
    Candidate, CandidateDrop, CandidateSummary, CreateCandidate, RecordStep, StepRecorded,
};
use qldv_api_types::targets::{AdmissionTarget, PutAdmissionTarget};
use qldv_api_types::{MemberId, OrgId};

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /organizations/{id}/candidates`, every page: the open files of the subtree.
pub async fn list(org: OrgId) -> ApiResult<Vec<CandidateSummary>> {
    all(&format!("/organizations/{org}/candidates"), &Query::new()).await
}

/// `POST /organizations/{id}/candidates`: identifies a candidate in a cell.
pub async fn create(org: OrgId, body: &CreateCandidate) -> ApiResult<Candidate> {
    Call::json(
        Method::Post,
        &format!("/organizations/{org}/candidates"),
        body,
    )?
    .fetch()
    .await
}

/// `GET /candidates/{id}`: the file.
pub async fn get(id: MemberId) -> ApiResult<Candidate> {
    Call::get(&format!("/candidates/{id}")).fetch().await
}

/// `POST /candidates/{id}/steps`: one step of the file.
pub async fn step(id: MemberId, body: &RecordStep) -> ApiResult<StepRecorded> {
    Call::json(Method::Post, &format!("/candidates/{id}/steps"), body)?
        .fetch()
        .await
}

/// `POST /candidates/{id}/drop`: drops the candidate with a reason.
pub async fn drop(id: MemberId, body: &CandidateDrop) -> ApiResult<Candidate> {
    Call::json(Method::Post, &format!("/candidates/{id}/drop"), body)?
        .fetch()
        .await
}

/// `GET /organizations/{id}/admission-targets/{year}`: the target and its progress.
pub async fn target(org: OrgId, year: i32) -> ApiResult<AdmissionTarget> {
    Call::get(&format!("/organizations/{org}/admission-targets/{year}"))
        .fetch()
        .await
}

/// `PUT /organizations/{id}/admission-targets/{year}`: records the target.
pub async fn put_target(
    org: OrgId,
    year: i32,
    body: &PutAdmissionTarget,
) -> ApiResult<AdmissionTarget> {
    let path = format!("/organizations/{org}/admission-targets/{year}");
    Call::json(Method::Put, &path, body)?.fetch().await
}
