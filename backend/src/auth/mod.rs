//! Authentication (passwords, JWT, refresh and API tokens) and authorisation (roles and scopes).

pub mod jwt;
pub mod password;
mod scope;
pub mod tokens;
mod user;

pub use qldv_api_types::auth::Role;
pub use scope::Scope;
pub use user::{Actor, AuthUser};
