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
    /// `QLDV_REFRESH_FAMILY_DAYS`: how long one sign-in may be kept alive by refreshing, at most
    /// (default 30 days; then the user signs in again).
    pub refresh_family_days: i64,
    /// `QLDV_ADMIN_PASSWORD_FILE`: where a generated bootstrap password is written (readable by the
    /// server's user only); `admin.password` beside a SQLite database, else `data/admin.password`.
    pub admin_password_file: PathBuf,
    /// `QLDV_TRUSTED_PROXIES`: comma-separated addresses or networks (`10.0.0.0/8`) of the
    /// reverse proxies whose `X-Forwarded-For` names the caller; none by default (the header is
    /// ignored and the connection's peer is the caller).
    pub trusted_proxies: Vec<crate::domain::client_address::IpNet>,
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
    /// `QLDV_HSTS`: `1` when clients reach the server only through HTTPS (a TLS-terminating
    /// reverse proxy in front): every response then carries `Strict-Transport-Security`.
    pub hsts: bool,
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

/// A yes/no setting: `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off` (unset: no).
fn env_flag(name: &str) -> Result<bool, String> {
    parse_flag(name, env(name).as_deref())
}

fn parse_flag(name: &str, value: Option<&str>) -> Result<bool, String> {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("0" | "false" | "no" | "off") => Ok(false),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some(other) => Err(format!("{name}={other:?}: use 1 or 0")),
    }
}

impl Config {
    /// Reads the configuration from the environment.
    pub fn from_env() -> Result<Self, String> {
        let database_url = env("QLDV_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        let jwt_secret = jwt_secret(&database_url)?;
        let sync_key = sync_key(&database_url)?;
        let admin_password_file = admin_password_file(&database_url);
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
            refresh_family_days: env_parse("QLDV_REFRESH_FAMILY_DAYS", 30)?,
            admin_password_file,
            trusted_proxies: trusted_proxies()?,
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
            max_imports: env_parse(
                "QLDV_MAX_IMPORTS",
                crate::services::imports::Running::DEFAULT_CAPACITY,
            )?,
            hsts: env_flag("QLDV_HSTS")?,
        })
    }
}

/// `QLDV_TRUSTED_PROXIES`, each an address or a network.
fn trusted_proxies() -> Result<Vec<crate::domain::client_address::IpNet>, String> {
    let Some(list) = env("QLDV_TRUSTED_PROXIES") else {
        return Ok(Vec::new());
    };
    crate::domain::client_address::parse_list(&list).map_err(|bad| {
        format!("QLDV_TRUSTED_PROXIES: {bad:?} is not an address or a network like 10.0.0.0/8")
    })
}

/// `QLDV_ADMIN_PASSWORD_FILE`, else `admin.password` beside a SQLite database, else
/// `data/admin.password`.
fn admin_password_file(database_url: &str) -> PathBuf {
    if let Some(f) = env("QLDV_ADMIN_PASSWORD_FILE") {
        return PathBuf::from(f);
    }
    if database_url.starts_with("sqlite:") {
        let db = PathBuf::from(crate::db::engine_sqlite_path(database_url));
        if let Some(dir) = db.parent() {
            return dir.join("admin.password");
        }
    }
    PathBuf::from("data/admin.password")
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
pub fn jwt_secret(database_url: &str) -> Result<Vec<u8>, String> {
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
            create_private_dir(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
    }
    write_private(&file, secret.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(secret.into_bytes())
}

/// The sync signing key: from `QLDV_SYNC_KEY_FILE`, else from `sync.key` beside a SQLite
/// database (created once); `None` for a PostgreSQL deployment that names no file.
pub fn sync_key(database_url: &str) -> Result<Option<crate::services::sync::SyncKey>, String> {
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
            create_private_dir(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
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

/// Creates a directory (and its missing parents) open to the server's user only (mode 0700); an
/// existing directory is left as it is.
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes a new file readable and writable by the server's user only: created with mode 0600
/// (never widened then narrowed), and never over an existing file.
#[cfg(unix)]
pub fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)
}

/// Writes a new file (no Unix permissions on this system), never over an existing file.
#[cfg(not(unix))]
pub fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
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

    #[test]
    fn a_flag_is_off_unless_said_and_a_typo_is_refused() {
        assert_eq!(parse_flag("QLDV_HSTS", None), Ok(false));
        assert_eq!(parse_flag("QLDV_HSTS", Some("0")), Ok(false));
        assert_eq!(parse_flag("QLDV_HSTS", Some("1")), Ok(true));
        assert_eq!(parse_flag("QLDV_HSTS", Some(" True ")), Ok(true));
        let refused = parse_flag("QLDV_HSTS", Some("yes please"));
        assert!(
            matches!(&refused, Err(e) if e.contains("QLDV_HSTS")),
            "{refused:?}"
        );
    }
}
