//! Applying a package: trusted sender, once per package, inside the subtree the sender's key
//! speaks for, newer (but plausible) versions only, in the caller's transaction (each record in
//! a savepoint, so one that cannot be written is reported and the rest still apply). A record
//! outside that subtree, a row of another record or a forged version refuses the whole package.

use crate::messages::Text;
use diesel::prelude::*;
use qldv_api_types::changes::{SyncConflict, SyncReport};

use super::guard::{self, int, Bound};
use super::package::{self, Record, Row};
use super::parts;
use crate::auth::{Actor, AuthUser};
use crate::db::schema::{sync_packages, sync_trusted_keys};
use crate::db::{rows, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, Subject};
use crate::models::change;
use crate::models::uow::Uow;

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

fn conflict(record: &Record, local: Option<i64>, code: &str, message: Text) -> Outcome {
    Outcome::Refused(SyncConflict {
        entity: record.entity,
        id: record.id,
        package_version: record.version,
        local_version: local,
        code: code.into(),
        message: message.served(),
    })
}

/// Decides and writes one record (audited).
fn apply_record(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    record: &Record,
) -> AppResult<Outcome> {
    let own = parts::parts(record.entity)[0];
    let incoming = record
        .rows
        .get(own.table)
        .and_then(|r| r.first())
        .ok_or_else(|| crate::messages::sync::record_without_row(record.id))?;
    if int(incoming, own.by) != Some(record.id) {
        return Err(crate::messages::sync::record_inconsistent(record.id));
    }
    let package_version = parts::version_of(record.entity, incoming);
    let local = rows::select(conn, own.table, own.by, record.id)?
        .into_iter()
        .next()
        .and_then(|v| match v {
            serde_json::Value::Object(m) => Some(m),
            _ => None,
        });
    let held = local.as_ref().map(|l| parts::version_of(record.entity, l));
    crate::domain::sync::check_version(held, package_version)?;
    let mut placed = guard::place(conn, bound, record, local.as_ref())?;
    if let Some(local) = &local {
        let held = parts::version_of(record.entity, local);
        if held > package_version {
            return Ok(conflict(
                record,
                Some(held),
                "newer_local_version",
                crate::messages::sync::newer_here(held, package_version),
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
                        crate::messages::sync::diverged(held),
                    )
                },
            );
        }
    }
    if let Err(v) = guard::invariants(record, &placed) {
        return Ok(conflict(record, held, v.code, v.text()));
    }
    let is_candidate = record.entity == qldv_api_types::changes::ChangeEntity::Candidate;
    if is_candidate {
        guard::keep_candidate_identity(conn, &mut placed)?;
    }
    let writes_identity = is_candidate && placed.rows.get("members").is_some_and(|r| !r.is_empty());
    let is_member = record.entity == qldv_api_types::changes::ChangeEntity::Member;
    let write = |c: &mut DbConn| {
        c.transaction(|c| {
            if let Some(old) = &placed.moved_from {
                // An organisation moved inside the subtree: its subtree's paths move with it.
                let delta =
                    crate::domain::tree::depth(&placed.path) - crate::domain::tree::depth(old);
                crate::models::restructure::rebase(c, old, &placed.path, delta)?;
            }
            // The identity first: every other row refers to it (a candidate's file too).
            let mut order: Vec<&parts::Part> = parts::parts(record.entity).iter().collect();
            order.sort_by_key(|p| p.table != "members");
            for part in order {
                for row in placed.rows.get(part.table).into_iter().flatten() {
                    rows::upsert(c, part.table, part.key, row)?;
                }
            }
            Ok::<_, AppError>(())
        })
    };
    let written = if is_member {
        // What the member is counted as in the composition counts may change with the record.
        crate::models::composition_rollup::track(conn, qldv_api_types::MemberId(record.id), |c| {
            Ok(write(c))
        })?
    } else {
        write(conn)
    };
    match written {
        Ok(()) => {
            if is_member || writes_identity {
                use crate::db::schema::members as m;
                let (name, key): (String, String) = m::table
                    .find(record.id)
                    .select((m::name_folded, m::name_sort_key))
                    .first(conn.conn())?;
                crate::models::name_word::set(
                    conn,
                    qldv_api_types::MemberId(record.id),
                    &name,
                    &key,
                )?;
            }
            // The receiver's own feed carries what arrived, and its audit trail who sent it.
            change::note(
                conn,
                record.entity,
                record.id,
                qldv_api_types::audit::AuditAction::Sync,
            )?;
            audit::record(
                conn,
                actor,
                qldv_api_types::audit::AuditAction::SyncApply,
                Subject {
                    entity: record.entity.into(),
                    id: record.id,
                    scope_path: Some(&placed.path),
                },
                local.as_ref(),
                placed.rows.get(own.table).and_then(|r| r.first()),
            )?;
            Ok(Outcome::Applied)
        }
        Err(e) => Ok(conflict(record, held, e.code(), e.detail())),
    }
}

