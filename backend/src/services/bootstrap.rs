//! The first administrator of an empty installation.

use std::path::{Path, PathBuf};

use qldv_api_types::auth::Role;

use crate::db::DbConn;
use crate::error::{AppError, AppResult};
use crate::models::uow::Uow;
use crate::models::user::UserRow;

/// Where the first administrator's password comes from.
#[derive(Debug, Clone, Copy)]
pub enum AdminPassword<'a> {
    /// The operator's (`QLDV_ADMIN_PASSWORD`).
    Given(&'a str),
    /// Generated, and written to this file, readable by the server's user only
    /// (`QLDV_ADMIN_PASSWORD_FILE`): never to the log, which others may read or collect.
    GenerateInto(&'a Path),
}

/// What bootstrapping did.
#[derive(Debug, PartialEq, Eq)]
pub enum Bootstrap {
    /// Users existed: nothing done.
    AlreadyHasUsers,
    /// Created `admin` with the configured password.
    Created,
    /// Created `admin` with a generated password, written to this file.
    GeneratedInto(PathBuf),
}

/// Creates user `admin` (role `admin`) when the user table is empty. A generated password is
/// written before the account is committed (a failure to write leaves no account whose password
/// nobody knows), to a new file of mode 0600 (a file left by an earlier installation is replaced).
pub fn ensure_admin(conn: &mut DbConn, password: AdminPassword<'_>) -> AppResult<Bootstrap> {
    crate::db::unit_of_work(conn, |conn: &mut Uow<'_>| {
        if UserRow::count(conn)? > 0 {
            return Ok(Bootstrap::AlreadyHasUsers);
        }
        match password {
            AdminPassword::Given(p) => {
                super::users::create_as_system(conn, "bootstrap", "admin", p, Role::Admin, None)?;
                Ok(Bootstrap::Created)
            }
            AdminPassword::GenerateInto(file) => {
                let generated = crate::auth::tokens::random_secret(15);
                super::users::create_as_system(
                    conn,
                    "bootstrap",
                    "admin",
                    &generated,
                    Role::Admin,
                    None,
                )?;
                write_password(file, &generated).map_err(|e| {
                    AppError::internal(format!("cannot write {}: {e}", file.display()))
                })?;
                Ok(Bootstrap::GeneratedInto(file.to_path_buf()))
            }
        }
    })
}

fn write_password(file: &Path, password: &str) -> std::io::Result<()> {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::config::create_private_dir(dir)?;
    }
    match std::fs::remove_file(file) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    crate::config::write_private(file, format!("{password}\n").as_bytes())
}
