//! Signing in, roles and accounts, integration keys.

use super::{text, Text};
use crate::error::AppError;

/// 401 `not_authenticated`: no credentials.
pub fn not_authenticated() -> AppError {
    AppError::Unauthenticated("not_authenticated", text!("Cần đăng nhập", "Sign in first"))
}

/// 401 `invalid_token`: a bearer token that is not valid or has expired.
pub fn invalid_token() -> AppError {
    AppError::Unauthenticated(
        "invalid_token",
        text!(
            "Phiên đăng nhập không hợp lệ hoặc đã hết hạn; đăng nhập lại",
            "The session is not valid or has expired; sign in again"
        ),
    )
}

/// 401 `invalid_credentials`.
pub fn invalid_credentials() -> AppError {
    AppError::Unauthenticated(
        "invalid_credentials",
        text!(
            "Tên đăng nhập hoặc mật khẩu không đúng",
            "Wrong user name or password"
        ),
    )
}

/// 401 `refresh_token_reused`: a refresh token used twice; the sign-in's sessions are revoked.
pub fn refresh_token_reused() -> AppError {
    AppError::Unauthenticated(
        "refresh_token_reused",
        text!(
            "Mã làm mới đã được dùng; mọi phiên của lần đăng nhập này bị thu hồi, hãy đăng nhập lại",
            "The refresh token was used already; every session of this sign-in is revoked, sign in again"
        ),
    )
}

/// 401 `invalid_refresh_token`.
pub fn invalid_refresh_token() -> AppError {
    AppError::Unauthenticated(
        "invalid_refresh_token",
        text!(
            "Mã làm mới không hợp lệ hoặc đã hết hạn; đăng nhập lại",
            "The refresh token is not valid or has expired; sign in again"
        ),
    )
}

/// 403: a role that only reads.
pub fn read_only_role() -> AppError {
    AppError::Forbidden(text!(
        "Vai trò của tài khoản chỉ được xem, không được sửa dữ liệu",
        "The account's role may read but not change data"
    ))
}

/// 403: the change feed is read by integration accounts and administrators.
pub fn feed_readers_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ tài khoản tích hợp và quản trị viên được đọc dòng thay đổi",
        "Only integration accounts and administrators read the change feed"
    ))
}

/// 403: national administrators only.
pub fn national_admins_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ quản trị viên cấp trung ương được thực hiện thao tác này",
        "Only a national administrator may do this"
    ))
}

/// 403: administrators only.
pub fn admins_only() -> AppError {
    AppError::Forbidden(text!(
        "Chỉ quản trị viên được thực hiện thao tác này",
        "Only an administrator may do this"
    ))
}

/// 422 on `user`, `unknown_user` (the command line's account).
pub fn unknown_user(username: &str) -> AppError {
    AppError::field(
        "user",
        "unknown_user",
        text!("Không có tài khoản {username}", "No account {username}"),
    )
}

/// 422 on `user`, `inactive_user` (the command line's account).
pub fn inactive_user(username: &str) -> AppError {
    AppError::field(
        "user",
        "inactive_user",
        text!(
            "Tài khoản {username} đã bị khóa",
            "The account {username} is disabled"
        ),
    )
}

/// 422 on `current_password`, `required`: changing one's own password.
pub fn current_password_required() -> AppError {
    AppError::field(
        "current_password",
        "required",
        text!(
            "Nhập mật khẩu hiện tại để đổi mật khẩu của chính mình",
            "Give the current password to change your own password"
        ),
    )
}

/// 422 on `current_password`, `incorrect`.
pub fn current_password_wrong() -> AppError {
    AppError::field(
        "current_password",
        "incorrect",
        text!(
            "Mật khẩu hiện tại không đúng",
            "The current password is wrong"
        ),
    )
}

/// 422 on `user_id`, `not_integration`: only integration accounts hold API keys.
pub fn not_integration() -> AppError {
    AppError::field(
        "user_id",
        "not_integration",
        text!(
            "Chỉ tài khoản vai trò 'integration' mới có khóa API",
            "Only accounts of the 'integration' role hold API keys"
        ),
    )
}

/// The answer to a replayed key creation: the secret is shown once only.
pub fn api_key_shown_once(id: impl std::fmt::Display) -> Text {
    text!(
        "Khóa API (id {id}) đã được tạo bởi yêu cầu đầu tiên với Idempotency-Key này; mã bí mật \
         chỉ hiển thị một lần. Nếu chưa lưu được mã, hãy thu hồi khóa đó và tạo khóa mới.",
        "The API key (id {id}) was created by the first request with this Idempotency-Key; its \
         secret is shown once only. If it was not saved, revoke that key and create a new one."
    )
}

/// 422 on `organization_id`, `required`: an account other than an administrator's belongs to
/// an organisation.
pub fn organization_required() -> AppError {
    AppError::field(
        "organization_id",
        "required",
        text!(
            "Tài khoản không phải quản trị viên phải thuộc một tổ chức",
            "An account other than an administrator's belongs to an organisation"
        ),
    )
}

/// 409 `username_taken`.
pub fn username_taken(username: &str) -> AppError {
    AppError::Conflict(
        "username_taken",
        text!(
            "Tên đăng nhập '{username}' đã có",
            "The user name '{username}' is taken"
        ),
    )
}

/// 422 `cannot_change_self`: nobody disables or demotes their own account.
pub fn cannot_change_self() -> AppError {
    AppError::Rule(
        "cannot_change_self",
        text!(
            "Không được tự khóa hoặc tự đổi vai trò của mình",
            "You may not disable your own account or change your own role"
        ),
    )
}
