//! `/organizations/{id}/candidates` and `/candidates/{id}`: candidates for admission (issue 22).
//! Thin handlers: the rules are `domain::candidate`, the writes `services::candidates`.

use actix_web::{get, patch, post, web, HttpResponse};
use qldv_api_types::candidates::{
    Candidate, CandidateDrop, CandidateSummary, CreateCandidate, RecordStep, StepRecorded,
};
use qldv_api_types::members::MemberProfile;
use qldv_api_types::{MemberId, OrgId, Page};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::pagination::{page, PageParams};
use crate::routes::common::{created, versioned};
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_candidates)
        .service(create_candidate)
        .service(get_candidate)
        .service(update_candidate)
        .service(create_candidate_step)
        .service(drop_candidate);
}

/// The open candidates of an organisation's subtree in Vietnamese name order, each with the
/// stage of the file and what is due next and by when.
#[utoipa::path(
    tag = "candidates",
    params(("id" = OrgId, Path, description = "Organisation id"), PageParams),
    responses(
        (status = 200, description = "One page of candidates", body = Page<CandidateSummary>),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/candidates")]
pub async fn list_candidates(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<CandidateSummary>>, AppError> {
    let limit = params.limit();
    let after = params.after::<(String, MemberId)>()?;
    let org = id.into_inner();
    let today = state.today();
    let rows = crate::db::run(&state.pool, move |c| {
        services::candidates::list(c, &user, org, after, limit + 1, today)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(r, _)| (r.name_sort_key.clone(), r.id),
        |(_, s)| s.clone(),
    )))
}

/// Identifies a candidate in a cell: the identity with the members' rules (CCCD structure and
/// uniqueness across members and candidates, NFC, names), where the candidate comes from.
#[utoipa::path(
    tag = "candidates",
    params(("id" = OrgId, Path, description = "The cell")),
    request_body = CreateCandidate,
    responses(
        (status = 201, description = "Created", body = Candidate),
        problems::NotFound,
        problems::IdentifierTaken,
        problems::IdentifierChecksExhausted,
    ),
)]
#[post("/organizations/{id}/candidates")]
pub async fn create_candidate(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<CreateCandidate>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let org = id.into_inner();
    let dto = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        let id = services::candidates::create(c, &user, org, &body, today)?;
        services::candidates::view(c, &user, id, today, privacy)
    })
    .await?;
    Ok(versioned(
        created(format_args!("/candidates/{}", dto.id)),
        dto.version,
        dto,
    ))
}

/// A candidate's file: identity (masked by role), the steps with their documents, the stage
/// and what is due next.
#[utoipa::path(
    tag = "candidates",
    params(("id" = MemberId, Path, description = "Candidate id")),
    responses(
        (status = 200, description = "The file", body = Candidate),
        problems::NotFound,
    ),
)]
#[get("/candidates/{id}")]
pub async fn get_candidate(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MemberId>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        services::candidates::view(c, &user, id, today, privacy)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), dto.version, dto))
}

/// Records one step of the file, judged by the rules on the file as stored (rule 30's order,
/// rules 24–29, and rules 1–2 at the resolution and the ceremony). The ceremony turns the same
/// record into a probationary member with every date carried over. A resolution's answer
/// carries the vote base the records give, and a warning when it differs from the minutes'.
#[utoipa::path(
    tag = "candidates",
    params(("id" = MemberId, Path, description = "Candidate id")),
    request_body = RecordStep,
    responses(
        (status = 200, description = "Recorded", body = StepRecorded),
        problems::NotFound,
        problems::StepRefused,
    ),
)]
#[post("/candidates/{id}/steps")]
pub async fn create_candidate_step(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<RecordStep>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let id = id.into_inner();
    let out = crate::db::transaction(&state.pool, move |c| {
        let (computed_vote_base, warnings) =
            services::candidates::record_step(c, &user, id, &body, today)?;
        let candidate = services::candidates::view(c, &user, id, today, privacy)?;
        Ok(StepRecorded {
            candidate,
            computed_vote_base,
            warnings,
        })
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), out.candidate.version, out))
}

/// Drops a candidate from the pipeline with a reason (not once the file is closed, nor dated
/// before its last step).
#[utoipa::path(
    tag = "candidates",
    params(("id" = MemberId, Path, description = "Candidate id")),
    request_body = CandidateDrop,
    responses(
        (status = 200, description = "Dropped", body = Candidate),
        problems::NotFound,
        problems::StepRefused,
    ),
)]
#[post("/candidates/{id}/drop")]
pub async fn drop_candidate(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<CandidateDrop>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let id = id.into_inner();
    let dto = crate::db::transaction(&state.pool, move |c| {
        services::candidates::drop(c, &user, id, &body, today)?;
        services::candidates::view(c, &user, id, today, privacy)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), dto.version, dto))
}

/// Corrects an open candidate's identity and dossier with the members' rules. Absent fields
/// stay; an empty string clears a field. Send `If-Match` with the `ETag` from `GET`: 412 if
/// someone changed it meanwhile. Once admitted, the record is corrected at `/members/{id}`.
#[utoipa::path(
    tag = "candidates",
    params(("id" = MemberId, Path, description = "Candidate id"), IfMatch),
    request_body = MemberProfile,
    responses(
        (status = 200, description = "Corrected", body = Candidate),
        problems::NotFound,
        problems::IdentifierTaken,
        problems::Stale,
        problems::StepRefused,
        problems::IdentifierChecksExhausted,
    ),
)]
#[patch("/candidates/{id}")]
pub async fn update_candidate(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<MemberId>,
    Valid(web::Json(body)): Valid<web::Json<MemberProfile>>,
) -> Result<HttpResponse, AppError> {
    let privacy = user.privacy();
    let today = state.today();
    let id = id.into_inner();
    let dto = services::disclosure::transaction(&state.pool, &user.clone(), move |c| {
        services::candidates::correct(c, &user, id, expected, &body, today)?;
        services::candidates::view(c, &user, id, today, privacy)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), dto.version, dto))
}