/// The organisations a package's context may create: those its records name, the package's and
/// the key's organisations, and their ancestors (as the context's paths give them); and the
/// key's organisation's own line (itself and its ancestors), the only place a root may be made.
fn context_needed(
    payload: &package::Payload,
    bound: i64,
) -> (
    std::collections::BTreeSet<i64>,
    std::collections::BTreeSet<i64>,
) {
    use crate::domain::tree;
    // Where the package places each organisation it carries or refers to.
    let carried = payload
        .records
        .iter()
        .filter_map(|r| r.rows.get("organizations"))
        .flatten();
    let paths: std::collections::BTreeMap<i64, &str> = payload
        .context
        .iter()
        .chain(carried)
        .filter_map(|row| Some((int(row, "id")?, row.get("path")?.as_str()?)))
        .collect();
    let line = |id: i64| -> Vec<i64> {
        let mut ids = paths.get(&id).map(|p| tree::ids(p)).unwrap_or_default();
        ids.push(id);
        ids
    };
    let named = payload
        .records
        .iter()
        .flat_map(|r| r.rows.values().flatten())
        .flat_map(|row| {
            row.iter()
                .filter(|(column, _)| parts::names_organization(column))
                .filter_map(|(_, value)| value.as_i64())
        })
        .chain(
            payload
                .cell_year
                .iter()
                .flat_map(super::cell_year::CellYear::organizations),
        )
        .chain([payload.organization_id.0, bound]);
    let needed = named.flat_map(line).collect();
    let own_line = line(bound).into_iter().collect();
    (needed, own_line)
}

/// The warning of a package judged by other settings than this installation's, if it is.
fn settings_warning(
    conn: &mut crate::db::DbConn,
    payload: &super::Payload,
) -> AppResult<Option<qldv_api_types::changes::SyncWarning>> {
    use crate::domain::chains::{compare_settings, SyncWarningCode};
    let (version, digest) = crate::models::regulation::fingerprint(conn)?;
    let sender = payload
        .settings_version
        .zip(payload.settings_digest.as_deref());
    Ok(
        compare_settings(sender, &digest).map(|code| qldv_api_types::changes::SyncWarning {
            code,
            message: match code {
                SyncWarningCode::SettingsDiffer => crate::messages::regulations::other_settings(
                    sender.unwrap_or((0, "")),
                    (version, &digest),
                )
                .served(),
                SyncWarningCode::SettingsUnknown => {
                    crate::messages::regulations::unknown_settings(version).served()
                }
            },
        }),
    )
}

