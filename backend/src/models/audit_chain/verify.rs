//! Verifying the chain: every link recomputed with the key, reading only.

use diesel::prelude::*;

use super::{boundary_tag, key, link_hash, Boundary, BATCH, GENESIS};
use crate::db::schema::{audit_chain, audit_log};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::audit::AuditRow;

/// What [`verify`] found.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Verification {
    /// Entries checked.
    pub entries: i64,
    /// The head: the last sequence number and its hash (record them elsewhere to detect a
    /// rewrite of the whole chain later, with `--expect SEQ:HASH`).
    pub head_seq: i64,
    /// The head's hash.
    pub head_hash: String,
    /// The first place chained with the audit key (places before it were chained unkeyed,
    /// before the key existed; record it with the head).
    pub keyed_from: i64,
    /// Every break found, in Vietnamese (empty: the trail is intact).
    pub problems: Vec<String>,
}

impl Verification {
    /// Whether the trail is intact.
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Recomputes the whole chain with the installed audit key, reading only. `expect` is a head
/// recorded earlier (`seq`, `hash`): the entry at that place must still carry that hash.
pub fn verify(conn: &mut DbConn, expect: Option<(i64, &str)>) -> AppResult<Verification> {
    let key = key()?;
    let (head_seq, head_hash, legacy_until, legacy_unchained, keyed_from, tag): (
        i64,
        String,
        i64,
        i64,
        i64,
        Option<String>,
    ) = audit_chain::table
        .find(1)
        .select((
            audit_chain::seq,
            audit_chain::hash,
            audit_chain::legacy_until,
            audit_chain::legacy_unchained,
            audit_chain::keyed_from,
            audit_chain::boundary_tag,
        ))
        .first(conn)?;
    let bounds = Boundary {
        legacy_until,
        legacy_unchained,
        keyed_from,
    };
    let mut v = Verification {
        head_seq,
        head_hash: head_hash.clone(),
        keyed_from,
        ..Default::default()
    };
    match tag {
        None => v.problems.push(
            "Ranh giới của chuỗi chưa được xác nhận bằng khoá (hoặc dấu xác nhận đã bị xoá)".into(),
        ),
        Some(t) if t != boundary_tag(key, &bounds) => v.problems.push(
            "Ranh giới của chuỗi (legacy_until, legacy_unchained, keyed_from) đã bị sửa".into(),
        ),
        Some(_) => {}
    }
    if keyed_from > head_seq + 1 {
        v.problems.push(format!(
            "Ranh giới của chuỗi có khoá ({keyed_from}) nằm sau đầu chuỗi ({head_seq}): đã bị sửa"
        ));
    }
    let (mut prev, mut expected, mut last_hash) = (GENESIS.to_string(), 1_i64, GENESIS.to_string());
    loop {
        let rows: Vec<AuditRow> = audit_log::table
            .filter(audit_log::chain_seq.ge(expected))
            .order(audit_log::chain_seq)
            .limit(BATCH)
            .select(AuditRow::as_select())
            .load(conn)?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let seq = row.chain_seq.unwrap_or_default();
            let stored = row.chain_hash.clone().unwrap_or_default();
            if seq != expected {
                v.problems.push(format!(
                    "Thiếu mục {expected}–{} của chuỗi (đã bị xoá) trước mục #{}",
                    seq - 1,
                    row.id
                ));
            } else if link_hash(key, &bounds, &prev, seq, row) != stored {
                v.problems.push(format!(
                    "Mục #{} (vị trí {seq}) đã bị sửa sau khi ghi",
                    row.id
                ));
            }
            if expect.is_some_and(|(s, h)| s == seq && h != stored) {
                v.problems.push(format!(
                    "Vị trí {seq} không còn mang mã băm đã ghi nhận: chuỗi đã bị viết lại"
                ));
            }
            v.entries += 1;
            prev = stored.clone();
            last_hash = stored;
            expected = seq + 1;
        }
    }
    if expected - 1 != head_seq || last_hash != head_hash {
        v.problems.push(format!(
            "Chuỗi dừng ở vị trí {} nhưng đầu chuỗi ghi {head_seq}: các mục cuối đã bị xoá hoặc sửa",
            expected - 1
        ));
    }
    if let Some((s, _)) = expect.filter(|(s, _)| *s > expected - 1) {
        v.problems.push(format!(
            "Vị trí {s} đã ghi nhận trước đây không còn trong chuỗi"
        ));
    }
    let outside: i64 = audit_log::table
        .filter(audit_log::chain_seq.is_null())
        .filter(audit_log::id.gt(legacy_until))
        .count()
        .get_result(conn)?;
    if outside > 0 {
        v.problems.push(format!(
            "{outside} mục nhật ký không nằm trong chuỗi (được ghi thẳng vào cơ sở dữ liệu)"
        ));
    }
    let legacy: i64 = audit_log::table
        .filter(audit_log::chain_seq.is_null())
        .filter(audit_log::id.le(legacy_until))
        .count()
        .get_result(conn)?;
    if legacy != legacy_unchained {
        v.problems.push(format!(
            "Có {legacy} mục cũ (trước khi có chuỗi) ngoài chuỗi, nhưng lúc nâng cấp có \
             {legacy_unchained}: có mục đã bị thêm hoặc xoá"
        ));
    }
    Ok(v)
}

/// Opens the database read-only (SQLite `mode=ro`, a PostgreSQL session whose transactions are
/// read-only) and runs [`verify`]: what `qldv audit verify` does. Nothing is migrated, chained or
/// written, so an entry slipped in stays as it was found.
pub fn verify_database(
    database_url: &str,
    expect: Option<(i64, &str)>,
) -> Result<Verification, String> {
    let mut conn = connect_read_only(database_url)?;
    verify(&mut conn, expect).map_err(|e| {
        format!("{e} (a database not yet migrated to this version: run `qldv migrate` first)")
    })
}

fn connect_read_only(url: &str) -> Result<DbConn, String> {
    use diesel::connection::SimpleConnection;
    match crate::db::Engine::from_url(url)? {
        crate::db::Engine::Postgresql => {
            let mut c = diesel::PgConnection::establish(url)
                .map_err(|e| format!("cannot connect to PostgreSQL: {}", e.to_string().trim()))?;
            c.batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                .map_err(|e| format!("cannot make the session read-only: {e}"))?;
            Ok(DbConn::Postgresql(c))
        }
        crate::db::Engine::Sqlite => {
            let path = crate::db::engine_sqlite_path(url);
            if !std::path::Path::new(path).exists() {
                return Err(format!("no SQLite database at {path}"));
            }
            let escaped = path
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23");
            let mut c = diesel::SqliteConnection::establish(&format!("file:{escaped}?mode=ro"))
                .map_err(|e| format!("cannot open SQLite database {path}: {e}"))?;
            c.batch_execute("PRAGMA busy_timeout = 10000;")
                .map_err(|e| format!("cannot configure SQLite database {path}: {e}"))?;
            Ok(DbConn::Sqlite(c))
        }
    }
}
