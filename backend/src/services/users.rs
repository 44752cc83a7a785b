//! Creating and changing user accounts: role delegation, scope, password hashing, audit.

use qldv_api_types::auth::Role;
use qldv_api_types::users::{CreateUser, UpdateUser};
use qldv_api_types::OrgId;

use crate::auth::{password, Actor, AuthUser};
use crate::db::DbConn;
use crate::domain::access::{may_grant, may_grant_national};
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::organization::OrganizationRow;
use crate::models::refresh_token;
use crate::models::uow::Uow;
use crate::models::user::{NewUser, UserChanges, UserRow};

const ENTITY: qldv_api_types::audit::AuditEntity = qldv_api_types::audit::AuditEntity::User;

/// The scope root for an account: must be inside the caller's scope (404 otherwise); only
/// administrators may have none (national administrators), and only a national administrator
/// may make such an account (403 otherwise).
fn scope_root(
    conn: &mut DbConn,
    caller: &AuthUser,
    role: Role,
    org: Option<OrgId>,
) -> AppResult<Option<OrganizationRow>> {
    match org {
        Some(id) => OrganizationRow::find(conn, &caller.scope, id).map(Some),
        None if role == Role::Admin => {
            may_grant_national(caller.is_national_admin())
                .map_err(|v| AppError::Forbidden(v.text()))?;
            Ok(None)
        }
        None => Err(crate::messages::accounts::organization_required()),
    }
}

/// Creates an account (call inside a transaction).
pub fn create(conn: &mut Uow<'_>, caller: &AuthUser, body: &CreateUser) -> AppResult<UserRow> {
    may_grant(caller.role, body.role).map_err(|v| AppError::Forbidden(v.text()))?;
    let root = scope_root(conn, caller, body.role, body.organization_id)?;
    if UserRow::by_username(conn, &body.username)?.is_some() {
        return Err(crate::messages::accounts::username_taken(&body.username));
    }
    let hash = password::hash(&body.password).map_err(AppError::internal)?;
    let now = crate::models::now();
    let row = UserRow::insert(
        conn,
        &NewUser {
            username: &body.username,
            password_hash: &hash,
            role: body.role,
            organization_id: root.as_ref().map(|o| o.id),
            full_name: body.full_name.as_deref(),
            created_at: now,
            updated_at: now,
        },
    )?;
    audit::record::<(), _>(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Create,
        Subject {
            entity: ENTITY,
            id: row.id.into(),
            scope_path: root.as_ref().map(|o| o.path.as_str()),
        },
        None,
        Some(&row),
    )?;
    Ok(row)
}

/// Changes an account (call inside a transaction); `expected` is the `If-Match` version.
pub fn update(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: qldv_api_types::UserId,
    expected: Option<i64>,
    body: &UpdateUser,
) -> AppResult<UserRow> {
    let before = UserRow::find(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    may_grant(caller.role, before.role()).map_err(|v| AppError::Forbidden(v.text()))?;
    let role = body.role.unwrap_or(before.role());
    may_grant(caller.role, role).map_err(|v| AppError::Forbidden(v.text()))?;
    if before.id == caller.id && (body.active == Some(false) || role != before.role()) {
        return Err(crate::messages::accounts::cannot_change_self());
    }
    let org = match body.organization_id {
        Some(o) => Some(o),
        None => before.organization_id,
    };
    let root = scope_root(conn, caller, role, org)?;
    let password_hash = match &body.password {
        Some(p) => Some(password::hash(p).map_err(AppError::internal)?),
        None => None,
    };
    let changes = UserChanges {
        password_hash,
        role: body.role,
        organization_id: body.organization_id.map(Some),
        full_name: body.full_name.clone().map(Some),
        active: body.active,
    };
    let after = UserRow::update(conn, before.id, version, &changes)?;
    if body.active == Some(false) || body.password.is_some() {
        refresh_token::revoke_user(conn, after.id)?;
    }
    audit::record(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::Update,
        Subject {
            entity: ENTITY,
            id: after.id.into(),
            scope_path: root.as_ref().map(|o| o.path.as_str()),
        },
        Some(&before),
        Some(&after),
    )?;
    Ok(after)
}

/// Creates an account with no caller (bootstrap, command line), audited as the system.
pub fn create_as_system(
    conn: &mut Uow<'_>,
    what: &str,
    username: &str,
    password_plain: &str,
    role: Role,
    organization_id: Option<OrgId>,
) -> AppResult<UserRow> {
    let hash = password::hash(password_plain).map_err(AppError::internal)?;
    let now = crate::models::now();
    let row = UserRow::insert(
        conn,
        &NewUser {
            username,
            password_hash: &hash,
            role,
            organization_id,
            full_name: None,
            created_at: now,
            updated_at: now,
        },
    )?;
    audit::record::<(), _>(
        conn,
        &Actor::system(what),
        qldv_api_types::audit::AuditAction::Create,
        Subject {
            entity: ENTITY,
            id: row.id.into(),
            scope_path: None,
        },
        None,
        Some(&row),
    )?;
    Ok(row)
}
