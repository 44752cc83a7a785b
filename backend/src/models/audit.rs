//! The audit trail: every write appends an entry in its unit of work (and, for the records the
//! change feed publishes, notes a change); the entries are chained when the work commits.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::audit as dto;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::OrgId;
use qldv_api_types::{AuditEntryId, UserId};
use serde::Serialize;

use crate::auth::{Actor, Scope};
use crate::db::schema::audit_log;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::uow::Uow;

/// A stored audit entry.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    /// Sequence.
    pub id: AuditEntryId,
    /// When.
    pub at: NaiveDateTime,
    /// Request id.
    pub request_id: Option<String>,
    /// Actor id.
    pub actor_id: Option<UserId>,
    /// Actor name.
    pub actor_username: String,
    /// Action.
    pub action: AuditAction,
    /// Entity kind.
    pub entity: AuditEntity,
    /// Entity id.
    pub entity_id: String,
    /// Path of the organisation the entity belongs to.
    pub scope_path: Option<String>,
    /// JSON before.
    pub before_data: Option<String>,
    /// JSON after.
    pub after_data: Option<String>,
    /// Place in the hash chain (set when the transaction commits).
    pub chain_seq: Option<i64>,
    /// SHA-256 of the previous entry's hash and this entry.
    pub chain_hash: Option<String>,
}

/// What an audit entry is about.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// Entity kind.
    pub entity: AuditEntity,
    /// Entity id.
    pub id: i64,
    /// Path of the organisation it belongs to (for scoped reads of the trail).
    pub scope_path: Option<&'a str>,
}

fn json<T: Serialize>(v: Option<&T>) -> Option<String> {
    v.and_then(|v| serde_json::to_string(v).ok())
}

/// Appends an entry: who did `action` to `subject`, with the record before and after.
pub fn record<B: Serialize, A: Serialize>(
    uow: &mut Uow<'_>,
    actor: &Actor,
    action: AuditAction,
    subject: Subject<'_>,
    before: Option<&B>,
    after: Option<&A>,
) -> AppResult<()> {
    let entity_id = subject.id.to_string();
    let id = insert(
        uow,
        actor,
        action,
        (subject.entity, &entity_id, subject.scope_path),
        json(before),
        json(after),
    )?;
    uow.pending().audited(id);
    match subject.entity.feed() {
        Some(entity) => super::change::note(
            uow,
            entity,
            subject.id,
            subject.entity.feed_operation(action),
        ),
        None => Ok(()),
    }
}

/// Inserts one entry (`entity`, `entity_id`, `scope_path`); its id, for the chain.
fn insert(
    conn: &mut DbConn,
    actor: &Actor,
    action: AuditAction,
    (entity, entity_id, scope_path): (AuditEntity, &str, Option<&str>),
    before: Option<String>,
    after: Option<String>,
) -> AppResult<AuditEntryId> {
    let id: AuditEntryId = diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(super::now()),
            audit_log::request_id.eq(actor.request_id.as_deref()),
            audit_log::actor_id.eq(actor.user_id),
            audit_log::actor_username.eq(&actor.username),
            audit_log::action.eq(action),
            audit_log::entity.eq(entity),
            audit_log::entity_id.eq(entity_id),
            audit_log::scope_path.eq(scope_path),
            audit_log::before_data.eq(before),
            audit_log::after_data.eq(after),
        ))
        .returning(audit_log::id)
        .get_result(conn)?;
    Ok(id)
}

/// Records a sign-in attempt: `sign_in` as the account `user_id` when it succeeded,
/// `sign_in_failed` otherwise (with the account's id when the name is one), with the name typed
/// and the caller's address, never the password.
pub fn sign_in(
    uow: &mut Uow<'_>,
    succeeded: bool,
    user_id: Option<UserId>,
    username: &str,
    address: &str,
) -> AppResult<()> {
    let actor = Actor {
        user_id: user_id.filter(|_| succeeded),
        username: username.to_string(),
        request_id: None,
    };
    let action = if succeeded {
        AuditAction::SignIn
    } else {
        AuditAction::SignInFailed
    };
    let after = serde_json::json!({"username": username, "address": address});
    let id = insert(
        uow,
        &actor,
        action,
        (
            AuditEntity::User,
            &user_id.map_or(0, i64::from).to_string(),
            None,
        ),
        None,
        json(Some(&after)),
    )?;
    uow.pending().audited(id);
    Ok(())
}

