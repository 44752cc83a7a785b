//! `/alerts`: what the boards of the caller's scope should act on.

use qldv_api_types::movements::Alert;

use super::client::all;
use super::query::Query;
use super::ApiResult;

/// `GET /alerts`, every page.
pub async fn list() -> ApiResult<Vec<Alert>> {
    all("/alerts", &Query::new()).await
}
