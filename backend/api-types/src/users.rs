//! User accounts and API tokens.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::auth::Role;
use crate::ids::{OrgId, UserId};

/// A new user account.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateUser {
    /// Unique user name: letters, digits, `.`, `_`, `-`.
    #[validate(length(min = 3, max = 64, message = "Tên đăng nhập dài 3–64 ký tự"))]
    #[cfg_attr(feature = "openapi", schema(example = "bt.phuonghoa"))]
    pub username: String,
    /// Initial password, at least 10 characters.
    #[validate(length(min = 10, max = 256, message = "Mật khẩu dài ít nhất 10 ký tự"))]
    pub password: String,
    /// Role of the account.
    pub role: Role,
    /// Root of the account's scope (required except for `admin`).
    pub organization_id: Option<OrgId>,
    /// The person's full name.
    #[validate(length(max = 200))]
    pub full_name: Option<String>,
}

/// Changes to a user account; absent fields stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdateUser {
    /// New password.
    #[validate(length(min = 10, max = 256, message = "Mật khẩu dài ít nhất 10 ký tự"))]
    pub password: Option<String>,
    /// The current password: required to change one's own `password`.
    #[validate(length(max = 256))]
    pub current_password: Option<String>,
    /// New role.
    pub role: Option<Role>,
    /// New scope root.
    pub organization_id: Option<OrgId>,
    /// New full name.
    #[validate(length(max = 200))]
    pub full_name: Option<String>,
    /// `false` disables sign-in and every token of the account.
    pub active: Option<bool>,
}

/// A user account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// User id.
    pub id: UserId,
    /// User name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Root of the scope; `null` for a national administrator.
    pub organization_id: Option<OrgId>,
    /// Full name.
    pub full_name: Option<String>,
    /// Whether the account may sign in.
    pub active: bool,
    /// Optimistic-concurrency version (also the `ETag`).
    pub version: i64,
    /// When the account was created (UTC).
    pub created_at: DateTime<Utc>,
}

/// A request for a long-lived API token for an `integration` account.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateApiToken {
    /// The integration account the token acts as.
    pub user_id: UserId,
    /// What the token is for (e.g. the consuming system's name).
    #[validate(length(min = 1, max = 200, message = "Nhập tên gợi nhớ của khóa"))]
    #[cfg_attr(feature = "openapi", schema(example = "Cổng dịch vụ công tỉnh"))]
    pub name: String,
    /// Last day the token works; none = until revoked.
    pub expires_on: Option<NaiveDate>,
}

/// An API token's metadata (the secret is never shown again after creation).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    /// Token id.
    pub id: crate::ApiTokenId,
    /// The integration account.
    pub user_id: UserId,
    /// Name given at creation.
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub token_prefix: String,
    /// Creation time (UTC).
    pub created_at: DateTime<Utc>,
    /// Expiry (UTC), if any.
    pub expires_at: Option<DateTime<Utc>>,
    /// Last use (UTC), if any.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revocation time (UTC), if revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A newly created API token: the only time its secret is shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedApiToken {
    /// The token's metadata.
    #[serde(flatten)]
    pub token: ApiToken,
    /// The secret, for `Authorization: Bearer`. Store it now: it cannot be shown again.
    pub secret: String,
}
