//! User accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::users as dto;
use qldv_api_types::{OrgId, UserId};

use crate::auth::{Role, Scope};
use crate::db::schema::{api_tokens, organizations, users};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored user account.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
#[diesel(table_name = users)]
pub struct UserRow {
    /// Id.
    pub id: UserId,
    /// Unique user name.
    pub username: String,
    /// Argon2id PHC string (never serialised into audit entries).
    #[serde(skip)]
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Scope root.
    pub organization_id: Option<OrgId>,
    /// Full name.
    pub full_name: Option<String>,
    /// May sign in.
    pub active: bool,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: NaiveDateTime,
}

/// A new user account.
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    /// User name.
    pub username: &'a str,
    /// Argon2id PHC string.
    pub password_hash: &'a str,
    /// Role.
    pub role: Role,
    /// Scope root.
    pub organization_id: Option<OrgId>,
    /// Full name.
    pub full_name: Option<&'a str>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

/// Changes to a user account.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    /// New password hash.
    pub password_hash: Option<String>,
    /// New role.
    pub role: Option<Role>,
    /// New scope root.
    pub organization_id: Option<Option<OrgId>>,
    /// New full name.
    pub full_name: Option<Option<String>>,
    /// New active flag.
    pub active: Option<bool>,
}

/// A user with the facts that make its scope.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The account.
    pub user: UserRow,
    /// Its role, parsed.
    pub role: Role,
    /// Its scope root.
    pub org_id: Option<OrgId>,
    /// The current path of its scope root (paths change when organisations move).
    pub org_path: Option<String>,
}

impl UserRow {
    /// The role (an unknown stored value fails to load: never a default).
    pub fn role(&self) -> Role {
        self.role
    }

    /// The account by user name, unscoped: for sign-in only.
    pub fn by_username(conn: &mut DbConn, username: &str) -> AppResult<Option<Self>> {
        Ok(users::table
            .filter(users::username.eq(username))
            .select(Self::as_select())
            .first(conn)
            .optional()?)
    }

    /// Number of accounts (the bootstrap admin is created when there are none).
    pub fn count(conn: &mut DbConn) -> AppResult<i64> {
        Ok(users::table.count().get_result(conn)?)
    }

    fn load_principal(conn: &mut DbConn, user: Self) -> AppResult<Option<Principal>> {
        if !user.active {
            return Ok(None);
        }
        let org_path = match user.organization_id {
            Some(id) => organizations::table
                .find(id)
                .select(organizations::path)
                .first::<String>(conn)
                .optional()?,
            None => None,
        };
        Ok(Some(Principal {
            role: user.role(),
            org_id: user.organization_id,
            org_path,
            user,
        }))
    }

    /// The active account behind an access token.
    pub fn principal(conn: &mut DbConn, id: UserId) -> AppResult<Option<Principal>> {
        let user = users::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()?;
        match user {
            Some(u) => Self::load_principal(conn, u),
            None => Ok(None),
        }
    }

    /// The active integration account behind a live API token (and notes its use).
    pub fn by_api_token(conn: &mut DbConn, digest: &str) -> AppResult<Option<Principal>> {
        let now = super::now();
        let found = api_tokens::table
            .inner_join(users::table.on(users::id.eq(api_tokens::user_id)))
            .filter(api_tokens::token_hash.eq(digest))
            .filter(api_tokens::revoked_at.is_null())
            .select((
                api_tokens::id,
                api_tokens::expires_at,
                api_tokens::last_used_at,
                Self::as_select(),
            ))
            .first::<(i64, Option<NaiveDateTime>, Option<NaiveDateTime>, Self)>(conn)
            .optional()?;
        let Some((token_id, expires_at, last_used, user)) = found else {
            return Ok(None);
        };
        if expires_at.is_some_and(|e| e <= now) || user.role() != Role::Integration {
            return Ok(None);
        }
        // Note the use at most once a minute: a write per request would be wasted work.
        if last_used.is_none_or(|t| now - t > chrono::Duration::minutes(1)) {
            diesel::update(api_tokens::table.find(token_id))
                .set(api_tokens::last_used_at.eq(Some(now)))
                .execute(conn)?;
        }
        Self::load_principal(conn, user)
    }

    /// One account inside the caller's scope (its scope root must be inside), else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: UserId) -> AppResult<Self> {
        let row: Option<(Self, Option<String>)> = users::table
            .left_join(
                organizations::table.on(organizations::id.nullable().eq(users::organization_id)),
            )
            .filter(users::id.eq(id.0))
            .select((Self::as_select(), organizations::path.nullable()))
            .first(conn)
            .optional()?;
        match row {
            Some((user, path)) if visible(scope, path.as_deref()) => Ok(user),
            _ => Err(AppError::not_found(crate::messages::Thing::User)),
        }
    }

    /// Accounts inside the caller's scope, by id, after `after`.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        after: Option<UserId>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = users::table
            .left_join(
                organizations::table.on(organizations::id.nullable().eq(users::organization_id)),
            )
            .select(Self::as_select())
            .order(users::id.asc())
            .limit(limit)
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q.filter(organizations::path.ge(lo).and(organizations::path.lt(hi)));
        }
        if let Some(a) = after {
            q = q.filter(users::id.gt(a));
        }
        Ok(q.load(conn)?)
    }

    /// Inserts an account.
    pub fn insert(conn: &mut DbConn, new: &NewUser<'_>) -> AppResult<Self> {
        Ok(diesel::insert_into(users::table)
            .values(new)
            .returning(users::all_columns)
            .get_result::<Self>(conn)?)
    }

    /// Applies changes when the stored version is `expected` (412 otherwise).
    pub fn update(
        conn: &mut DbConn,
        id: UserId,
        expected: i64,
        changes: &UserChanges,
    ) -> AppResult<Self> {
        let updated = diesel::update(
            users::table
                .filter(users::id.eq(id))
                .filter(users::version.eq(expected)),
        )
        .set((
            changes,
            users::version.eq(users::version + 1),
            users::updated_at.eq(super::now()),
        ))
        .returning(users::all_columns)
        .get_result::<Self>(conn)
        .optional()?;
        match updated {
            Some(u) => Ok(u),
            None => {
                let current = users::table
                    .find(id)
                    .select(users::version)
                    .first::<i64>(conn)?;
                Err(AppError::PreconditionFailed(current))
            }
        }
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::User {
        dto::User {
            id: self.id,
            username: self.username.clone(),
            role: self.role(),
            organization_id: self.organization_id,
            full_name: self.full_name.clone(),
            active: self.active,
            version: self.version,
            created_at: super::utc(self.created_at),
        }
    }
}

/// Whether an account whose scope root has path `path` is visible in `scope`.
/// National accounts (no organisation) are visible to national callers only.
fn visible(scope: &Scope, path: Option<&str>) -> bool {
    match path {
        Some(p) => scope.contains(p),
        None => scope.is_national(),
    }
}
