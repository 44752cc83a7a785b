//! The command line of `qldv`: one module per command; each runs the library's services and
//! prints for a person (progress and summaries on standard error, results on standard output).

mod audit;
mod check;
mod import;
mod memory;
mod openapi;
mod seed;
mod serve;
mod sync;
mod users;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
        action: audit::Action,
    },
    /// Print the OpenAPI document (or write it to --out).
    Openapi {
        /// File to write instead of standard output.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
}

/// Parses the command line, runs the command, and turns its outcome into the exit status (a
/// failure printed as one line on standard error).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve => {
            memory::return_freed_memory();
            actix_web::rt::System::new().block_on(serve::run())
        }
        Command::Migrate => qldv::startup::load().map(|_| println!("database is up to date")),
        Command::CreateUser {
            username,
            role,
            organization,
        } => users::create(&username, &role, organization),
        Command::Import {
            file,
            organization,
            user,
            skip_invalid,
        } => import::run(&file, organization, &user, skip_invalid),
        Command::Seed { members, seed } => seed::run(members, seed),
        Command::Sync { action } => sync::run(action),
        Command::Check => check::run(),
        Command::Audit { action } => audit::run(action),
        Command::Openapi { out } => openapi::write(out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qldv: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A refused operation as one line for the terminal: the message, its code, and each field's
/// message.
fn problem_text(e: qldv::error::AppError) -> String {
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
