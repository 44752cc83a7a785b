//! Small helpers shared by handlers.

use actix_web::http::header;
use actix_web::HttpRequest;
use validator::Validate;

use crate::error::AppError;

/// Runs the DTO's validator rules (422 `validation_failed` with field errors).
pub fn valid<T: Validate>(dto: T) -> Result<T, AppError> {
    dto.validate()?;
    Ok(dto)
}

/// Years a record can be about: from the Party's founding to a far future.
pub const YEARS: std::ops::RangeInclusive<i32> = 1930..=2100;

/// A year from a path or query, or 400 outside [`YEARS`] (no date arithmetic on absurd years).
pub fn year(y: i32) -> Result<i32, AppError> {
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(crate::messages::requests::year_out_of_range(
            y,
            *YEARS.start(),
            *YEARS.end(),
        ))
    }
}

/// An optional year: see [`year`].
pub fn opt_year(y: Option<i32>) -> Result<Option<i32>, AppError> {
    y.map(year).transpose()
}

/// The `ETag` of a version.
pub fn etag(version: i64) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{version}\""))
}

/// A response carrying a versioned record: its `ETag`, then its JSON.
pub fn versioned(
    mut response: actix_web::HttpResponseBuilder,
    version: i64,
    body: impl serde::Serialize,
) -> actix_web::HttpResponse {
    response.insert_header(etag(version)).json(body)
}

/// Where the API is mounted: a `Location` is an absolute path under it.
pub const API_ROOT: &str = "/api/v1";

/// A response (`201 Created`, `202 Accepted`) with `Location`: the URL of what it created, `path`
/// under [`API_ROOT`] (e.g. `/members/7`). A record without a URL of its own (a discipline, an
/// API token…) is located at the list that holds it.
pub fn located(
    mut response: actix_web::HttpResponseBuilder,
    path: impl std::fmt::Display,
) -> actix_web::HttpResponseBuilder {
    response.insert_header((header::LOCATION, format!("{API_ROOT}{path}")));
    response
}

/// A `201 Created` with its `Location`: see [`located`].
pub fn created(path: impl std::fmt::Display) -> actix_web::HttpResponseBuilder {
    located(actix_web::HttpResponse::Created(), path)
}

/// The version in `If-Match`, if the header is present (`*` means any version).
pub fn if_match(req: &HttpRequest) -> Result<Option<i64>, AppError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let value = value
        .to_str()
        .map_err(|_| crate::messages::requests::if_match_unreadable())?
        .trim();
    if value == "*" {
        return Ok(None);
    }
    value
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map(Some)
        .map_err(|_| crate::messages::requests::if_match_not_etag())
}

/// The caller's address, for throttling sign-in attempts: the connection's peer, or what
/// `X-Forwarded-For` says when the peer is one of the `trusted` proxies.
pub fn client_ip(req: &HttpRequest, trusted: &[crate::domain::client_address::IpNet]) -> String {
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    crate::domain::client_address::client_address(
        req.peer_addr().map(|a| a.ip()),
        &forwarded,
        trusted,
    )
    .map(|ip| ip.to_string())
    .unwrap_or_else(|| "unknown".into())
}
