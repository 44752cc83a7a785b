//! The change feed: every write to a published record appends, in its own transaction, the
//! record as the API returns it after the write.
//!
//! Writes *note* what they changed on their unit of work ([`note`], [`super::uow`]); when it
//! commits, each noted record is rendered once, as it stands then, and the changes are appended
//! last ([`super::uow::Notes`]).
//!
//! Commit order: each change takes its sequence number from the `changes` counter with an
//! `UPDATE … RETURNING`. The row lock that update takes is held until the transaction ends, so a
//! second writer asking for a number waits until the first has committed (or rolled back, which
//! also returns its numbers). Sequence order is therefore commit order, and a reader that has seen
//! `n` can never later find a committed change numbered `n` or below that it did not see. SQLite
//! serialises writers anyway; the counter makes PostgreSQL behave the same.

mod cell_year;
mod publish;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::audit::AuditAction;
use qldv_api_types::changes::{Change, ChangeEntity};

use crate::auth::Scope;
use crate::db::schema::{
    badge_proposals, badges, candidate_files, cards, changes, evaluations, members, organizations,
    transfers,
};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::uow::Uow;

/// A stored change.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = changes)]
pub struct ChangeRow {
    /// Position in commit order.
    pub seq: i64,
    /// When.
    pub at: NaiveDateTime,
    /// Kind of record.
    pub entity: ChangeEntity,
    /// Record id.
    pub entity_id: i64,
    /// What was done.
    pub operation: AuditAction,
    /// The record's version after the change.
    pub version: i64,
    /// The organisation path the record belongs to.
    pub scope_path: String,
    /// A second path it also belongs to (a transfer's receiving side).
    pub other_path: Option<String>,
    /// The record as the API returned it (JSON).
    pub resource: String,
}

/// Notes on the unit of work that `operation` changed the record `id` of kind `entity`:
/// published when the work commits, once per record (with the first operation noted other than
/// a generic `update`). Audit entries about records the feed does not publish (accounts, tokens…)
/// never get here ([`qldv_api_types::audit::AuditEntity::feed`]).
pub fn note(
    uow: &mut Uow<'_>,
    entity: ChangeEntity,
    id: impl Into<i64>,
    operation: AuditAction,
) -> AppResult<()> {
    uow.pending().change(entity, id.into(), operation);
    Ok(())
}

/// Publishes the records a unit of work changed, as they stand now (last before its commit).
pub(super) fn publish(
    conn: &mut DbConn,
    items: &[(ChangeEntity, i64, AuditAction)],
) -> AppResult<()> {
    publish::publish(conn, items)
}

impl ChangeRow {
    /// Changes inside the scope (and, optionally, a subtree of it) after `after`, oldest first.
    pub fn after(
        conn: &mut DbConn,
        scope: &Scope,
        subtree: Option<&str>,
        after: i64,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = changes::table.filter(changes::seq.gt(after)).into_boxed();
        let ranges = [
            scope.path_range(),
            subtree.map(crate::domain::tree::subtree_range),
        ];
        for (lo, hi) in ranges.into_iter().flatten() {
            q = q.filter(
                changes::scope_path
                    .ge(lo.clone())
                    .and(changes::scope_path.lt(hi.clone()))
                    .or(changes::other_path
                        .ge(lo)
                        .and(changes::other_path.lt(hi))
                        .assume_not_null()),
            );
        }
        Ok(q.order(changes::seq.asc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The API view, as `privacy`'s reader may see the record (the feed stores it in full).
    pub fn to_dto(&self, privacy: crate::domain::privacy::Privacy) -> Change {
        let mut resource: serde_json::Value =
            serde_json::from_str(&self.resource).unwrap_or(serde_json::Value::Null);
        cell_year::mask(self.entity, &mut resource, privacy);
        Change {
            cursor: self.seq.to_string(),
            entity: self.entity,
            id: self.entity_id,
            operation: self.operation,
            version: self.version,
            at: super::utc(self.at),
            resource,
        }
    }
}

/// Every published record of the subtree at `path` (organisations, members and what hangs on
/// them, candidates' files, transfers from or to it), whether or not the feed has a change for it: what a first
/// sync package carries.
pub fn records_in(conn: &mut DbConn, path: &str) -> AppResult<Vec<(ChangeEntity, i64)>> {
    let (lo, hi) = crate::domain::tree::subtree_range(path);
    let mut out = Vec::new();
    let mut add = |entity: ChangeEntity, ids: Vec<i64>| {
        out.extend(ids.into_iter().map(|id| (entity, id)));
    };
    add(
        ChangeEntity::Organization,
        organizations::table
            .filter(organizations::path.ge(&lo).and(organizations::path.lt(&hi)))
            .select(organizations::id)
            .load(conn)?,
    );
    let in_subtree = members::org_path
        .ge(lo.clone())
        .and(members::org_path.lt(hi.clone()));
    add(
        ChangeEntity::Member,
        members::table
            .filter(in_subtree.clone())
            .filter(members::status.ne(qldv_api_types::members::MemberStatus::Candidate))
            .select(members::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Transfer,
        transfers::table
            .filter(
                transfers::from_path
                    .ge(&lo)
                    .and(transfers::from_path.lt(&hi))
                    .or(transfers::to_path
                        .ge(&lo)
                        .and(transfers::to_path.lt(&hi))
                        .assume_not_null()),
            )
            .select(transfers::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Evaluation,
        evaluations::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(evaluations::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Card,
        cards::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(cards::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::BadgeProposal,
        badge_proposals::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(badge_proposals::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Badge,
        badges::table
            .inner_join(members::table)
            .filter(in_subtree.clone())
            .select(badges::id)
            .load(conn)?,
    );
    add(
        ChangeEntity::Candidate,
        candidate_files::table
            .inner_join(members::table)
            .filter(in_subtree)
            .select(candidate_files::member_id)
            .load(conn)?,
    );
    Ok(out)
}
