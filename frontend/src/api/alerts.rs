//! `/alerts`: what the boards of the caller's scope should act on.

use qldv_api_types::movements::Alert;
use qldv_api_types::OrgId;

use super::client::all;
use super::query::Query;
use super::ApiResult;

/// `GET /alerts`, every page.
pub async fn list() -> ApiResult<Vec<Alert>> {
    all("/alerts", &Query::new()).await
}

/// `GET /alerts?organization_id=`, every page: the alerts of an organisation's subtree.
pub async fn of(org: OrgId) -> ApiResult<Vec<Alert>> {
    all("/alerts", &Query::new().set("organization_id", org)).await
}
