//! Server configuration, read from the environment (every setting has a working default).

use std::path::PathBuf;

use crate::telemetry::LogFormat;

/// Default database: a SQLite file under `./data/`.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/qldv.db";
/// Default listen address.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Settings of a running server.
#[derive(Debug, Clone)]
pub struct Config {
    /// `QLDV_BIND`: address to listen on.
    pub bind: String,
    /// `QLDV_DATABASE_URL`: `sqlite://PATH` or `postgres://user:password@host:port/db`.
    pub database_url: String,
    /// `QLDV_JWT_SECRET` (or the file in `QLDV_JWT_SECRET_FILE`): key signing access tokens.
    pub jwt_secret: Vec<u8>,
    /// `QLDV_ADMIN_PASSWORD`: password of the bootstrap `admin` (generated when unset).
    pub admin_password: Option<String>,
    /// `QLDV_ACCESS_TOKEN_MINUTES`: access-token lifetime.
    pub access_token_minutes: i64,
    /// `QLDV_REFRESH_TOKEN_DAYS`: refresh-token lifetime.
    pub refresh_token_days: i64,
    /// `QLDV_DB_POOL_SIZE`: maximum database connections.
    pub pool_size: u32,
    /// `QLDV_STATIC_DIR`: the built web client (served at `/`).
    pub static_dir: PathBuf,
    /// `QLDV_LOG_FORMAT`: `text` (default) or `json`.
    pub log_format: LogFormat,
    /// `QLDV_LOG` (or `RUST_LOG`): log filter.
    pub log_filter: String,
    /// `QLDV_SYNC_KEY_FILE`: the Ed25519 key sync packages are signed with (beside a SQLite
    /// database by default, created on first use; a PostgreSQL deployment names its file).
    pub sync_key: Option<crate::services::sync::SyncKey>,
    /// `QLDV_CORS_ORIGINS`: comma-separated browser origins (`https://host[:port]`) of other
    /// agencies' web applications allowed to call the API; none by default (same origin only).
    pub cors_origins: Vec<String>,
    /// `QLDV_AUDIT_KEY_FILE`: the key the audit trail's chain is keyed with (HMAC-SHA256),
    /// kept outside the database (beside a SQLite database by default, created once; a
    /// PostgreSQL deployment must name its file).
    pub audit_key: crate::models::audit_chain::AuditKey,
    /// `QLDV_MAX_IMPORTS`: bulk imports this server runs at once (2 by default; one per user
    /// whatever this says), each on a database connection of its own.
    pub max_imports: u32,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn env_parse<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match env(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse()
            .map_err(|_| format!("{name}={v:?} is not a valid value")),
    }
}

