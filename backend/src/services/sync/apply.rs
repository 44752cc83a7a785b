//! Applying a package: trusted sender, once per package, newer versions only, in the caller's
//! transaction (each record in a savepoint, so one that cannot be written is reported and the
//! rest still apply).

use diesel::prelude::*;
use qldv_api_types::changes::{SyncConflict, SyncReport};

use super::package::{self, Record, Row};
use super::parts;
use crate::auth::AuthUser;
use crate::db::schema::{sync_packages, sync_trusted_keys};
use crate::db::{rows, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::change;

fn int(row: &Row, column: &str) -> Option<i64> {
    row.get(column).and_then(serde_json::Value::as_i64)
}

/// A timestamp as either engine writes it, for comparison.
fn stamp(row: &Row, column: &str) -> String {
    row.get(column)
        .and_then(|v| v.as_str())
        .map(|s| s.replace('T', " "))
        .unwrap_or_default()
}

enum Outcome {
    Applied,
    Unchanged,
    Refused(SyncConflict),
}

fn conflict(record: &Record, local: Option<i64>, code: &str, message: String) -> Outcome {
    Outcome::Refused(SyncConflict {
        entity: record.entity,
        id: record.id,
        package_version: record.version,
        local_version: local,
        code: code.into(),
        message,
    })
}

/// Decides and writes one record.
fn apply_record(conn: &mut DbConn, record: &Record) -> AppResult<Outcome> {
    let own = parts::parts(record.entity)[0];
    let incoming = record
        .rows
        .get(own.table)
        .and_then(|r| r.first())
        .ok_or_else(|| AppError::Malformed(format!("record {} has no row", record.id)))?;
    if int(incoming, "id") != Some(record.id) {
        return Err(AppError::Malformed(format!(
            "record {} is inconsistent",
            record.id
        )));
    }
    let package_version = parts::version_of(record.entity, incoming);
    let local = rows::select(conn, own.table, "id", record.id)?
        .into_iter()
        .next()
        .and_then(|v| match v {
            serde_json::Value::Object(m) => Some(m),
            _ => None,
        });
    if let Some(local) = &local {
        let held = parts::version_of(record.entity, local);
        if held > package_version {
            return Ok(conflict(
                record,
                Some(held),
                "newer_local_version",
                format!("Bản ghi ở đây (phiên bản {held}) mới hơn bản trong gói ({package_version}): giữ nguyên"),
            ));
        }
        if held == package_version {
            return Ok(
                if stamp(local, "updated_at") == stamp(incoming, "updated_at") {
                    Outcome::Unchanged
                } else {
                    conflict(
                        record,
                        Some(held),
                        "diverged",
                        format!(
                            "Bản ghi đã được sửa ở cả hai nơi (phiên bản {held}): cần đối chiếu"
                        ),
                    )
                },
            );
        }
    }
    let held = local.as_ref().map(|l| parts::version_of(record.entity, l));
    let is_member = record.entity == qldv_api_types::changes::ChangeEntity::Member;
    let write = |c: &mut DbConn| {
        c.transaction(|c| {
            for part in parts::parts(record.entity) {
                for row in record.rows.get(part.table).into_iter().flatten() {
                    rows::upsert(c, part.table, part.key, row)?;
                }
            }
            Ok::<_, AppError>(())
        })
    };
    let written = if is_member {
        // What the member is counted as in the composition counts may change with the record.
        crate::models::composition_rollup::track(conn, record.id, |c| Ok(write(c)))?
    } else {
        write(conn)
    };
    match written {
        Ok(()) => {
            if is_member {
                use crate::db::schema::members as m;
                let (name, key): (String, String) = m::table
                    .find(record.id)
                    .select((m::name_folded, m::name_sort_key))
                    .first(conn)?;
                crate::models::name_word::set(conn, record.id, &name, &key)?;
            }
            // The receiver's own feed carries what arrived.
            change::note(conn, record.entity.as_str(), record.id, "sync")?;
            Ok(Outcome::Applied)
        }
        Err(e) => Ok(conflict(record, held, e.code(), e.to_string())),
    }
}

/// Applies a package file (call inside a write transaction): refused unless signed by a trusted
/// key; a package applied before changes nothing and returns its first report.
pub fn apply(conn: &mut DbConn, caller: &AuthUser, bytes: &[u8]) -> AppResult<SyncReport> {
    caller.require_admin()?;
    let opened = package::open(bytes)?;
    let trusted: bool = diesel::select(diesel::dsl::exists(
        sync_trusted_keys::table.find(&opened.public_key),
    ))
    .get_result(conn)?;
    if !trusted {
        return Err(AppError::Rule(
            "sync_key_untrusted",
            "Gói được ký bởi một cài đặt chưa được tin cậy: thêm khóa của nơi gửi trước (qldv sync trust)".into(),
        ));
    }
    let before: Option<String> = sync_packages::table
        .find(&opened.digest)
        .select(sync_packages::report)
        .first(conn)
        .optional()?;
    if let Some(report) = before {
        let mut report: SyncReport =
            serde_json::from_str(&report).map_err(|e| AppError::internal(e.to_string()))?;
        report.already_applied = true;
        return Ok(report);
    }
    let payload = &opened.payload;
    // Organisations the records refer to: created when missing, never changed.
    for row in &payload.context {
        let Some(id) = int(row, "id") else { continue };
        if rows::select(conn, "organizations", "id", id)?.is_empty() {
            rows::upsert(conn, "organizations", &["id"], row)?;
        }
    }
    let mut report = SyncReport {
        digest: opened.digest.clone(),
        sender_key: opened.public_key.clone(),
        organization_id: payload.organization_id,
        since: payload.since.to_string(),
        until: payload.until.to_string(),
        applied: 0,
        unchanged: 0,
        conflicts: vec![],
        already_applied: false,
    };
    for record in &payload.records {
        match apply_record(conn, record)? {
            Outcome::Applied => report.applied += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Refused(c) => report.conflicts.push(c),
        }
    }
    let text = serde_json::to_string(&report).map_err(|e| AppError::internal(e.to_string()))?;
    diesel::insert_into(sync_packages::table)
        .values((
            sync_packages::digest.eq(&report.digest),
            sync_packages::sender_key.eq(&report.sender_key),
            sync_packages::organization_id.eq(payload.organization_id),
            sync_packages::from_seq.eq(payload.since),
            sync_packages::to_seq.eq(payload.until),
            sync_packages::applied_count.eq(i64::try_from(report.applied).unwrap_or(i64::MAX)),
            sync_packages::conflict_count
                .eq(i64::try_from(report.conflicts.len()).unwrap_or(i64::MAX)),
            sync_packages::report.eq(&text),
            sync_packages::applied_at.eq(crate::models::now()),
        ))
        .execute(conn)?;
    let path = rows::select(conn, "organizations", "id", payload.organization_id)?
        .first()
        .and_then(|r| r.get("path"))
        .and_then(|p| p.as_str())
        .map(str::to_string);
    audit::record::<(), _>(
        conn,
        &caller.actor(),
        "sync_import",
        Subject {
            entity: "sync_package",
            id: payload.organization_id,
            scope_path: path.as_deref(),
        },
        None,
        Some(&report),
    )?;
    Ok(report)
}
