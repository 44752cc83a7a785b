//! The audit trail's hash chain: entries are chained in commit order when their transaction
//! commits, and [`verify`] finds any entry edited, removed or added around the server.
//!
//! The chain is keyed: from the place `keyed_from` on (fixed by the migration that introduced
//! the key), each link is an HMAC-SHA256 under the audit key, a file kept outside the database
//! (`QLDV_AUDIT_KEY_FILE`), so someone who can write the database but cannot read that file
//! cannot recompute a consistent chain after editing, inserting or deleting an entry. Places
//! before `keyed_from` were chained unkeyed (SHA-256) and are checked that way. The boundaries
//! (`legacy_until`, `legacy_unchained`, `keyed_from`) are written by migrations only and are
//! covered by every keyed link, so moving them breaks the chain.

mod verify;

use std::sync::OnceLock;

use diesel::prelude::*;
use hmac::{Hmac, Mac};
use qldv_api_types::AuditEntryId;
use sha2::{Digest, Sha256};

use super::audit::AuditRow;
use crate::db::schema::{audit_chain, audit_log};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

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

/// The key the chain is keyed with (at least 32 bytes, kept outside the database).
#[derive(Clone)]
pub struct AuditKey {
    bytes: Vec<u8>,
    mac: Hmac<Sha256>,
}

impl PartialEq for AuditKey {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

impl AuditKey {
    /// The key of these bytes; refused when shorter than 32 bytes.
    pub fn new(bytes: Vec<u8>) -> Result<Self, String> {
        if bytes.len() < 32 {
            return Err("the audit key must hold at least 32 bytes".into());
        }
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&bytes).map_err(|e| e.to_string())?;
        Ok(Self { bytes, mac })
    }
}

static KEY: OnceLock<AuditKey> = OnceLock::new();

/// Installs this process's audit key, which every write and [`verify`] use (once: installing
/// the same key again is harmless, another one is refused).
pub fn install_key(key: AuditKey) -> Result<(), String> {
    if *KEY.get_or_init(|| key.clone()) == key {
        Ok(())
    } else {
        Err("another audit key is already installed in this process".into())
    }
}

fn key() -> AppResult<&'static AuditKey> {
    KEY.get()
        .ok_or_else(|| AppError::internal("no audit key installed (QLDV_AUDIT_KEY_FILE)"))
}

/// The chain's boundaries, fixed by migrations and never moved at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    /// Entries up to this id predate the chain.
    pub legacy_until: i64,
    /// How many of them were never chained.
    pub legacy_unchained: i64,
    /// The first place chained with the key (places before it are unkeyed SHA-256).
    pub keyed_from: i64,
}

/// The encoding of an entry: the previous hash, its place and every field, each
/// length-prefixed so no two different entries share an encoding.
fn encode(buf: &mut Vec<u8>, prev: &str, seq: i64, row: &AuditRow) {
    field(buf, Some(prev));
    field(buf, Some(&seq.to_string()));
    field(buf, Some(&row.id.to_string()));
    field(
        buf,
        Some(&row.at.format("%Y-%m-%dT%H:%M:%S%.f").to_string()),
    );
    field(buf, row.request_id.as_deref());
    field(buf, row.actor_id.map(|a| a.to_string()).as_deref());
    field(buf, Some(&row.actor_username));
    field(buf, Some(row.action.as_str()));
    field(buf, Some(row.entity.as_str()));
    field(buf, Some(&row.entity_id));
    field(buf, row.scope_path.as_deref());
    field(buf, row.before_data.as_deref());
    field(buf, row.after_data.as_deref());
}

/// SHA-256 (hex) of the previous hash, the entry's place in the chain and every field of the
/// entry: the unkeyed link of the places before the boundary.
pub fn entry_hash(prev: &str, seq: i64, row: &AuditRow) -> String {
    let mut buf = Vec::with_capacity(256);
    encode(&mut buf, prev, seq, row);
    hex::encode(Sha256::digest(&buf))
}

/// HMAC-SHA256 (hex) under `key` of the chain's boundaries, the previous hash, the entry's
/// place and every field of the entry: the keyed link.
pub fn entry_mac(
    key: &AuditKey,
    bounds: &Boundary,
    prev: &str,
    seq: i64,
    row: &AuditRow,
) -> String {
    let mut buf = Vec::with_capacity(320);
    field(&mut buf, Some("qldv-audit-hmac-v1"));
    field(&mut buf, Some(&bounds.legacy_until.to_string()));
    field(&mut buf, Some(&bounds.legacy_unchained.to_string()));
    field(&mut buf, Some(&bounds.keyed_from.to_string()));
    encode(&mut buf, prev, seq, row);
    let mut mac = key.mac.clone();
    mac.update(&buf);
    hex::encode(mac.finalize().into_bytes())
}

/// The migration whose applier binds the boundaries to the key (its version, digits only).
pub const BOUNDARY_MIGRATION: &str = "20261206130001";

