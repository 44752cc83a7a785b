//! Liaisons in a package: the working end's liaison with its comments, and the comments the
//! residence end wrote (a newer comment replaces an older one; the liaison itself only when the
//! residence organisation is here).

use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::changes::{ChangeEntity, SyncConflict, SyncReport};

use super::super::guard::{self, Bound};
use super::super::package::Row;
use super::apply::{audit_rows, held, member_within, org_within, write_set, Owner};
use super::int;
use crate::auth::Actor;
use crate::db::rows;
use crate::domain::sync_cell_year::{comment_replaces, same_rows};
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::uow::Uow;

/// A liaison of a member of the key's subtree, and its comments.
pub(super) fn liaison(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    set: &super::LiaisonSet,
    report: &mut SyncReport,
) -> AppResult<()> {
    let id = int(&set.liaison, "id").ok_or_else(|| crate::messages::sync::record_without_row(0))?;
    let member = int(&set.liaison, "member_id").unwrap_or_default();
    let what = crate::messages::sync::liaison(id);
    if set
        .comments
        .iter()
        .any(|c| int(c, "liaison_id") != Some(id))
    {
        return Err(crate::messages::sync::record_inconsistent(id));
    }
    let held_row = held(conn, "residence_liaisons", "id", id)?;
    if let Some(other) = held_row.first().and_then(|l| int(l, "member_id")) {
        if other != member {
            return Err(crate::messages::sync::record_inconsistent(id));
        }
    }
    let path = member_within(conn, bound, member, &what)?;
    let owner = Owner {
        entity: ChangeEntity::Member,
        id: member,
        what,
    };
    let mut changed = false;
    if !same_rows(&held_row, std::slice::from_ref(&set.liaison)) {
        let residence = int(&set.liaison, "residence_org_id").unwrap_or_default();
        if guard::org_place(conn, residence)?.is_none() {
            // The residence organisation lies in another installation's tree (another
            // province): the liaison stays with the sender, reported.
            report.conflicts.push(SyncConflict {
                entity: owner.entity,
                id: owner.id,
                package_version: 0,
                local_version: None,
                code: "sync_outside_subtree".into(),
                message: crate::messages::sync::residence_absent(&owner.what, residence).served(),
            });
            return Ok(());
        }
        if write_set(conn, report, &owner, |c| {
            rows::upsert(c, "residence_liaisons", &["id"], &set.liaison)
        })? {
            audit_rows(
                conn,
                actor,
                AuditEntity::Liaison,
                &path,
                &held_row,
                std::slice::from_ref(&set.liaison),
            )?;
        } else {
            return Ok(());
        }
        changed = true;
    }
    let mut comments = 0;
    for c in &set.comments {
        if comment(conn, actor, &path, c)? {
            comments += 1;
        }
    }
    if !changed {
        if comments > 0 {
            report.applied += 1;
        } else {
            report.unchanged += 1;
        }
    }
    Ok(())
}

/// Writes a comment that is newer than the one held here (audited); whether it did.
fn comment(conn: &mut Uow<'_>, actor: &Actor, path: &str, row: &Row) -> AppResult<bool> {
    let liaison = int(row, "liaison_id").unwrap_or_default();
    let year = int(row, "year").unwrap_or_default();
    let held_row = held(conn, "liaison_comments", "liaison_id", liaison)?
        .into_iter()
        .find(|c| int(c, "year") == Some(year));
    let at = |r: &Row| {
        r.get("written_at")
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let incoming = at(row).unwrap_or_default();
    if !comment_replaces(held_row.as_ref().and_then(at).as_deref(), &incoming) {
        return Ok(false);
    }
    rows::upsert(conn, "liaison_comments", &["liaison_id", "year"], row)?;
    audit::record(
        conn,
        actor,
        AuditAction::SyncApply,
        Subject {
            entity: AuditEntity::LiaisonComment,
            id: liaison,
            scope_path: Some(path),
        },
        held_row.as_ref(),
        Some(row),
    )?;
    Ok(true)
}

/// A comment the residence end wrote, on a liaison held here whose residence organisation lies
/// in the key's subtree; a liaison not held here (its member is elsewhere) is passed over.
pub(super) fn residence_comment(
    conn: &mut Uow<'_>,
    actor: &Actor,
    bound: &Bound,
    row: &Row,
    report: &mut SyncReport,
) -> AppResult<()> {
    let id = int(row, "liaison_id").unwrap_or_default();
    let Some(liaison) = held(conn, "residence_liaisons", "id", id)?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    let residence = int(&liaison, "residence_org_id").unwrap_or_default();
    let path = org_within(
        conn,
        bound,
        residence,
        None,
        &crate::messages::sync::liaison(id),
    )?;
    if comment(conn, actor, &path, row)? {
        report.applied += 1;
    } else {
        report.unchanged += 1;
    }
    Ok(())
}
