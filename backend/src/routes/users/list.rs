//! `GET /users`.

use actix_web::{get, web};
use qldv_api_types::users::User;
use qldv_api_types::Page;
use qldv_api_types::UserId;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::user::UserRow;
use crate::pagination::{page, PageParams};
use crate::state::AppState;

/// User accounts inside the caller's scope, by id.
#[utoipa::path(
    tag = "users",
    params(PageParams),
    responses((status = 200, description = "One page of accounts", body = Page<User>)),
)]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    user: AuthUser,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<User>>, AppError> {
    let limit = params.limit();
    let after = params.after::<UserId>()?;
    let rows = crate::db::run(&state.pool, move |c| {
        UserRow::list(c, &user.scope, after, limit + 1)
    })
    .await?;
    Ok(web::Json(page(rows, limit, |r| r.id, UserRow::to_dto)))
}
