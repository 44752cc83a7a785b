//! `GET /users/{id}`.

use actix_web::{get, web, HttpResponse};
use qldv_api_types::users::User;
use qldv_api_types::UserId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::user::UserRow;
use crate::routes::problems;
use crate::routes::versioned;
use crate::state::AppState;

/// One user account inside the caller's scope.
#[utoipa::path(
    tag = "users",
    params(("id" = UserId, Path, description = "User id")),
    responses(
        (status = 200, description = "The account", body = User, headers(("ETag" = String, description = "Current version"))),
        problems::NotFound,
    ),
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::run(&state.pool, move |c| UserRow::find(c, &user.scope, id)).await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}
