//! Shared state of a running server: the handle every handler reaches. Building it from the
//! environment (migrations, keys, start-up work) is [`crate::startup`]'s.

use chrono::Duration;

use crate::auth::jwt::JwtKeys;
use crate::db::{self, DbPool, Engine, PoolOptions};

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Database connections.
    pub pool: DbPool,
    /// The database engine.
    pub engine: Engine,
    /// Access-token keys and lifetime.
    pub jwt: JwtKeys,
    /// Refresh-token lifetime.
    pub refresh_ttl: Duration,
    /// How long one sign-in may be kept alive by refreshing, at most.
    pub refresh_family_lifetime: Duration,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`QLDV_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<crate::domain::client_address::IpNet>,
    /// Password verifications allowed at once (Argon2 is slow and memory-hungry on purpose): a
    /// flood of sign-ins queues here, holding neither a database connection nor a thread.
    pub password_gate: std::sync::Arc<tokio::sync::Semaphore>,
    /// A fixed "today" (tests of date-dependent rules); `None` uses the calendar.
    pub fixed_today: Option<chrono::NaiveDate>,
    /// The bulk imports running in this process: progress and places.
    pub imports: crate::services::imports::Running,
    /// The key this installation signs sync packages with (`None`: exports are refused).
    pub sync_key: Option<crate::services::sync::SyncKey>,
    /// Browser origins allowed to call the API across origins (`QLDV_CORS_ORIGINS`).
    pub cors_origins: Vec<String>,
    /// Whether responses carry `Strict-Transport-Security` (`QLDV_HSTS`: behind TLS).
    pub hsts: bool,
}

/// How to build the state.
#[derive(Debug, Clone)]
pub struct StateOptions {
    /// Database URL.
    pub database_url: String,
    /// Access-token signing secret.
    pub jwt_secret: Vec<u8>,
    /// Access-token lifetime, minutes.
    pub access_token_minutes: i64,
    /// Refresh-token lifetime, days.
    pub refresh_token_days: i64,
    /// Absolute lifetime of a sign-in's refresh tokens, days.
    pub refresh_family_days: i64,
    /// Pool sizing.
    pub pool: PoolOptions,
}

impl AppState {
    /// How long refresh tokens and sign-ins live.
    pub fn refresh_lifetimes(&self) -> crate::models::refresh_token::Lifetimes {
        crate::models::refresh_token::Lifetimes {
            token: self.refresh_ttl,
            family: self.refresh_family_lifetime,
        }
    }

    /// Today's date in Vietnam (or the fixed date of a test).
    pub fn today(&self) -> chrono::NaiveDate {
        self.fixed_today.unwrap_or_else(crate::models::today)
    }

    /// Builds the state without touching the database (connections open on first use);
    /// [`crate::startup::open`] migrates first.
    pub fn unchecked(opts: &StateOptions, engine: Engine) -> Result<Self, String> {
        Ok(Self {
            pool: db::pool(&opts.database_url, &opts.pool)?,
            engine,
            jwt: JwtKeys::new(&opts.jwt_secret, opts.access_token_minutes * 60),
            refresh_ttl: Duration::days(opts.refresh_token_days),
            refresh_family_lifetime: Duration::days(opts.refresh_family_days),
            trusted_proxies: Vec::new(),
            password_gate: std::sync::Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            )),
            fixed_today: None,
            imports: Default::default(),
            sync_key: None,
            cors_origins: Vec::new(),
            hsts: false,
        })
    }
}
