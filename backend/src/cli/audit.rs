//! `qldv audit verify`: the tamper-evident audit trail checked from outside the server.

use clap::Subcommand;

/// `qldv audit …`.
#[derive(Subcommand)]
pub enum Action {
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

/// Runs one action.
pub fn run(action: Action) -> Result<(), String> {
    match action {
        Action::Verify { expect } => verify(expect),
    }
}

fn verify(expect: Option<String>) -> Result<(), String> {
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
    let url = qldv::startup::database_url();
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
