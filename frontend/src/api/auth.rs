//! `/auth`: signing in and out, the signed-in account.

use qldv_api_types::auth::{LoginRequest, Me, RefreshRequest, TokenPair};

use super::client::{Call, Method};
use super::ApiResult;
use crate::session;

/// `POST /auth/login`.
pub async fn login(body: &LoginRequest) -> ApiResult<TokenPair> {
    Call::json(Method::Post, "/auth/login", body)?.fetch().await
}

/// `GET /auth/me`.
pub async fn me() -> ApiResult<Me> {
    Call::get("/auth/me").fetch().await
}

/// Signs in and reads the account: the tokens are stored on the way.
pub async fn sign_in(body: &LoginRequest) -> ApiResult<Me> {
    let pair = login(body).await?;
    session::store(&pair);
    me().await
}

/// Signs out: the session is forgotten here at once (a page closed or reloaded a moment later
/// stays signed out), then `POST /auth/logout` revokes the refresh token's whole sign-in.
pub async fn sign_out() -> ApiResult<()> {
    let refresh_token = session::refresh_token();
    session::expire();
    match refresh_token {
        Some(refresh_token) => {
            Call::json(
                Method::Post,
                "/auth/logout",
                &RefreshRequest { refresh_token },
            )?
            .fetch()
            .await
        }
        None => Ok(()),
    }
}
