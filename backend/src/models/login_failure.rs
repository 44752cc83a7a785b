//! Failed sign-ins, for throttling (kept in the database so every server instance agrees).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::login_failures;
use crate::db::DbConn;
use crate::domain::sign_in::{RecentFailures, Tally};
use crate::error::{AppError, AppResult};

/// Counts the failures a query selects, and finds the oldest of them.
macro_rules! tally {
    ($conn:expr, $query:expr) => {{
        let (count, oldest) = $query
            .select((
                diesel::dsl::count_star(),
                diesel::dsl::min(login_failures::failed_at),
            ))
            .get_result::<(i64, Option<NaiveDateTime>)>($conn)?;
        Tally { count, oldest }
    }};
}

/// The failures inside the window that concern an attempt for `username` from `client_ip`.
pub fn recent(
    conn: &mut DbConn,
    username: &str,
    client_ip: &str,
    window: Duration,
) -> AppResult<RecentFailures> {
    let since = super::now() - window;
    let recent = login_failures::table.filter(login_failures::failed_at.gt(since));
    Ok(RecentFailures {
        account_and_address: tally!(
            conn,
            recent
                .filter(login_failures::username.eq(username))
                .filter(login_failures::client_ip.eq(client_ip))
        ),
        account: tally!(conn, recent.filter(login_failures::username.eq(username))),
        address: tally!(conn, recent.filter(login_failures::client_ip.eq(client_ip))),
    })
}

/// Admits one sign-in attempt: refused (429) when the throttle says so, otherwise counted as a
/// failure until the password proves right ([`clear`]). Call inside a transaction: on
/// PostgreSQL the count and the insert are serialised per user name, so attempts sent together
/// cannot all pass the count.
pub fn admit(
    conn: &mut DbConn,
    username: &str,
    client_ip: &str,
    window: Duration,
) -> AppResult<()> {
    if let crate::db::DbConn::Postgresql(_) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(7020012, hashtext($1))")
            .bind::<diesel::sql_types::Text, _>(username)
            .execute(conn)?;
    }
    let failures = recent(conn, username, client_ip, window)?;
    if let Some(retry_after) = crate::domain::sign_in::retry_after(&failures, super::now()) {
        return Err(AppError::RateLimited { retry_after });
    }
    add(conn, username, client_ip, window)
}

/// Records a failure, and forgets every failure that has left the window (a flood that never
/// succeeds must not grow the table for ever).
pub fn add(conn: &mut DbConn, username: &str, client_ip: &str, window: Duration) -> AppResult<()> {
    let now = super::now();
    diesel::delete(login_failures::table.filter(login_failures::failed_at.le(now - window)))
        .execute(conn)?;
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::username.eq(username),
            login_failures::client_ip.eq(client_ip),
            login_failures::failed_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets the failures of a user name from an address (after a successful sign-in). Failures
/// of the same name from other addresses stay: they are someone else's guesses.
pub fn clear(conn: &mut DbConn, username: &str, client_ip: &str) -> AppResult<()> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::username.eq(username))
            .filter(login_failures::client_ip.eq(client_ip)),
    )
    .execute(conn)?;
    Ok(())
}
