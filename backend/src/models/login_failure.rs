//! Failed sign-ins, for throttling (kept in the database so every server instance agrees).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::login_failures;
use crate::db::DbConn;
use crate::error::AppResult;

/// Failures for one user name from one address inside the window: their count and the oldest.
pub fn recent(
    conn: &mut DbConn,
    username: &str,
    client_ip: &str,
    window: Duration,
) -> AppResult<(i64, Option<NaiveDateTime>)> {
    let since = super::now() - window;
    let q = login_failures::table
        .filter(login_failures::username.eq(username))
        .filter(login_failures::client_ip.eq(client_ip))
        .filter(login_failures::failed_at.gt(since));
    let count = q.count().get_result(conn)?;
    let oldest = q
        .select(diesel::dsl::min(login_failures::failed_at))
        .first::<Option<NaiveDateTime>>(conn)?;
    Ok((count, oldest))
}

/// Records a failure.
pub fn add(conn: &mut DbConn, username: &str, client_ip: &str) -> AppResult<()> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::username.eq(username),
            login_failures::client_ip.eq(client_ip),
            login_failures::failed_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets the failures of a user name from an address (after a successful sign-in), and any
/// failure older than a day.
pub fn clear(conn: &mut DbConn, username: &str, client_ip: &str) -> AppResult<()> {
    diesel::delete(
        login_failures::table
            .filter(login_failures::username.eq(username))
            .filter(login_failures::client_ip.eq(client_ip)),
    )
    .execute(conn)?;
    diesel::delete(
        login_failures::table
            .filter(login_failures::failed_at.lt(super::now() - Duration::days(1))),
    )
    .execute(conn)?;
    Ok(())
}
