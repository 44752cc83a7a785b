//! `PATCH /users/{id}`.

use actix_web::{patch, web, HttpRequest, HttpResponse};
use qldv_api_types::users::{UpdateUser, User};
use qldv_api_types::UserId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, if_match, valid};
use crate::services;
use crate::state::AppState;

/// Changes a user account (password, role, scope, name, active).
///
/// Deactivating an account or changing its password ends its sessions. Changing one's own
/// password needs the current one (`current_password`). Send `If-Match` with the
/// `ETag` from `GET` to avoid overwriting someone else's change (412 if it changed meanwhile).
#[utoipa::path(
    tag = "users",
    params(
        ("id" = i64, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, description = "ETag from GET"),
    ),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Changed", body = User),
        (status = 403, description = "The role may not manage this account or grant this role", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a field breaks its format, or changing one's own password without the right `current_password` (`required`, `incorrect`)", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed by someone else meanwhile", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong passwords for this account", body = qldv_api_types::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = i64, description = "Seconds until another attempt may be made"))),
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
    id: web::Path<i64>,
    body: web::Json<UpdateUser>,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let expected = if_match(&req)?;
    let body = valid(body.into_inner())?;
    let id = UserId(id.into_inner());
    if id.0 == user.id && body.password.is_some() {
        let current = body.current_password.clone();
        crate::routes::auth::confirm::current_password(&state, &req, &user, current).await?;
    }
    let row = crate::db::transaction(&state.pool, move |c| {
        services::users::update(c, &user, id, expected, &body)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(row.to_dto()))
}
