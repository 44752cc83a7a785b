//! `POST /badges/proposals`, `GET /badges/proposals`, `POST /badges/proposals/approve`,
//! `POST /badges/proposals/{id}/reject`.

use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use qldv_api_types::badges::{
    ApproveProposals, BadgeProposal, ProposalStatus, ProposeBadges, RejectProposal,
};
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::badge_proposal::{ProposalFilter, ProposalRow};
use crate::models::member::MemberRow;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

fn views(rows: &[(ProposalRow, MemberRow)]) -> Vec<BadgeProposal> {
    rows.iter()
        .map(|(p, m)| p.to_dto(&m.full_name, m.organization_id))
        .collect()
}

/// The cell or grassroots level proposes members for an occasion; each proposal carries the
/// milestone the eligibility engine finds (422 naming the member when one is not eligible, and
/// then nothing is written).
#[utoipa::path(
    operation_id = "create_badge_proposals",
    tag = "badges",
    request_body = ProposeBadges,
    responses(
        (status = 201, description = "Proposed", body = Vec<BadgeProposal>),
        problems::NotFound,
        problems::AlreadyProposed,
        problems::MemberNotEligible,
    ),
)]
#[post("/badges/proposals")]
pub async fn propose_badges(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<ProposeBadges>>,
) -> Result<HttpResponse, AppError> {
    let rows = crate::db::transaction(&state.pool, move |c| {
        services::badges::propose(c, &user, &body)
    })
    .await?;
    Ok(crate::routes::common::created("/badges/proposals").json(views(&rows)))
}

/// Filters of the proposal list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProposalQuery {
    /// Proposals for members in this organisation's subtree.
    pub organization_id: Option<OrgId>,
    /// Only in this state (`proposed`: the provincial level's inbox).
    pub status: Option<ProposalStatus>,
    /// Only for this occasion.
    pub occasion_on: Option<NaiveDate>,
}

/// Proposals inside the caller's scope, newest first.
#[utoipa::path(
    operation_id = "list_badge_proposals",
    tag = "badges",
    params(ProposalQuery, PageParams),
    responses(
        (status = 200, description = "One page of proposals", body = Page<BadgeProposal>),
        problems::NotFound,
    ),
)]
#[get("/badges/proposals")]
pub async fn list_proposals(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<ProposalQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<BadgeProposal>>, AppError> {
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let query = query.into_inner();
    let mut filter = ProposalFilter {
        status: query.status,
        occasion_on: query.occasion_on,
        subtree_path: None,
    };
    let rows = crate::db::run(&state.pool, move |c| {
        if let Some(o) = query.organization_id {
            filter.subtree_path = Some(OrganizationRow::find(c, &user.scope, o)?.path);
        }
        ProposalRow::list(c, &user.scope, &filter, before, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(p, _, _)| p.id,
        |(p, name, org)| p.to_dto(name, *org),
    )))
}

/// The provincial level approves proposals under one decision: each becomes an award after the
/// engine checks it again (all or nothing).
#[utoipa::path(
    operation_id = "approve_badge_proposals",
    tag = "badges",
    request_body = ApproveProposals,
    responses(
        (status = 200, description = "Approved", body = Vec<BadgeProposal>),
        problems::NotProvincial,
        problems::NotFound,
        problems::DecidedOrHeld,
        problems::NoLongerEligible,
    ),
)]
#[post("/badges/proposals/approve")]
pub async fn approve_proposals(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<ApproveProposals>>,
) -> Result<web::Json<Vec<BadgeProposal>>, AppError> {
    let rows = crate::db::transaction(&state.pool, move |c| {
        services::badges::approve(c, &user, &body.proposal_ids, &body.decision_no)
    })
    .await?;
    Ok(web::Json(views(&rows)))
}

/// The provincial level rejects a proposal, with the reason.
#[utoipa::path(
    operation_id = "reject_badge_proposal",
    tag = "badges",
    params(("id" = qldv_api_types::ProposalId, Path, description = "Proposal id")),
    request_body = RejectProposal,
    responses(
        (status = 200, description = "Rejected", body = BadgeProposal),
        problems::NotProvincial,
        problems::NotFound,
        problems::ProposalDecided,
    ),
)]
#[post("/badges/proposals/{id}/reject")]
pub async fn reject_proposal(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<qldv_api_types::ProposalId>,
    Valid(web::Json(body)): Valid<web::Json<RejectProposal>>,
) -> Result<web::Json<BadgeProposal>, AppError> {
    let id = id.into_inner();
    let (p, m) = crate::db::transaction(&state.pool, move |c| {
        services::badges::reject(c, &user, id, &body.reason)
    })
    .await?;
    Ok(web::Json(p.to_dto(&m.full_name, m.organization_id)))
}