/// HMAC-SHA256 (hex) under `key` of the chain's boundaries: written once, when the migration
/// that introduced it is applied by a process holding the key, and checked by [`verify`], so
/// the boundaries cannot be moved (nor the tag wiped) by someone without the key.
pub fn boundary_tag(key: &AuditKey, bounds: &Boundary) -> String {
    let mut buf = Vec::with_capacity(96);
    field(&mut buf, Some("qldv-audit-boundary-v1"));
    field(&mut buf, Some(&bounds.legacy_until.to_string()));
    field(&mut buf, Some(&bounds.legacy_unchained.to_string()));
    field(&mut buf, Some(&bounds.keyed_from.to_string()));
    let mut mac = key.mac.clone();
    mac.update(&buf);
    hex::encode(mac.finalize().into_bytes())
}

/// Binds the boundaries to the installed key; called only by the process that has just applied
/// [`BOUNDARY_MIGRATION`] (never at an ordinary start, where a wiped tag must stay wiped).
pub fn confirm_boundaries(conn: &mut DbConn) -> AppResult<()> {
    let key = key()?;
    let (legacy_until, legacy_unchained, keyed_from): (i64, i64, i64) = audit_chain::table
        .find(1)
        .select((
            audit_chain::legacy_until,
            audit_chain::legacy_unchained,
            audit_chain::keyed_from,
        ))
        .first(conn)?;
    let tag = boundary_tag(
        key,
        &Boundary {
            legacy_until,
            legacy_unchained,
            keyed_from,
        },
    );
    diesel::update(
        audit_chain::table
            .find(1)
            .filter(audit_chain::boundary_tag.is_null()),
    )
    .set(audit_chain::boundary_tag.eq(tag))
    .execute(conn)?;
    Ok(())
}

/// The link of the entry at place `seq`: keyed from the boundary on, unkeyed before it.
fn link_hash(key: &AuditKey, bounds: &Boundary, prev: &str, seq: i64, row: &AuditRow) -> String {
    if seq < bounds.keyed_from {
        entry_hash(prev, seq, row)
    } else {
        entry_mac(key, bounds, prev, seq, row)
    }
}

/// Chains the entries `ids` (those still present: a savepoint may have rolled some back), in id
/// order, after the current head, a few thousand at a time. Runs last in a write transaction:
/// the head's row lock, taken by the first step, is held to the commit, so transactions chain
/// one after another in commit order.
pub fn seal(conn: &mut DbConn, ids: &[AuditEntryId]) -> AppResult<()> {
    let key = key()?;
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
        let (end, stored, legacy_until, legacy_unchained, keyed_from): (
            i64,
            String,
            i64,
            i64,
            i64,
        ) = diesel::update(audit_chain::table.find(1))
            .set(audit_chain::seq.eq(audit_chain::seq + n))
            .returning((
                audit_chain::seq,
                audit_chain::hash,
                audit_chain::legacy_until,
                audit_chain::legacy_unchained,
                audit_chain::keyed_from,
            ))
            .get_result(conn)?;
        let bounds = Boundary {
            legacy_until,
            legacy_unchained,
            keyed_from,
        };
        let mut hash = prev.take().unwrap_or(stored);
        let mut seq = end - n;
        let mut links: Vec<(i64, i64, String)> = Vec::with_capacity(rows.len());
        for row in &rows {
            seq += 1;
            hash = link_hash(key, &bounds, &hash, seq, row);
            links.push((row.id.0, seq, hash.clone()));
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

pub use verify::{verify, verify_database, Verification};

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;

    fn row(after: Option<&str>) -> AuditRow {
        AuditRow {
            id: qldv_api_types::AuditEntryId(7),
            at: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .and_then(|d| d.and_hms_micro_opt(8, 30, 0, 123_456))
                .unwrap_or_default(),
            request_id: Some("r".into()),
            actor_id: Some(qldv_api_types::UserId(1)),
            actor_username: "admin".into(),
            action: qldv_api_types::audit::AuditAction::Update,
            entity: qldv_api_types::audit::AuditEntity::Member,
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

    #[test]
    fn the_keyed_link_depends_on_the_key_and_the_boundaries() {
        let key = |b: u8| AuditKey::new(vec![b; 32]).unwrap();
        assert!(AuditKey::new(vec![1; 31]).is_err());
        let bounds = Boundary {
            legacy_until: 3,
            legacy_unchained: 0,
            keyed_from: 1,
        };
        let r = row(Some("{}"));
        let base = entry_mac(&key(1), &bounds, GENESIS, 1, &r);
        assert_eq!(base.len(), 64);
        assert_eq!(base, entry_mac(&key(1), &bounds, GENESIS, 1, &r));
        assert_ne!(base, entry_hash(GENESIS, 1, &r));
        assert_ne!(base, entry_mac(&key(2), &bounds, GENESIS, 1, &r));
        for moved in [
            Boundary {
                legacy_until: 4,
                ..bounds
            },
            Boundary {
                legacy_unchained: 1,
                ..bounds
            },
            Boundary {
                keyed_from: 2,
                ..bounds
            },
        ] {
            assert_ne!(base, entry_mac(&key(1), &moved, GENESIS, 1, &r));
        }
        // Before the boundary the link is the unkeyed one.
        let later = Boundary {
            keyed_from: 2,
            ..bounds
        };
        assert_eq!(
            link_hash(&key(1), &later, GENESIS, 1, &r),
            entry_hash(GENESIS, 1, &r)
        );
    }
}
