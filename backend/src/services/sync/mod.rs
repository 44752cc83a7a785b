//! Sync packages between installations (a commune's SQLite server and its province's, say):
//! the changes of a subtree since a feed cursor, signed with the sender's Ed25519 key, applied
//! by a receiver that trusts that key in one transaction, once.
//!
//! Records keep their ids across installations; `qldv sync init --id-block N` makes each
//! installation hand out ids from its own block so they never collide. A record is written only
//! when the package's version is newer than the one held here; a newer or diverged local version
//! is reported, never overwritten.

mod apply;
mod cell_year;
mod guard;
mod package;
mod parts;

pub use apply::apply;
pub use cell_year::{CellYear, LiaisonSet, MeetingSet, MemberDues, SheetSet};
pub use package::{open, Envelope, Opened, Payload, Record, Row, SyncKey, FORMAT};
pub use parts::ID_TABLES;

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use qldv_api_types::changes::{ChangeEntity, TrustedKey};
use qldv_api_types::{OrgId, Term};

use crate::auth::{Actor, AuthUser};
use crate::db::schema::{organizations, sync_trusted_keys};
use crate::db::{rows, DbConn};
use crate::domain::tree;
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::change::ChangeRow;
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// Reads the changes of `organization`'s subtree after `since` and seals them into a package:
/// each changed record once, with its rows as they are now.
pub fn export(
    conn: &mut DbConn,
    caller: &AuthUser,
    key: &SyncKey,
    organization: OrgId,
    since: i64,
) -> AppResult<Vec<u8>> {
    let root = OrganizationRow::find(conn, &caller.scope, organization)?;
    let order = |entity: ChangeEntity| {
        ChangeEntity::ALL
            .iter()
            .position(|e| *e == entity)
            .unwrap_or(usize::MAX)
    };
    let mut wanted: BTreeSet<(usize, i64)> = BTreeSet::new();
    let mut until = since;
    loop {
        let page = ChangeRow::after(conn, &caller.scope, Some(&root.path), until, 1000)?;
        let Some(last) = page.last() else { break };
        until = last.seq;
        for c in &page {
            wanted.insert((order(c.entity), c.entity_id));
        }
    }
    // A first package carries the whole subtree, also records older than the feed.
    if since == 0 {
        for (entity, id) in crate::models::change::records_in(conn, &root.path)? {
            wanted.insert((order(entity), id));
        }
    }
    let mut records = Vec::with_capacity(wanted.len());
    for (position, entity) in ChangeEntity::ALL.iter().copied().enumerate() {
        if !parts::carried(entity) {
            continue;
        }
        let ids: Vec<i64> = wanted
            .range((position, i64::MIN)..=(position, i64::MAX))
            .map(|(_, id)| *id)
            .collect();
        records.extend(read_records(conn, entity, &ids)?);
    }
    // The feed says what was once in the subtree; a package carries records as they are now, so
    // only those in the subtree now (a member transferred away is not sent on with their new
    // cell and what happens to them there).
    let mut records = in_scope_now(conn, &root.path, records)?;
    // Parents before children.
    records.sort_by_key(|r| match r.entity {
        ChangeEntity::Organization => (0, path_depth(r), r.id),
        other => (
            1 + ChangeEntity::ALL
                .iter()
                .position(|e| *e == other)
                .unwrap_or(0),
            0,
            r.id,
        ),
    });
    let cell_year = cell_year::export(
        conn,
        &root.path,
        crate::domain::privacy::Privacy::for_role(caller.role),
    )?;
    let context = context(conn, &root, &records, &cell_year.organizations())?;
    let (settings_version, settings_digest) = crate::models::regulation::fingerprint(conn)?;
    key.seal(&Payload {
        format: FORMAT.into(),
        organization_id: root.id,
        since,
        until,
        created_at: chrono::Utc::now(),
        context,
        records,
        settings_version: Some(settings_version),
        settings_digest: Some(settings_digest),
        cell_year: Some(cell_year),
    })
}

