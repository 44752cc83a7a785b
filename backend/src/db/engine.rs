//! The connection enum, the engine choice by URL scheme, and the r2d2 pool.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};

/// A connection to either engine. Queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    /// Production engine.
    Postgresql(PgConnection),
    /// Embedded engine (the zero-configuration default).
    Sqlite(SqliteConnection),
}

/// The database engine behind a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// `postgres://` or `postgresql://`
    Postgresql,
    /// `sqlite://PATH`
    Sqlite,
}

impl Engine {
    /// Picks the engine from the URL scheme.
    pub fn from_url(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgresql)
        } else if url.starts_with("sqlite://") || url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else {
            Err(format!(
                "unsupported database URL {:?}: use sqlite://PATH or postgres://user:password@host:port/db",
                redact(url)
            ))
        }
    }

    /// A human name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgresql => "PostgreSQL",
            Self::Sqlite => "SQLite",
        }
    }
}

impl DbConn {
    /// The engine of this connection.
    pub fn engine(&self) -> Engine {
        match self {
            Self::Postgresql(_) => Engine::Postgresql,
            Self::Sqlite(_) => Engine::Sqlite,
        }
    }
}

/// Removes the password from a database URL so that it can be logged.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..s], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// The host (and port) named by a PostgreSQL URL, for error messages.
fn pg_host(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let rest = rest.rsplit_once('@').map(|(_, r)| r).unwrap_or(rest);
    rest.split(['/', '?']).next().unwrap_or(rest).to_string()
}

/// The file path of a SQLite URL.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}

/// Creates a missing SQLite database file readable by the server's user only (mode 0600 from the
/// start, not narrowed afterwards), so SQLite (which gives its journal and WAL files the mode of
/// the database) never writes member records into a file others can read. An existing file, an
/// in-memory database or a `file:` URI is left as it is.
fn create_private(path: &str) -> std::io::Result<()> {
    if path.is_empty() || path.starts_with(':') || path.starts_with("file:") {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Adds a connect timeout to a PostgreSQL URL unless one is given, so an unreachable server fails fast.
fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&connect_timeout=5")
    } else {
        format!("{url}?connect_timeout=5")
    }
}

/// Opens one connection, chosen by the URL scheme, with the engine's session settings applied.
///
/// The error names the engine and the host (or file) so an operator knows what to fix.
pub fn connect(url: &str) -> Result<DbConn, String> {
    match Engine::from_url(url)? {
        Engine::Postgresql => {
            let mut conn = PgConnection::establish(&with_connect_timeout(url)).map_err(|e| {
                format!(
                    "cannot connect to PostgreSQL at {}: {}",
                    pg_host(url),
                    e.to_string().trim()
                )
            })?;
            // No JIT compilation: for the statements of this server (index lookups and reports
            // over at most a few million rows) compiling cost more than it saved — 0.66 s of a
            // province's 1.3 s composition report at national scale.
            conn.batch_execute("SET jit = off")
                .map_err(|e| format!("cannot configure PostgreSQL session: {e}"))?;
            Ok(DbConn::Postgresql(conn))
        }
        Engine::Sqlite => {
            let path = sqlite_path(url);
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() && !dir.exists() {
                    return Err(format!(
                        "cannot open SQLite database {path}: directory {} does not exist",
                        dir.display()
                    ));
                }
            }
            create_private(path)
                .map_err(|e| format!("cannot create SQLite database {path}: {e}"))?;
            let mut conn = SqliteConnection::establish(path)
                .map_err(|e| format!("cannot open SQLite database {path}: {e}"))?;
            conn.batch_execute(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
            )
            .map_err(|e| format!("cannot configure SQLite database {path}: {e}"))?;
            Ok(DbConn::Sqlite(conn))
        }
    }
}

/// The r2d2 manager: opens connections with [`connect`].
#[derive(Debug, Clone)]
pub struct Manager {
    url: String,
}

