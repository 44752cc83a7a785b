//! `/users`: the accounts of the caller's scope.

use qldv_api_types::users::{CreateUser, UpdateUser, User};
use qldv_api_types::UserId;

use super::client::{all, Call, Method};
use super::query::Query;
use super::ApiResult;

/// `GET /users`, every page.
pub async fn list() -> ApiResult<Vec<User>> {
    all("/users", &Query::new()).await
}

/// `POST /users`.
pub async fn create(body: &CreateUser) -> ApiResult<User> {
    Call::json(Method::Post, "/users", body)?.fetch().await
}

/// `PATCH /users/{id}` with `If-Match: version`.
pub async fn update(id: UserId, body: &UpdateUser, version: i64) -> ApiResult<User> {
    Call::json(Method::Patch, &format!("/users/{id}"), body)?
        .if_match(version)
        .fetch()
        .await
}
