//! `/api-tokens`: long-lived tokens for `integration` accounts (administrators only, each for the
//! accounts inside its scope).

use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveTime;
use qldv_api_types::auth::Role;
use qldv_api_types::users::{ApiToken, CreateApiToken, CreatedApiToken};
use qldv_api_types::{Page, UserId};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Scope;
use crate::db::DbConn;
use crate::error::AppError;
use crate::models::api_token::ApiTokenRow;
use crate::models::audit::{self, Subject};
use crate::models::organization::OrganizationRow;
use crate::models::user::UserRow;
use crate::pagination::{page_of_rows, PageParams};
use crate::routes::extract::{Admin, Valid};
use crate::routes::problems;
use crate::state::AppState;
use qldv_api_types::ApiTokenId;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(create_api_token)
        .service(list_api_tokens)
        .service(revoke_api_token);
}

/// The path of a token owner's organisation (`None` for a national account), for the audit
/// entry: a token's creation and revocation belong to its account's subtree, where the
/// administrators of that subtree read them.
fn owner_path(
    conn: &mut DbConn,
    scope: &Scope,
    owner: &UserRow,
) -> Result<Option<String>, AppError> {
    owner
        .organization_id
        .map(|id| OrganizationRow::find(conn, scope, id).map(|o| o.path))
        .transpose()
}

/// Creates an API token for an `integration` account. The secret is in this response only.
#[utoipa::path(
    tag = "users",
    request_body = CreateApiToken,
    responses(
        (status = 201, description = "Created; store the secret now", body = CreatedApiToken),
        problems::SecretNotReplayed,
        problems::NotFound,
    ),
)]
#[post("/api-tokens")]
pub async fn create_api_token(
    state: web::Data<AppState>,
    user: Admin,
    Valid(web::Json(body)): Valid<web::Json<CreateApiToken>>,
) -> Result<HttpResponse, AppError> {
    let created = crate::db::transaction(&state.pool, move |c| {
        let owner = UserRow::find(c, &user.scope, body.user_id)?;
        if owner.role() != Role::Integration {
            return Err(crate::messages::accounts::not_integration());
        }
        let expires = body
            .expires_on
            .map(|d| d.and_time(NaiveTime::MIN) + chrono::Duration::days(1));
        let (row, secret) = ApiTokenRow::create(c, owner.id, &body.name, expires, user.id)?;
        let path = owner_path(c, &user.scope, &owner)?;
        audit::record::<(), _>(
            c,
            &user.actor(),
            qldv_api_types::audit::AuditAction::Create,
            Subject {
                entity: qldv_api_types::audit::AuditEntity::ApiToken,
                id: row.id.into(),
                scope_path: path.as_deref(),
            },
            None,
            Some(&row),
        )?;
        Ok(CreatedApiToken {
            token: row.to_dto(),
            secret,
        })
    })
    .await?;
    let id = created.token.id;
    let mut res = crate::routes::common::created("/api-tokens").json(created);
    res.extensions_mut().insert(crate::idempotency::ShownOnce(
        crate::messages::accounts::api_key_shown_once(id),
    ));
    Ok(res)
}

/// Filter of the token list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenFilter {
    /// Only the tokens of this account.
    pub user_id: Option<UserId>,
}

/// API tokens of the accounts inside the caller's scope (metadata only; secrets are never shown
/// again).
#[utoipa::path(
    tag = "users",
    params(TokenFilter, PageParams),
    responses((status = 200, description = "One page of the tokens, newest first", body = Page<ApiToken>)),
)]
#[get("/api-tokens")]
pub async fn list_api_tokens(
    state: web::Data<AppState>,
    user: Admin,
    filter: web::Query<TokenFilter>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<ApiToken>>, AppError> {
    let rows = crate::db::run(&state.pool, move |c| {
        ApiTokenRow::list(c, &user.scope, filter.user_id)
    })
    .await?;
    // The query's order: newest (highest id) first.
    let page = page_of_rows(rows, &params, |t| std::cmp::Reverse(t.id), |t| t.to_dto())?;
    Ok(web::Json(page))
}

/// Revokes an API token at once (idempotent).
#[utoipa::path(
    tag = "users",
    params(("id" = ApiTokenId, Path, description = "Token id")),
    responses(
        (status = 200, description = "Revoked", body = ApiToken),
        problems::NotFound,
    ),
)]
#[post("/api-tokens/{id}/revoke")]
pub async fn revoke_api_token(
    state: web::Data<AppState>,
    user: Admin,
    id: web::Path<ApiTokenId>,
) -> Result<web::Json<ApiToken>, AppError> {
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        let before = ApiTokenRow::find(c, &user.scope, id)?;
        let after = ApiTokenRow::revoke(c, &user.scope, id)?;
        if before.revoked_at.is_none() {
            let owner = UserRow::find(c, &user.scope, after.user_id)?;
            let path = owner_path(c, &user.scope, &owner)?;
            audit::record(
                c,
                &user.actor(),
                qldv_api_types::audit::AuditAction::Revoke,
                Subject {
                    entity: qldv_api_types::audit::AuditEntity::ApiToken,
                    id: id.into(),
                    scope_path: path.as_deref(),
                },
                Some(&before),
                Some(&after),
            )?;
        }
        Ok(after)
    })
    .await?;
    Ok(web::Json(row.to_dto()))
}
