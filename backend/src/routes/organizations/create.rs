//! `POST /organizations`.

use actix_web::{post, web, HttpResponse};
use qldv_api_types::organizations::{CreateOrganization, Organization};

use crate::domain::tree::check_child_kind;
use crate::error::AppError;
use crate::models::audit::{self, Subject};
use crate::models::organization::{KindRow, NewOrganization, OrganizationRow};
use crate::routes::extract::{Valid, Writer};
use crate::routes::problems;
use crate::routes::versioned;
use crate::state::AppState;

/// Creates an organisation under a parent inside the caller's scope.
///
/// Depth is variable; a kind may not sit under a kind conventionally below or level with it,
/// and cells have no children. Only national administrators create roots (no `parent_id`).
#[utoipa::path(
    tag = "organizations",
    request_body = CreateOrganization,
    responses(
        (status = 201, description = "Created", body = Organization),
        problems::RootNeedsNationalAdmin,
        problems::NotFound,
        problems::CodeTaken,
    ),
)]
#[post("/organizations")]
pub async fn create_organization(
    state: web::Data<AppState>,
    user: Writer,
    Valid(web::Json(body)): Valid<web::Json<CreateOrganization>>,
) -> Result<HttpResponse, AppError> {
    if body.parent_id.is_none() {
        user.require_national_admin()?;
    }
    let row = crate::db::transaction(&state.pool, move |c| {
        let kind = KindRow::get(c, &body.kind)?;
        let parent = match body.parent_id {
            Some(p) => Some(OrganizationRow::find(c, &user.scope, p)?),
            None => None,
        };
        if let Some(p) = &parent {
            if p.valid_to.is_some() {
                return Err(crate::messages::organizations::parent_closed(&p.name));
            }
            check_child_kind(&KindRow::get(c, &p.kind)?.facts(), &kind.facts())?;
        }
        let row = OrganizationRow::insert(
            c,
            &NewOrganization {
                parent: parent.as_ref(),
                kind: &body.kind,
                name: body.name.trim(),
                code: body.code.as_deref(),
                valid_from: body.valid_from,
            },
        )?;
        audit::record::<(), _>(
            c,
            &user.actor(),
            qldv_api_types::audit::AuditAction::Create,
            Subject {
                entity: qldv_api_types::audit::AuditEntity::Organization,
                id: row.id.into(),
                scope_path: Some(&row.path),
            },
            None,
            Some(&row),
        )?;
        Ok(row)
    })
    .await?;
    Ok(versioned(
        crate::routes::common::created(format_args!("/organizations/{}", row.id)),
        row.version,
        row.to_dto(),
    ))
}
