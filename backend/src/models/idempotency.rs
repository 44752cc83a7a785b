//! Stored results of creating requests, by `(user, Idempotency-Key)`.

use chrono::Duration;
use diesel::prelude::*;
use qldv_api_types::UserId;

use crate::db::schema::idempotency_keys as k;
use crate::db::DbConn;
use crate::error::AppResult;

/// How long a key is remembered.
const KEEP: i64 = 24 * 60 * 60;
/// A claim older than this whose request never finished (crash) may be taken over.
const ABANDONED: i64 = 120;

/// What claiming a key found.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// The key is ours: serve the request, then [`complete`] or [`release`].
    Claimed,
    /// The same request was served before: return this response.
    Replay {
        /// Status code.
        status: u16,
        /// Content type.
        content_type: Option<String>,
        /// Body.
        body: String,
    },
    /// The key was used for a different request.
    Mismatch,
    /// The first request with this key is still being served.
    InProgress,
}

/// Claims `key` for a request whose hash is `hash` (call inside a write transaction).
pub fn claim(conn: &mut DbConn, user_id: UserId, key: &str, hash: &str) -> AppResult<Claim> {
    let now = super::now();
    let found = k::table
        .find((user_id, key))
        .select((
            k::request_hash,
            k::status_code,
            k::content_type,
            k::response_body,
            k::created_at,
        ))
        .first::<(
            String,
            Option<i32>,
            Option<String>,
            Option<String>,
            chrono::NaiveDateTime,
        )>(conn)
        .optional()?;
    let take_over = |conn: &mut DbConn| -> AppResult<Claim> {
        diesel::update(k::table.find((user_id, key)))
            .set((
                k::request_hash.eq(hash),
                k::status_code.eq(None::<i32>),
                k::content_type.eq(None::<String>),
                k::response_body.eq(None::<String>),
                k::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(Claim::Claimed)
    };
    match found {
        None => {
            let inserted = diesel::insert_into(k::table)
                .values((
                    k::user_id.eq(user_id),
                    k::idem_key.eq(key),
                    k::request_hash.eq(hash),
                    k::created_at.eq(now),
                ))
                .execute(conn);
            match inserted {
                Ok(_) => Ok(Claim::Claimed),
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                )) => Ok(Claim::InProgress),
                Err(e) => Err(e.into()),
            }
        }
        Some((_, _, _, _, created)) if now - created > Duration::seconds(KEEP) => take_over(conn),
        Some((h, _, _, _, _)) if h != hash => Ok(Claim::Mismatch),
        Some((_, None, _, _, created)) => {
            if now - created > Duration::seconds(ABANDONED) {
                take_over(conn)
            } else {
                Ok(Claim::InProgress)
            }
        }
        Some((_, Some(status), content_type, body, _)) => Ok(Claim::Replay {
            status: u16::try_from(status).unwrap_or(200),
            content_type,
            body: body.unwrap_or_default(),
        }),
    }
}

/// Stores the response of a claimed key.
pub fn complete(
    conn: &mut DbConn,
    user_id: UserId,
    key: &str,
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> AppResult<()> {
    diesel::update(k::table.find((user_id, key)))
        .set((
            k::status_code.eq(Some(i32::from(status))),
            k::content_type.eq(content_type),
            k::response_body.eq(Some(body)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets a claimed key (the request failed: a retry may try again), and keys past their time.
pub fn release(conn: &mut DbConn, user_id: UserId, key: &str) -> AppResult<()> {
    diesel::delete(k::table.find((user_id, key))).execute(conn)?;
    diesel::delete(k::table.filter(k::created_at.lt(super::now() - Duration::seconds(KEEP))))
        .execute(conn)?;
    Ok(())
}