/// The records `ids` of `entity` with their rows in every table of the aggregate, read a table
/// at a time (not a query per record).
fn read_records(conn: &mut DbConn, entity: ChangeEntity, ids: &[i64]) -> AppResult<Vec<Record>> {
    let mut by_record: BTreeMap<i64, BTreeMap<String, Vec<Row>>> = BTreeMap::new();
    for part in parts::parts(entity) {
        for row in to_rows(rows::select_in(conn, part.table, part.by, ids)?) {
            if let Some(owner) = row.get(part.by).and_then(serde_json::Value::as_i64) {
                by_record
                    .entry(owner)
                    .or_default()
                    .entry(part.table.to_string())
                    .or_default()
                    .push(row);
            }
        }
    }
    let own = parts::parts(entity)[0].table;
    Ok(by_record
        .into_iter()
        .filter_map(|(id, mut tables)| {
            // A record gone since has no own row (a rolled-back savepoint leaves no change).
            let version = parts::version_of(entity, tables.get(own)?.first()?);
            for part in parts::parts(entity) {
                tables.entry(part.table.to_string()).or_default();
            }
            Some(Record {
                entity,
                id,
                version,
                rows: tables,
            })
        })
        .collect())
}

/// The records that lie in the subtree at `path` now: organisations and members by their
/// current place, a transfer while either side holds it (only the receiver once the member has
/// moved), what hangs on a member by the member's current place.
fn in_scope_now(conn: &mut DbConn, path: &str, records: Vec<Record>) -> AppResult<Vec<Record>> {
    let text = |r: &Record, table: &str, column: &str| -> Option<String> {
        r.rows
            .get(table)?
            .first()?
            .get(column)?
            .as_str()
            .map(str::to_string)
    };
    let owners: BTreeSet<i64> = records
        .iter()
        .filter(|r| owned_by_member(r.entity))
        .filter_map(|r| r.rows.values().flatten().next()?.get("member_id")?.as_i64())
        .collect();
    let owners: Vec<i64> = owners.into_iter().collect();
    let member_paths = crate::models::member::MemberRow::paths_of(conn, &owners)?;
    Ok(records
        .into_iter()
        .filter(|r| match r.entity {
            ChangeEntity::Organization => {
                text(r, "organizations", "path").is_some_and(|p| tree::is_within(&p, path))
            }
            ChangeEntity::Member | ChangeEntity::Candidate => {
                text(r, "members", "org_path").is_some_and(|p| tree::is_within(&p, path))
            }
            ChangeEntity::Transfer => {
                use qldv_api_types::movements::{TransferKind, TransferStatus};
                let moved = text(r, "transfers", "kind").as_deref()
                    == Some(TransferKind::Official.as_str())
                    && text(r, "transfers", "status").as_deref()
                        == Some(TransferStatus::Accepted.as_str());
                let to = text(r, "transfers", "to_path");
                text(r, "transfers", "from_path").is_some_and(|from| {
                    crate::domain::sync::transfer_in_scope(path, &from, to.as_deref(), moved)
                })
            }
            _ => r
                .rows
                .values()
                .flatten()
                .next()
                .and_then(|row| row.get("member_id")?.as_i64())
                .and_then(|m| member_paths.get(&m))
                .is_some_and(|p| tree::is_within(p, path)),
        })
        .collect())
}

fn owned_by_member(entity: ChangeEntity) -> bool {
    matches!(
        entity,
        ChangeEntity::Evaluation
            | ChangeEntity::Card
            | ChangeEntity::Badge
            | ChangeEntity::BadgeProposal
    )
}

fn to_rows(values: Vec<serde_json::Value>) -> Vec<Row> {
    values
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::Object(m) => Some(m),
            _ => None,
        })
        .collect()
}

fn path_depth(r: &Record) -> usize {
    r.rows
        .get("organizations")
        .and_then(|rows| rows.first())
        .and_then(|row| row.get("path"))
        .and_then(|p| p.as_str())
        .map_or(0, |p| tree::ids(p).len())
}

