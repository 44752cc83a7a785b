//! `GET /badges/eligible`.

use actix_web::{get, web};
use chrono::NaiveDate;
use qldv_api_types::badges::EligibleMember;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page_of_list, PageParams};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Parameters of the eligibility list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EligibleQuery {
    /// The organisation whose subtree is examined (default: the caller's whole scope).
    pub organization_id: Option<OrgId>,
    /// The award occasion (3 Feb, 19 May, 2 Sep, 7 Nov, or a special one).
    pub occasion_on: NaiveDate,
}

/// Everyone in a subtree eligible for a party badge on an occasion (rules 18–20), in Vietnamese
/// name order: the highest milestone reached above any held, early for a recorded serious illness,
/// posthumous for the deceased; members under a discipline's waiting time are left out.
#[utoipa::path(
    operation_id = "list_eligible_badges",
    tag = "badges",
    params(EligibleQuery, PageParams),
    responses(
        (status = 200, description = "One page of the eligible members", body = Page<EligibleMember>),
        problems::NotFound,
    ),
)]
#[get("/badges/eligible")]
pub async fn eligible_badges(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<EligibleQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<EligibleMember>>, AppError> {
    let query = query.into_inner();
    let list = crate::db::run(&state.pool, move |c| {
        let path = match query.organization_id {
            Some(o) => Some(OrganizationRow::find(c, &user.scope, o)?.path),
            None => None,
        };
        services::badges::eligible(c, &user.scope, path.as_deref(), query.occasion_on)
    })
    .await?;
    let page = page_of_list(list, &params, |(name, e)| (name.clone(), e.member_id.0))?;
    Ok(web::Json(Page {
        items: page.items.into_iter().map(|(_, e)| e).collect(),
        next_cursor: page.next_cursor,
    }))
}
