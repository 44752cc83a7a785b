//! `PATCH /users/{id}`.

use actix_web::{patch, web, HttpRequest, HttpResponse};
use qldv_api_types::users::{UpdateUser, User};
use qldv_api_types::UserId;

use crate::error::AppError;
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
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
        ("id" = UserId, Path, description = "User id"),
        IfMatch,
    ),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Changed", body = User),
        problems::AccountNotManaged,
        problems::NotFound,
        problems::AccountInvalid,
        problems::Stale,
        problems::PasswordThrottled,
    ),
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    user: Writer,
    req: HttpRequest,
    IfMatch(expected): IfMatch,
    id: web::Path<UserId>,
    Valid(web::Json(body)): Valid<web::Json<UpdateUser>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    if id == user.id && body.password.is_some() {
        let current = body.current_password.clone();
        crate::routes::auth::confirm::current_password(&state, &req, &user, current).await?;
    }
    let row = crate::db::transaction(&state.pool, move |c| {
        services::users::update(c, &user, id, expected, &body)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}
