//! `qldv sync …`: packages between installations from the command line.

use std::path::PathBuf;

use clap::Subcommand;
use qldv::auth::{Actor, AuthUser};
use qldv::db::rows::reserve_id_block;
use qldv::models::uow::Uow;
use qldv::services::sync::{self, ID_TABLES};
use qldv_api_types::changes::TrustedKey;
use qldv_api_types::OrgId;

/// What to do.
#[derive(Subcommand)]
pub enum Action {
    /// Print this installation's public key (the receiving installation trusts it).
    Key,
    /// Accept packages signed with another installation's public key, written only inside the
    /// subtree of one organisation.
    Trust {
        /// Its public key (base64), as `qldv sync key` prints it there.
        key: String,
        /// Who it is, e.g. "Đảng ủy xã Tân Lạc".
        #[arg(long)]
        name: String,
        /// The organisation whose subtree its packages may write (it need not be here yet: the
        /// first package from there brings it).
        #[arg(long)]
        organization: i64,
    },
    /// Make new records' ids start at BLOCK × 10¹², once, before this installation records
    /// anything: installations that exchange packages each use their own block.
    Init {
        /// This installation's block (the province's server 0, each commune's its own number).
        #[arg(long)]
        id_block: i64,
    },
    /// Write the changes of an organisation's subtree after a cursor to a signed package.
    Export {
        /// The organisation.
        #[arg(long)]
        organization: i64,
        /// The `until` of the last package sent (0: everything).
        #[arg(long, default_value_t = 0)]
        since: i64,
        /// The package file to write.
        #[arg(long)]
        out: PathBuf,
        /// The account the export is made as (its scope applies).
        #[arg(long, default_value = "admin")]
        user: String,
    },
    /// Apply a package from a trusted installation; the report goes to standard output.
    Import {
        /// The package file.
        file: PathBuf,
        /// The administrator account the import is made as.
        #[arg(long, default_value = "admin")]
        user: String,
    },
}

/// Runs one action.
pub fn run(action: Action) -> Result<(), String> {
    let (_, state) = qldv::startup::load()?;
    let mut conn = state.pool.get().map_err(|e| e.to_string())?;
    let key = || {
        state
            .sync_key
            .clone()
            .ok_or("no sync key: set QLDV_SYNC_KEY_FILE".to_string())
    };
    match action {
        Action::Key => println!("{}", key()?.public_key()),
        Action::Trust {
            key,
            name,
            organization,
        } => {
            qldv::db::unit_of_work(&mut conn, |c: &mut Uow<'_>| {
                sync::trust(
                    c,
                    &Actor::system("cli"),
                    &TrustedKey {
                        public_key: key,
                        name,
                        organization_id: Some(organization),
                    },
                )
            })
            .map_err(super::problem_text)?;
            eprintln!("đã tin cậy khóa");
        }
        Action::Init { id_block } => {
            qldv::db::write_transaction(&mut conn, |c| reserve_id_block(c, ID_TABLES, id_block))
                .map_err(super::problem_text)?;
            eprintln!("mã bản ghi mới bắt đầu từ {id_block} × 10¹²");
        }
        Action::Export {
            organization,
            since,
            out,
            user,
        } => {
            let caller = AuthUser::of_account(&mut conn, &user).map_err(super::problem_text)?;
            let bytes = sync::export(&mut conn, &caller, &key()?, OrgId(organization), since)
                .map_err(super::problem_text)?;
            std::fs::write(&out, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let opened = sync::open(&bytes).map_err(super::problem_text)?;
            eprintln!(
                "{}: {} bản ghi, thay đổi {}..{} (lần sau: --since {})",
                out.display(),
                opened.payload.records.len(),
                opened.payload.since,
                opened.payload.until,
                opened.payload.until
            );
        }
        Action::Import { file, user } => {
            let bytes =
                std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let caller = AuthUser::of_account(&mut conn, &user).map_err(super::problem_text)?;
            let report = qldv::db::unit_of_work(&mut conn, |c: &mut Uow<'_>| {
                sync::apply(c, &caller, &bytes, qldv::models::today())
            })
            .map_err(super::problem_text)?;
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
            eprintln!(
                "{}: ghi {}, không đổi {}, xung đột {}{}",
                file.display(),
                report.applied,
                report.unchanged,
                report.conflicts.len(),
                if report.already_applied {
                    " (gói đã áp dụng trước đây: không thay đổi gì)"
                } else {
                    ""
                }
            );
        }
    }
    Ok(())
}
