//! The audit trail's hash chain: entries are chained in commit order when their transaction
//! commits, and [`verify`] finds any entry edited, removed or added around the server.

use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::audit::AuditRow;
use crate::db::schema::{audit_chain, audit_log};
use crate::db::DbConn;
use crate::error::AppResult;

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Rows read or chained per statement.
const BATCH: i64 = 5_000;

fn field(buf: &mut Vec<u8>, value: Option<&str>) {
    match value {
        Some(v) => {
            buf.extend_from_slice(v.len().to_string().as_bytes());
            buf.push(b':');
            buf.extend_from_slice(v.as_bytes());
        }
        None => buf.push(b'~'),
    }
    buf.push(b'|');
}

/// SHA-256 (hex) of the previous hash, the entry's place in the chain and every field of the
/// entry, each length-prefixed so no two different entries share an encoding.
pub fn entry_hash(prev: &str, seq: i64, row: &AuditRow) -> String {
    let mut buf = Vec::with_capacity(256);
    field(&mut buf, Some(prev));
    field(&mut buf, Some(&seq.to_string()));
    field(&mut buf, Some(&row.id.to_string()));
    field(
        &mut buf,
        Some(&row.at.format("%Y-%m-%dT%H:%M:%S%.f").to_string()),
    );
    field(&mut buf, row.request_id.as_deref());
    field(&mut buf, row.actor_id.map(|a| a.to_string()).as_deref());
    field(&mut buf, Some(&row.actor_username));
    field(&mut buf, Some(&row.action));
    field(&mut buf, Some(&row.entity));
    field(&mut buf, Some(&row.entity_id));
    field(&mut buf, row.scope_path.as_deref());
    field(&mut buf, row.before_data.as_deref());
    field(&mut buf, row.after_data.as_deref());
    hex::encode(Sha256::digest(&buf))
}

/// Chains the entries `ids` (those still present: a savepoint may have rolled some back), in id
/// order, after the current head, a few thousand at a time. Runs last in a write transaction:
/// the head's row lock, taken by the first step, is held to the commit, so transactions chain
/// one after another in commit order.
pub fn seal(conn: &mut DbConn, ids: &[i64]) -> AppResult<()> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    let mut prev: Option<String> = None;
    for chunk in ids.chunks(BATCH as usize) {
        let mut rows: Vec<AuditRow> = audit_log::table
            .filter(audit_log::id.eq_any(chunk))
            .filter(audit_log::chain_seq.is_null())
            .select(AuditRow::as_select())
            .load(conn)?;
        if rows.is_empty() {
            continue;
        }
        rows.sort_by_key(|r| r.id);
        let n = rows.len() as i64;
        // Reserves n places; the hash returned is the head's as stored (the previous
        // transaction's), which only the first step needs.
        let (end, stored): (i64, String) = diesel::update(audit_chain::table.find(1))
            .set(audit_chain::seq.eq(audit_chain::seq + n))
            .returning((audit_chain::seq, audit_chain::hash))
            .get_result(conn)?;
        let mut hash = prev.take().unwrap_or(stored);
        let mut seq = end - n;
        let mut links: Vec<(i64, i64, String)> = Vec::with_capacity(rows.len());
        for row in &rows {
            seq += 1;
            hash = entry_hash(&hash, seq, row);
            links.push((row.id, seq, hash.clone()));
        }
        for chunk in links.chunks(500) {
            link(conn, chunk)?;
        }
        prev = Some(hash);
    }
    if let Some(head) = prev {
        diesel::update(audit_chain::table.find(1))
            .set(audit_chain::hash.eq(&head))
            .execute(conn)?;
    }
    Ok(())
}

/// Writes the chain places of entries `(id, seq, hash)` in one statement (numbers and hex
/// digits of our own, so they are written as literals).
fn link(conn: &mut DbConn, links: &[(i64, i64, String)]) -> AppResult<()> {
    let values: Vec<String> = links
        .iter()
        .map(|(id, seq, hash)| format!("({id}, {seq}, '{}')", hash.replace('\'', "")))
        .collect();
    let sql = format!(
        "WITH v (id, seq, hash) AS (VALUES {}) \
         UPDATE audit_log SET chain_seq = v.seq, chain_hash = v.hash FROM v WHERE audit_log.id = v.id",
        values.join(", ")
    );
    match conn {
        DbConn::Postgresql(c) => diesel::sql_query(sql).execute(c)?,
        DbConn::Sqlite(c) => diesel::sql_query(sql).execute(c)?,
    };
    Ok(())
}

/// Chains the entries written before the chain existed (once, at start-up); returns how many.
pub fn seal_legacy(conn: &mut DbConn) -> AppResult<usize> {
    let mut total = 0;
    loop {
        let n = crate::db::write_transaction(conn, |c| {
            let until: i64 = audit_chain::table
                .find(1)
                .select(audit_chain::legacy_until)
                .first(c)?;
            let ids: Vec<i64> = audit_log::table
                .filter(audit_log::chain_seq.is_null())
                .filter(audit_log::id.le(until))
                .order(audit_log::id)
                .limit(BATCH)
                .select(audit_log::id)
                .load(c)?;
            seal(c, &ids)?;
            Ok(ids.len())
        })?;
        total += n;
        if n < BATCH as usize {
            return Ok(total);
        }
    }
}

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
    /// Every break found, in Vietnamese (empty: the trail is intact).
    pub problems: Vec<String>,
}

impl Verification {
    /// Whether the trail is intact.
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Recomputes the whole chain. `expect` is a head recorded earlier (`seq`, `hash`): the entry
/// at that place must still carry that hash.
pub fn verify(conn: &mut DbConn, expect: Option<(i64, &str)>) -> AppResult<Verification> {
    let (head_seq, head_hash, legacy_until): (i64, String, i64) = audit_chain::table
        .find(1)
        .select((
            audit_chain::seq,
            audit_chain::hash,
            audit_chain::legacy_until,
        ))
        .first(conn)?;
    let mut v = Verification {
        head_seq,
        head_hash: head_hash.clone(),
        ..Default::default()
    };
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
            } else if entry_hash(&prev, seq, row) != stored {
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
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(after: Option<&str>) -> AuditRow {
        AuditRow {
            id: 7,
            at: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .and_then(|d| d.and_hms_micro_opt(8, 30, 0, 123_456))
                .unwrap_or_default(),
            request_id: Some("r".into()),
            actor_id: Some(1),
            actor_username: "admin".into(),
            action: "update".into(),
            entity: "member".into(),
            entity_id: "42".into(),
            scope_path: Some("/1/".into()),
            before_data: None,
            after_data: after.map(str::to_string),
            chain_seq: None,
            chain_hash: None,
        }
    }

    #[test]
    fn any_field_the_place_or_the_previous_hash_changes_the_hash() {
        let base = entry_hash(GENESIS, 1, &row(Some("{\"a\":1}")));
        assert_eq!(base.len(), 64);
        assert_eq!(base, entry_hash(GENESIS, 1, &row(Some("{\"a\":1}"))));
        assert_ne!(base, entry_hash(GENESIS, 1, &row(Some("{\"a\":2}"))));
        assert_ne!(base, entry_hash(GENESIS, 2, &row(Some("{\"a\":1}"))));
        assert_ne!(
            base,
            entry_hash(&"1".repeat(64), 1, &row(Some("{\"a\":1}")))
        );
        // Absent and empty are different.
        assert_ne!(
            entry_hash(GENESIS, 1, &row(None)),
            entry_hash(GENESIS, 1, &row(Some("")))
        );
    }
}
