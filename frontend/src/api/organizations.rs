//! `/organizations`: the party tree of the caller's scope.

use qldv_api_types::organizations::{Organization, OrganizationKind};
use qldv_api_types::OrgId;

use super::client::{all, Call};
use super::query::Query;
use super::ApiResult;

/// `GET /organizations?parent_id=`: the children of `parent`, or the top organisations of the
/// caller's scope.
pub async fn children(parent: Option<OrgId>) -> ApiResult<Vec<Organization>> {
    all("/organizations", &Query::new().opt("parent_id", parent)).await
}

/// `GET /organizations/{id}`.
pub async fn get(id: OrgId) -> ApiResult<Organization> {
    Call::get(&format!("/organizations/{id}")).fetch().await
}

/// `GET /organizations/{id}/subtree`: the organisation and everything under it.
pub async fn subtree(id: OrgId) -> ApiResult<Vec<Organization>> {
    all(&format!("/organizations/{id}/subtree"), &Query::new()).await
}

/// `GET /organization-kinds`: the kinds with their names in both languages.
pub async fn kinds() -> ApiResult<Vec<OrganizationKind>> {
    all("/organization-kinds", &Query::new()).await
}

/// Every organisation of the caller's scope in tree order: the subtree of `root` (the account's
/// organisation), or of each top organisation for a national account.
pub async fn scope(root: Option<OrgId>) -> ApiResult<Vec<Organization>> {
    let roots = match root {
        Some(r) => vec![r],
        None => children(None).await?.into_iter().map(|o| o.id).collect(),
    };
    let mut orgs = Vec::new();
    for r in roots {
        orgs.extend(subtree(r).await?);
    }
    orgs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(orgs)
}
