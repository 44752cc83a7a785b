//! Database access: one connection type for both engines, the pool, and migrations.
//!
//! The engine is chosen from the URL scheme (`sqlite://` or `postgres://`), never by trial: diesel's
//! `MultiConnection::establish` would hide why PostgreSQL was unreachable.

pub mod bulk;
mod engine;
pub mod rows;
pub mod schema;
pub mod tally;
mod uow;

pub use engine::{
    connect, pool, redact, sqlite_path as engine_sqlite_path, DbConn, DbPool, Engine, PoolOptions,
};
pub use uow::{unit_of_work, Pending, UnitOfWork};

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

/// Migrations for PostgreSQL, embedded at compile time.
pub const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgresql");
/// Migrations for SQLite, embedded at compile time (same names and meaning as the PostgreSQL ones).
pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");

/// Applies every pending migration; returns the versions applied.
pub fn run_migrations(conn: &mut DbConn) -> Result<Vec<String>, String> {
    let applied = match conn {
        DbConn::Postgresql(c) => c
            .run_pending_migrations(PG_MIGRATIONS)
            .map(|v| v.into_iter().map(|m| m.to_string()).collect::<Vec<_>>()),
        DbConn::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.into_iter().map(|m| m.to_string()).collect::<Vec<_>>()),
    };
    applied.map_err(|e| format!("migration failed: {e}"))
}

/// Runs blocking database work on the blocking thread pool with a pooled connection.
///
/// Handlers call this; diesel never runs on the async executor.
pub async fn run<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
{
    let pool = pool.clone();
    let admission = pool.admit().await.ok_or_else(|| {
        AppError::unavailable("every database connection stayed busy past the queue timeout")
    })?;
    actix_web::web::block(move || {
        let mut conn = pool.get().map_err(AppError::unavailable)?;
        let result = f(&mut conn);
        drop(conn);
        drop(admission);
        result
    })
    .await
    .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
}

/// Like [`run`], as one unit of work: one database transaction, all or nothing, whose writes'
/// notes (`P`, the change feed and the audit entries) are finished last before it commits.
pub async fn transaction<T, P, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    P: Pending,
    F: FnOnce(&mut UnitOfWork<'_, P>) -> Result<T, AppError> + Send + 'static,
{
    run(pool, move |conn| unit_of_work(conn, f)).await
}

/// Like [`transaction`], for a write that notes nothing (no change published, no audit entry:
/// counters, tokens, claims): a plain transaction, all or nothing.
pub async fn plain_transaction<T, F>(pool: &DbPool, f: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
{
    run(pool, move |conn| write_transaction(conn, f)).await
}

/// Runs `f` in a plain write transaction on an open connection (no notes: for maintenance that
/// publishes nothing; writes of records run in a [`unit_of_work`]).
///
/// On SQLite the transaction starts with `BEGIN IMMEDIATE`: it takes the write lock first, so
/// concurrent writers wait their turn (busy timeout) instead of failing with "database is locked"
/// when a deferred transaction tries to upgrade its read lock. Nested `conn.transaction` calls
/// inside `f` become savepoints on both engines.
pub fn write_transaction<T, F>(conn: &mut DbConn, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConn) -> Result<T, AppError>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use diesel::Connection;
    if !matches!(conn, DbConn::Sqlite(_)) {
        return conn.transaction(f);
    }
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    let DbConn::Sqlite(c) = conn else {
        return result;
    };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(c)?;
            Ok(value)
        }
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(c)?;
            Err(e)
        }
    }
}
