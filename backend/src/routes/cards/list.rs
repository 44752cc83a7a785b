//! `GET /cards`, `GET /cards/due`, `GET /cards/{id}`.

use actix_web::{get, web, HttpResponse};
use qldv_api_types::cards::{Card, CardDue, CardStatus};
use qldv_api_types::MemberId;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::card::{self, CardFilter, CardRow};
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::problems;
use crate::routes::versioned;
use crate::state::AppState;
use qldv_api_types::CardId;

/// Filters of the card list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CardQuery {
    /// Cards of members in this organisation's subtree.
    pub organization_id: Option<OrgId>,
    /// Only in this state.
    pub status: Option<CardStatus>,
    /// Exact card number (finds replaced and revoked numbers too).
    pub number: Option<String>,
}

/// Cards of members inside the caller's scope, newest first.
#[utoipa::path(
    tag = "cards",
    params(CardQuery, PageParams),
    responses(
        (status = 200, description = "One page of cards", body = Page<Card>),
        problems::NotFound,
    ),
)]
#[get("/cards")]
pub async fn list_cards(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<CardQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Card>>, AppError> {
    let limit = params.limit();
    let before = params.after::<i64>()?;
    let query = query.into_inner();
    let mut filter = CardFilter {
        status: query.status,
        number: query.number.map(|n| n.trim().to_string()),
        ..Default::default()
    };
    let rows = crate::db::run(&state.pool, move |c| {
        if let Some(o) = query.organization_id {
            filter.subtree_path = Some(OrganizationRow::find(c, &user.scope, o)?.path);
        }
        CardRow::list(c, &user.scope, &filter, before, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(c, _)| c.id,
        |(c, name)| c.to_dto(name),
    )))
}

/// Filters of the list of members due a card.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueQuery {
    /// Members of this organisation's subtree (default: the caller's whole scope).
    pub organization_id: Option<OrgId>,
}

/// Official members with no active card, in Vietnamese name order: the work list for issuing.
#[utoipa::path(
    operation_id = "list_cards_due",
    tag = "cards",
    params(DueQuery, PageParams),
    responses(
        (status = 200, description = "One page of members due a card", body = Page<CardDue>),
        problems::NotFound,
    ),
)]
#[get("/cards/due")]
pub async fn cards_due(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<DueQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<CardDue>>, AppError> {
    let limit = params.limit();
    let after = params.after::<(String, MemberId)>()?;
    let org = query.organization_id;
    let rows = crate::db::run(&state.pool, move |c| {
        let path = match org {
            Some(o) => Some(OrganizationRow::find(c, &user.scope, o)?.path),
            None => None,
        };
        card::due(c, &user.scope, path.as_deref(), after, limit + 1)
    })
    .await?;
    Ok(web::Json(page(
        rows,
        limit,
        |(d, key)| (key.clone(), d.member_id.0),
        |(d, _)| d.clone(),
    )))
}

/// One card whose member is inside the caller's scope.
#[utoipa::path(
    tag = "cards",
    params(("id" = CardId, Path, description = "Card id")),
    responses(
        (status = 200, description = "The card", body = Card, headers(("ETag" = String, description = "Current version"))),
        problems::NotFound,
    ),
)]
#[get("/cards/{id}")]
pub async fn get_card(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<CardId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (row, name, _) =
        crate::db::run(&state.pool, move |c| CardRow::find(c, &user.scope, id)).await?;
    Ok(versioned(
        HttpResponse::Ok(),
        row.version,
        row.to_dto(&name),
    ))
}