/// The organisations the records refer to but do not carry, with their ancestors, parents first.
fn context(
    conn: &mut DbConn,
    root: &OrganizationRow,
    records: &[Record],
    also: &BTreeSet<i64>,
) -> AppResult<Vec<Row>> {
    let carried: BTreeSet<i64> = records
        .iter()
        .filter(|r| r.entity == ChangeEntity::Organization)
        .map(|r| r.id)
        .collect();
    let mut wanted: BTreeSet<i64> = tree::ids(&root.path).into_iter().collect();
    wanted.extend(also);
    for row in records.iter().flat_map(|r| r.rows.values().flatten()) {
        for (column, value) in row {
            if parts::names_organization(column) {
                if let Some(id) = value.as_i64() {
                    wanted.insert(id);
                }
            }
        }
    }
    let mut by_path: BTreeMap<(usize, i64), Row> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut queue: Vec<i64> = wanted.into_iter().collect();
    while let Some(id) = queue.pop() {
        if carried.contains(&id) || !seen.insert(id) {
            continue;
        }
        let Some(row) = to_rows(rows::select(conn, "organizations", "id", id)?).pop() else {
            continue;
        };
        let path = row.get("path").and_then(|p| p.as_str()).unwrap_or_default();
        let ancestors = tree::ids(path);
        queue.extend(ancestors.iter().copied());
        by_path.insert((ancestors.len(), id), row);
    }
    Ok(by_path.into_values().collect())
}

/// The installations whose packages are accepted.
pub fn trusted(conn: &mut DbConn) -> AppResult<Vec<TrustedKey>> {
    Ok(trusted_since(conn)?.into_iter().map(|(_, k)| k).collect())
}

/// The installations whose packages are accepted, each with when it was trusted, in that order
/// (then by key).
pub fn trusted_since(conn: &mut DbConn) -> AppResult<Vec<(chrono::NaiveDateTime, TrustedKey)>> {
    Ok(sync_trusted_keys::table
        .order((sync_trusted_keys::added_at, sync_trusted_keys::public_key))
        .select((
            sync_trusted_keys::added_at,
            sync_trusted_keys::public_key,
            sync_trusted_keys::name,
            sync_trusted_keys::organization_id,
        ))
        .load::<(chrono::NaiveDateTime, String, String, Option<i64>)>(conn)?
        .into_iter()
        .map(|(added_at, public_key, name, organization_id)| {
            (
                added_at,
                TrustedKey {
                    public_key,
                    name,
                    organization_id,
                },
            )
        })
        .collect())
}

/// Trusts (or renames, or binds again) an installation's key for the subtree of one
/// organisation, audited; 422 unless it is an Ed25519 public key and names the organisation.
/// Whether the caller may (a national administrator) is the caller's check. The organisation
/// need not be here yet: a new installation trusts the key whose first package brings it.
pub fn trust(conn: &mut Uow<'_>, actor: &Actor, key: &TrustedKey) -> AppResult<TrustedKey> {
    if package::public_key(&key.public_key).is_none() {
        return Err(crate::messages::sync::public_key_format());
    }
    let Some(organization_id) = key.organization_id else {
        return Err(crate::messages::sync::key_organization_required());
    };
    let name = key.name.trim();
    let saved = TrustedKey {
        public_key: key.public_key.trim().to_string(),
        name: if name.is_empty() { "?" } else { name }.to_string(),
        organization_id: Some(organization_id),
    };
    let before = trusted(conn)?
        .into_iter()
        .find(|k| k.public_key == saved.public_key);
    diesel::delete(sync_trusted_keys::table.find(&saved.public_key)).execute(conn.conn())?;
    diesel::insert_into(sync_trusted_keys::table)
        .values((
            sync_trusted_keys::public_key.eq(&saved.public_key),
            sync_trusted_keys::name.eq(&saved.name),
            sync_trusted_keys::organization_id.eq(organization_id),
            sync_trusted_keys::added_at.eq(crate::models::now()),
        ))
        .execute(conn.conn())?;
    let path = organizations::table
        .find(organization_id)
        .select(organizations::path)
        .first::<String>(conn.conn())
        .optional()?;
    audit::record(
        conn,
        actor,
        qldv_api_types::audit::AuditAction::SyncTrust,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::SyncKey,
            id: organization_id,
            scope_path: path.as_deref(),
        },
        before.as_ref(),
        Some(&saved),
    )?;
    Ok(saved)
}
