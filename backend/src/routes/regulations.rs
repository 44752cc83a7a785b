//! `GET /regulations`, `POST /regulations` and `PUT /regulations/settings`: the chains of
//! documents the rules come from and their dated settings.

use actix_web::{get, post, put, web, HttpResponse};
use qldv_api_types::regulations::{
    NewRegulation, PutRuleSetting, Regulation, RegulationSet, RuleSettingChange,
};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::regulation;
use crate::routes::extract::{IfMatch, NationalAdmin, Valid};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_regulations)
        .service(create_regulation)
        .service(put_rule_setting);
}

/// Every chain of documents (charter, badge, evaluation, discipline, dues) with each document's
/// date of force and parameters, the documents in force today, and this installation's
/// settings version and digest (a sync package carries them).
#[utoipa::path(
    tag = "regulations",
    responses((status = 200, description = "The chains", body = RegulationSet)),
)]
#[get("/regulations")]
pub async fn list_regulations(
    state: web::Data<AppState>,
    _user: AuthUser,
) -> Result<web::Json<RegulationSet>, AppError> {
    let today = state.today();
    let set = crate::db::run(&state.pool, move |c| regulation::set(c, today)).await?;
    Ok(web::Json(set))
}

/// Adds a document to a chain from its date of force (national administrators; audited): a
/// chain only moves forward, and the new document starts with the parameters of the one it
/// replaces. Decisions dated from that day are judged by it.
#[utoipa::path(
    tag = "regulations",
    request_body = NewRegulation,
    responses(
        (status = 201, description = "Added", body = Regulation),
        problems::NotNationalAdmin,
        problems::RegulationConflict,
        problems::SettingRefused,
    ),
)]
#[post("/regulations")]
pub async fn create_regulation(
    state: web::Data<AppState>,
    user: NationalAdmin,
    Valid(body): Valid<web::Json<NewRegulation>>,
) -> Result<HttpResponse, AppError> {
    let today = state.today();
    let body = body.into_inner();
    let created = crate::db::transaction(&state.pool, move |c| {
        let link = services::regulations::add(c, &user, &body)?;
        let set = regulation::set(c, today)?;
        set.items
            .into_iter()
            .find(|r| r.chain == link.chain && r.code == link.regulation)
            .ok_or_else(|| AppError::internal("added regulation missing"))
    })
    .await?;
    Ok(crate::routes::common::created("/regulations").json(created))
}

/// Sets one parameter of one document (national administrators; audited, versioned): the key
/// must belong to a chain the document stands in and its value be one the rules read;
/// `If-Match` with the setting's `version` (from `GET /regulations`) guards against a
/// concurrent change (412).
#[utoipa::path(
    tag = "regulations",
    params(IfMatch),
    request_body = PutRuleSetting,
    responses(
        (status = 200, description = "Stored", body = RuleSettingChange),
        problems::NotNationalAdmin,
        problems::NotFound,
        problems::Stale,
        problems::SettingRefused,
    ),
)]
#[put("/regulations/settings")]
pub async fn put_rule_setting(
    state: web::Data<AppState>,
    user: NationalAdmin,
    IfMatch(expected): IfMatch,
    Valid(body): Valid<web::Json<PutRuleSetting>>,
) -> Result<web::Json<RuleSettingChange>, AppError> {
    let body = body.into_inner();
    let change = crate::db::transaction(&state.pool, move |c| {
        services::regulations::put_setting(c, &user, &body, expected)
    })
    .await?;
    Ok(web::Json(change))
}
