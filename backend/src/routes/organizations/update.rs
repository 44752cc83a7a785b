//! `PATCH /organizations/{id}`.

use actix_web::{patch, web, HttpResponse};
use qldv_api_types::organizations::{Organization, UpdateOrganization};
use qldv_api_types::OrgId;

use crate::domain::tree::check_child_kind;
use crate::error::AppError;
use crate::models::audit::{self, Subject};
use crate::models::organization::{KindRow, OrganizationChanges, OrganizationRow};
use crate::routes::extract::{IfMatch, Valid, Writer};
use crate::routes::problems;
use crate::routes::{check_version, versioned};
use crate::state::AppState;

/// Renames an organisation or changes its code or kind.
///
/// Send `If-Match` with the `ETag` from `GET` (412 if someone changed it meanwhile). Moves and
/// merges have their own endpoints, with a decision number and an effective date.
#[utoipa::path(
    tag = "organizations",
    params(
        ("id" = OrgId, Path, description = "Organisation id"),
        IfMatch,
    ),
    request_body = UpdateOrganization,
    responses(
        (status = 200, description = "Changed", body = Organization),
        problems::NotFound,
        problems::CodeTaken,
        problems::Stale,
    ),
)]
#[patch("/organizations/{id}")]
pub async fn update_organization(
    state: web::Data<AppState>,
    user: Writer,
    IfMatch(expected): IfMatch,
    id: web::Path<OrgId>,
    Valid(web::Json(body)): Valid<web::Json<UpdateOrganization>>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = crate::db::transaction(&state.pool, move |c| {
        let before = OrganizationRow::find(c, &user.scope, id)?;
        let version = check_version(expected, before.version)?;
        if let Some(kind) = &body.kind {
            let kind = KindRow::get(c, kind)?;
            if let Some(parent) = before.parent_id {
                let parent = OrganizationRow::find(c, &crate::auth::Scope::system(), parent)?;
                check_child_kind(&KindRow::get(c, &parent.kind)?.facts(), &kind.facts())?;
            }
            if kind.holds_members && OrganizationRow::has_children(c, before.id)? {
                return Err(crate::messages::organizations::has_children());
            }
        }
        let changes = OrganizationChanges {
            name: body.name.as_ref().map(|n| n.trim().to_string()),
            code: body.code.clone().map(Some),
            kind: body.kind.clone(),
        };
        let after = OrganizationRow::update(c, before.id, version, &changes)?;
        audit::record(
            c,
            &user.actor(),
            qldv_api_types::audit::AuditAction::Update,
            Subject {
                entity: qldv_api_types::audit::AuditEntity::Organization,
                id: after.id.into(),
                scope_path: Some(&after.path),
            },
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
    .await?;
    Ok(versioned(HttpResponse::Ok(), row.version, row.to_dto()))
}
