//! The typed API client: one module per resource, one function per endpoint, over the DTOs of
//! `qldv-api-types`. Paths and query strings are built here and nowhere else; [`client`] sends
//! them (the token refresh and retry are written once, there).

pub mod alerts;
pub mod auth;
pub mod badges;
pub mod candidates;
pub mod cards;
pub mod client;
pub mod dues;
mod error;
pub mod evaluations;
pub mod imports;
pub mod liaisons;
pub mod meetings;
pub mod members;
pub mod organizations;
pub mod query;
pub mod reports;
pub mod transfers;
pub mod users;

pub use error::ApiError;

/// What every endpoint function answers.
pub type ApiResult<T> = Result<T, ApiError>;
