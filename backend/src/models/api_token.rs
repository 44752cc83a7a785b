//! Long-lived API tokens of integration accounts, stored hashed, shown once.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::users as dto;
use qldv_api_types::UserId;

use crate::auth::tokens;
use crate::db::schema::api_tokens;
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// A stored API token.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = api_tokens)]
pub struct ApiTokenRow {
    /// Id.
    pub id: i64,
    /// The integration account.
    pub user_id: i64,
    /// Name.
    pub name: String,
    /// SHA-256 of the secret.
    #[serde(skip)]
    pub token_hash: String,
    /// First characters, to recognise it.
    pub token_prefix: String,
    /// Who created it.
    pub created_by: i64,
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
        user_id: i64,
        name: &str,
        expires_at: Option<NaiveDateTime>,
        created_by: i64,
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

    /// Tokens, optionally of one account, newest first.
    pub fn list(conn: &mut DbConn, user_id: Option<i64>) -> AppResult<Vec<Self>> {
        let mut q = api_tokens::table.into_boxed();
        if let Some(u) = user_id {
            q = q.filter(api_tokens::user_id.eq(u));
        }
        Ok(q.order(api_tokens::id.desc())
            .select(Self::as_select())
            .load(conn)?)
    }

    /// One token.
    pub fn find(conn: &mut DbConn, id: i64) -> AppResult<Self> {
        api_tokens::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found("khóa API"))
    }

    /// Revokes a token (idempotent).
    pub fn revoke(conn: &mut DbConn, id: i64) -> AppResult<Self> {
        diesel::update(
            api_tokens::table
                .find(id)
                .filter(api_tokens::revoked_at.is_null()),
        )
        .set(api_tokens::revoked_at.eq(Some(super::now())))
        .execute(conn)?;
        Self::find(conn, id)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::ApiToken {
        dto::ApiToken {
            id: self.id,
            user_id: UserId(self.user_id),
            name: self.name.clone(),
            token_prefix: self.token_prefix.clone(),
            created_at: super::utc(self.created_at),
            expires_at: self.expires_at.map(super::utc),
            last_used_at: self.last_used_at.map(super::utc),
            revoked_at: self.revoked_at.map(super::utc),
        }
    }
}
