//! Sign-in and tokens.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{OrgId, UserId};

/// Credentials for `POST /auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    /// The user name.
    #[validate(length(min = 1, max = 100, message = "Nhập tên đăng nhập"))]
    #[cfg_attr(feature = "openapi", schema(example = "admin"))]
    pub username: String,
    /// The password.
    #[validate(length(min = 1, max = 1024, message = "Nhập mật khẩu"))]
    #[cfg_attr(feature = "openapi", schema(example = "correct horse battery staple"))]
    pub password: String,
}

/// A refresh token to exchange for a new token pair.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    /// The refresh token from the last login or refresh; it stops working once used.
    #[validate(length(min = 1, max = 512))]
    pub refresh_token: String,
}

/// A new access token and refresh token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    /// Short-lived JWT for the `Authorization: Bearer` header.
    pub access_token: String,
    /// Single-use token for `POST /auth/refresh`.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: i64,
}

crate::vocabulary::vocabulary! {
    /// Roles of user accounts.
    pub enum Role {
        /// Everything, everywhere.
        Admin = "admin",
        /// Reads and writes inside its organisation subtree.
        Organizer = "organizer",
        /// Reads inside its organisation subtree.
        Viewer = "viewer",
        /// Another system: reads inside its subtree and the change feed.
        Integration = "integration",
    }
}

/// The signed-in account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// User id.
    pub id: UserId,
    /// User name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Root of the account's scope; `null` for a national administrator.
    pub organization_id: Option<OrgId>,
}