impl Config {
    /// Reads the configuration from the environment.
    pub fn from_env() -> Result<Self, String> {
        let database_url = env("QLDV_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        let jwt_secret = jwt_secret(&database_url)?;
        let sync_key = sync_key(&database_url)?;
        let audit_key = audit_key(&database_url, true)?;
        let log_format = match env("QLDV_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(format!("QLDV_LOG_FORMAT={other:?}: use text or json")),
        };
        Ok(Self {
            bind: env("QLDV_BIND").unwrap_or_else(|| DEFAULT_BIND.into()),
            database_url,
            jwt_secret,
            admin_password: env("QLDV_ADMIN_PASSWORD"),
            access_token_minutes: env_parse("QLDV_ACCESS_TOKEN_MINUTES", 15)?,
            refresh_token_days: env_parse("QLDV_REFRESH_TOKEN_DAYS", 14)?,
            pool_size: env_parse("QLDV_DB_POOL_SIZE", 10)?,
            static_dir: PathBuf::from(
                env("QLDV_STATIC_DIR").unwrap_or_else(|| "frontend/dist".into()),
            ),
            log_format,
            log_filter: env("QLDV_LOG")
                .or_else(|| env("RUST_LOG"))
                .unwrap_or_else(|| "info,actix_server=warn".into()),
            sync_key,
            cors_origins: cors_origins()?,
            audit_key,
            max_imports: env_parse("QLDV_MAX_IMPORTS", 2)?,
        })
    }
}

/// `QLDV_CORS_ORIGINS`, each checked to be a bare origin (no path, no wildcard).
fn cors_origins() -> Result<Vec<String>, String> {
    let Some(list) = env("QLDV_CORS_ORIGINS") else {
        return Ok(Vec::new());
    };
    list.split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(|o| {
            let o = o.trim_end_matches('/');
            let rest = o
                .strip_prefix("https://")
                .or_else(|| o.strip_prefix("http://"));
            match rest {
                Some(host) if !host.is_empty() && !host.contains(['/', '*', ' ']) => {
                    Ok(o.to_string())
                }
                _ => Err(format!(
                    "QLDV_CORS_ORIGINS: {o:?} is not an origin like https://host[:port]"
                )),
            }
        })
        .collect()
}

/// The signing key: from `QLDV_JWT_SECRET`, else from `QLDV_JWT_SECRET_FILE`, else from a file
/// beside a SQLite database, created once with random bytes (so tokens survive restarts with no
/// configuration). A PostgreSQL deployment must say where its key is.
fn jwt_secret(database_url: &str) -> Result<Vec<u8>, String> {
    if let Some(s) = env("QLDV_JWT_SECRET") {
        if s.len() < 32 {
            return Err("QLDV_JWT_SECRET must be at least 32 characters".into());
        }
        return Ok(s.into_bytes());
    }
    let file = match env("QLDV_JWT_SECRET_FILE") {
        Some(f) => PathBuf::from(f),
        None if database_url.starts_with("sqlite:") => {
            let db = PathBuf::from(crate::db::engine_sqlite_path(database_url));
            db.parent()
                .map(|d| d.join("jwt.secret"))
                .unwrap_or_else(|| PathBuf::from("jwt.secret"))
        }
        None => {
            return Err(
                "set QLDV_JWT_SECRET or QLDV_JWT_SECRET_FILE for a PostgreSQL deployment".into(),
            )
        }
    };
    if let Ok(bytes) = std::fs::read(&file) {
        if bytes.len() >= 32 {
            return Ok(bytes);
        }
        return Err(format!("{} holds fewer than 32 bytes", file.display()));
    }
    let secret = crate::auth::tokens::random_secret(48);
    if let Some(dir) = file.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
    }
    write_private(&file, secret.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(secret.into_bytes())
}

/// The sync signing key: from `QLDV_SYNC_KEY_FILE`, else from `sync.key` beside a SQLite
/// database (created once); `None` for a PostgreSQL deployment that names no file.
fn sync_key(database_url: &str) -> Result<Option<crate::services::sync::SyncKey>, String> {
    use crate::services::sync::SyncKey;
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    let file = match env("QLDV_SYNC_KEY_FILE") {
        Some(f) => PathBuf::from(f),
        None if database_url.starts_with("sqlite:") => {
            let db = PathBuf::from(crate::db::engine_sqlite_path(database_url));
            db.parent()
                .map(|d| d.join("sync.key"))
                .unwrap_or_else(|| PathBuf::from("sync.key"))
        }
        None => return Ok(None),
    };
    if let Ok(text) = std::fs::read_to_string(&file) {
        let bytes: [u8; 32] = STANDARD
            .decode(text.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| format!("{} is not a base64 Ed25519 secret key", file.display()))?;
        return Ok(Some(SyncKey::from_bytes(&bytes)));
    }
    let key = SyncKey::generate();
    if let Some(dir) = file.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
    }
    write_private(&file, STANDARD.encode(key.to_bytes()).as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(Some(key))
}

/// The audit key of an existing installation, never created (what `qldv audit verify` reads:
/// a missing key is an error, not a new key).
pub fn read_audit_key(database_url: &str) -> Result<crate::models::audit_chain::AuditKey, String> {
    audit_key(database_url, false)
}

/// Where the audit key is: `QLDV_AUDIT_KEY_FILE`, else `audit.key` beside a SQLite database.
/// PostgreSQL has no default: a key in the database would defeat its purpose, and a file the
/// server made up in its working directory would be lost with the container.
fn audit_key_file(database_url: &str) -> Result<PathBuf, String> {
    match env("QLDV_AUDIT_KEY_FILE") {
        Some(f) => Ok(PathBuf::from(f)),
        None if database_url.starts_with("sqlite:") => {
            let db = PathBuf::from(crate::db::engine_sqlite_path(database_url));
            Ok(db
                .parent()
                .map(|d| d.join("audit.key"))
                .unwrap_or_else(|| PathBuf::from("audit.key")))
        }
        None => Err(
            "set QLDV_AUDIT_KEY_FILE for a PostgreSQL deployment: the file (outside the database) \
             holding the key of the audit trail's chain, created on first start"
                .into(),
        ),
    }
}

/// The audit key: read from its file, or (with `create`) made once with random bytes, the file
/// opened with mode 0600 from the start.
fn audit_key(
    database_url: &str,
    create: bool,
) -> Result<crate::models::audit_chain::AuditKey, String> {
    use crate::models::audit_chain::AuditKey;
    let file = audit_key_file(database_url)?;
    let read = |file: &std::path::Path| -> Result<AuditKey, String> {
        let bytes =
            std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        AuditKey::new(bytes).map_err(|e| format!("{}: {e}", file.display()))
    };
    if file.exists() || !create {
        return read(&file);
    }
    if let Some(dir) = file.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
    }
    let secret = crate::auth::tokens::random_secret(48);
    match write_private(&file, secret.as_bytes()) {
        Ok(()) => AuditKey::new(secret.into_bytes()),
        // Another process made it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read(&file),
        Err(e) => Err(format!("cannot write {}: {e}", file.display())),
    }
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;

    #[test]
    fn the_audit_key_is_made_once_private_and_never_made_by_a_reader() {
        let dir = std::env::temp_dir().join(format!("qldv-audit-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let url = format!("sqlite://{}/qldv.db", dir.display());
        assert!(read_audit_key(&url).is_err(), "a reader made a key");
        assert!(!dir.join("audit.key").exists());
        let made = audit_key(&url, true).unwrap();
        assert_eq!(read_audit_key(&url).ok(), Some(made));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("audit.key"))
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or_default();
            assert_eq!(mode, 0o600);
        }
        assert!(
            audit_key_file("postgres://u@h/db").is_err() || env("QLDV_AUDIT_KEY_FILE").is_some()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
