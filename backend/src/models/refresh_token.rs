//! Rotating refresh tokens, stored hashed, grouped in families: re-use of a spent token revokes
//! its whole family (someone holds a stolen copy).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::tokens;
use crate::db::schema::refresh_tokens;
use crate::db::DbConn;
use crate::error::AppResult;

/// A stored refresh token.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    /// Id.
    pub id: i64,
    /// Owner.
    pub user_id: qldv_api_types::UserId,
    /// Family (one per sign-in).
    pub family_id: String,
    /// SHA-256 of the secret.
    pub token_hash: String,
    /// Issued.
    pub issued_at: NaiveDateTime,
    /// Expires.
    pub expires_at: NaiveDateTime,
    /// Exchanged for a new one.
    pub used_at: Option<NaiveDateTime>,
    /// Revoked (sign-out, re-use detected).
    pub revoked_at: Option<NaiveDateTime>,
}

/// What presenting a refresh token led to.
#[derive(Debug)]
pub enum Rotation {
    /// A fresh token of the same family, for this user.
    Rotated {
        /// The owner.
        user_id: qldv_api_types::UserId,
        /// The new secret.
        secret: String,
    },
    /// Unknown, expired or revoked.
    Invalid,
    /// Already used: the family is now revoked.
    Reused,
}

/// How long refresh tokens live.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    /// One token, from its issue (each refresh gives a fresh one).
    pub token: Duration,
    /// A family (one sign-in), from the sign-in, however often it is refreshed: then the user
    /// signs in again, so a stolen and quietly refreshed token does not live for ever.
    pub family: Duration,
}

/// Issues the first token of a new family (a sign-in); returns the secret.
pub fn issue(
    conn: &mut DbConn,
    user_id: qldv_api_types::UserId,
    lifetimes: Lifetimes,
) -> AppResult<String> {
    let now = super::now();
    let family = uuid::Uuid::new_v4().to_string();
    let expires = now + lifetimes.token.min(lifetimes.family);
    insert(conn, user_id, &family, now, expires)
}

fn insert(
    conn: &mut DbConn,
    user_id: qldv_api_types::UserId,
    family: &str,
    now: NaiveDateTime,
    expires: NaiveDateTime,
) -> AppResult<String> {
    let secret = tokens::random_secret(32);
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(family),
            refresh_tokens::token_hash.eq(tokens::digest(&secret)),
            refresh_tokens::issued_at.eq(now),
            refresh_tokens::expires_at.eq(expires),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// When a family's sign-in happened: the issue of its first token. (Rows of a live family are
/// never deleted; a purge of old tokens must remove whole families only.)
fn family_started(conn: &mut DbConn, family: &str) -> AppResult<Option<NaiveDateTime>> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::family_id.eq(family))
        .select(diesel::dsl::min(refresh_tokens::issued_at))
        .first::<Option<NaiveDateTime>>(conn)?)
}

/// Exchanges a token for a new one. Call inside a transaction; the outcomes `Reused` and
/// `Invalid` must be committed (the family revocation is the point).
pub fn rotate(conn: &mut DbConn, secret: &str, lifetimes: Lifetimes) -> AppResult<Rotation> {
    let now = super::now();
    let Some(row) = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(tokens::digest(secret)))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(Rotation::Invalid);
    };
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Ok(Rotation::Invalid);
    }
    let family_ends =
        family_started(conn, &row.family_id)?.unwrap_or(row.issued_at) + lifetimes.family;
    if family_ends <= now {
        revoke_family(conn, &row.family_id)?;
        return Ok(Rotation::Invalid);
    }
    // Mark used only if nobody else did: of two racing refreshes exactly one wins.
    let won = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(row.id))
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(Some(now)))
    .execute(conn)?;
    if won == 0 {
        revoke_family(conn, &row.family_id)?;
        return Ok(Rotation::Reused);
    }
    let expires = (now + lifetimes.token).min(family_ends);
    let secret = insert(conn, row.user_id, &row.family_id, now, expires)?;
    Ok(Rotation::Rotated {
        user_id: row.user_id,
        secret,
    })
}

/// Revokes every live token of a family.
pub fn revoke_family(conn: &mut DbConn, family: &str) -> AppResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(super::now())))
    .execute(conn)?;
    Ok(())
}

/// Revokes the family of a token (sign-out); unknown tokens are ignored.
pub fn revoke_by_secret(conn: &mut DbConn, secret: &str) -> AppResult<()> {
    let family: Option<String> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(tokens::digest(secret)))
        .select(refresh_tokens::family_id)
        .first(conn)
        .optional()?;
    if let Some(f) = family {
        revoke_family(conn, &f)?;
    }
    Ok(())
}

/// Revokes every refresh token of a user (deactivation, password change).
pub fn revoke_user(conn: &mut DbConn, user_id: qldv_api_types::UserId) -> AppResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Some(super::now())))
    .execute(conn)?;
    Ok(())
}
