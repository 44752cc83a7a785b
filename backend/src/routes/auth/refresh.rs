//! `POST /auth/refresh`.

use actix_web::{post, web};
use qldv_api_types::auth::{RefreshRequest, TokenPair};

use crate::error::AppError;
use crate::models::refresh_token::{self, Rotation};
use crate::models::user::UserRow;
use crate::routes::extract::Valid;
use crate::routes::problems;
use crate::state::AppState;

/// Exchanges a refresh token for a new token pair.
///
/// The presented refresh token stops working. Presenting an already-used token again revokes every
/// token issued from the same sign-in (someone holds a copy), and the user must sign in again.
/// However often it is refreshed, a sign-in ends 30 days after it began (`QLDV_REFRESH_FAMILY_DAYS`).
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens", body = TokenPair),
        problems::BadRefreshToken,
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    Valid(web::Json(body)): Valid<web::Json<RefreshRequest>>,
) -> Result<web::Json<TokenPair>, AppError> {
    let lifetimes = state.refresh_lifetimes();
    let outcome = crate::db::plain_transaction(&state.pool, move |conn| {
        let outcome = refresh_token::rotate(conn, &body.refresh_token, lifetimes)?;
        if let Rotation::Rotated { user_id, .. } = &outcome {
            if UserRow::principal(conn, *user_id)?.is_none() {
                refresh_token::revoke_user(conn, *user_id)?;
                return Ok(Rotation::Invalid);
            }
        }
        Ok(outcome)
    })
    .await?;
    match outcome {
        Rotation::Rotated { user_id, secret } => Ok(web::Json(TokenPair {
            access_token: state.jwt.issue(user_id).map_err(AppError::internal)?,
            refresh_token: secret,
            token_type: "Bearer".into(),
            expires_in: state.jwt.ttl_seconds,
        })),
        Rotation::Reused => Err(crate::messages::accounts::refresh_token_reused()),
        Rotation::Invalid => Err(crate::messages::accounts::invalid_refresh_token()),
    }
}
