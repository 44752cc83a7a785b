//! `GET /alerts`.

use actix_web::{get, web};
use qldv_api_types::movements::Alert;
use qldv_api_types::{OrgId, Page};
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::models::organization::OrganizationRow;
use crate::pagination::{page_of_list, PageParams};
use crate::routes::problems;
use crate::services;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(list_alerts);
}

/// The subtree to look at.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlertQuery {
    /// An organisation (its whole subtree); the caller's scope root when absent.
    pub organization_id: Option<OrgId>,
}

/// What the board should act on, by date: probation ended without a decision (rule 3), transfer
/// not received in time (rule 6), away more than 12 months without an official transfer and
/// temporary transfers expired (rule 8), disciplines lapsing within 30 days (rule 11), recognition
/// refused and the name removal not yet recorded (rule 4).
#[utoipa::path(
    tag = "members",
    params(AlertQuery, PageParams),
    responses(
        (status = 200, description = "One page of alerts, by date", body = Page<Alert>),
        problems::NotFound,
    ),
)]
#[get("/alerts")]
pub async fn list_alerts(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<AlertQuery>,
    params: web::Query<PageParams>,
) -> Result<web::Json<Page<Alert>>, AppError> {
    let today = state.today();
    let org = query.organization_id.or(user.scope.root_id());
    let alerts = crate::db::run(&state.pool, move |c| {
        let path = match org {
            Some(o) => OrganizationRow::find(c, &user.scope, o)?.path,
            // A national caller without an organisation: the whole tree.
            None => "/".to_string(),
        };
        services::alerts::for_subtree(c, &path, today)
    })
    .await?;
    // By date, then member; a member's alerts of one day by rule and message.
    let page = page_of_list(alerts, &params, |a| {
        (
            a.date,
            a.member_id.map_or(0, |m| m.0),
            a.rule,
            a.message.clone(),
        )
    })?;
    Ok(web::Json(page))
}
