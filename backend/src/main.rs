//! `qldv`: the server and its command line.

use std::process::ExitCode;

use actix_web::HttpServer;
use clap::{Parser, Subcommand};
use qldv::auth::Role;
use qldv::config::Config;
use qldv::db::{self, PoolOptions};
use qldv::services::bootstrap::{self, AdminPassword, Bootstrap};
use qldv::state::{AppState, StateOptions};

#[derive(Parser)]
#[command(
    name = "qldv",
    version,
    about = "QLĐV — quản lý đảng viên (party-member records)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (QLDV_BIND, QLDV_DATABASE_URL; migrations run at start).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a user account (the password is read from QLDV_NEW_USER_PASSWORD or standard input).
    CreateUser {
        /// User name.
        #[arg(long)]
        username: String,
        /// Role: admin, organizer, viewer or integration.
        #[arg(long, default_value = "organizer")]
        role: String,
        /// Scope root (organisation id); required except for admin.
        #[arg(long)]
        organization: Option<i64>,
    },
    /// Import existing member records from a spreadsheet (XLSX or CSV with the template's
    /// headers): all or nothing, rows already recorded (same CCCD or personal-history number)
    /// left unchanged; progress on standard error, the error report on standard output.
    Import {
        /// The file.
        file: std::path::PathBuf,
        /// The organisation the rows go to (a row's "Mã chi bộ" may name a cell inside it).
        #[arg(long)]
        organization: i64,
        /// The account the import is made as (its scope applies).
        #[arg(long, default_value = "admin")]
        user: String,
        /// Import the good rows and report the bad ones, instead of all or nothing.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Fill an empty database with a realistic, deterministic dataset (benchmarks, demonstrations).
    Seed {
        /// Members in all (active and exited).
        #[arg(long)]
        members: u64,
        /// Random seed: the same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Sync packages between installations (signed with this installation's Ed25519 key).
    Sync {
        #[command(subcommand)]
        action: sync::Action,
    },
    /// Check the database's invariants (after a crash, a restore or a sync): the tree's paths,
    /// one open membership period per active member in its own cell, transfers in transit.
    /// Exits with 1 on any break, listing them.
    Check,
    /// The tamper-evident audit trail.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Print the OpenAPI document (or write it to --out).
    Openapi {
        /// File to write instead of standard output.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

/// `qldv audit …`.
#[derive(Subcommand)]
enum AuditAction {
    /// Recompute the keyed hash chain of the audit trail (key from QLDV_AUDIT_KEY_FILE, the
    /// database opened read-only): report every entry edited, removed or written around the
    /// server; print the head (record it to check later with --expect). Exits with 1 when the
    /// trail is broken.
    Verify {
        /// A head printed by an earlier run, as SEQ:HASH: that entry must be unchanged.
        #[arg(long)]
        expect: Option<String>,
    },
}

fn check_database() -> Result<(), String> {
    let (_, state) = load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let problems = qldv::services::integrity::check(&mut conn).map_err(problem_text)?;
    if problems.is_empty() {
        eprintln!("cơ sở dữ liệu nhất quán");
        return Ok(());
    }
    for p in &problems {
        println!("{p}");
    }
    Err(format!("{} chỗ không nhất quán", problems.len()))
}

fn audit_verify(expect: Option<String>) -> Result<(), String> {
    let expect = match expect.as_deref() {
        None => None,
        Some(e) => {
            let (seq, hash) = e
                .split_once(':')
                .and_then(|(s, h)| s.parse::<i64>().ok().map(|s| (s, h.to_string())))
                .ok_or_else(|| format!("--expect {e:?}: use SEQ:HASH as printed by verify"))?;
            Some((seq, hash))
        }
    };
    // Read-only: no migration, no start-up work, the database opened read-only, and the key
    // read (never made) from where the server keeps it.
    let url = database_url();
    qldv::models::audit_chain::install_key(qldv::config::read_audit_key(&url)?)?;
    let v = qldv::models::audit_chain::verify_database(
        &url,
        expect.as_ref().map(|(s, h)| (*s, h.as_str())),
    )?;
    println!("{}", serde_json::to_string(&v).map_err(|e| e.to_string())?);
    if v.intact() {
        eprintln!(
            "nhật ký nguyên vẹn: {} mục; đầu chuỗi {}:{}",
            v.entries, v.head_seq, v.head_hash
        );
        Ok(())
    } else {
        for p in &v.problems {
            eprintln!("- {p}");
        }
        Err(format!(
            "nhật ký đã bị can thiệp ({} vấn đề)",
            v.problems.len()
        ))
    }
}

#[path = "cli_import.rs"]
mod import;
#[path = "cli_sync.rs"]
mod sync;

fn state_options(config: &Config) -> StateOptions {
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

/// Creates the directory of a SQLite file (the default `data/`, open to the server's user only),
/// so no configuration is needed.
fn prepare_sqlite_dir(url: &str) -> Result<(), String> {
    if db::Engine::from_url(url)? == db::Engine::Sqlite {
        if let Some(dir) = std::path::Path::new(db::engine_sqlite_path(url)).parent() {
            if !dir.as_os_str().is_empty() {
                qldv::config::create_private_dir(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
    }
    Ok(())
}

fn database_url() -> String {
    std::env::var("QLDV_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| qldv::config::DEFAULT_DATABASE_URL.into())
}

pub(crate) fn load() -> Result<(Config, AppState), String> {
    let url = database_url();
    prepare_sqlite_dir(&url)?;
    let config = Config::from_env()?;
    qldv::models::audit_chain::install_key(config.audit_key.clone())?;
    qldv::telemetry::init(config.log_format, &config.log_filter);
    tracing::info!(database = %db::redact(&config.database_url), "opening database");
    let mut state = AppState::open(&state_options(&config))?;
    state.sync_key = config.sync_key.clone();
    state.cors_origins = config.cors_origins.clone();
    state.imports = qldv::services::imports::Running::with_capacity(config.max_imports);
    state.trusted_proxies = config.trusted_proxies.clone();
    state.hsts = config.hsts;
    Ok((config, state))
}

async fn serve() -> Result<(), String> {
    let (config, state) = load()?;
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
        qldv::models::import::ImportRow::mark_interrupted(&mut conn).map_err(|e| e.to_string())
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
    let static_dir = config.static_dir.clone();
    tracing::info!(bind = %config.bind, engine = state.engine.name(), "listening; API docs at /api/docs/");
    HttpServer::new(move || qldv::app(state.clone(), Some(static_dir.clone())))
        .bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?
        .shutdown_timeout(30)
        .run()
        .await
        .map_err(|e| e.to_string())
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
            match db::run(&pool, qldv::models::composition_rollup::fold).await {
                Ok(0) => {}
                Ok(folded) => tracing::info!(folded, "composition changes folded into the counts"),
                Err(e) => {
                    tracing::warn!(error = %e, "folding composition changes failed; retried later")
                }
            }
        }
    });
}

fn read_password() -> Result<String, String> {
    if let Ok(p) = std::env::var("QLDV_NEW_USER_PASSWORD") {
        return Ok(p);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn create_user(username: &str, role: &str, organization: Option<i64>) -> Result<(), String> {
    let role = role
        .parse::<Role>()
        .map_err(|_| format!("unknown role {role:?}"))?;
    let password = read_password()?;
    if password.chars().count() < 10 {
        return Err("the password must have at least 10 characters".into());
    }
    let (_, state) = load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let row = qldv::services::users::create_as_system(
        &mut conn,
        "cli",
        username,
        &password,
        role,
        organization,
    )
    .map_err(problem_text)?;
    println!("created user {} (id {})", row.username, row.id);
    Ok(())
}

fn write_openapi(out: Option<std::path::PathBuf>) -> Result<(), String> {
    let json = qldv::openapi_document()
        .to_pretty_json()
        .map_err(|e| e.to_string())?;
    match out {
        Some(path) => std::fs::write(&path, format!("{json}\n"))
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

/// A refused operation as one line for the terminal: the message, its code, and each field's
/// message.
pub(crate) fn problem_text(e: qldv::error::AppError) -> String {
    let p = e.problem();
    let fields: Vec<String> = p
        .errors
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect();
    if fields.is_empty() {
        format!("{} ({})", p.detail, p.code)
    } else {
        format!("{} ({}): {}", p.detail, p.code, fields.join("; "))
    }
}

fn seed_database(members: u64, seed: u64) -> Result<(), String> {
    use qldv::services::seed::{self, SeedOptions};
    let (_, state) = load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let opts = SeedOptions {
        members,
        seed,
        today: state.today(),
    };
    let summary = seed::run(&mut conn, &opts, |done| {
        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
        eprintln!("{done}/{members} đảng viên ({rate:.0}/giây)");
    })
    .map_err(problem_text)?;
    println!(
        "{}",
        serde_json::to_string(&summary).map_err(|e| e.to_string())?
    );
    eprintln!("xong sau {:.1} giây", started.elapsed().as_secs_f64());
    Ok(())
}

/// glibc gives threads that allocate at once their own arenas (up to eight per core) and keeps
/// freed memory inside them up to a trim threshold that grows with the largest block freed:
/// under 1,000 connections the server's resident memory reached 115–117 MB. With the threshold
/// held at 64 KB it stays at 85 MB and the cell list is as fast (fewer arenas saved memory too,
/// but cost up to 15 % of it in lock waits). glibc reads `MALLOC_TRIM_THRESHOLD_` before `main`,
/// so the server starts itself again with it set, once, before any thread exists — unless the
/// operator set it or `MALLOC_ARENA_MAX`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_freed_memory() {
    use std::os::unix::process::CommandExt as _;
    /// Bytes of free memory at the top of a heap kept before returning it.
    const TRIM_THRESHOLD: &str = "65536";
    if std::env::var_os("MALLOC_TRIM_THRESHOLD_").is_some()
        || std::env::var_os("MALLOC_ARENA_MAX").is_some()
    {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let err = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("MALLOC_TRIM_THRESHOLD_", TRIM_THRESHOLD)
        .exec();
    eprintln!("qldv: could not restart with MALLOC_TRIM_THRESHOLD_={TRIM_THRESHOLD}: {err}");
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_freed_memory() {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve => {
            return_freed_memory();
            actix_web::rt::System::new().block_on(serve())
        }
        Command::Migrate => load().map(|_| println!("database is up to date")),
        Command::CreateUser {
            username,
            role,
            organization,
        } => create_user(&username, &role, organization),
        Command::Import {
            file,
            organization,
            user,
            skip_invalid,
        } => import::run(&file, organization, &user, skip_invalid),
        Command::Seed { members, seed } => seed_database(members, seed),
        Command::Sync { action } => sync::run(action),
        Command::Check => check_database(),
        Command::Audit {
            action: AuditAction::Verify { expect },
        } => audit_verify(expect),
        Command::Openapi { out } => write_openapi(out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qldv: {e}");
            ExitCode::FAILURE
        }
    }
}
