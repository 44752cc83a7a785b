//! `POST /users`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::users::{CreateUser, User};

use crate::error::AppError;
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
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
        problems::RoleNotGrantable,
        problems::NotFound,
        problems::UsernameTaken,
    ),
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<CreateUser>>,
) -> Result<HttpResponse, AppError> {
    let row = crate::db::transaction(&state.pool, move |c| {
        services::users::create(c, &user, &body)
    })
    .await?;
    Ok(versioned(
        crate::routes::common::created(format_args!("/users/{}", row.id)),
        row.version,
        row.to_dto(),
    ))
}
