//! `/badges`: eligibility for an occasion, proposals and their approval.

use chrono::NaiveDate;
use qldv_api_types::badges::{
    ApproveProposals, BadgeProposal, EligibleMember, ProposalStatus, ProposeBadges,
};
use qldv_api_types::OrgId;

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /badges/eligible`: who is due a badge on the occasion, in `org`'s subtree.
pub async fn eligible(
    org: Option<OrgId>,
    occasion_on: NaiveDate,
) -> ApiResult<Vec<EligibleMember>> {
    let q = Query::new()
        .opt("organization_id", org)
        .set("occasion_on", occasion_on);
    all("/badges/eligible", &q).await
}

/// `GET /badges/proposals`.
pub async fn proposals(
    org: Option<OrgId>,
    status: Option<ProposalStatus>,
) -> ApiResult<Vec<BadgeProposal>> {
    let q = Query::new()
        .opt("organization_id", org)
        .opt("status", status);
    all("/badges/proposals", &q).await
}

/// `POST /badges/proposals`.
pub async fn propose(body: &ProposeBadges) -> ApiResult<Vec<BadgeProposal>> {
    Call::json(Method::Post, "/badges/proposals", body)?
        .fetch()
        .await
}

/// `POST /badges/proposals/approve`.
pub async fn approve(body: &ApproveProposals) -> ApiResult<Vec<BadgeProposal>> {
    Call::json(Method::Post, "/badges/proposals/approve", body)?
        .fetch()
        .await
}