/// Records that `caller` exported `what` (`members`, `report/<code>`, `sync`) as `format`, of the
/// organisation `organization_id` (the caller's whole scope when `None`): the entry is filed
/// under that organisation, so administrators of its subtree read it. Called outside a unit of
/// work (an export writes nothing else): the entry is chained at once.
pub fn exported(
    conn: &mut DbConn,
    caller: &crate::auth::AuthUser,
    what: &str,
    format: &str,
    organization_id: Option<OrgId>,
) -> AppResult<()> {
    let (org, path) = match organization_id.or(caller.scope.root_id()) {
        Some(id) => {
            let path = super::organization::OrganizationRow::find(conn, &caller.scope, id)?.path;
            (id, Some(path))
        }
        None => (OrgId(0), None),
    };
    let after = serde_json::json!({"what": what, "format": format, "organization_id": org});
    // One write transaction (BEGIN IMMEDIATE on SQLite) for the entry and its seal: the seal
    // reads the chain's head and then writes, and a deferred transaction doing that fails with
    // "database is locked" when another writer commits in between (seen under the fuzzer's
    // two workers on GET /reports/{code}/export and GET /sync/export).
    crate::db::write_transaction(conn, |c| {
        let id = insert(
            c,
            &caller.actor(),
            AuditAction::Export,
            (AuditEntity::Export, &org.to_string(), path.as_deref()),
            None,
            json(Some(&after)),
        )?;
        super::audit_chain::seal(c, &[id])
    })
}

/// How many entries of `action` an account made since `since` (an allowance counted from the
/// trail itself: nothing to keep in step).
pub fn count_since(
    conn: &mut DbConn,
    actor_id: UserId,
    action: AuditAction,
    since: NaiveDateTime,
) -> AppResult<i64> {
    Ok(audit_log::table
        .filter(audit_log::actor_id.eq(actor_id))
        .filter(audit_log::action.eq(action))
        .filter(audit_log::at.gt(since))
        .count()
        .get_result(conn)?)
}

/// Appends an entry per record of a set, all `action` by `actor`, with each record before and
/// after, in a few statements whatever the number (ids reserved, so that the chain seals them
/// when the transaction commits).
pub fn record_all<B: Serialize, A: Serialize>(
    uow: &mut Uow<'_>,
    actor: &Actor,
    action: AuditAction,
    entries: &[(Subject<'_>, Option<&B>, Option<&A>)],
) -> AppResult<()> {
    use crate::db::bulk::{reserve_ids, Batch};
    let ids = reserve_ids(uow, "audit_log", entries.len())?;
    let at = super::now();
    let columns = [
        "id",
        "at",
        "request_id",
        "actor_id",
        "actor_username",
        "action",
        "entity",
        "entity_id",
        "scope_path",
        "before_data",
        "after_data",
    ];
    let mut batch = Batch::new(uow, "audit_log", &columns).for_rows(entries.len());
    for ((subject, before, after), id) in entries.iter().zip(&ids) {
        let full = batch.push(&[
            (*id).into(),
            at.into(),
            actor.request_id.clone().into(),
            actor.user_id.into(),
            actor.username.as_str().into(),
            action.into(),
            subject.entity.into(),
            subject.id.to_string().into(),
            subject.scope_path.into(),
            json(*before).into(),
            json(*after).into(),
        ]);
        if full {
            batch.flush(uow)?;
        }
    }
    batch.flush(uow)?;
    for id in ids {
        uow.pending().audited(AuditEntryId(id));
    }
    for (subject, _, _) in entries {
        if let Some(entity) = subject.entity.feed() {
            super::change::note(
                uow,
                entity,
                subject.id,
                subject.entity.feed_operation(action),
            )?;
        }
    }
    Ok(())
}

/// Filters of the audit list.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// Entity kind.
    pub entity: Option<AuditEntity>,
    /// Entity id.
    pub entity_id: Option<String>,
}

impl AuditRow {
    /// Entries inside the caller's scope, newest first, before a cursor.
    pub fn list(
        conn: &mut DbConn,
        scope: &Scope,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = audit_log::table.into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(audit_log::scope_path.ge(lo))
                .filter(audit_log::scope_path.lt(hi));
        }
        if let Some(e) = &filter.entity {
            q = q.filter(audit_log::entity.eq(*e));
        }
        if let Some(id) = &filter.entity_id {
            q = q.filter(audit_log::entity_id.eq(id.clone()));
        }
        if let Some(b) = before {
            q = q.filter(audit_log::id.lt(b));
        }
        Ok(q.order(audit_log::id.desc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::AuditEntry {
        let parse = |s: &Option<String>| s.as_deref().and_then(|s| serde_json::from_str(s).ok());
        dto::AuditEntry {
            id: self.id,
            at: super::utc(self.at),
            request_id: self.request_id.clone(),
            actor_id: self.actor_id,
            actor_username: self.actor_username.clone(),
            action: self.action,
            entity: self.entity,
            entity_id: self.entity_id.clone(),
            before: parse(&self.before_data),
            after: parse(&self.after_data),
        }
    }
}
