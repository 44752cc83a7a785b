//! `GET /changes`: the change feed other agencies' systems poll.

use actix_web::{get, web};
use qldv_api_types::changes::ChangePage;
use qldv_api_types::OrgId;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::AppError;
use crate::models::change::ChangeRow;
use crate::models::organization::OrganizationRow;
use crate::pagination::clamp_limit;
use crate::routes::extract::FeedReader;
use crate::routes::problems;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_changes);
}

/// Where to read the feed from.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The `next_cursor` (or an item's `cursor`) seen last; omit to read from the beginning.
    pub after: Option<String>,
    /// Changes per page (default 50, at most 500).
    #[param(minimum = 1, maximum = 500, example = 100)]
    #[serde(default, deserialize_with = "crate::pagination::page_size")]
    pub limit: Option<i64>,
    /// Only changes inside this organisation's subtree (inside the caller's scope).
    pub organization_id: Option<OrgId>,
}

/// Parses a feed cursor: a non-negative number this server handed out.
fn cursor(after: Option<&str>) -> Result<i64, AppError> {
    match after.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(0),
        Some(s) => s
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .ok_or_else(crate::messages::requests::after_invalid),
    }
}

/// Every change to organisations, members, transfers, evaluations, cards, badges, badge
/// proposals, candidates for admission (their files and steps) and the cell's year (meetings
/// with their sheets, duties, residence liaisons with their comments, dues bases, reliefs,
/// arrangements and payments) inside the caller's scope, in commit order, each with the record
/// as the API returned it after the change (a dues basis's income base absent for
/// integrations). Poll with the last `next_cursor`: nothing is missed and nothing
/// is seen twice, however transactions overlap. Integration accounts and administrators.
#[utoipa::path(
    tag = "changes",
    params(ChangesQuery),
    responses(
        (status = 200, description = "Changes after the cursor, oldest first", body = ChangePage),
        problems::BadCursor,
        problems::NotFeedReader,
    ),
)]
#[get("/changes")]
pub async fn list_changes(
    state: web::Data<AppState>,
    user: FeedReader,
    query: web::Query<ChangesQuery>,
) -> Result<web::Json<ChangePage>, AppError> {
    let after = cursor(query.after.as_deref())?;
    let limit = clamp_limit(query.limit);
    let org = query.organization_id;
    let privacy = user.privacy();
    let mut rows = crate::db::run(&state.pool, move |c| {
        let subtree = match org {
            Some(id) => Some(OrganizationRow::find(c, &user.scope, id)?.path),
            None => None,
        };
        ChangeRow::after(c, &user.scope, subtree.as_deref(), after, limit + 1)
    })
    .await?;
    let has_more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = rows.last().map_or(after, |r| r.seq).to_string();
    Ok(web::Json(ChangePage {
        items: rows.iter().map(|r| r.to_dto(privacy)).collect(),
        next_cursor,
        has_more,
    }))
}
