//! `GET /members`.

use actix_web::{get, web};
use qldv_api_types::members::{Member, MemberStatus};
use qldv_api_types::MemberId;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::domain::privacy::{Field, Privacy, Shown};
use crate::domain::vn_text;
use crate::error::AppError;
use crate::models::member::MemberRow;
use crate::models::member_query::MemberFilter;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page, PageParams};
use crate::routes::problems;
use crate::state::AppState;

/// Filters of the member list.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// An organisation: the list covers its whole subtree.
    pub organization_id: Option<OrgId>,
    /// Words of the name (with or without diacritics; each must start a word of the name), an
    /// exact 12-digit CCCD, or an exact 8-digit card number.
    #[param(example = "nguyen van an")]
    pub q: Option<String>,
    /// Only members with this status.
    pub status: Option<MemberStatus>,
    /// Order: `name` (the default): given name, then middle and family names, Vietnamese letters.
    #[param(example = "name")]
    pub sort: Option<String>,
}

/// (A CCCD is searched only by those who see CCCDs: to the others it is not a key.)
pub(super) fn filter_from(query: &MemberQuery, privacy: Privacy) -> Result<MemberFilter, AppError> {
    if query.sort.as_deref().is_some_and(|s| s != "name") {
        return Err(crate::messages::requests::sort_by_name_only());
    }
    let mut filter = MemberFilter {
        status: query.status,
        ..MemberFilter::default()
    };
    if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let digits = q.chars().all(|c| c.is_ascii_digit());
        match (digits, q.len()) {
            (true, 12) if privacy.shows(Field::NationalId) == Shown::Full => {
                filter.national_id = Some(q.to_string())
            }
            (true, 9) if privacy.shows(Field::NationalId) == Shown::Full => {
                filter.legacy_id_no = Some(q.to_string())
            }
            (true, 8) => filter.card_number = Some(q.to_string()),
            _ => filter.name_words = vn_text::query_words(q),
        }
    }
    Ok(filter)
}

/// Members inside the caller's scope, in Vietnamese name order, with search.
#[utoipa::path(
    tag = "members",
    params(MemberQuery, PageParams),
    responses(
        (status = 200, description = "One page of members", body = Page<Member>),
        problems::NotFound,
    ),
)]
#[get("/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<MemberQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Member>>, AppError> {
    let privacy = user.privacy();
    let mut filter = filter_from(&query, privacy)?;
    let limit = params.limit();
    let after = params.after::<(String, MemberId)>()?;
    let org = query.organization_id;
    let rows = crate::db::run(&state.pool, move |c| {
        if let Some(o) = org {
            filter.subtree_path = Some(OrganizationRow::find(c, &user.scope, o)?.path);
        }
        MemberRow::list(c, &user.scope, &filter, after, limit + 1)
    })
    .await?;
    let today = state.today();
    Ok(web::Json(page(
        rows,
        limit,
        |r| (r.name_sort_key.clone(), r.id),
        |r| r.to_dto(today, privacy),
    )))
}
