//! The first administrator of an empty installation.

use qldv_api_types::auth::Role;

use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::user::UserRow;

/// What bootstrapping did.
#[derive(Debug, PartialEq, Eq)]
pub enum Bootstrap {
    /// Users existed: nothing done.
    AlreadyHasUsers,
    /// Created `admin` with the configured password.
    Created,
    /// Created `admin` with this generated password (to be shown once).
    CreatedWithGenerated(String),
}

/// Creates user `admin` (role `admin`) when the user table is empty.
pub fn ensure_admin(conn: &mut DbConn, configured: Option<&str>) -> AppResult<Bootstrap> {
    crate::db::write_transaction(conn, |conn| {
        if UserRow::count(conn)? > 0 {
            return Ok(Bootstrap::AlreadyHasUsers);
        }
        let generated = crate::auth::tokens::random_secret(15);
        let password = configured.unwrap_or(&generated);
        super::users::create_as_system(conn, "bootstrap", "admin", password, Role::Admin, None)?;
        Ok(match configured {
            Some(_) => Bootstrap::Created,
            None => Bootstrap::CreatedWithGenerated(generated),
        })
    })
}
