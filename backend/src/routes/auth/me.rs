//! `GET /auth/me`.

use actix_web::{get, web};
use qldv_api_types::auth::Me;

use crate::auth::AuthUser;

/// The signed-in account: id, user name, role and the root of its scope.
#[utoipa::path(
    operation_id = "get_me",
    tag = "auth",
    responses((status = 200, description = "The current user", body = Me)),
)]
#[get("/auth/me")]
pub async fn me(user: AuthUser) -> web::Json<Me> {
    web::Json(Me {
        id: user.id,
        username: user.username,
        role: user.role,
        organization_id: user.scope.root_id(),
    })
}
