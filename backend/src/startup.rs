//! Start-up: from the environment to a ready [`AppState`] — the database's directory, the keys,
//! logging, the connection checked, migrations and their follow-up work, the first administrator,
//! and the background tasks of a running server.
//!
//! [`AppState`] is only the handle the handlers share; everything that happens once, before the
//! first request, is here.

use crate::config::Config;
use crate::db::{self, PoolOptions};
use crate::services::bootstrap::{self, AdminPassword, Bootstrap};
use crate::state::{AppState, StateOptions};

/// The database URL of the environment (`QLDV_DATABASE_URL`, else the default SQLite file),
/// read without the rest of the configuration (a read-only command needs nothing else).
pub fn database_url() -> String {
    std::env::var("QLDV_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| crate::config::DEFAULT_DATABASE_URL.into())
}

/// Creates the directory of a SQLite file (the default `data/`, open to the server's user only),
/// so no configuration is needed.
fn prepare_sqlite_dir(url: &str) -> Result<(), String> {
    if db::Engine::from_url(url)? == db::Engine::Sqlite {
        if let Some(dir) = std::path::Path::new(db::engine_sqlite_path(url)).parent() {
            if !dir.as_os_str().is_empty() {
                crate::config::create_private_dir(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
    }
    Ok(())
}

/// How to build the state from the configuration.
pub fn state_options(config: &Config) -> StateOptions {
    StateOptions {
        database_url: config.database_url.clone(),
        jwt_secret: config.jwt_secret.clone(),
        access_token_minutes: config.access_token_minutes,
        refresh_token_days: config.refresh_token_days,
        refresh_family_days: config.refresh_family_days,
        pool: PoolOptions {
            max_size: config.pool_size,
            ..PoolOptions::default()
        },
    }
}

/// Reads the configuration, installs the audit key, starts logging, opens (and migrates) the
/// database, and fills the state with the configured keys and limits: what every command that
/// uses the database does first.
pub fn load() -> Result<(Config, AppState), String> {
    let url = database_url();
    prepare_sqlite_dir(&url)?;
    let config = Config::from_env()?;
    crate::models::audit_chain::install_key(config.audit_key.clone())?;
    crate::telemetry::init(config.log_format, &config.log_filter);
    tracing::info!(database = %db::redact(&config.database_url), "opening database");
    let mut state = open(&state_options(&config))?;
    state.sync_key = config.sync_key.clone();
    state.cors_origins = config.cors_origins.clone();
    state.imports = crate::services::imports::Running::with_capacity(config.max_imports);
    state.trusted_proxies = config.trusted_proxies.clone();
    state.hsts = config.hsts;
    Ok((config, state))
}

/// Connects (failing fast with a message naming the engine and host), applies pending
/// migrations and the work that follows them, and builds the state.
pub fn open(opts: &StateOptions) -> Result<AppState, String> {
    let mut conn = db::connect(&opts.database_url)?;
    let applied = db::run_migrations(&mut conn)?;
    if applied
        .iter()
        .any(|v| v.replace('-', "") == crate::models::audit_chain::BOUNDARY_MIGRATION)
    {
        // This process applied the migration that binds the chain's boundaries to the key.
        crate::models::audit_chain::confirm_boundaries(&mut conn).map_err(|e| e.to_string())?;
    }
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database migrated");
    }
    // Audit entries from before the chain are not chained here (nor anywhere at run time):
    // chaining whatever an unchained entry says would launder one slipped into the database.
    crate::models::name_word::refresh_stats(&mut conn).map_err(|e| e.to_string())?;
    let derived = crate::models::member::MemberRow::derive_pending_interruptions(&mut conn)
        .map_err(|e| e.to_string())?;
    if derived > 0 {
        tracing::info!(
            members = derived,
            "interruptions of party age derived as dated periods"
        );
    }
    let built =
        crate::models::composition_rollup::build_if_stale(&mut conn).map_err(|e| e.to_string())?;
    if let Some(counts) = built {
        tracing::info!(counts, "composition counts built from the members");
    }
    let engine = conn.engine();
    drop(conn);
    AppState::unchecked(opts, engine)
}

/// Before a server takes requests: the first administrator (with the configured password, or
/// a generated one written to the configured file) and imports left running by a stopped server
/// marked interrupted; each outcome is logged.
pub async fn prepare_server(config: &Config, state: &AppState) -> Result<(), String> {
    let pool = state.pool.clone();
    let admin_password = config.admin_password.clone();
    let password_file = config.admin_password_file.clone();
    let outcome = actix_web::web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        let password = match admin_password.as_deref() {
            Some(p) => AdminPassword::Given(p),
            None => AdminPassword::GenerateInto(&password_file),
        };
        bootstrap::ensure_admin(&mut conn, password).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())??;
    let pool = state.pool.clone();
    let interrupted = actix_web::web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        crate::models::import::ImportRow::mark_interrupted(&mut conn).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())??;
    if interrupted > 0 {
        tracing::warn!(interrupted, "imports left running by a stopped server marked interrupted (nothing of theirs was written)");
    }
    fold_now_and_then(state.pool.clone());
    match outcome {
        Bootstrap::GeneratedInto(file) => tracing::warn!(
            file = %file.display(),
            "created user 'admin' with a generated password, written to the file (readable by this server's user only); sign in, change it, then delete the file"
        ),
        Bootstrap::Created => tracing::info!("created user 'admin' with QLDV_ADMIN_PASSWORD"),
        Bootstrap::AlreadyHasUsers => {}
    }
    Ok(())
}

/// How often the server folds the composition counts' pending changes.
const FOLD_EVERY: std::time::Duration = std::time::Duration::from_secs(300);

/// Folds the composition counts' pending changes at start and every [`FOLD_EVERY`], so that the
/// queue stays short where nobody reads the composition report (a report or an import folds
/// too); a failure (the database away) is logged and retried at the next turn.
fn fold_now_and_then(pool: db::DbPool) {
    actix_web::rt::spawn(async move {
        let mut every = actix_web::rt::time::interval(FOLD_EVERY);
        loop {
            every.tick().await;
            match db::run(&pool, crate::models::composition_rollup::fold).await {
                Ok(0) => {}
                Ok(folded) => tracing::info!(folded, "composition changes folded into the counts"),
                Err(e) => {
                    tracing::warn!(error = %e, "folding composition changes failed; retried later")
                }
            }
        }
    });
}
