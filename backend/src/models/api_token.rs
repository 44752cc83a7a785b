//! Long-lived API tokens of integration accounts, stored hashed, shown once.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::users as dto;
use qldv_api_types::{ApiTokenId, UserId};

use crate::auth::{tokens, Scope};
use crate::db::schema::{api_tokens, organizations, users};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored API token.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = api_tokens)]
pub struct ApiTokenRow {
    /// Id.
    pub id: ApiTokenId,
    /// The integration account.
    pub user_id: UserId,
    /// Name.
    pub name: String,
    /// SHA-256 of the secret.
    #[serde(skip)]
    pub token_hash: String,
    /// First characters, to recognise it.
    pub token_prefix: String,
    /// Who created it.
    pub created_by: UserId,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Expires.
    pub expires_at: Option<NaiveDateTime>,
    /// Last used.
    pub last_used_at: Option<NaiveDateTime>,
    /// Revoked.
    pub revoked_at: Option<NaiveDateTime>,
}

impl ApiTokenRow {
    /// Creates a token; returns the row and the secret (shown once).
    pub fn create(
        conn: &mut DbConn,
        user_id: UserId,
        name: &str,
        expires_at: Option<NaiveDateTime>,
        created_by: UserId,
    ) -> AppResult<(Self, String)> {
        let secret = tokens::new_api_token();
        let prefix: String = secret
            .chars()
            .take(tokens::API_TOKEN_PREFIX.len() + 6)
            .collect();
        let row = diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::user_id.eq(user_id),
                api_tokens::name.eq(name),
                api_tokens::token_hash.eq(tokens::digest(&secret)),
                api_tokens::token_prefix.eq(prefix),
                api_tokens::created_by.eq(created_by),
                api_tokens::created_at.eq(super::now()),
                api_tokens::expires_at.eq(expires_at),
            ))
            .returning(api_tokens::all_columns)
            .get_result::<Self>(conn)?;
        Ok((row, secret))
    }

    /// Tokens of the accounts inside the caller's scope (an account's scope root inside it; the
    /// tokens of national accounts for a national caller only), optionally of one account, newest
    /// first.
    pub fn list(conn: &mut DbConn, scope: &Scope, user_id: Option<UserId>) -> AppResult<Vec<Self>> {
        let mut q = api_tokens::table
            .inner_join(users::table.on(users::id.eq(api_tokens::user_id)))
            .left_join(
                organizations::table.on(organizations::id.nullable().eq(users::organization_id)),
            )
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q.filter(organizations::path.ge(lo).and(organizations::path.lt(hi)));
        }
        if let Some(u) = user_id {
            q = q.filter(api_tokens::user_id.eq(u));
        }
        Ok(q.order(api_tokens::id.desc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// One token of an account inside the caller's scope, else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: ApiTokenId) -> AppResult<Self> {
        let row: Option<(Self, Option<String>)> = api_tokens::table
            .inner_join(users::table.on(users::id.eq(api_tokens::user_id)))
            .left_join(
                organizations::table.on(organizations::id.nullable().eq(users::organization_id)),
            )
            .filter(api_tokens::id.eq(id))
            .select((Self::as_select(), organizations::path.nullable()))
            .first(conn)
            .optional()?;
        match row {
            Some((token, path)) if visible(scope, path.as_deref()) => Ok(token),
            _ => Err(AppError::not_found(crate::messages::Thing::ApiKey)),
        }
    }

    /// Revokes a token of an account inside the caller's scope (idempotent; 404 outside).
    pub fn revoke(conn: &mut DbConn, scope: &Scope, id: ApiTokenId) -> AppResult<Self> {
        let found = Self::find(conn, scope, id)?;
        diesel::update(
            api_tokens::table
                .find(found.id)
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(Some(super::now())))
        .execute(conn)?;
        Self::find(conn, scope, found.id)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::ApiToken {
        dto::ApiToken {
            id: self.id,
            user_id: self.user_id,
            name: self.name.clone(),
            token_prefix: self.token_prefix.clone(),
            created_at: super::utc(self.created_at),
            expires_at: self.expires_at.map(super::utc),
            last_used_at: self.last_used_at.map(super::utc),
            revoked_at: self.revoked_at.map(super::utc),
        }
    }
}

/// Whether the token of an account whose scope root has path `path` is visible in `scope`: the
/// tokens of national accounts (no organisation) to national callers only.
fn visible(scope: &Scope, path: Option<&str>) -> bool {
    match path {
        Some(p) => scope.contains(p),
        None => scope.is_national(),
    }
}