/// Applies a package file (call inside a write transaction): refused unless signed by a trusted
/// key; a package applied before changes nothing and returns its first report. `today` is the
/// date dues are settled to.
pub fn apply(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    bytes: &[u8],
    today: chrono::NaiveDate,
) -> AppResult<SyncReport> {
    caller.require_admin()?;
    let opened = package::open(bytes)?;
    let bound: Option<Option<i64>> = sync_trusted_keys::table
        .find(&opened.public_key)
        .select(sync_trusted_keys::organization_id)
        .first(conn.conn())
        .optional()?;
    let Some(bound) = bound else {
        return Err(crate::messages::sync::key_untrusted());
    };
    let Some(bound) = bound else {
        return Err(crate::messages::sync::key_unbound());
    };
    let before: Option<String> = sync_packages::table
        .find(&opened.digest)
        .select(sync_packages::report)
        .first(conn.conn())
        .optional()?;
    if let Some(report) = before {
        let mut report: SyncReport =
            serde_json::from_str(&report).map_err(|e| AppError::internal(e.to_string()))?;
        report.already_applied = true;
        return Ok(report);
    }
    let payload = &opened.payload;
    let mut bound = Bound {
        id: bound,
        path: guard::org_place(conn, bound)?.map(|(_, p)| p),
    };
    // A scoped administrator applies only packages of its own subtree.
    if !bound
        .path
        .as_deref()
        .is_some_and(|p| caller.scope.contains(p))
        && !caller.scope.is_national()
    {
        return Err(crate::messages::sync::outside_scope());
    }
    let package_path = guard::org_place(conn, payload.organization_id.into())?.map(|(_, p)| p);
    crate::domain::sync::check_package_subtree(
        (bound.id, bound.path.as_deref()),
        payload.organization_id.into(),
        package_path.as_deref(),
    )?;
    let actor = caller.actor();
    // Organisations the records refer to: created when missing (placed under their parent
    // here, audited), never changed; only those the records or the key's organisation need, and
    // a root only on the key's organisation's own line.
    let (needed, own_line) = context_needed(payload, bound.id);
    for row in &payload.context {
        let Some(id) = int(row, "id") else { continue };
        if guard::org_place(conn, id)?.is_some() {
            continue;
        }
        if !needed.contains(&id) || (int(row, "parent_id").is_none() && !own_line.contains(&id)) {
            continue; // made up: records naming it (none should) are reported
        }
        crate::domain::sync::check_version(None, int(row, "version").unwrap_or(1))?;
        let parent = int(row, "parent_id");
        let parent_here = match parent {
            Some(p) => guard::org_place(conn, p)?.is_some(),
            None => true,
        };
        if !parent_here {
            continue; // nowhere to place it: records naming it are reported
        }
        let path = guard::path_under(conn, id, parent)?;
        let mut row = row.clone();
        guard::place_org_row(&mut row, &path);
        rows::upsert(conn, "organizations", &["id"], &row)?;
        audit::record::<(), _>(
            conn,
            &actor,
            qldv_api_types::audit::AuditAction::SyncContext,
            Subject {
                entity: qldv_api_types::audit::AuditEntity::Organization,
                id,
                scope_path: Some(&path),
            },
            None,
            Some(&row),
        )?;
        if id == bound.id {
            bound.path = Some(path);
        }
    }
    let mut report = SyncReport {
        digest: opened.digest.clone(),
        sender_key: opened.public_key.clone(),
        organization_id: payload.organization_id.into(),
        since: payload.since.to_string(),
        until: payload.until.to_string(),
        applied: 0,
        unchanged: 0,
        conflicts: vec![],
        already_applied: false,
        sender_settings_version: payload.settings_version,
        warnings: settings_warning(conn, payload)?.into_iter().collect(),
    };
    for record in &payload.records {
        // A kind of record this installation's packages do not carry has no rows to write.
        if !parts::carried(record.entity) {
            continue;
        }
        let outcome = apply_record(conn, &actor, &bound, record)?;
        if record.entity == qldv_api_types::changes::ChangeEntity::Organization
            && record.id == bound.id
        {
            bound.path = guard::org_place(conn, bound.id)?.map(|(_, p)| p);
        }
        match outcome {
            Outcome::Applied => report.applied += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Refused(c) => report.conflicts.push(c),
        }
    }
    if let Some(cell_year) = &payload.cell_year {
        super::cell_year::apply(conn, &actor, &bound, cell_year, today, &mut report)?;
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
        .execute(conn.conn())?;
    let path = rows::select(conn, "organizations", "id", payload.organization_id.0)?
        .first()
        .and_then(|r| r.get("path"))
        .and_then(|p| p.as_str())
        .map(str::to_string);
    audit::record::<(), _>(
        conn,
        &caller.actor(),
        qldv_api_types::audit::AuditAction::SyncImport,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::SyncPackage,
            id: payload.organization_id.into(),
            scope_path: path.as_deref(),
        },
        None,
        Some(&report),
    )?;
    Ok(report)
}
