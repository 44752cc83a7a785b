//! `POST /users`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::users::{CreateUser, User};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::{etag, valid};
use crate::services;
use crate::state::AppState;

/// Creates a user account.
///
/// A national administrator creates any account, national administrators (no organisation)
/// included. An administrator attached to an organisation creates accounts of any role inside its
/// subtree only (403 for an account with no organisation). An organizer creates accounts inside
/// its own subtree with a role no higher than its own (`organizer`, `viewer`, `integration`).
#[utoipa::path(
    tag = "users",
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = User),
        (status = 403, description = "Role not grantable by the caller, or a national account asked by a scoped administrator", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Organisation not found or outside the caller's scope", body = qldv_api_types::Problem, content_type = "application/problem+json"),
        (status = 409, description = "User name taken", body = qldv_api_types::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    user: AuthUser,
    body: web::Json<CreateUser>,
) -> Result<HttpResponse, AppError> {
    user.require_writer()?;
    let body = valid(body.into_inner())?;
    let row = crate::db::transaction(&state.pool, move |c| {
        services::users::create(c, &user, &body)
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(row.version))
        .json(row.to_dto()))
}
