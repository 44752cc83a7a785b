//! `/organizations/{id}/candidates` and `/candidates/{id}`: candidates for admission (issue 22).
//! Thin handlers: the rules are `domain::candidate`, the writes `services::candidates`.

use actix_web::{get, patch, post, web, HttpResponse};
use qldv_api_types::candidates::{
    Candidate, CandidateDrop, CandidatePatch, CandidateSummary, CreateCandidate, RecordStep,
    StepRecorded,
};
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
        .service(candidate_import_template)
        .service(import_candidates)
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

/// Corrects an open candidate: the identity and dossier with the members' rules, and the file's
/// own fields (source, day of identification, union memberships, age consent, population
/// policy, categories), each checked: the corrected file must still accept every step recorded
/// (422 with the step's refusal code), and a closed file's own fields stay. Audited. Absent
/// fields stay; an empty string clears a field. Send `If-Match` with the `ETag` from `GET`: 412
/// if someone changed it meanwhile. Once admitted, the record is corrected at `/members/{id}`.
#[utoipa::path(
    tag = "candidates",
    params(("id" = MemberId, Path, description = "Candidate id"), IfMatch),
    request_body = CandidatePatch,
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
    Valid(web::Json(body)): Valid<web::Json<CandidatePatch>>,
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

/// The upload form of a candidates' import.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct CandidateImportUpload {
    /// The spreadsheet: XLSX, or CSV in UTF-8 (headers of the candidates' template).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// `true` to import the good rows and report the bad ones (default: all or nothing).
    skip_invalid: Option<bool>,
}

/// Imports candidates from a spreadsheet into the organisation (a row's `Mã chi bộ` may name a
/// cell inside it): each row checked by the rules of `POST /organizations/{id}/candidates`, all
/// or nothing unless `skip_invalid`; answers the finished job with its row-level error report.
#[utoipa::path(
    tag = "candidates",
    params(("id" = OrgId, Path, description = "The organisation")),
    request_body(content = CandidateImportUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The finished job: succeeded, or failed with its errors", body = qldv_api_types::reports::ImportJob),
        problems::NotFound,
        problems::ImportTooLarge,
        problems::ImportUnreadable,
        problems::ImportBusy,
    ),
)]
#[post("/organizations/{id}/candidates/import")]
pub async fn import_candidates(
    state: web::Data<AppState>,
    user: Writer,
    id: web::Path<OrgId>,
    payload: actix_multipart::Multipart,
) -> Result<web::Json<qldv_api_types::reports::ImportJob>, AppError> {
    use services::imports::candidates as import;
    let place = state
        .imports
        .claim(user.id)
        .map_err(services::imports::Busy::into_app_error)?;
    let form = crate::routes::imports::read_form(payload).await?;
    if form.bytes.is_empty() {
        return Err(crate::messages::requests::upload_file_required());
    }
    let (name, bytes) = (form.file_name, form.bytes);
    let prepared =
        web::block(move || import::prepare(&name, &bytes, &services::imports::Limits::UPLOAD))
            .await
            .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
    let (org, today, privacy) = (id.into_inner(), state.today(), user.privacy());
    let skip = form.skip_invalid;
    let job = crate::db::run(&state.pool, move |c| {
        services::disclosure::require_allowance(c, &user)?;
        import::run(c, &user, org, &prepared, skip, today)
    })
    .await?;
    drop(place);
    Ok(web::Json(services::imports::shown(
        job.to_dto(None),
        privacy,
    )))
}

/// The candidates' import template: the identity columns of the members' template, then where
/// the candidate comes from, when identified, union memberships, population policy and
/// occupational categories; an example row and a sheet explaining each column.
#[utoipa::path(
    operation_id = "get_candidate_import_template",
    tag = "candidates",
    params(("id" = OrgId, Path, description = "The organisation")),
    responses(
        (status = 200, description = "The template", body = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        problems::NotFound,
    ),
)]
#[get("/organizations/{id}/candidates/import/template")]
pub async fn candidate_import_template(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<OrgId>,
) -> Result<HttpResponse, AppError> {
    // The organisation must be in the caller's scope, as for the import itself.
    let org = id.into_inner();
    crate::db::run(&state.pool, move |c| {
        crate::models::organization::OrganizationRow::find(c, &user.scope, org).map(|_| ())
    })
    .await?;
    let body = web::block(services::imports::candidate_columns::template)
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))??;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_TYPE,
            crate::services::spreadsheet::XLSX,
        ))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"mau-nhap-quan-chung.xlsx\"",
        ))
        .body(body))
}