/// Why a pooled connection could not be opened.
#[derive(Debug)]
pub struct ConnectError(pub String);

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ConnectError {}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConn, ConnectError> {
        connect(&self.url).map_err(ConnectError)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectError> {
        diesel::sql_query("SELECT 1")
            .execute(conn)
            .map(|_| ())
            .map_err(|e| ConnectError(e.to_string()))
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// The connection pool, with a fair queue in front of it: [`crate::db::run`] takes a place
/// (one per connection) before it takes a blocking thread and a connection, so a burst of
/// requests waits in order on the async side instead of timing out inside the pool.
#[derive(Clone)]
pub struct DbPool {
    inner: r2d2::Pool<Manager>,
    url: String,
    gate: std::sync::Arc<tokio::sync::Semaphore>,
    queue_timeout: Duration,
}

impl std::fmt::Debug for DbPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may hold a password.
        f.debug_struct("DbPool")
            .field("url", &redact(&self.url))
            .field("state", &self.inner.state())
            .finish()
    }
}

/// A place in the queue, held while a connection is used.
pub type Admission = tokio::sync::OwnedSemaphorePermit;

impl DbPool {
    /// A connection now (blocking, up to the checkout timeout); callers on the async side go
    /// through [`crate::db::run`].
    pub fn get(&self) -> Result<r2d2::PooledConnection<Manager>, r2d2::Error> {
        self.inner.get()
    }

    /// A connection, waiting at most `timeout`.
    pub fn get_timeout(
        &self,
        timeout: Duration,
    ) -> Result<r2d2::PooledConnection<Manager>, r2d2::Error> {
        self.inner.get_timeout(timeout)
    }

    /// A connection of its own, outside the pool, for a long background job (an import) that
    /// must not keep requests waiting; such jobs bound their own number.
    pub fn dedicated(&self) -> Result<DbConn, String> {
        connect(&self.url)
    }

    /// Waits for a place (fair, first come first served); `None` after the queue timeout.
    pub async fn admit(&self) -> Option<Admission> {
        tokio::time::timeout(self.queue_timeout, self.gate.clone().acquire_owned())
            .await
            .ok()
            .and_then(Result::ok)
    }
}

/// Pool sizing.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Maximum open connections.
    pub max_size: u32,
    /// How long opening or checking out a connection may take before answering 503 (an
    /// unreachable database is reported this fast).
    pub checkout_timeout: Duration,
    /// How long a request may wait for its turn while every connection is busy (then 503).
    pub queue_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self {
            max_size: 10,
            checkout_timeout: Duration::from_secs(5),
            queue_timeout: Duration::from_secs(30),
        }
    }
}

/// Builds a pool without connecting: connections are opened on demand, so a database that comes
/// back after an outage is used again without a restart.
pub fn pool(url: &str, opts: &PoolOptions) -> Result<DbPool, String> {
    let engine = Engine::from_url(url)?;
    // SQLite allows one writer at a time; a small pool avoids lock convoys.
    let max_size = match engine {
        Engine::Sqlite => opts.max_size.min(8),
        Engine::Postgresql => opts.max_size,
    };
    let inner = r2d2::Pool::builder()
        .max_size(max_size)
        .min_idle(Some(0))
        .connection_timeout(opts.checkout_timeout)
        .test_on_check_out(true)
        .build_unchecked(Manager {
            url: url.to_string(),
        });
    Ok(DbPool {
        inner,
        url: url.to_string(),
        gate: std::sync::Arc::new(tokio::sync::Semaphore::new(max_size as usize)),
        queue_timeout: opts.queue_timeout,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_chosen_by_scheme() {
        assert_eq!(Engine::from_url("sqlite://data/x.db"), Ok(Engine::Sqlite));
        assert_eq!(
            Engine::from_url("postgres://u:p@h:5432/d"),
            Ok(Engine::Postgresql)
        );
        assert!(Engine::from_url("mysql://x").is_err());
    }

    #[test]
    fn passwords_are_redacted_and_hosts_named() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/d"),
            "postgres://u:***@h:5432/d"
        );
        assert_eq!(
            pg_host("postgres://u:secret@db.local:5433/d?x=1"),
            "db.local:5433"
        );
    }

    #[test]
    fn unreachable_postgres_fails_fast_naming_the_host() {
        let err = connect("postgres://u:p@127.0.0.1:1/d")
            .err()
            .unwrap_or_default();
        assert!(err.contains("PostgreSQL at 127.0.0.1:1"), "{err}");
    }
}
