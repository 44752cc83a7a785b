//! Restructures of the tree: move (and split), merge, dissolve. Each is one transaction: paths
//! rewritten, members moved with their membership periods, the tree's history kept.

use crate::messages::organizations as msg;
use chrono::NaiveDate;
use qldv_api_types::organizations::{DissolveOrganization, MergeOrganization, MoveOrganization};
use qldv_api_types::OrgId;

use crate::auth::{AuthUser, Scope};
use crate::db::DbConn;
use crate::domain::tree::{self, check_child_kind};
use crate::error::AppResult;
use crate::models::audit::{self, Subject};
use crate::models::change;
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::organization::{KindRow, OrganizationRow};
use crate::models::restructure as r;
use crate::models::setting;
use crate::models::uow::Uow;
use crate::services::members::MemberWrite;

fn audit_org(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    action: qldv_api_types::audit::AuditAction,
    before: &OrganizationRow,
    after: &OrganizationRow,
) -> AppResult<()> {
    audit::record(
        conn,
        &caller.actor(),
        action,
        Subject {
            entity: qldv_api_types::audit::AuditEntity::Organization,
            id: after.id.into(),
            scope_path: Some(&after.path),
        },
        Some(before),
        Some(after),
    )
}

fn reload(conn: &mut DbConn, id: OrgId) -> AppResult<OrganizationRow> {
    OrganizationRow::find(conn, &Scope::system(), id)
}

fn open(org: &OrganizationRow, field: &str) -> AppResult<()> {
    if org.valid_to.is_some() {
        return Err(msg::restructure_closed(field, &org.name));
    }
    Ok(())
}

/// 403 when `org` is the root of the caller's scope: moving, merging or dissolving it is the
/// decision of the level above (a national scope has no such root).
fn below_scope_root(
    caller: &AuthUser,
    org: &OrganizationRow,
    doing: msg::Restructuring,
) -> AppResult<()> {
    if caller.scope.strictly_contains(&org.path) {
        Ok(())
    } else {
        Err(msg::scope_root(doing))
    }
}

/// Moves `org` under `parent` (checked in scope and kind), rewriting the subtree's paths.
fn move_under(
    conn: &mut Uow<'_>,
    org: &OrganizationRow,
    parent: &OrganizationRow,
    on: NaiveDate,
    decision_no: &str,
) -> AppResult<()> {
    if tree::is_within(&parent.path, &org.path) {
        return Err(msg::move_into_own_subtree());
    }
    check_child_kind(
        &KindRow::get(conn, &parent.kind)?.facts(),
        &KindRow::get(conn, &org.kind)?.facts(),
    )?;
    let new_path = tree::child_path(&parent.path, org.id);
    r::rebase(conn, &org.path, &new_path, parent.depth + 1 - org.depth)?;
    r::set_parent(conn, org.id, parent.id)?;
    // The organisations below have new paths: the feed carries them too.
    for id in r::descendants(conn, &new_path)? {
        change::note(
            conn,
            qldv_api_types::changes::ChangeEntity::Organization,
            id,
            qldv_api_types::audit::AuditAction::Move,
        )?;
    }
    r::relink(conn, org.id, Some(parent.id), on, decision_no)
}

/// `POST /organizations/{id}/move`.
pub fn move_org(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: OrgId,
    body: &MoveOrganization,
) -> AppResult<OrganizationRow> {
    let before = OrganizationRow::find(conn, &caller.scope, id)?;
    below_scope_root(caller, &before, msg::Restructuring::Move)?;
    let parent = OrganizationRow::find(conn, &caller.scope, body.new_parent_id)?;
    open(&before, "id")?;
    open(&parent, "new_parent_id")?;
    if before.parent_id == Some(parent.id) {
        return Err(msg::same_parent());
    }
    move_under(conn, &before, &parent, body.effective_on, &body.decision_no)?;
    let after = reload(conn, before.id)?;
    audit_org(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Move,
        &before,
        &after,
    )?;
    Ok(after)
}

/// `POST /organizations/{id}/merge`.
pub fn merge(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: OrgId,
    body: &MergeOrganization,
) -> AppResult<OrganizationRow> {
    let source = OrganizationRow::find(conn, &caller.scope, id)?;
    below_scope_root(caller, &source, msg::Restructuring::Merge)?;
    let into = OrganizationRow::find(conn, &caller.scope, body.into_id)?;
    if source.id == into.id || tree::is_within(&into.path, &source.path) {
        return Err(msg::merge_into_own_subtree());
    }
    open(&source, "id")?;
    open(&into, "into_id")?;
    if r::pending_transfers_in(conn, &source.path)? > 0 {
        return Err(msg::transfers_pending());
    }
    // Children move under the successor.
    for child in r::active_children(conn, source.id)? {
        let child = reload(conn, child)?;
        move_under(conn, &child, &into, body.effective_on, &body.decision_no)?;
    }
    // Members move into the successor, each with its dated history.
    let members = r::active_members_of(conn, source.id)?;
    if !members.is_empty() && !KindRow::get(conn, &into.kind)?.holds_members {
        return Err(msg::merge_members_into_cell());
    }
    let settings = setting::at(conn, body.effective_on)?;
    for m in members {
        let row = MemberRow::find(conn, &Scope::system(), m)?;
        let version = row.version;
        let write = MemberWrite::begin(conn, row, version)?;
        member_event::close_membership(
            conn,
            m,
            body.effective_on,
            qldv_api_types::movements::MembershipEnd::Restructured,
        )?;
        member_event::open_membership(
            conn,
            m,
            into.id,
            body.effective_on,
            member_event::Arrival::Restructured,
        )?;
        MemberRow::move_to(conn, m, into.id, &into.path)?;
        change::note(
            conn,
            qldv_api_types::changes::ChangeEntity::Member,
            m,
            qldv_api_types::audit::AuditAction::MovedByRestructure,
        )?;
        write.event(
            conn,
            &caller.actor(),
            &NewEvent {
                member_id: m,
                kind: qldv_api_types::members::MemberEventKind::MovedByRestructure,
                occurred_on: body.effective_on,
                decision_no: Some(&body.decision_no),
                decision_on: Some(body.effective_on),
                deciding_org_id: None,
                organization_id: into.id,
                regulation: &settings.regulation,
                details: Some(
                    serde_json::json!({"from_organization_id": source.id, "to_organization_id": into.id, "merge": true}),
                ),
            },
        )?;
        write
            .refresh(conn)?
            .audited_by(qldv_api_types::audit::AuditAction::Merge);
    }
    let now_source = reload(conn, source.id)?;
    r::close(
        conn,
        source.id,
        body.effective_on,
        Some(into.id.into()),
        &body.decision_no,
    )?;
    let after = reload(conn, source.id)?;
    audit_org(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Merge,
        &now_source,
        &after,
    )?;
    Ok(after)
}

/// `POST /organizations/{id}/dissolve`.
pub fn dissolve(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: OrgId,
    body: &DissolveOrganization,
) -> AppResult<OrganizationRow> {
    let before = OrganizationRow::find(conn, &caller.scope, id)?;
    below_scope_root(caller, &before, msg::Restructuring::Dissolve)?;
    open(&before, "id")?;
    if r::active_members_in(conn, &before.path)? > 0
        || !r::active_children(conn, before.id)?.is_empty()
    {
        return Err(msg::not_empty());
    }
    r::close(conn, before.id, body.effective_on, None, &body.decision_no)?;
    let after = reload(conn, before.id)?;
    audit_org(
        conn,
        caller,
        qldv_api_types::audit::AuditAction::Dissolve,
        &before,
        &after,
    )?;
    Ok(after)
}
